using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Sites;
using Steward.Infrastructure;

namespace Steward.Features.Registry;

/// <summary>What the request and edit pages share: the account's fields, the people who may manage it,
/// and showing a <see cref="Refusal"/> next to the field it names.</summary>
public abstract class AccountFormPage(StewardDb db) : PageModel
{
    public sealed class AccountInput
    {
        [Required(ErrorMessage = "Choose the platform.")]
        public Platform? Platform { get; set; }

        [StringLength(Limits.Url), Display(Name = "Handle")]
        public string? Handle { get; set; }

        [StringLength(Limits.Url), Display(Name = "Profile address")]
        public string? Url { get; set; }

        [Required(ErrorMessage = "Give the name the account shows."), StringLength(Limits.Name, MinimumLength = 2), Display(Name = "Display name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Choose the kind of account.")]
        public AccountCategory? Category { get; set; }

        [Required(ErrorMessage = "Say what the account is for."), StringLength(Limits.Text, MinimumLength = 3)]
        public string Purpose { get; set; } = "";

        [Required(ErrorMessage = "Name the staff member who runs and monitors the account."), Display(Name = "Manager")]
        public int? ManagerUserId { get; set; }

        [Display(Name = "Backup manager")]
        public int? BackupManagerUserId { get; set; }

        [Display(Name = "Principal notified on")]
        public DateOnly? PrincipalNotifiedOn { get; set; }

        public bool BoosterGuidelinesAttested { get; set; }

        public Guid? RowVersion { get; set; }

        public AccountRequest ToRequest(int siteId) => new(siteId, Platform, Handle, Url, DisplayName, Category, Purpose, ManagerUserId,
            BackupManagerUserId, PrincipalNotifiedOn, BoosterGuidelinesAttested ? true : null, RowVersion);

        public static AccountInput From(Account a) => new()
        {
            Platform = a.Platform, Handle = a.Handle, Url = a.Url, DisplayName = a.DisplayName, Category = a.Category, Purpose = a.Purpose,
            ManagerUserId = a.ManagerUserId, BackupManagerUserId = a.BackupManagerUserId, PrincipalNotifiedOn = a.PrincipalNotifiedOn,
            BoosterGuidelinesAttested = a.BoosterGuidelinesAttested, RowVersion = a.Version,
        };
    }

    public sealed record Person(int Id, string FullName, string Title);

    protected StewardDb Db { get; } = db;

    [BindProperty]
    public AccountInput Input { get; set; } = new();

    public Site? Site { get; protected set; }
    public List<Person> People { get; private set; } = [];

    /// <summary>A refusal that names no field of the form (a stale edit, a site that is not yours).</summary>
    public string? Error { get; protected set; }

    public abstract string SubmitText { get; }

    /// <summary>Active people with a role at the site: those who may run its accounts.</summary>
    protected async Task LoadSiteAsync(int siteId, CancellationToken ct)
    {
        Site = await Db.Sites.AsNoTracking().SingleOrDefaultAsync(s => s.Id == siteId, ct);
        People = await Db.Users.AsNoTracking().Where(u => u.IsActive && u.Roles.Any(r => r.SiteId == siteId))
            .OrderBy(u => u.FullName).Select(u => new Person(u.Id, u.FullName, u.Title)).ToListAsync(ct);
    }

    /// <summary>Puts the refusal next to the field it names ("handle" → Input.Handle), or above the form.</summary>
    protected void Show(Refusal refusal)
    {
        var field = refusal.Field ?? (refusal.Title == "Already registered" ? "handle" : null);
        var key = field switch
        {
            null or "siteId" or "rowVersion" => null,
            _ => "Input." + char.ToUpperInvariant(field[0]) + field[1..],
        };
        if (key is null) Error = refusal.Detail;
        else ModelState.AddModelError(key, refusal.Detail);
    }

    public bool HasError(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;

    public string GroupClass(string key) => HasError(key) ? "usa-form-group usa-form-group--error" : "usa-form-group";

    public string ControlClass(string baseClass, string key) => HasError(key) ? $"{baseClass} {baseClass}--error" : baseClass;

    /// <summary>The site's names and mascot, which booster account names may not use (Booster §3).</summary>
    public string ForbiddenBoosterNames => Site is null ? "" :
        string.Join(", ", new[] { Site.Name }.Concat(Site.Aliases).Append(Site.Mascot).Where(n => !string.IsNullOrWhiteSpace(n)).Distinct().Select(n => $"“{n}”"));

    /// <summary>Errors for the summary above the form, each linking to its field.</summary>
    public IEnumerable<(string Id, string Message)> Errors() =>
        ModelState.Where(kv => kv.Value is { Errors.Count: > 0 })
            .OrderBy(kv => Array.IndexOf(FieldOrder, kv.Key) is var i and >= 0 ? i : FieldOrder.Length)
            .SelectMany(kv => kv.Value!.Errors.Select(e => (Id: kv.Key.Replace('.', '_'), Message: e.ErrorMessage)));

    /// <summary>The order the form shows its fields in, so the summary reads top to bottom.</summary>
    static readonly string[] FieldOrder =
    [
        "Input.Platform", "Input.Handle", "Input.Url", "Input.DisplayName", "Input.Category", "Input.Purpose", "Input.ManagerUserId",
        "Input.BackupManagerUserId", "Input.PrincipalNotifiedOn", "Input.BoosterGuidelinesAttested",
    ];
}

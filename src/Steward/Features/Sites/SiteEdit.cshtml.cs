using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Sites;

public sealed class SiteEditModel(StewardDb db, IAuthorizationService authz, TimeProvider clock) : PageModel
{
    public sealed class SiteInput
    {
        [Required, StringLength(Limits.Code, MinimumLength = 2), RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Use letters, digits and dashes only.")]
        public string Code { get; set; } = "";
        [Required, StringLength(Limits.Name, MinimumLength = 2)]
        public string Name { get; set; } = "";
        public SiteKind Kind { get; set; }
        [StringLength(Limits.Text), Display(Name = "Also known as")]
        public string? Aliases { get; set; }
        [StringLength(Limits.Name)]
        public string? Mascot { get; set; }
        [StringLength(Limits.Phone), Display(Name = "Phone")]
        public string? PublicPhone { get; set; }
        [StringLength(Limits.Email), EmailAddress, Display(Name = "Email")]
        public string? PublicEmail { get; set; }
        [StringLength(Limits.Address), Display(Name = "Address")]
        public string? PublicAddress { get; set; }
        public Guid? RowVersion { get; set; }

        public SiteRequest ToRequest() => new(Code, Name, Kind,
            (Aliases ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
            Mascot, PublicPhone, PublicEmail, PublicAddress, RowVersion);
    }

    [BindProperty(SupportsGet = true)]
    public int? Id { get; set; }

    [BindProperty]
    public SiteInput Input { get; set; } = new();

    public string? Error { get; private set; }
    public bool CanChangeCode => User.Has(Role.DistrictAdmin);

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is null) return User.Has(Role.DistrictAdmin) ? Page() : Forbid();
        var site = await FindAsync();
        if (site is null) return NotFound();
        if (!(await authz.AuthorizeAsync(User, site, SiteOperations.Manage)).Succeeded) return Forbid();
        Input = new SiteInput
        {
            Code = site.Code, Name = site.Name, Kind = site.Kind, Aliases = string.Join('\n', site.Aliases), Mascot = site.Mascot,
            PublicPhone = site.PublicPhone, PublicEmail = site.PublicEmail, PublicAddress = site.PublicAddress, RowVersion = site.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var request = Input.ToRequest();
        if (request.Aliases!.Any(a => a.Length > Limits.Name))
            ModelState.AddModelError("Input.Aliases", $"Each alias has at most {Limits.Name} characters.");
        if (Id is null)
        {
            if (!User.Has(Role.DistrictAdmin)) return Forbid();
            if (!ModelState.IsValid) return Page();
            var (created, conflict) = await SiteCommands.CreateAsync(db, request, clock.GetUtcNow().UtcDateTime, ct);
            if (created is null) { ModelState.AddModelError("Input.Code", conflict!); return Page(); }
            return Redirect("/sites");
        }

        var site = await FindAsync();
        if (site is null) return NotFound();
        if (!(await authz.AuthorizeAsync(User, site, SiteOperations.Manage)).Succeeded) return Forbid();
        if (!ModelState.IsValid) return Page();
        var refusal = await SiteCommands.UpdateAsync(db, site, request, CanChangeCode, ct);
        if (refusal is not null) { Error = refusal.Detail; return Page(); }
        return Redirect("/sites");
    }

    async Task<Site?> FindAsync()
    {
        var site = await db.Sites.SingleOrDefaultAsync(s => s.Id == Id);
        // Another site's record is simply not found.
        return site is not null && (await authz.AuthorizeAsync(User, site, SiteOperations.Read)).Succeeded ? site : null;
    }
}

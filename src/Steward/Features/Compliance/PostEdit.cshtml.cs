using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Registry;
using Steward.Infrastructure;

namespace Steward.Features.Compliance;

/// <summary>Writes or edits a post; every save scans it and shows the findings inline.</summary>
public sealed class PostEditModel(StewardDb db, PostCommands posts) : PageModel
{
    public sealed class PostForm
    {
        [Display(Name = "Account")] public int? AccountId { get; set; }
        [Display(Name = "Post text")] public string? Text { get; set; }
        [Display(Name = "Links")] public string? Links { get; set; }
        [Display(Name = "Students in the photo")] public string? ImageSubjects { get; set; }
        [Display(Name = "Outside organization")] public string? OutsideOrganization { get; set; }
        [Display(Name = "Material owned by others")] public string? ThirdPartyMaterial { get; set; }
        public Guid? RowVersion { get; set; }
    }

    [BindProperty] public PostForm Form { get; set; } = new();
    public Post? Existing { get; private set; }
    public List<Account> Accounts { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, bool saved, bool submitted, CancellationToken ct)
    {
        if (id is { } postId)
        {
            Existing = await LoadPostAsync(postId, ct);
            if (Existing is null) return NotFound();
            if (!await MayWriteAsync(Existing)) return Forbid();
            Form = new PostForm
            {
                AccountId = Existing.AccountId, Text = Existing.Text, Links = string.Join('\n', Existing.Links),
                ImageSubjects = string.Join('\n', Existing.ImageSubjects.Select(s => s.StudentId ?? s.Name)),
                OutsideOrganization = Existing.OutsideOrganization,
                ThirdPartyMaterial = string.Join('\n', Existing.ThirdPartyMaterial.Select(m => m.Owner)), RowVersion = Existing.Version,
            };
            if (saved) Notice = "Saved and scanned.";
            if (submitted) Notice = "Submitted for review.";
        }
        await LoadAccountsAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => SaveAsync(id, submit: false, ct);

    public Task<IActionResult> OnPostSubmitAsync(int? id, CancellationToken ct) => SaveAsync(id, submit: true, ct);

    async Task<IActionResult> SaveAsync(int? id, bool submit, CancellationToken ct)
    {
        if (id is { } postId)
        {
            Existing = await db.Posts.Include(p => p.Account).SingleOrDefaultAsync(p => p.Id == postId, ct);
            if (Existing is null || !await PostCommands.Visible(db.Posts, User).AnyAsync(p => p.Id == postId, ct)) return NotFound();
            if (!await MayWriteAsync(Existing)) return Forbid();
        }
        var request = ToRequest();
        // Plain words for the two things a new post needs, both at once: the commands would only name the first.
        if (Existing is null && Form.AccountId is null) ModelState.AddModelError("Form.AccountId", "Choose the account to post to.");
        var textMissing = string.IsNullOrWhiteSpace(Form.Text);
        if (textMissing) ModelState.AddModelError("Form.Text", "Write the post text.");
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true);
        foreach (var subject in request.ImageSubjects ?? [])
            Validator.TryValidateObject(subject, new ValidationContext(subject), results, validateAllProperties: true);
        foreach (var material in request.ThirdPartyMaterial ?? [])
            Validator.TryValidateObject(material, new ValidationContext(material), results, validateAllProperties: true);
        foreach (var r in results)
            foreach (var member in r.MemberNames.DefaultIfEmpty(""))
            {
                var field = FormField(member);
                if (field == "Form.Text")
                {
                    if (textMissing) continue; // said above
                    ModelState.AddModelError(field, $"Shorten the post text to at most {Post.TextLength} characters.");
                }
                else ModelState.AddModelError(field, r.ErrorMessage ?? "Not valid.");
            }

        Refusal? refusal = null;
        if (ModelState.IsValid)
        {
            if (Existing is null)
            {
                var (created, refused) = await posts.CreateAsync(User, request, ct);
                refusal = refused;
                Existing = created;
            }
            else
            {
                refusal = await posts.EditAsync(User, Existing, request, ct);
            }
            if (refusal is null && submit) refusal = await posts.SubmitAsync(Existing!, ct);
            if (refusal is null) return Redirect($"/posts/{Existing!.Id}/edit?{(submit ? "submitted" : "saved")}=true");
            if (refusal.Field is { } field) ModelState.AddModelError(FormField(field), refusal.Detail);
            else Error = refusal.Detail;
        }
        // Field errors are listed in the form's error summary; this is for a refusal of the whole post.
        if (ModelState.IsValid) Error ??= "The post was not saved.";
        await LoadAccountsAsync(ct);
        return Page();
    }

    PostRequest ToRequest() => new(
        Form.AccountId ?? Existing?.AccountId,
        Form.Text?.ReplaceLineEndings("\n") ?? "",
        Lines(Form.Links),
        Lines(Form.ImageSubjects)?.Select(l => StudentIdLike(l) ? new ImageSubjectRequest(l, null) : new ImageSubjectRequest(null, l)).ToList(),
        string.IsNullOrWhiteSpace(Form.OutsideOrganization) ? null : Form.OutsideOrganization.Trim(),
        Lines(Form.ThirdPartyMaterial)?.Select(l => new MaterialRequest(l)).ToList(),
        Existing is null ? null : Form.RowVersion);

    /// <summary>A roster ID ("10000123") rather than a name: letters, digits and dashes with at least one digit.</summary>
    static bool StudentIdLike(string s) => s.Length <= Student.IdLength && s.Any(char.IsAsciiDigit) && s.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    static List<string>? Lines(string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        return lines.Count == 0 ? null : lines;
    }

    static string FormField(string member)
    {
        var name = member.Length == 0 ? "Text" : char.ToUpperInvariant(member[0]) + member[1..];
        return name switch
        {
            "StudentId" or "Name" => "Form.ImageSubjects",
            "Owner" => "Form.ThirdPartyMaterial",
            _ => "Form." + name,
        };
    }

    Task<bool> MayWriteAsync(Post post) => posts.MayEditAsync(User, post);

    Task<Post?> LoadPostAsync(int id, CancellationToken ct) =>
        PostCommands.Visible(db.Posts.AsNoTracking(), User).Include(p => p.Account).SingleOrDefaultAsync(p => p.Id == id, ct);

    async Task LoadAccountsAsync(CancellationToken ct)
    {
        var candidates = await RegistryCommands.Visible(db.Accounts.AsNoTracking(), User).Where(a => a.Status == AccountStatus.Approved)
            .Include(a => a.Site).OrderBy(a => a.Site!.Code).ThenBy(a => a.DisplayName).Take(500).ToListAsync(ct);
        Accounts = [];
        foreach (var a in candidates)
            if (await posts.MayWriteAsync(User, a)) Accounts.Add(a);
    }
}

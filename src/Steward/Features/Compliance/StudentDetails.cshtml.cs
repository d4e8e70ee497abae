using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;

namespace Steward.Features.Compliance;

/// <summary>A student and their consents; the site's leads record and revoke consents.</summary>
public sealed class StudentDetailsModel(StewardDb db, RosterCommands roster, IAuthorizationService authz) : PageModel
{
    public StudentResponse Student { get; private set; } = null!;

    /// <summary>The posts the reader may see that have this student in their photo, newest first: what to look at
    /// again when a family revokes consent.</summary>
    public List<Post> PhotoPosts { get; private set; } = [];
    public bool MayManage { get; private set; }
    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    public sealed class GrantForm
    {
        [Required(ErrorMessage = "Name the parent or guardian who signed."), StringLength(Consent.GrantedByLength, MinimumLength = 2)]
        [Display(Name = "Signed by (parent or guardian)")]
        public string? GrantedBy { get; set; }

        [Required(ErrorMessage = "Give the date the form was signed."), Display(Name = "Signed on")]
        public DateOnly? GrantedOn { get; set; }

        [Display(Name = "Expires on")]
        public DateOnly? ExpiresOn { get; set; }

        [Required(ErrorMessage = "Say where the signed form is kept."), StringLength(Consent.DocumentLength, MinimumLength = 2)]
        [Display(Name = "Document reference")]
        public string? DocumentReference { get; set; }
    }

    [BindProperty] public GrantForm Grant { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(string studentId, CancellationToken ct) =>
        await LoadAsync(studentId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostGrantAsync(string studentId, CancellationToken ct)
    {
        var student = await FindAsync(studentId, ct);
        if (student is null) return NotFound();
        if (!MayManage) return Forbid();
        if (ModelState.IsValid)
        {
            // The API's own checks, on the trimmed values: the page and the API agree.
            var request = new ConsentRequest(ConsentKind.PhotoWithName, Grant.GrantedBy!, Grant.GrantedOn, Grant.ExpiresOn, Grant.DocumentReference!);
            var results = new List<ValidationResult>();
            if (request.ExpiresOn < request.GrantedOn) ModelState.AddModelError("Grant.ExpiresOn", "The expiry date is on or after the date it was signed.");
            else if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
            {
                foreach (var r in results)
                    foreach (var member in r.MemberNames)
                        ModelState.AddModelError($"Grant.{char.ToUpperInvariant(member[0])}{member[1..]}", r.ErrorMessage ?? "Not valid.");
            }
            else
            {
                var (_, refusal) = await roster.GrantAsync(User, student, request, ct);
                if (refusal is null)
                {
                    Notice = "Consent recorded: the student may now be named with their photo.";
                    Grant = new GrantForm();
                    ModelState.Clear();
                }
                else ModelState.AddModelError(refusal.Field == "expiresOn" ? "Grant.ExpiresOn" : "Grant.GrantedOn", refusal.Detail);
            }
        }
        if (!ModelState.IsValid) Error = "The consent was not recorded: see the fields below.";
        db.ChangeTracker.Clear();
        await LoadAsync(studentId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string studentId, int consentId, CancellationToken ct)
    {
        var student = await FindAsync(studentId, ct);
        var consent = student?.Consents.SingleOrDefault(c => c.Id == consentId);
        if (student is null || consent is null) return NotFound();
        if (!MayManage) return Forbid();
        if (consent.RevokedAt is not null) Error = "That consent was already revoked.";
        else
        {
            await roster.RevokeAsync(User, consent, ct);
            Notice = "Consent revoked. The record is kept. Posts with this student in a photo are listed below: approved ones are "
                + "scanned again before they are published, and published ones stay up until someone takes them down on the platform.";
        }
        db.ChangeTracker.Clear();
        await LoadAsync(studentId, ct);
        return Page();
    }

    async Task<Student?> FindAsync(string studentId, CancellationToken ct)
    {
        if (!RosterCommands.MayReadStudents(User)) return null;
        var student = await ComplianceApi.FindStudentAsync(db, User, studentId, tracked: true, ct);
        if (student is not null) MayManage = (await authz.AuthorizeAsync(User, student, SiteOperations.Lead)).Succeeded;
        return student;
    }

    async Task<bool> LoadAsync(string studentId, CancellationToken ct)
    {
        var student = await FindAsync(studentId, ct);
        if (student is null) return false;
        Student = StudentResponse.From(student, roster.Today, withConsents: true);
        // Subjects are stored as JSON ([{"studentId":"10000102","name":null}]); the quoted ID matches it whole.
        var pattern = "%\"studentId\":\"" + EscapeLike(student.StudentNumber) + "\"%";
        PhotoPosts = await PostCommands.Visible(db.Posts.AsNoTracking(), User)
            .Where(p => EF.Functions.Like(p.ImageSubjectsJson, pattern, "\\"))
            .Include(p => p.Account).OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id).Take(50).ToListAsync(ct);
        return true;
    }

    static string EscapeLike(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

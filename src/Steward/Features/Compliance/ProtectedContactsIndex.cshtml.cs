using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;

namespace Steward.Features.Compliance;

/// <summary>Every staff member's and official's protected home contacts, masked; a DistrictAdmin adds them here.</summary>
[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class ProtectedContactsIndexModel(StewardDb db, ProtectedContactCommands contacts) : PageModel
{
    public sealed record Row(ProtectedContactResponse Contact, string? UserEmail);

    public List<Row> Rows { get; private set; } = [];
    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public ProtectedContactForm Form { get; set; } = new();

    public async Task OnGetAsync(bool removed = false, CancellationToken ct = default)
    {
        if (removed) Notice = "The protected contact was removed. Posts are no longer checked for it.";
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var (found, userId) = await FindUserAsync(db, Form.UserEmail, ct);
            if (!found) ModelState.AddModelError("Form.UserEmail", "No Steward user has that work email.");
            else
            {
                var (contact, refusal) = await contacts.CreateAsync(User, Form.ToRequest(userId, editing: false), ct);
                if (contact is not null)
                {
                    Notice = $"{contact.PersonName}'s home contacts are protected: posts carrying them are blocked.";
                    Form = new ProtectedContactForm();
                    ModelState.Clear();
                }
                else if (ProtectedContactForm.FieldOf("Form", refusal!.Field) is { Length: > 0 } field) ModelState.AddModelError(field, refusal.Detail);
                else Error = refusal.Detail;
            }
        }
        if (!ModelState.IsValid) Error ??= "Nothing was saved: see the fields below. For your safety, phones and addresses are not filled in again.";
        Form.ForgetSecrets();
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>(true, null) for no email; (false, null) for an email nobody has.</summary>
    internal static async Task<(bool Found, int? UserId)> FindUserAsync(StewardDb db, string? email, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(email)) return (true, null);
        var normalized = email.Trim().ToUpperInvariant();
        var id = await db.Users.Where(u => u.NormalizedEmail == normalized).Select(u => (int?)u.Id).SingleOrDefaultAsync(ct);
        return (id is not null, id);
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var all = await db.ProtectedContacts.AsNoTracking().Include(c => c.User).OrderBy(c => c.PersonName).ThenBy(c => c.Id).ToListAsync(ct);
        Rows = all.Select(c => new Row(contacts.Describe(c), c.User?.Email)).ToList();
    }
}

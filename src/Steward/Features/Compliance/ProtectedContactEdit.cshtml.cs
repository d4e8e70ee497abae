using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;

namespace Steward.Features.Compliance;

/// <summary>One protected contact: change who it is for, the official's permission, or replace the phones and
/// addresses (never shown); or remove it.</summary>
[Authorize(Policy = Policies.DistrictAdmin)]
public sealed class ProtectedContactEditModel(StewardDb db, ProtectedContactCommands contacts) : PageModel
{
    public ProtectedContactResponse Contact { get; private set; } = null!;
    public string? Notice { get; private set; }
    public string? Error { get; private set; }

    [BindProperty] public ProtectedContactForm Form { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var contact = await db.ProtectedContacts.AsNoTracking().Include(c => c.User).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return NotFound();
        Fill(contact);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken ct)
    {
        var contact = await db.ProtectedContacts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return NotFound();
        if (ModelState.IsValid)
        {
            var (found, userId) = await ProtectedContactsIndexModel.FindUserAsync(db, Form.UserEmail, ct);
            if (!found) ModelState.AddModelError("Form.UserEmail", "No Steward user has that work email.");
            else if (await contacts.UpdateAsync(User, contact, Form.ToRequest(userId, editing: true), ct) is { } refusal)
            {
                if (ProtectedContactForm.FieldOf("Form", refusal.Field) is { Length: > 0 } field) ModelState.AddModelError(field, refusal.Detail);
                else Error = refusal.Detail;
            }
            else Notice = "Saved. Posts are checked against the new details from now on.";
        }
        if (!ModelState.IsValid) Error ??= "Nothing was saved: see the fields below. For your safety, phones and addresses are not filled in again.";
        db.ChangeTracker.Clear();
        var reloaded = await db.ProtectedContacts.AsNoTracking().Include(c => c.User).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (reloaded is null) return NotFound();
        if (Notice is not null) Fill(reloaded);
        else
        {
            Contact = contacts.Describe(reloaded);
            Form.ForgetSecrets();
        }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        var contact = await db.ProtectedContacts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null) return NotFound();
        await contacts.DeleteAsync(contact, ct);
        return Redirect("/protected-contacts?removed=true");
    }

    void Fill(ProtectedContact c)
    {
        Contact = contacts.Describe(c);
        Form = new ProtectedContactForm
        {
            Owner = c.Owner, PersonName = c.PersonName, UserEmail = c.User?.Email, HasWrittenPermission = c.HasWrittenPermission,
            PermissionDocument = c.PermissionDocument, PermissionGrantedOn = c.PermissionGrantedOn, RowVersion = c.Version,
        };
        ModelState.Clear();
    }
}

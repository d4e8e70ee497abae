using System.ComponentModel.DataAnnotations;
using Steward.Infrastructure;
using Steward.Scanning;

namespace Steward.Features.Compliance;

/// <summary>The pages' form for a protected contact. Phones and addresses are typed one per line and are
/// never filled back in: a page shows them masked only.</summary>
public sealed class ProtectedContactForm
{
    public HomeContactOwner Owner { get; set; } = HomeContactOwner.Staff;

    [StringLength(Limits.Name)]
    public string? PersonName { get; set; }

    [StringLength(Limits.Email)]
    public string? UserEmail { get; set; }

    [StringLength(2000)]
    public string? Phones { get; set; }

    [StringLength(2000)]
    public string? Addresses { get; set; }

    public bool HasWrittenPermission { get; set; }

    [StringLength(ProtectedContact.DocumentLength)]
    public string? PermissionDocument { get; set; }

    public DateOnly? PermissionGrantedOn { get; set; }

    public Guid? RowVersion { get; set; }

    /// <summary>On an edit, empty boxes keep what is on file (null); on a new entry they mean none.</summary>
    static List<string?>? Lines(string? text, bool keepWhenEmpty) => string.IsNullOrWhiteSpace(text)
        ? keepWhenEmpty ? null : []
        : text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).Cast<string?>().ToList();

    public ProtectedContactRequest ToRequest(int? userId, bool editing) => new(Owner, PersonName, userId, Lines(Phones, editing), Lines(Addresses, editing),
        HasWrittenPermission, PermissionDocument, PermissionGrantedOn, RowVersion);

    /// <summary>Forgets what was typed into the secret boxes before a page is shown again.</summary>
    public void ForgetSecrets()
    {
        Phones = null;
        Addresses = null;
    }

    /// <summary>The form field a refusal names ("phones" → "Form.Phones").</summary>
    public static string FieldOf(string prefix, string? apiField) => apiField switch
    {
        "owner" => $"{prefix}.Owner",
        "personName" => $"{prefix}.PersonName",
        "userId" => $"{prefix}.UserEmail",
        "phones" => $"{prefix}.Phones",
        "addresses" => $"{prefix}.Addresses",
        "hasWrittenPermission" => $"{prefix}.HasWrittenPermission",
        "permissionDocument" => $"{prefix}.PermissionDocument",
        "permissionGrantedOn" => $"{prefix}.PermissionGrantedOn",
        _ => "",
    };
}

/// <summary>What the fields partial needs: the form, its prefix, and for an edit what is on file.</summary>
public sealed record ProtectedContactFields(ProtectedContactForm Form, string Prefix, ProtectedContactResponse? OnFile);

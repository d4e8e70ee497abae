namespace Steward.Scanning;

/// <summary>A student from the district roster, with what the scanner needs to know about consent.</summary>
public sealed record RosterStudent
{
    public required string StudentId { get; init; }
    public required string FirstName { get; init; }
    public required string LastName { get; init; }
    public string? PreferredName { get; init; }
    public string? SiteCode { get; init; }

    /// <summary>The family opted out of directory information: the name may not be published at all.</summary>
    public bool DirectoryOptOut { get; init; }

    /// <summary>A current (granted, unexpired, unrevoked) written consent to publish a photo with the name (Privacy §3).</summary>
    public bool HasCurrentPhotoWithNameConsent { get; init; }

    public string DisplayName => $"{PreferredName ?? FirstName} {LastName}";
}

/// <summary>The contacts a site publishes itself; finding them in a post is expected (Info, not Block).</summary>
public sealed record SitePublicContacts
{
    public required string SiteCode { get; init; }
    public IReadOnlyList<string> Phones { get; init; } = [];
    public IReadOnlyList<string> Emails { get; init; } = [];
    public IReadOnlyList<string> Addresses { get; init; } = [];
}

public enum HomeContactOwner
{
    /// <summary>A staff member (Privacy §5): never posted.</summary>
    Staff,

    /// <summary>An elected or appointed official (Privacy §6): posted only with their written permission.</summary>
    Official,
}

/// <summary>A person's home phone numbers and addresses, which must not appear in posts.</summary>
public sealed record HomeContact
{
    public required string PersonName { get; init; }
    public required HomeContactOwner Owner { get; init; }
    public IReadOnlyList<string> Phones { get; init; } = [];
    public IReadOnlyList<string> Addresses { get; init; } = [];

    /// <summary>Only meaningful for officials: their recorded written permission to post these contacts (Privacy §6).</summary>
    public bool HasWrittenPermission { get; init; }
}

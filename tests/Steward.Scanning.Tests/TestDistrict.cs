namespace Steward.Scanning.Tests;

/// <summary>A small district: a handful of students with the consent situations the rules care about.</summary>
internal static class TestDistrict
{
    public static readonly RosterStudent Ana = Student("10000001", "Ana", "García");
    public static readonly RosterStudent Ben = Student("10000002", "Ben", "Lee", consent: true);
    public static readonly RosterStudent Will = Student("10000003", "Will", "Smith");
    public static readonly RosterStudent Grace = Student("10000004", "Grace", "Hope");
    public static readonly RosterStudent MaryKate = Student("10000005", "Mary-Kate", "O'Brien", consent: true);
    public static readonly RosterStudent Jose = Student("10000006", "José", "Núñez");
    public static readonly RosterStudent Olivia = Student("10000007", "Olivia", "Chen", preferred: "Liv", optOut: true);
    public static readonly RosterStudent Richard = Student("10000008", "Richard", "Cox", preferred: "Dick", consent: true);
    public static readonly RosterStudent Lucia = Student("10000009", "Lucía", "Garcia-Lopez");

    public static readonly ScanContext Context = Build();

    public static RosterStudent Student(string id, string first, string last, string? preferred = null,
        bool consent = false, bool optOut = false) => new()
        {
            StudentId = id,
            FirstName = first,
            LastName = last,
            PreferredName = preferred,
            SiteCode = "WHS",
            HasCurrentPhotoWithNameConsent = consent,
            DirectoryOptOut = optOut,
        };

    static ScanContext Build() => ScanContext.CreateBuilder()
        .AddStudents([Ana, Ben, Will, Grace, MaryKate, Jose, Olivia, Richard, Lucia])
        .AddSite(new SitePublicContacts
        {
            SiteCode = "WHS",
            Phones = ["(562) 555-0100"],
            Emails = ["office@whs.lbusd.org"],
            Addresses = ["1500 E. Ocean Blvd., Long Beach, CA 90802"],
        })
        .AllowEmailDomain("lbusd.org")
        .AddHomeContact(new HomeContact
        {
            PersonName = "Pat Rivera",
            Owner = HomeContactOwner.Staff,
            Phones = ["562-555-0177"],
            Addresses = ["742 Evergreen Terrace"],
        })
        .AddHomeContact(new HomeContact
        {
            PersonName = "Trustee Kim",
            Owner = HomeContactOwner.Official,
            Phones = ["562-555-0188"],
        })
        .AddHomeContact(new HomeContact
        {
            PersonName = "Trustee Diaz",
            Owner = HomeContactOwner.Official,
            Phones = ["562-555-0199"],
            HasWrittenPermission = true,
        })
        .Build();

    public static ScanResult Scan(string text) => Context.Scan(text);

    public static ScanResult Scan(Post post) => Context.Scan(post);

    public static IEnumerable<Finding> Of(this ScanResult result, FindingCategory category) =>
        result.Findings.Where(f => f.Category == category);

    public static string Covered(this Finding f, string text) => text.Substring(f.Start, f.Length);
}

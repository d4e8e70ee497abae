using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Steward.Features.Compliance;
using Steward.Features.Registry;
using Steward.Tests.Infrastructure;

namespace Steward.Tests.Features.Compliance;

public sealed record ImportLineDto(int Line, string Error);

public sealed record ImportDto(int Imported, int Updated, int Unchanged, List<ImportLineDto> Rejected);

public sealed record FindingDto(string RuleId, string Category, string PolicyReference, string Severity, int Start, int Length, string Message);

public sealed record ScanDto(string Verdict, List<FindingDto> Findings);

public sealed record ConsentDto(int Id, string Kind, string GrantedBy, DateOnly GrantedOn, DateOnly? ExpiresOn, string DocumentReference,
    DateTime? RevokedAt, int? RevokedByUserId, bool IsCurrent);

public sealed record StudentDto(string StudentId, string FirstName, string LastName, string? PreferredName, int SiteId, string? SiteCode, string? Grade,
    bool DirectoryOptOut, bool HasCurrentPhotoWithNameConsent, List<ConsentDto>? Consents);

public sealed record PostScanDto(string Verdict, List<FindingDto> Findings, DateTime ScannedAt);

public sealed record PostDto(int Id, int AccountId, int SiteId, int AuthorUserId, string Text, List<string> Links, string? OutsideOrganization,
    string Status, PostScanDto Scan, string? Justification, string? RejectionReason, int? DecidedByUserId, DateTime? PublishedAt, Guid RowVersion);

public static class ComplianceData
{
    public const string Header = "studentId,firstName,lastName,preferredName,siteCode,grade,directoryOptOut";

    /// <summary>A made-up name no other test uses, so scans in a shared database find only this test's student.</summary>
    public static string Name()
    {
        const string consonants = "bdfgklmnprstvz";
        const string vowels = "aeiou";
        var sb = new StringBuilder();
        sb.Append(char.ToUpperInvariant(consonants[Random.Shared.Next(consonants.Length)]));
        for (var i = 0; i < 3; i++) sb.Append(vowels[Random.Shared.Next(vowels.Length)]).Append(consonants[Random.Shared.Next(consonants.Length)]);
        return sb.ToString();
    }

    public static string StudentId() => "9" + Random.Shared.NextInt64(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static StringContent CsvBody(string csv) => new(csv, Encoding.UTF8, new MediaTypeHeaderValue("text/csv"));

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient client, string csv) => client.PostAsync("/api/students/import", CsvBody(csv));

    /// <summary>A student stored directly (first name, last name), at the site.</summary>
    public static Task<Student> StudentAsync(this StewardApp app, int siteId, bool optOut = false) => app.WithDbAsync(async db =>
    {
        var student = new Student { StudentNumber = StudentId(), FirstName = Name(), LastName = Name(), SiteId = siteId, Grade = "10", DirectoryOptOut = optOut,
            ImportedAt = DateTime.UtcNow };
        db.Students.Add(student);
        await db.SaveChangesAsync();
        await RosterChangedAsync(app, db);
        return student;
    });

    /// <summary>What an import does after a change: the roster version moves on and this node rebuilds.</summary>
    static async Task RosterChangedAsync(StewardApp app, Steward.Data.StewardDb db)
    {
        await db.Set<ComplianceState>().Where(s => s.Id == 1).ExecuteUpdateAsync(s => s.SetProperty(x => x.RosterVersion, x => x.RosterVersion + 1));
        app.Services.GetRequiredService<ScanContextProvider>().MarkChanged();
    }

    public static Task<Consent> ConsentAsync(this StewardApp app, Student student) => app.WithDbAsync(async db =>
    {
        var consent = new Consent
        {
            StudentId = student.Id, Kind = ConsentKind.PhotoWithName, GrantedBy = "Parent Name", GrantedOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-10)),
            DocumentReference = "FORM-1", RecordedByUserId = 1, RecordedAt = DateTime.UtcNow,
        };
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        await RosterChangedAsync(app, db);
        return consent;
    });

    public static object ConsentBody(string? kind = "PhotoWithName", DateOnly? grantedOn = null, DateOnly? expiresOn = null, string? documentReference = "CONSENT-2026-0042") => new
    {
        kind, grantedBy = "Maria Lopez (mother)", grantedOn = grantedOn ?? DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-3)), expiresOn, documentReference,
    };

    /// <summary>A post stored directly at the account, in the given status, authored by the account's manager.</summary>
    public static Task<Post> PostAsync(this StewardApp app, Account account, PostStatus status, string text = "Great game tonight, Bruins!",
        string? outsideOrganization = null) => app.WithDbAsync(async db =>
    {
        var now = DateTime.UtcNow;
        var post = new Post
        {
            AccountId = account.Id, SiteId = account.SiteId, AuthorUserId = account.ManagerUserId, Text = text, Status = status,
            OutsideOrganization = outsideOrganization, CreatedAt = now, UpdatedAt = now, ScannedAt = now,
            SubmittedAt = status == PostStatus.Draft ? null : now,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        return post;
    });
}

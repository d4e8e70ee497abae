using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.People;
using Steward.Infrastructure;

namespace Steward.Features.Compliance;

/// <summary>Roster import and consents: one implementation behind the API and the pages.</summary>
public sealed class RosterCommands(StewardDb db, TimeProvider clock, ScanContextProvider scanner)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>DistrictAdmin imports any site's students; principals and designees their own sites'.</summary>
    public static bool MayImport(ClaimsPrincipal user) => user.Has(Role.DistrictAdmin) || user.SiteIds(Role.Principal, Role.SiteDesignee).Count > 0;

    /// <summary>Students the caller may see: DistrictAdmin all; site roles their sites'. Other district roles
    /// have no need for student records.</summary>
    public static IQueryable<Student> Visible(IQueryable<Student> students, ClaimsPrincipal user)
    {
        if (user.Has(Role.DistrictAdmin)) return students;
        var sites = user.SiteIds();
        return students.Where(s => sites.Contains(s.SiteId));
    }

    public static bool MayReadStudents(ClaimsPrincipal user) => user.Has(Role.DistrictAdmin) || user.SiteRoles().Any();

    /// <summary>The consent filter's values (<c>consent=</c> on the API and the Students page).</summary>
    public static readonly string[] ConsentFilters = ["current", "none", "expiring"];

    /// <summary>How far ahead "expiring" looks: a consent that ends within this many days is to be renewed.</summary>
    public const int ExpiringDays = 30;

    /// <summary>
    /// Students with a current photo-with-name consent, with none, or with one that ends within
    /// <see cref="ExpiringDays"/> days (to renew before the next photo goes out); null or empty for all.
    /// </summary>
    public static IQueryable<Student> WithConsent(IQueryable<Student> students, string? consent, DateOnly today)
    {
        var soon = today.AddDays(ExpiringDays);
        // The query form of Consent.IsCurrent for a photo-with-name consent.
        Expression<Func<Student, bool>> hasCurrent = s => s.Consents.Any(c => c.Kind == ConsentKind.PhotoWithName && c.RevokedAt == null
            && c.GrantedOn <= today && (c.ExpiresOn == null || c.ExpiresOn >= today));
        return consent switch
        {
            "current" => students.Where(hasCurrent),
            "none" => students.Where(Expression.Lambda<Func<Student, bool>>(Expression.Not(hasCurrent.Body), hasCurrent.Parameters)),
            "expiring" => students.Where(s => s.Consents.Any(c => c.Kind == ConsentKind.PhotoWithName && c.RevokedAt == null
                && c.GrantedOn <= today && c.ExpiresOn != null && c.ExpiresOn >= today && c.ExpiresOn <= soon)),
            _ => students,
        };
    }

    public static IQueryable<Student> Search(IQueryable<Student> students, string? q, int? siteId)
    {
        if (siteId is { } site) students = students.Where(s => s.SiteId == site);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var upper = q.Trim().ToUpperInvariant();
            students = students.Where(s => s.StudentNumber.ToUpper() == upper || s.FirstName.ToUpper().Contains(upper) || s.LastName.ToUpper().Contains(upper)
                || (s.PreferredName != null && s.PreferredName.ToUpper().Contains(upper))
                || (s.FirstName.ToUpper() + " " + s.LastName.ToUpper()).Contains(upper)
                || (s.PreferredName != null && (s.PreferredName.ToUpper() + " " + s.LastName.ToUpper()).Contains(upper)));
        }
        return students;
    }

    /// <summary>Imports a roster file all or nothing: any bad line and nothing is stored; every bad line is reported.</summary>
    public async Task<ImportResult> ImportAsync(ClaimsPrincipal actor, TextReader file, CancellationToken ct)
    {
        var (rows, errors) = RosterCsv.Parse(file);
        if (errors.Count == 0 && rows.Count == 0) errors.Add(new(2, "The file has a header but no students."));

        var sites = await db.Sites.AsNoTracking().Select(s => new { s.Id, s.Code }).ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var isAdmin = actor.Has(Role.DistrictAdmin);
        var led = actor.SiteIds(Role.Principal, Role.SiteDesignee);
        var ids = rows.Select(r => r.StudentId).ToList();
        var existing = new Dictionary<string, Student>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in ids.Chunk(5000))
            foreach (var s in await db.Students.Where(s => chunk.Contains(s.StudentNumber)).ToListAsync(ct))
                existing[s.StudentNumber] = s;

        var valid = new List<(RosterRow Row, int SiteId)>();
        foreach (var row in rows)
        {
            if (!sites.TryGetValue(row.SiteCode, out var siteId))
            {
                errors.Add(new(row.Line, $"SiteCode {row.SiteCode} is not a site of the district."));
                continue;
            }
            if (!isAdmin && !led.Contains(siteId))
            {
                errors.Add(new(row.Line, $"You import students of the sites you lead only, not of {row.SiteCode}."));
                continue;
            }
            if (!isAdmin && existing.TryGetValue(row.StudentId, out var current) && !led.Contains(current.SiteId))
            {
                errors.Add(new(row.Line, $"Student {row.StudentId} is enrolled at another site: that site's principal or a DistrictAdmin moves them."));
                continue;
            }
            valid.Add((row, siteId));
        }
        if (errors.Count > 0) return new ImportResult(0, 0, 0, errors.OrderBy(e => e.Line).ToList());

        int imported = 0, updated = 0, unchanged = 0;
        var now = Now;
        foreach (var (row, siteId) in valid)
        {
            if (existing.TryGetValue(row.StudentId, out var student))
            {
                if (student.FirstName == row.FirstName && student.LastName == row.LastName && student.PreferredName == row.PreferredName
                    && student.SiteId == siteId && student.Grade == row.Grade && student.DirectoryOptOut == row.DirectoryOptOut)
                {
                    unchanged++;
                    continue;
                }
                updated++;
            }
            else
            {
                student = new Student { StudentNumber = row.StudentId, FirstName = "", LastName = "" };
                db.Students.Add(student);
                imported++;
            }
            student.FirstName = row.FirstName;
            student.LastName = row.LastName;
            student.PreferredName = row.PreferredName;
            student.SiteId = siteId;
            student.Grade = row.Grade;
            student.DirectoryOptOut = row.DirectoryOptOut;
            student.ImportedAt = now;
        }
        db.RecordAudit("RosterImported", nameof(Student), "roster", details: new() { ["imported"] = imported, ["updated"] = updated, ["unchanged"] = unchanged });
        try
        {
            await SaveRosterChangeAsync(ct, changed: imported + updated > 0);
        }
        catch (DbUpdateException)
        {
            throw new ConflictException("Another roster import added some of these students at the same moment. Send the file again.");
        }
        return new ImportResult(imported, updated, unchanged, []);
    }

    /// <summary>
    /// Imports signed consent forms all or nothing. A line names a student of a site the caller leads (DistrictAdmin:
    /// any); a form already on file for that student (same document reference, not revoked) is updated if its details
    /// changed and otherwise left alone, so importing the same file twice adds nothing.
    /// </summary>
    public async Task<ImportResult> ImportConsentsAsync(ClaimsPrincipal actor, TextReader file, CancellationToken ct)
    {
        var (rows, errors) = ConsentCsv.Parse(file, Today);
        if (errors.Count == 0 && rows.Count == 0) errors.Add(new(2, "The file has a header but no consents."));

        var isAdmin = actor.Has(Role.DistrictAdmin);
        var led = actor.SiteIds(Role.Principal, Role.SiteDesignee);
        var students = new Dictionary<string, Student>(StringComparer.OrdinalIgnoreCase);
        foreach (var chunk in rows.Select(r => r.StudentId).Distinct().Chunk(5000))
            foreach (var s in await db.Students.Include(s => s.Consents).Where(s => chunk.Contains(s.StudentNumber)).ToListAsync(ct))
                students[s.StudentNumber] = s;

        var valid = new List<(ConsentRow Row, Student Student)>();
        foreach (var row in rows)
        {
            // The same answer for a student elsewhere and for no student: the import does not reveal other sites' rosters.
            if (!students.TryGetValue(row.StudentId, out var student) || (!isAdmin && !led.Contains(student.SiteId)))
                errors.Add(new(row.Line, $"Student {row.StudentId} is not on the roster of a site you lead."));
            else
                valid.Add((row, student));
        }
        if (errors.Count > 0) return new ImportResult(0, 0, 0, errors.OrderBy(e => e.Line).ToList());

        int imported = 0, updated = 0, unchanged = 0;
        var now = Now;
        foreach (var (row, student) in valid)
        {
            var onFile = student.Consents.FirstOrDefault(c => c.RevokedAt is null && c.Kind == row.Kind
                && string.Equals(c.DocumentReference, row.DocumentReference, StringComparison.Ordinal));
            if (onFile is null)
            {
                student.Consents.Add(new Consent
                {
                    Kind = row.Kind, GrantedBy = row.GrantedBy, GrantedOn = row.GrantedOn, ExpiresOn = row.ExpiresOn,
                    DocumentReference = row.DocumentReference, RecordedByUserId = actor.UserId(), RecordedAt = now,
                });
                imported++;
            }
            else if (onFile.GrantedBy == row.GrantedBy && onFile.GrantedOn == row.GrantedOn && onFile.ExpiresOn == row.ExpiresOn)
            {
                unchanged++;
            }
            else
            {
                (onFile.GrantedBy, onFile.GrantedOn, onFile.ExpiresOn) = (row.GrantedBy, row.GrantedOn, row.ExpiresOn);
                updated++;
            }
        }
        db.RecordAudit("ConsentsImported", nameof(Consent), "roster", details: new() { ["imported"] = imported, ["updated"] = updated, ["unchanged"] = unchanged });
        try
        {
            await SaveRosterChangeAsync(ct, changed: imported + updated > 0);
        }
        catch (DbUpdateException)
        {
            // The unique index on current forms: another import recorded some of these at the same moment.
            throw new ConflictException("Another import recorded some of these consent forms at the same moment. Send the file again: forms on file are left as they are.");
        }
        return new ImportResult(imported, updated, unchanged, []);
    }

    public async Task<(Consent? Consent, Refusal? Refusal)> GrantAsync(ClaimsPrincipal actor, Student student, ConsentRequest request, CancellationToken ct)
    {
        if (request.GrantedOn > Today) return (null, Refusal.Invalid("grantedOn", "grantedOn is not in the future: consent is given before a photo is published."));
        if (request.ExpiresOn < Today) return (null, Refusal.Invalid("expiresOn", "expiresOn has passed: record a consent that still holds."));
        var documentReference = request.DocumentReference.Trim();
        if (student.Consents.Any(c => c.RevokedAt is null && c.Kind == request.Kind && c.DocumentReference == documentReference))
            return (null, AlreadyOnFile);
        var consent = new Consent
        {
            StudentId = student.Id, Kind = request.Kind!.Value, GrantedBy = request.GrantedBy.Trim(), GrantedOn = request.GrantedOn!.Value,
            ExpiresOn = request.ExpiresOn, DocumentReference = documentReference, RecordedByUserId = actor.UserId(), RecordedAt = Now,
        };
        student.Consents.Add(consent);
        try
        {
            await SaveRosterChangeAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, AlreadyOnFile); // recorded by someone else at the same moment
        }
        return (consent, null);
    }

    static readonly Refusal AlreadyOnFile = new(409, "Already on file",
        "This signed form (documentReference) is already on file for the student: revoke it first to record it again.", Field: "documentReference");

    public async Task RevokeAsync(ClaimsPrincipal actor, Consent consent, CancellationToken ct)
    {
        consent.Revoke(actor.UserId(), Now);
        await SaveRosterChangeAsync(ct);
    }

    /// <summary>An import that changed nothing still records its audit event, but leaves the version alone: every node
    /// would otherwise rebuild its scanner context for nothing.</summary>
    Task SaveRosterChangeAsync(CancellationToken ct, bool changed = true) =>
        changed ? SaveScannerChangeAsync(db, scanner, ct) : db.SaveChangesAsync(ct);

    /// <summary>Saves and moves the roster version on, in one transaction, so every node rebuilds its scanner
    /// context (roster, consents, protected contacts).</summary>
    internal static async Task SaveScannerChangeAsync(StewardDb db, ScanContextProvider scanner, CancellationToken ct)
    {
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            await db.SaveChangesAsync(ct);
            await db.Set<ComplianceState>().Where(s => s.Id == 1)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.RosterVersion, x => x.RosterVersion + 1), ct);
            await tx.CommitAsync(ct);
        }
        scanner.MarkChanged();
    }
}

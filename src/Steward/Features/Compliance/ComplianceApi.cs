using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Features.Registry;
using Steward.Infrastructure;

namespace Steward.Features.Compliance;

internal static class ComplianceApi
{
    public static IEndpointRouteBuilder MapComplianceApi(this IEndpointRouteBuilder app)
    {
        var students = app.MapGroup("/api/students").WithTags("Compliance");
        students.MapGet("/", ListStudentsAsync);
        students.MapGet("/{studentId}", GetStudentAsync);
        students.MapPost("/import", ImportAsync).WithMetadata(new RequestSizeLimitAttribute(ComplianceLimits.ImportBytes + 1024))
            .Accepts<string>("text/csv");
        app.MapPost("/api/consents/import", ImportConsentsAsync).WithTags("Compliance")
            .WithMetadata(new RequestSizeLimitAttribute(ComplianceLimits.ImportBytes + 1024)).Accepts<string>("text/csv");
        students.MapPost("/{studentId}/consents", GrantAsync).WithMetadata(new RequestSizeLimitAttribute(ComplianceLimits.JsonBytes));
        students.MapDelete("/{studentId}/consents/{consentId:int}", RevokeAsync);

        app.MapPost("/api/compliance/scan", ScanAsync).WithTags("Compliance").WithMetadata(new RequestSizeLimitAttribute(ComplianceLimits.JsonBytes))
            .RequireRateLimiting(ScanRateLimit.Policy);

        var posts = app.MapGroup("/api/posts").WithTags("Compliance").WithMetadata(new RequestSizeLimitAttribute(ComplianceLimits.JsonBytes));
        posts.MapGet("/", ListPostsAsync);
        posts.MapPost("/", CreatePostAsync);
        posts.MapGet("/{id:int}", GetPostAsync);
        posts.MapPut("/{id:int}", EditPostAsync);
        posts.MapPost("/{id:int}/submit", (int id, ClaimsPrincipal user, StewardDb db, PostCommands posts, CancellationToken ct) =>
            ActAsync(id, user, db, posts, decision: false, (p, c) => posts.SubmitAsync(p, c), ct));
        posts.MapPost("/{id:int}/approve", (int id, ApproveRequest? request, ClaimsPrincipal user, StewardDb db, PostCommands posts, CancellationToken ct) =>
            ActAsync(id, user, db, posts, decision: true, (p, c) => posts.ApproveAsync(user, p, request?.Justification, c), ct));
        posts.MapPost("/{id:int}/reject", (int id, RejectRequest request, ClaimsPrincipal user, StewardDb db, PostCommands posts, CancellationToken ct) =>
            ActAsync(id, user, db, posts, decision: true, (p, c) => posts.RejectAsync(user, p, request.Reason, c), ct));
        posts.MapPost("/{id:int}/publish", (int id, ClaimsPrincipal user, StewardDb db, PostCommands posts, CancellationToken ct) =>
            ActAsync(id, user, db, posts, decision: false, (p, c) => posts.PublishAsync(user, p, c), ct));
        return app;
    }

    static readonly IResult NoStudentAccess = TypedResults.Problem(
        "Student records are for those who post and approve: DistrictAdmin and staff with a role at a site.", statusCode: 403, title: "Forbidden");

    static async Task<IResult> ListStudentsAsync(ClaimsPrincipal user, StewardDb db, TimeProvider clock, CancellationToken ct,
        string? q = null, int? siteId = null, int? page = null, int? pageSize = null, string? consent = null)
    {
        if (!RosterCommands.MayReadStudents(user)) return NoStudentAccess;
        if (Paging.Invalid(page, pageSize) is { } invalid) return invalid;
        if (q?.Length > Limits.Name) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [$"q has at most {Limits.Name} characters."] });
        if (!string.IsNullOrEmpty(consent) && !RosterCommands.ConsentFilters.Contains(consent))
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["consent"] = [$"consent is one of {string.Join(", ", RosterCommands.ConsentFilters)} (expiring: ends within {RosterCommands.ExpiringDays} days)."],
            });
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var query = RosterCommands.WithConsent(RosterCommands.Search(RosterCommands.Visible(db.Students.AsNoTracking(), user), q, siteId), consent, today);
        return TypedResults.Ok(await query.Include(s => s.Site).Include(s => s.Consents)
            .OrderBy(s => s.LastName).ThenBy(s => s.FirstName).ThenBy(s => s.StudentNumber)
            .ToPageAsync(page, pageSize, s => StudentResponse.From(s, today), ct));
    }

    static async Task<IResult> GetStudentAsync(string studentId, ClaimsPrincipal user, StewardDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!RosterCommands.MayReadStudents(user)) return NoStudentAccess;
        var student = await FindStudentAsync(db, user, studentId, tracked: false, ct);
        return student is null ? TypedResults.NotFound()
            : TypedResults.Ok(StudentResponse.From(student, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), withConsents: true));
    }

    internal static Task<Student?> FindStudentAsync(StewardDb db, ClaimsPrincipal user, string studentId, bool tracked, CancellationToken ct)
    {
        var id = studentId.Trim().ToUpperInvariant();
        var students = tracked ? db.Students : db.Students.AsNoTracking();
        return RosterCommands.Visible(students, user).Include(s => s.Site).Include(s => s.Consents).SingleOrDefaultAsync(s => s.StudentNumber == id, ct);
    }

    static Task<IResult> ImportAsync(HttpRequest request, ClaimsPrincipal user, RosterCommands roster, CancellationToken ct) =>
        CsvImportAsync(request, user, "roster", (reader, c) => roster.ImportAsync(user, reader, c), ct);

    /// <summary>Signed consent forms in bulk (an addition to API.md): <c>studentId,kind,grantedBy,grantedOn,expiresOn,documentReference</c>.</summary>
    static Task<IResult> ImportConsentsAsync(HttpRequest request, ClaimsPrincipal user, RosterCommands roster, CancellationToken ct) =>
        CsvImportAsync(request, user, "consent", (reader, c) => roster.ImportConsentsAsync(user, reader, c), ct);

    static async Task<IResult> CsvImportAsync(HttpRequest request, ClaimsPrincipal user, string what,
        Func<TextReader, CancellationToken, Task<ImportResult>> import, CancellationToken ct)
    {
        if (!RosterCommands.MayImport(user))
            return TypedResults.Problem($"{char.ToUpperInvariant(what[0])}{what[1..]} files are imported by a DistrictAdmin, or by a principal or designee for their own site.",
                statusCode: 403, title: "Forbidden");
        if (!IsCsv(request.ContentType))
            return TypedResults.Problem($"Send the {what} file as text/csv.", statusCode: 415, title: "Unsupported content type.");
        if (request.ContentLength > ComplianceLimits.ImportBytes) return TooLarge();
        var body = await ReadLimitedAsync(request.Body, ComplianceLimits.ImportBytes, ct);
        if (body is null) return TooLarge();
        using var reader = new StreamReader(new MemoryStream(body), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return ImportAnswer(await import(reader, ct), what);
    }

    /// <summary>A file of bad lines gets the first <see cref="ComplianceLimits.ListedLineErrors"/> and a count, not an answer
    /// larger than the file.</summary>
    internal static IResult ImportAnswer(ImportResult result, string what = "roster") => result.Rejected.Count == 0
        ? TypedResults.Ok(result)
        : TypedResults.Problem($"{result.Rejected.Count} line(s) of the file are not valid; nothing was imported. "
                + (result.Rejected.Count > ComplianceLimits.ListedLineErrors ? $"The first {ComplianceLimits.ListedLineErrors} are listed. " : "")
                + "Fix them and send the whole file again.",
            statusCode: 422, title: $"The {what} file has errors", extensions: new Dictionary<string, object?>
            {
                ["imported"] = 0, ["updated"] = 0, ["unchanged"] = 0,
                ["rejected"] = result.Rejected.Take(ComplianceLimits.ListedLineErrors).ToList(),
                ["rejectedLines"] = result.Rejected.Count,
            });

    static ProblemHttpResult TooLarge() => TypedResults.Problem($"An import file has at most {ComplianceLimits.ImportBytes / (1024 * 1024)} MB; split it by site.",
        statusCode: 413, title: "The request is too large.");

    static bool IsCsv(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, "text/csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    internal static async Task<byte[]?> ReadLimitedAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    static async Task<IResult> GrantAsync(string studentId, ConsentRequest request, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz,
        RosterCommands roster, CancellationToken ct)
    {
        if (!RosterCommands.MayReadStudents(user)) return NoStudentAccess;
        var student = await FindStudentAsync(db, user, studentId, tracked: true, ct);
        if (student is null) return TypedResults.NotFound();
        if (!(await authz.AuthorizeAsync(user, student, SiteOperations.Lead)).Succeeded)
            return TypedResults.Problem("Consents are recorded by the student's site principal or designee, or a DistrictAdmin.", statusCode: 403, title: "Forbidden");
        var (consent, refusal) = await roster.GrantAsync(user, student, request, ct);
        return consent is null ? refusal!.ToResult()
            : TypedResults.Created($"/api/students/{student.StudentNumber}/consents/{consent.Id}", ConsentResponse.From(consent, roster.Today));
    }

    static async Task<IResult> RevokeAsync(string studentId, int consentId, ClaimsPrincipal user, StewardDb db, IAuthorizationService authz,
        RosterCommands roster, CancellationToken ct)
    {
        if (!RosterCommands.MayReadStudents(user)) return NoStudentAccess;
        var student = await FindStudentAsync(db, user, studentId, tracked: true, ct);
        var consent = student?.Consents.SingleOrDefault(c => c.Id == consentId);
        if (student is null || consent is null) return TypedResults.NotFound();
        if (!(await authz.AuthorizeAsync(user, student, SiteOperations.Lead)).Succeeded)
            return TypedResults.Problem("Consents are revoked by the student's site principal or designee, or a DistrictAdmin.", statusCode: 403, title: "Forbidden");
        await roster.RevokeAsync(user, consent, ct);
        return TypedResults.NoContent();
    }

    static async Task<IResult> ScanAsync(ScanRequest request, ClaimsPrincipal user, StewardDb db, PostCommands posts, ScanContextProvider scanner,
        CancellationToken ct)
    {
        if (!user.IsDistrictReader() && !user.SiteRoles().Any())
            return TypedResults.Problem("Scanning is for staff with a role at a site, and district staff.", statusCode: 403, title: "Forbidden");
        if (request.AccountId is { } accountId && !await RegistryCommands.Visible(db.Accounts, user).AnyAsync(a => a.Id == accountId, ct))
            return Refusal.Invalid("accountId", "accountId is not an account you can see.").ToResult();
        if (await posts.CheckSubjectsAsync(user, request.ImageSubjects, ct) is { } badSubjects) return badSubjects.ToResult();
        var result = await scanner.ScanAsync(new Steward.Scanning.Post
        {
            Text = request.Text,
            ImageSubjects = PostCommands.Subjects(request.ImageSubjects).Select(s => new Steward.Scanning.ImageSubject(s.StudentId, s.Name)).ToList(),
            OutsideOrganization = string.IsNullOrWhiteSpace(request.OutsideOrganization) ? null : request.OutsideOrganization.Trim(),
            ThirdPartyMaterial = PostCommands.Material(request.ThirdPartyMaterial).Select(m => new Steward.Scanning.ThirdPartyMaterial(m.Owner)).ToList(),
            Links = PostCommands.Links(request.Links),
        }, ct);
        return TypedResults.Ok(ScanResponse.From(result));
    }

    static async Task<IResult> ListPostsAsync(ClaimsPrincipal user, StewardDb db, CancellationToken ct, int? accountId = null, PostStatus? status = null,
        int? siteId = null, int? page = null, int? pageSize = null)
    {
        if (Paging.Invalid(page, pageSize) is { } invalid) return invalid;
        var query = PostCommands.Visible(db.Posts.AsNoTracking(), user);
        if (accountId is { } account) query = query.Where(p => p.AccountId == account);
        if (status is { } s) query = query.Where(p => p.Status == s);
        if (siteId is { } site) query = query.Where(p => p.SiteId == site);
        return TypedResults.Ok(await query.Include(p => p.Author).OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id)
            .ToPageAsync(page, pageSize, PostResponse.From, ct));
    }

    static async Task<Results<Ok<PostResponse>, NotFound>> GetPostAsync(int id, ClaimsPrincipal user, StewardDb db, CancellationToken ct)
    {
        var post = await PostCommands.Visible(db.Posts.AsNoTracking(), user).Include(p => p.Author).SingleOrDefaultAsync(p => p.Id == id, ct);
        return post is null ? TypedResults.NotFound() : TypedResults.Ok(PostResponse.From(post));
    }

    static async Task<IResult> CreatePostAsync(PostRequest request, ClaimsPrincipal user, StewardDb db, PostCommands posts, CancellationToken ct)
    {
        var (post, refusal) = await posts.CreateAsync(user, request, ct);
        if (post is null) return refusal!.ToResult();
        await db.Entry(post).Reference(p => p.Author).LoadAsync(ct);
        return TypedResults.Created($"/api/posts/{post.Id}", PostResponse.From(post));
    }

    static async Task<IResult> EditPostAsync(int id, PostRequest request, ClaimsPrincipal user, StewardDb db, PostCommands posts, CancellationToken ct)
    {
        var post = await PostCommands.Visible(db.Posts, user).Include(p => p.Account).Include(p => p.Author).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return TypedResults.NotFound();
        if (!await posts.MayEditAsync(user, post)) return NotWriter;
        var refusal = await posts.EditAsync(user, post, request, ct);
        return refusal?.ToResult() ?? TypedResults.Ok(PostResponse.From(post));
    }

    static readonly IResult NotWriter = TypedResults.Problem("Only the post's author, the account's manager or backup, or a lead of its site changes it.",
        statusCode: 403, title: "Forbidden");

    /// <summary>Those who cannot see the post get 404; those who see it but may not act get 403.</summary>
    static async Task<IResult> ActAsync(int id, ClaimsPrincipal user, StewardDb db, PostCommands posts,
        bool decision, Func<Post, CancellationToken, Task<Refusal?>> act, CancellationToken ct)
    {
        var post = await PostCommands.Visible(db.Posts, user).Include(p => p.Account).Include(p => p.Author).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (post is null) return TypedResults.NotFound();
        if (!(decision ? await posts.MayDecideAsync(user, post) : await posts.MayEditAsync(user, post)))
            return decision
                ? TypedResults.Problem(post.NeedsDistrictApproval
                    ? "Content from an outside organization is approved by the Superintendent or designee (DistrictAdmin) alone (Booster §4)."
                    : "Posts are decided by the principal or designee of the account's site, or a DistrictAdmin.", statusCode: 403, title: "Forbidden")
                : NotWriter;
        var refusal = await act(post, ct);
        return refusal?.ToResult() ?? TypedResults.Ok(PostResponse.From(post));
    }
}

/// <summary>Scans per signed-in user per minute (<c>Steward:RateLimits:ScansPerMinute</c>).</summary>
internal static class ScanRateLimit
{
    public const string Policy = "scan";
}

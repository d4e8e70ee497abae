using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Infrastructure;

namespace Steward.Features.Audit;

public sealed record AuditEventResponse(long Id, long Sequence, DateTime OccurredAt, int? ActorUserId, string ActorName, string Action,
    string EntityType, string EntityId, JsonElement Changes, string? Reason, string Hash)
{
    public static AuditEventResponse From(AuditEvent e, ClaimsPrincipal reader)
    {
        using var doc = JsonDocument.Parse(AuditRedaction.ChangesFor(e, reader));
        return new(e.Id, e.Sequence, e.OccurredAt, e.ActorUserId, e.ActorName, e.Action, e.EntityType, e.EntityId,
            doc.RootElement.Clone(), e.Reason, e.Hash);
    }
}

public sealed record AuditVerification(bool Valid, long Count, long? FirstInvalidId, string? Problem);

public sealed record AuditQuery(string? EntityType, string? EntityId, int? ActorUserId, DateTime? From, DateTime? To);

internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(Policies.AuditReader);
        api.MapGet("/", ListAsync);
        api.MapGet("/verify", VerifyAsync);
        return api;
    }

    static async Task<Results<Ok<PageOf<AuditEventResponse>>, ValidationProblem>> ListAsync(ClaimsPrincipal user, StewardDb db, CancellationToken ct,
        string? entityType = null, string? entityId = null, int? actorUserId = null, DateTime? from = null, DateTime? to = null,
        int? page = null, int? pageSize = null)
    {
        if (Paging.Invalid(page, pageSize) is ValidationProblem invalid) return invalid;
        var query = Filter(db.AuditEvents.AsNoTracking(), new AuditQuery(entityType, entityId, actorUserId, from, to));
        return TypedResults.Ok(await query.OrderByDescending(e => e.Sequence).ToPageAsync(page, pageSize, e => AuditEventResponse.From(e, user), ct));
    }

    internal static IQueryable<AuditEvent> Filter(IQueryable<AuditEvent> query, AuditQuery q)
    {
        if (!string.IsNullOrWhiteSpace(q.EntityType)) query = query.Where(e => e.EntityType == q.EntityType);
        if (!string.IsNullOrWhiteSpace(q.EntityId)) query = query.Where(e => e.EntityId == q.EntityId);
        if (q.ActorUserId is { } actor) query = query.Where(e => e.ActorUserId == actor);
        if (q.From is { } from) { var f = from.ToUniversalTime(); query = query.Where(e => e.OccurredAt >= f); }
        if (q.To is { } to) { var t = to.ToUniversalTime(); query = query.Where(e => e.OccurredAt <= t); }
        return query;
    }

    static async Task<Ok<AuditVerification>> VerifyAsync(StewardDb db, CancellationToken ct) =>
        TypedResults.Ok(await VerifyChainAsync(db, ct));

    /// <summary>Walks the chain in order: a gap in the sequence is a deleted event, a hash that does not
    /// match the content is an edited one, and a head beyond the last event is a deleted tail.</summary>
    internal static async Task<AuditVerification> VerifyChainAsync(StewardDb db, CancellationToken ct)
    {
        long count = 0, expected = 1;
        var previous = AuditChain.Genesis;
        await foreach (var e in db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.Sequence != expected)
                return new(false, count, e.Id, $"Events before sequence {e.Sequence} are missing (expected {expected}).");
            if (e.PreviousHash != previous)
                return new(false, count, e.Id, "The event does not follow the hash of the event before it.");
            if (AuditChain.ComputeHash(e) != e.Hash)
                return new(false, count, e.Id, "The event's content does not match its hash: it was edited.");
            previous = e.Hash;
            expected++;
        }
        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == 1, ct);
        if (head is not null && (head.Sequence != expected - 1 || head.Hash != previous))
            return new(false, count, null, $"The chain ends at sequence {expected - 1} but its head records {head.Sequence}: events at the end were deleted.");
        return new(true, count, null, null);
    }
}

/// <summary>
/// Student records, consents and protected home contacts are for those who may read them district-wide (DistrictAdmin):
/// other audit readers see that the event happened, who and when, with every value "[redacted]".
/// </summary>
internal static class AuditRedaction
{
    static readonly HashSet<string> Protected = new(StringComparer.Ordinal)
    {
        nameof(Compliance.Student), nameof(Compliance.Consent), nameof(Compliance.ProtectedContact),
    };

    public static bool AppliesTo(AuditEvent e, ClaimsPrincipal reader) => Protected.Contains(e.EntityType) && !reader.Has(People.Role.DistrictAdmin);

    /// <summary>The event's changes as the reader may see them.</summary>
    public static string ChangesFor(AuditEvent e, ClaimsPrincipal reader)
    {
        var changes = string.IsNullOrEmpty(e.Changes) ? "{}" : e.Changes;
        if (!AppliesTo(e, reader)) return changes;
        if (JsonNode.Parse(changes) is not JsonObject values) return "{}";
        var redacted = new JsonObject();
        foreach (var (name, value) in values)
            redacted[name] = value is JsonObject { Count: 2 } pair && pair.ContainsKey("old") && pair.ContainsKey("new")
                ? new JsonObject { ["old"] = AuditCapture.Redacted, ["new"] = AuditCapture.Redacted }
                : AuditCapture.Redacted;
        return redacted.ToJsonString();
    }
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;
using Steward.Infrastructure;

namespace Steward.Features.Audit;

[Authorize(Policy = Policies.AuditReader)]
public sealed class AuditIndexModel(StewardDb db) : PageModel
{
    const int Size = 50;

    [BindProperty(SupportsGet = true)] public string? EntityType { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public int? ActorUserId { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateTime? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int PageNumber { get; set; } = 1;

    /// <summary>One changed field as people read it: a created value has only <see cref="New"/>.</summary>
    public sealed record Change(string Field, string? Old, string? New, bool IsUpdate);

    public List<AuditEvent> Events { get; private set; } = [];
    /// <summary>The entity types the log holds, for the filter's choices.</summary>
    public List<string> EntityTypes { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Math.Max(1, (Total + Size - 1) / Size);
    public AuditVerification? Verification { get; private set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task OnPostVerifyAsync(CancellationToken ct)
    {
        Verification = await AuditApi.VerifyChainAsync(db, ct);
        await LoadAsync(ct);
    }

    async Task LoadAsync(CancellationToken ct)
    {
        if (PageNumber < 1) PageNumber = 1;
        // A date filter means the whole day: "to 2026-11-29" includes that day.
        var to = To is { } t && t.TimeOfDay == TimeSpan.Zero ? t.AddDays(1).AddTicks(-1) : To;
        var query = AuditApi.Filter(db.AuditEvents.AsNoTracking(),
            new AuditQuery(EntityType, EntityId, ActorUserId, From is { } f ? DateTime.SpecifyKind(f, DateTimeKind.Utc) : null,
                to is { } tt ? DateTime.SpecifyKind(tt, DateTimeKind.Utc) : null));
        Total = await query.CountAsync(ct);
        Events = await query.OrderByDescending(e => e.Sequence).Skip((PageNumber - 1) * Size).Take(Size).ToListAsync(ct);
        // Untracked copies: what this reader may see of student, consent and protected-contact events.
        foreach (var e in Events) e.Changes = AuditRedaction.ChangesFor(e, User);
        EntityTypes = await db.AuditEvents.AsNoTracking().Select(e => e.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
    }

    /// <summary>An event's (already redacted) changes as field, old and new values rather than JSON.</summary>
    public static List<Change> Changes(AuditEvent e)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(string.IsNullOrEmpty(e.Changes) ? "{}" : e.Changes);
        }
        catch (JsonException)
        {
            return [new Change("Changes", null, e.Changes, false)];
        }
        if (root is not JsonObject fields) return [];
        return fields.Select(f => f.Value is JsonObject { Count: 2 } pair && pair.ContainsKey("old") && pair.ContainsKey("new")
            ? new Change(FieldName(f.Key), Value(pair["old"]), Value(pair["new"]), true)
            : new Change(FieldName(f.Key), null, Value(f.Value), false)).ToList();
    }

    /// <summary>"siteId" → "Site id", "photoWithNameConsent" → "Photo with name consent".</summary>
    static string FieldName(string camel)
    {
        var words = System.Text.RegularExpressions.Regex.Replace(camel, "(?<=[a-z0-9])(?=[A-Z])", " ").ToLowerInvariant();
        return words.Length == 0 ? camel : char.ToUpperInvariant(words[0]) + words[1..];
    }

    /// <summary>A value in words: strings without quotes, times as the rest of the pages show them, lists and objects as compact JSON.</summary>
    static string? Value(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var text) =>
            text.Length >= 19 && text[4] == '-' && text[10] == 'T'
            && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var when)
                ? Display.When(when) : text,
        JsonValue v when v.TryGetValue<bool>(out var flag) => flag ? "yes" : "no",
        _ => node.ToJsonString(),
    };

    public string ActorLink(int actor) => QueryString.Create(new Dictionary<string, string?>
    {
        ["entityType"] = EntityType, ["actorUserId"] = actor.ToString(CultureInfo.InvariantCulture),
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["entityType"] = EntityType, ["entityId"] = EntityId, ["actorUserId"] = ActorUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}

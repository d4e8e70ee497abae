using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steward.Data;
using Steward.Features.Auth;

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

    public List<AuditEvent> Events { get; private set; } = [];
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
    }

    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["entityType"] = EntityType, ["entityId"] = EntityId, ["actorUserId"] = ActorUserId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToUriComponent();
}

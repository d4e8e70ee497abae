using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Steward.Features.Audit;

/// <summary>The canonical content of an audit event and its hash. Changing this changes every hash:
/// never do it without a migration that re-anchors the chain.</summary>
internal static class AuditChain
{
    public const string Genesis = "";

    public static string ComputeHash(AuditEvent e)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            json.WriteNumberValue(e.Sequence);
            json.WriteStringValue(e.OccurredAt.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
            if (e.ActorUserId is { } actor) json.WriteNumberValue(actor); else json.WriteNullValue();
            json.WriteStringValue(e.ActorName);
            json.WriteStringValue(e.Action);
            json.WriteStringValue(e.EntityType);
            json.WriteStringValue(e.EntityId);
            json.WriteStringValue(e.Changes);
            json.WriteStringValue(e.Reason);
            json.WriteStringValue(e.PreviousHash);
            json.WriteEndArray();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>PostgreSQL keeps microseconds; truncate so the hash survives a round trip.</summary>
    public static DateTime ToStoredPrecision(DateTime utc) =>
        new(utc.Ticks - utc.Ticks % 10, DateTimeKind.Utc);
}

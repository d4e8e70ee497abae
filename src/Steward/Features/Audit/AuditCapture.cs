using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Steward.Infrastructure;

namespace Steward.Features.Audit;

/// <summary>Turns tracked changes into audit events: what entity, what changed, never a secret value.</summary>
internal static class AuditCapture
{
    public const string Redacted = "[redacted]";

    // Identity's own columns that hold secrets or secret-derived values.
    static readonly HashSet<string> SensitiveNames = new(StringComparer.Ordinal)
    {
        nameof(IdentityUser.PasswordHash), nameof(IdentityUser.SecurityStamp), nameof(IdentityUser.ConcurrencyStamp),
    };

    static readonly HashSet<Type> Skipped = [typeof(AuditEvent), typeof(AuditHead), typeof(DataProtectionKey)];

    internal sealed class Pending
    {
        public required EntityEntry? Entry { get; init; }
        public required string Action { get; init; }
        public required string EntityType { get; init; }
        public string? EntityId { get; init; }
        public required JsonObject Changes { get; init; }
        public string? Reason { get; init; }
        /// <summary>Properties that held a temporary value (a key the database generates) when captured.</summary>
        public List<string> Generated { get; } = [];

        /// <summary>After the save: the real values of generated keys, in place of EF's temporary ones.</summary>
        public void FillGenerated()
        {
            foreach (var name in Generated)
                Changes[Camel(name)] = ToNode(Entry!.Property(name).CurrentValue);
        }

        public string ResolveEntityId()
        {
            if (EntityId is not null) return EntityId;
            if (Entry!.Entity is IAuditedAs audited) return audited.AuditEntityId;
            var key = Entry!.Metadata.FindPrimaryKey();
            if (key is null) return "";
            return string.Join(",", key.Properties.Select(p => Convert.ToString(Entry.Property(p.Name).CurrentValue,
                System.Globalization.CultureInfo.InvariantCulture)));
        }
    }

    public static List<Pending> Capture(ChangeTracker tracker)
    {
        var result = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var clr = entry.Metadata.ClrType;
            if (Skipped.Contains(clr)) continue;

            var changes = new JsonObject();
            var generated = new List<string>();
            foreach (var prop in entry.Properties)
            {
                var name = prop.Metadata.Name;
                if (name == nameof(IVersioned.Version)) continue;
                var sensitive = IsSensitive(clr, prop.Metadata.PropertyInfo, name);
                if (entry.State == EntityState.Added && prop.IsTemporary && !sensitive)
                {
                    // EF's placeholder (e.g. -2147482644): the real key is known only after the save.
                    generated.Add(name);
                    continue;
                }
                switch (entry.State)
                {
                    case EntityState.Added when prop.CurrentValue is not null:
                        changes[Camel(name)] = sensitive ? Redacted : ToNode(prop.CurrentValue);
                        break;
                    case EntityState.Modified when prop.IsModified && !Equals(prop.OriginalValue, prop.CurrentValue):
                        changes[Camel(name)] = new JsonObject
                        {
                            ["old"] = sensitive ? (prop.OriginalValue is null ? null : Redacted) : ToNode(prop.OriginalValue),
                            ["new"] = sensitive ? (prop.CurrentValue is null ? null : Redacted) : ToNode(prop.CurrentValue),
                        };
                        break;
                }
            }
            if (entry.State == EntityState.Modified && changes.Count == 0) continue;

            var pending = new Pending
            {
                Entry = entry,
                Action = entry.State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" },
                EntityType = entry.Entity is IAuditedAs audited ? audited.AuditEntityType : EntityName(clr),
                Changes = changes,
            };
            pending.Generated.AddRange(generated);
            result.Add(pending);
        }
        return result;
    }

    static string EntityName(Type clr) => clr.IsGenericType ? clr.Name[..clr.Name.IndexOf('`', StringComparison.Ordinal)] : clr.Name;

    static bool IsSensitive(Type clr, PropertyInfo? info, string name) =>
        SensitiveNames.Contains(name)
        || info?.GetCustomAttribute<SensitiveAttribute>() is not null
        // Identity's token table holds authenticator keys and recovery codes.
        || (clr.IsGenericType && clr.GetGenericTypeDefinition() == typeof(IdentityUserToken<>) && name == "Value");

    static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    static JsonNode? ToNode(object? value) => value switch
    {
        null => null,
        DateTime d => JsonValue.Create(d.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
        Enum e => JsonValue.Create(e.ToString()),
        _ => JsonSerializer.SerializeToNode(value, value.GetType()),
    };
}

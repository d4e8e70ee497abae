namespace Steward.Infrastructure;

/// <summary>An entity with an app-managed optimistic concurrency token (SQLite has no row versions).
/// The DbContext gives it a new value on every insert and update.</summary>
public interface IVersioned
{
    Guid Version { get; set; }
}

/// <summary>A resource that belongs to one site; authorization decides by that site.</summary>
public interface ISiteScoped
{
    int SiteId { get; }
}

/// <summary>Marks a property whose value never enters an audit event, log or export.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;

/// <summary>An entity audited under another name: e.g. a credential is audited as its account's, so the
/// account's audit trail holds its stores and its reveals together.</summary>
public interface IAuditedAs
{
    string AuditEntityType { get; }
    string AuditEntityId { get; }
}

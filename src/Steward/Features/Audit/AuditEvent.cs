namespace Steward.Features.Audit;

/// <summary>One append-only, hash-chained audit event. <see cref="Hash"/> is the SHA-256 of the
/// canonical content, which includes <see cref="PreviousHash"/>, so editing or deleting any event
/// breaks the chain from there on.</summary>
public sealed class AuditEvent
{
    public long Id { get; set; }
    public long Sequence { get; set; }
    public DateTime OccurredAt { get; set; }
    public int? ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public required string Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public required string Changes { get; set; }
    public string? Reason { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}

/// <summary>The chain's head: the last sequence and hash. It makes a deleted tail detectable and is
/// the row every appender locks, so two nodes never fork the chain.</summary>
public sealed class AuditHead
{
    public int Id { get; set; }
    public long Sequence { get; set; }
    public required string Hash { get; set; }
}

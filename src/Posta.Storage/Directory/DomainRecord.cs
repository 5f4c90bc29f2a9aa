namespace Posta.Storage.Directory;

/// <summary>A hosted domain.</summary>
public sealed record DomainRecord(long Id, string Name, DateTimeOffset Created);

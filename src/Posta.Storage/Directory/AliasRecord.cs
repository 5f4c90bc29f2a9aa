namespace Posta.Storage.Directory;

/// <summary>An alias: a source address or <c>@domain</c> catch-all, and the addresses it expands to.</summary>
public sealed record AliasRecord(string Source, string Domain, IReadOnlyList<string> Targets);

namespace Posta.Imap.Protocol.Commands;

/// <summary>One SORT criterion, optionally REVERSE.</summary>
/// <param name="Key">The key.</param>
/// <param name="Reverse">REVERSE was given.</param>
public readonly record struct SortCriterion(SortKey Key, bool Reverse);

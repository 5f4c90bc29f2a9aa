namespace Posta.Imap.Protocol.Commands;

/// <summary>BEFORE/ON/SINCE, SENTBEFORE/SENTON/SENTSINCE, SAVEDBEFORE/SAVEDON/SAVEDSINCE.</summary>
/// <param name="Field">Which date.</param>
/// <param name="Comparison">How it compares.</param>
/// <param name="Date">The date argument.</param>
public sealed record DateKey(DateField Field, DateComparison Comparison, DateOnly Date) : SearchKey;

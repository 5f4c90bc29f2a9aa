namespace Posta.Directory;

/// <summary>
/// The outcome of resolving one recipient address: the local users it reaches (each once) and the
/// external addresses aliases forward it to.
/// </summary>
public sealed record RecipientResolution(
    RecipientStatus Status,
    IReadOnlyList<LocalRecipient> LocalRecipients,
    IReadOnlyList<string> ExternalTargets)
{
    internal static RecipientResolution Of(RecipientStatus status) => new(status, [], []);
}

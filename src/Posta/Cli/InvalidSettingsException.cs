namespace Posta.Cli;

/// <summary>The configuration has problems; each is one line naming the setting.</summary>
internal sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : Exception($"{problems.Count} invalid setting(s)")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

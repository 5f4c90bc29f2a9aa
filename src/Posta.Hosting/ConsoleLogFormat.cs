namespace Posta.Hosting;

/// <summary>How log lines are written to stderr.</summary>
public enum ConsoleLogFormat
{
    /// <summary>One line per event, UTC timestamp first: for people and journald.</summary>
    Simple,

    /// <summary>One JSON object per line: for log collectors.</summary>
    Json,
}

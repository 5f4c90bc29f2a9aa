namespace Posta.Imap.Protocol.Commands;

/// <summary>How a <see cref="DateKey"/> compares (dates only, time and zone ignored: RFC 9051 §6.4.4).</summary>
public enum DateComparison
{
    /// <summary>Earlier than the date.</summary>
    Before,

    /// <summary>Within the date.</summary>
    On,

    /// <summary>Within or later than the date.</summary>
    Since,
}

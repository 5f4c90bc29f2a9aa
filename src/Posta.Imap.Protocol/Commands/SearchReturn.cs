namespace Posta.Imap.Protocol.Commands;

/// <summary>SEARCH RETURN options (RFC 4731 ESEARCH, RFC 5182 SEARCHRES, RFC 9051 §6.4.4).</summary>
[Flags]
public enum SearchReturn
{
    /// <summary>RETURN () : the same as ALL.</summary>
    None = 0,

    /// <summary>MIN.</summary>
    Min = 1,

    /// <summary>MAX.</summary>
    Max = 2,

    /// <summary>ALL.</summary>
    All = 4,

    /// <summary>COUNT.</summary>
    Count = 8,

    /// <summary>SAVE.</summary>
    Save = 16,
}

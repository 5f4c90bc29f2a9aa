namespace Posta.Imap.Protocol.Commands;

/// <summary>LIST selection options (RFC 5258 §3.1, RFC 6154 §5.2).</summary>
[Flags]
public enum ListSelection
{
    /// <summary>No selection option.</summary>
    None = 0,

    /// <summary>SUBSCRIBED.</summary>
    Subscribed = 1,

    /// <summary>REMOTE.</summary>
    Remote = 2,

    /// <summary>RECURSIVEMATCH.</summary>
    RecursiveMatch = 4,

    /// <summary>SPECIAL-USE.</summary>
    SpecialUse = 8,
}

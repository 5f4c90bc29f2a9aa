namespace Posta.Imap.Protocol.Commands;

/// <summary>LIST return options other than STATUS (RFC 5258 §3.2, RFC 6154 §5.1).</summary>
[Flags]
public enum ListReturn
{
    /// <summary>No return option.</summary>
    None = 0,

    /// <summary>SUBSCRIBED.</summary>
    Subscribed = 1,

    /// <summary>CHILDREN.</summary>
    Children = 2,

    /// <summary>SPECIAL-USE.</summary>
    SpecialUse = 4,
}

namespace Posta.Storage;

/// <summary>How a STORE combines the given flags with the message's (RFC 9051 §6.4.6).</summary>
public enum FlagChangeMode
{
    /// <summary>FLAGS: replace all flags and keywords.</summary>
    Replace,

    /// <summary>+FLAGS: add.</summary>
    Add,

    /// <summary>-FLAGS: remove.</summary>
    Remove,
}

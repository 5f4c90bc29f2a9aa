namespace Posta.Storage;

/// <summary>
/// An inclusive range of UIDs. As in an IMAP sequence set, <c>5:3</c> means <c>3:5</c>; the IMAP
/// layer turns <c>*</c> into a number before asking the store.
/// </summary>
public readonly record struct UidRange
{
    /// <summary>Creates the range between two UIDs, in either order.</summary>
    public UidRange(uint first, uint last)
    {
        ArgumentOutOfRangeException.ThrowIfZero(first);
        ArgumentOutOfRangeException.ThrowIfZero(last);
        First = Math.Min(first, last);
        Last = Math.Max(first, last);
    }

    /// <summary>Every UID.</summary>
    public static UidRange All => new(1, uint.MaxValue);

    /// <summary>The lowest UID of the range.</summary>
    public uint First { get; }

    /// <summary>The highest UID of the range.</summary>
    public uint Last { get; }

    /// <summary>A range of one UID.</summary>
    public static UidRange Single(uint uid) => new(uid, uid);

    /// <summary>Whether the range holds the UID.</summary>
    public bool Contains(uint uid) => uid >= First && uid <= Last;
}

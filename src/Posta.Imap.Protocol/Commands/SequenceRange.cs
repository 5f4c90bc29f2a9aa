namespace Posta.Imap.Protocol.Commands;

/// <summary>
/// One element of a sequence set: a number or a range, as written (RFC 9051 §9 seq-range: "4:2" is the
/// same range as "2:4"). <see cref="Star"/> stands for "*", the largest number in use.
/// </summary>
/// <param name="First">The first number as written, or <see cref="Star"/>.</param>
/// <param name="Last">The last number as written (equal to First for a single number), or <see cref="Star"/>.</param>
public readonly record struct SequenceRange(uint First, uint Last)
{
    /// <summary>The value that stands for "*".</summary>
    public const uint Star = uint.MaxValue;
}

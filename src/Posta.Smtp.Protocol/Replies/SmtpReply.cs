using System.Globalization;

namespace Posta.Smtp.Protocol.Replies;

/// <summary>
/// An SMTP reply (RFC 5321 §4.2): a three-digit code, an optional enhanced status code
/// (RFC 3463, RFC 2034) and one or more lines of text. The same type is written by the server
/// (<see cref="SmtpReplyWriter"/>) and read by the client (<see cref="SmtpReplyParser"/>).
/// Immutable; the standard replies are in <see cref="SmtpReplies"/>.
/// </summary>
public sealed class SmtpReply
{
    private readonly string[] _lines;

    // Encoded forms of a reply without UTF-8, cached by the writer: the standard replies are
    // written over and over.
    private byte[]? _encodedWithStatus;
    private byte[]? _encodedWithoutStatus;

    /// <summary>Creates a one-line reply.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not 200-599, or the status class differs from the code's.</exception>
    public SmtpReply(int code, EnhancedStatusCode? status, string text)
        : this(code, status, [text ?? throw new ArgumentNullException(nameof(text))])
    {
    }

    /// <summary>Creates a reply of one or more lines.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The code is not 200-599, or the status class differs from the code's.</exception>
    /// <exception cref="ArgumentException">No lines, or a null line.</exception>
    public SmtpReply(int code, EnhancedStatusCode? status, IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);

        // RFC 5321 §4.2.1: the first digit is 2 to 5 (1yz is unused by SMTP).
        ArgumentOutOfRangeException.ThrowIfLessThan(code, 200);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(code, 599);

        // RFC 3463 §2: the class matches the reply's; 3yz replies carry no enhanced code.
        if (status is { } s && s.Class != code / 100)
        {
            throw new ArgumentOutOfRangeException(nameof(status), status, $"The class of {s} does not match reply code {code}.");
        }

        _lines = [.. lines];
        if (_lines.Length == 0 || Array.IndexOf(_lines, null) >= 0)
        {
            throw new ArgumentException("A reply has at least one line, and no line is null.", nameof(lines));
        }

        Code = code;
        Status = status;
    }

    /// <summary>The three-digit reply code.</summary>
    public int Code { get; }

    /// <summary>The enhanced status code, or null (greetings, EHLO, 3yz, or a peer without ENHANCEDSTATUSCODES).</summary>
    public EnhancedStatusCode? Status { get; }

    /// <summary>The text of each line, without code, separator or enhanced status code.</summary>
    public IReadOnlyList<string> Lines => _lines;

    /// <summary>The lines joined by spaces.</summary>
    public string Text => _lines.Length == 1 ? _lines[0] : string.Join(' ', _lines);

    /// <summary>2yz: the requested action completed.</summary>
    public bool IsPositiveCompletion => Code / 100 == 2;

    /// <summary>3yz: the server awaits more (354 after DATA, 334 during AUTH).</summary>
    public bool IsPositiveIntermediate => Code / 100 == 3;

    /// <summary>4yz: a temporary failure; the client retries later.</summary>
    public bool IsTransientNegative => Code / 100 == 4;

    /// <summary>5yz: a permanent failure.</summary>
    public bool IsPermanentNegative => Code / 100 == 5;

    /// <summary>The same code and status with another text, e.g. to name the address concerned.</summary>
    public SmtpReply WithText(string text) => new(Code, Status, text);

    /// <summary>The same code and status with several lines of text.</summary>
    public SmtpReply WithLines(IEnumerable<string> lines) => new(Code, Status, lines);

    /// <summary>The reply as "550 5.1.1 text", lines joined by spaces; for logs and tests.</summary>
    public override string ToString() => Status is { } status
        ? string.Create(CultureInfo.InvariantCulture, $"{Code} {status} {Text}")
        : string.Create(CultureInfo.InvariantCulture, $"{Code} {Text}");

    internal byte[]? GetCached(bool withStatus) => withStatus ? _encodedWithStatus : _encodedWithoutStatus;

    internal void SetCached(bool withStatus, byte[] encoded)
    {
        if (withStatus)
        {
            _encodedWithStatus = encoded;
        }
        else
        {
            _encodedWithoutStatus = encoded;
        }
    }
}

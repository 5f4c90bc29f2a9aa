using System.Buffers;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Protocol.Parsing;

/// <summary>
/// Incremental parser for SMTP and LMTP command lines (RFC 5321 §4.1, RFC 2033 and the
/// extensions named on each command type). Stateless apart from its options: one instance serves
/// every session. It allocates only the command it returns.
/// </summary>
/// <remarks>
/// Lines end in CRLF. A bare LF is refused unless <see cref="SmtpParserOptions.AllowBareLineFeed"/>;
/// a CR elsewhere in a line, or a NUL, is refused. The line limit is enforced before the parser
/// looks past it: a client that never sends LF costs at most one line limit of buffering.
/// </remarks>
public sealed partial class SmtpCommandParser
{
    // What TryParse hands out with NeedMoreData: a placeholder, never a real command.
    private static readonly InvalidCommand Incomplete = new(SmtpVerb.Unknown, SmtpCommandError.None);

    private readonly SmtpParserOptions _options;

    /// <summary>Creates a parser with <paramref name="options"/>, which it validates.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    public SmtpCommandParser(SmtpParserOptions? options = null)
    {
        _options = options ?? SmtpParserOptions.Default;
        _options.Validate();
    }

    /// <summary>A parser with the default options.</summary>
    public static SmtpCommandParser Default { get; } = new();

    /// <summary>The options in force.</summary>
    public SmtpParserOptions Options => _options;

    /// <summary>
    /// Parses one command line from the start of <paramref name="reader"/>.
    /// <list type="bullet">
    /// <item><see cref="OperationStatus.NeedMoreData"/>: no complete line yet; nothing consumed;
    /// <paramref name="command"/> is a placeholder (an <see cref="InvalidCommand"/> with no error).</item>
    /// <item><see cref="OperationStatus.Done"/>: <paramref name="command"/> is the command; the reader is after its CRLF.</item>
    /// <item><see cref="OperationStatus.InvalidData"/>: <paramref name="command"/> is an
    /// <see cref="InvalidCommand"/>. The line is consumed, except when it is too long (no CRLF
    /// within the limit: call <see cref="TrySkipLine"/> before parsing again, or close) and for a
    /// non-SMTP client, refused at its first byte.</item>
    /// </list>
    /// </summary>
    public OperationStatus TryParse(ref SequenceReader<byte> reader, out SmtpCommand command)
    {
        command = Incomplete;
        if (!reader.TryPeek(out var first))
        {
            return OperationStatus.NeedMoreData;
        }

        // Postfix's smtpd_forbidden_commands catch-all: a line that does not start with a letter
        // is another protocol (TLS ClientHello, binary junk). Refuse it now rather than wait for a
        // CRLF that may never come.
        if (!SmtpCharacters.IsAlpha(first) && first != (byte)'\r' && first != (byte)'\n')
        {
            command = new InvalidCommand(SmtpVerb.Unknown, SmtpCommandError.NonSmtpCommand);
            return OperationStatus.InvalidData;
        }

        var verb = PeekVerb(ref reader);
        switch (LineFraming.Find(ref reader, _options.LineLimitFor(verb), out var length))
        {
            case LineFraming.Status.NeedMoreData:
                return OperationStatus.NeedMoreData;
            case LineFraming.Status.TooLong:
                command = new InvalidCommand(verb, verb == SmtpVerb.Auth ? SmtpCommandError.AuthLineTooLong : SmtpCommandError.LineTooLong);
                return OperationStatus.InvalidData;
        }

        var line = LineFraming.Contiguous(ref reader, length, out var rented);
        try
        {
            command = Line(line);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        reader.Advance(length);
        return command is InvalidCommand ? OperationStatus.InvalidData : OperationStatus.Done;
    }

    /// <summary>
    /// Parses one client line of a SASL exchange after a 334 challenge (RFC 4954 §4): base64, or
    /// "*" to cancel, within <see cref="SmtpParserOptions.MaxAuthLineLength"/>. Statuses as for
    /// <see cref="TryParse"/>; a line too long is not consumed.
    /// </summary>
    public OperationStatus TryParseAuthResponse(ref SequenceReader<byte> reader, out SaslResponse response)
    {
        response = default;
        switch (LineFraming.Find(ref reader, _options.MaxAuthLineLength, out var length))
        {
            case LineFraming.Status.NeedMoreData:
                return OperationStatus.NeedMoreData;
            case LineFraming.Status.TooLong:
                response = new SaslResponse(false, default, SmtpCommandError.AuthLineTooLong);
                return OperationStatus.InvalidData;
        }

        var line = LineFraming.Contiguous(ref reader, length, out var rented);
        try
        {
            var error = Content(line, out var content);
            if (error != SmtpCommandError.None)
            {
                response = new SaslResponse(false, default, error);
            }
            else if (content.SequenceEqual("*"u8))
            {
                response = new SaslResponse(true, default);
            }
            else if (Base64Text.TryDecode(content, out var data))
            {
                response = new SaslResponse(false, data);
            }
            else
            {
                response = new SaslResponse(false, default, SmtpCommandError.InvalidBase64);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        reader.Advance(length);
        return response.Error == SmtpCommandError.None ? OperationStatus.Done : OperationStatus.InvalidData;
    }

    /// <summary>
    /// Discards input up to and including the next LF, to resynchronise after a line that was too
    /// long. Returns true when the LF was found; false when everything available was discarded
    /// and more of the line is still to come.
    /// </summary>
    public static bool TrySkipLine(ref SequenceReader<byte> reader)
    {
        if (reader.TryAdvanceTo((byte)'\n'))
        {
            return true;
        }

        reader.AdvanceToEnd();
        return false;
    }

    /// <summary>The command word at the start of the input, when enough of it is there to tell; decides the line limit.</summary>
    private static SmtpVerb PeekVerb(ref SequenceReader<byte> reader)
    {
        // "STARTTLS" and "XCLIENT" are the longest words; one more byte shows where the word ends.
        Span<byte> start = stackalloc byte[9];
        var available = (int)Math.Min(reader.Remaining, start.Length);
        start = start[..available];
        reader.TryCopyTo(start);
        var end = start.IndexOfAny((byte)' ', (byte)'\r', (byte)'\n');
        return end < 0 ? SmtpVerb.Unknown : Identify(start[..end]);
    }

    /// <summary>Checks the line's framing and characters, then parses the command.</summary>
    private SmtpCommand Line(ReadOnlySpan<byte> line)
    {
        var error = Content(line, out var content);
        if (error != SmtpCommandError.None)
        {
            var space = content.IndexOf((byte)' ');
            return new InvalidCommand(Identify(space < 0 ? content : content[..space]), error);
        }

        return Command(content);
    }

    /// <summary>
    /// Strips the line ending; refuses a bare LF (unless allowed), a CR inside the line and NUL.
    /// <paramref name="content"/> is the line without its ending even on error.
    /// </summary>
    private SmtpCommandError Content(ReadOnlySpan<byte> line, out ReadOnlySpan<byte> content)
    {
        var crlf = line.Length >= 2 && line[^2] == (byte)'\r';
        content = line[..^(crlf ? 2 : 1)];
        if (!crlf && !_options.AllowBareLineFeed)
        {
            return SmtpCommandError.BareLineFeed;
        }

        var special = content.IndexOfAny((byte)'\0', (byte)'\r');
        if (special >= 0)
        {
            return content[special] == 0 ? SmtpCommandError.NulCharacter : SmtpCommandError.BareCarriageReturn;
        }

        return SmtpCommandError.None;
    }
}

using System.Buffers;

namespace Posta.Imap.Protocol.Parsing;

/// <summary>
/// The incremental IMAP command parser (STYLE.md convention 2). One instance per connection: it holds
/// the connection's mode (<see cref="Utf8"/>) and no other state between calls. A command whose
/// literals are inline in the input is parsed whole; APPEND stops after each message literal's
/// announcement so the session can stream the message.
/// </summary>
public sealed class ImapCommandParser(ImapParserOptions options)
{
    /// <summary>The limits.</summary>
    public ImapParserOptions Options { get; } = options;

    /// <summary>
    /// UTF8=ACCEPT or IMAP4rev2 is enabled: mailbox names are UTF-8 rather than modified UTF-7
    /// (RFC 6855 §3, RFC 9051 §5.1).
    /// </summary>
    public bool Utf8 { get; set; }

    /// <summary>Parses one command from <paramref name="reader"/>; see <see cref="ImapParseStatus"/>.</summary>
    public ImapParseStatus TryParse(ref SequenceReader<byte> reader, out ImapParseResult result) =>
        throw new NotImplementedException();

    /// <summary>
    /// After an APPEND message's octets: parses either the end of the command (CRLF; Complete with a
    /// null <see cref="ImapParseResult.AppendNext"/>) or the next MULTIAPPEND message's flags, date and
    /// literal announcement.
    /// </summary>
    public ImapParseStatus TryParseAppendNext(ref SequenceReader<byte> reader, string tag, out ImapParseResult result) =>
        throw new NotImplementedException();

    /// <summary>
    /// Reads one CRLF-terminated line (AUTHENTICATE responses, IDLE's DONE) without the CRLF.
    /// NeedMoreData consumes nothing; InvalidData when no CRLF is within <paramref name="maxLength"/>.
    /// </summary>
    public static OperationStatus TryReadLine(ref SequenceReader<byte> reader, int maxLength, out ReadOnlySequence<byte> line) =>
        throw new NotImplementedException();
}

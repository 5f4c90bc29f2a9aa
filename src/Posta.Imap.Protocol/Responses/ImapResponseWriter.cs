using System.Buffers;
using Posta.Mime.Imap;

namespace Posta.Imap.Protocol.Responses;

/// <summary>
/// Writes server responses (RFC 9051 §7) into a buffer: status responses with response codes,
/// untagged data built piece by piece, strings as atom/quoted/literal as their content requires,
/// mailbox names in modified UTF-7 or UTF-8. The caller flushes.
/// </summary>
public sealed class ImapResponseWriter(IBufferWriter<byte> output)
{
    /// <summary>The buffer written to.</summary>
    public IBufferWriter<byte> Output { get; } = output;

    /// <summary>UTF8=ACCEPT or IMAP4rev2 enabled: quoted strings and mailbox names may carry UTF-8 (RFC 6855, RFC 9051).</summary>
    public bool Utf8 { get; set; }

    /// <summary>"tag OK [code] text\r\n" (tag "*" for untagged); code without brackets, or null.</summary>
    public void WriteStatus(string tag, ImapStatus status, string? code, string text) => throw new NotImplementedException();

    /// <summary>"+ text\r\n" (a continuation request; text may be base64 for AUTHENTICATE).</summary>
    public void WriteContinuation(string text) => throw new NotImplementedException();

    /// <summary>ASCII text as is (atoms, keywords, spaces, parentheses): the caller guarantees it is valid here.</summary>
    public void WriteAscii(ReadOnlySpan<char> text) => throw new NotImplementedException();

    /// <summary>Octets as they are (message content after a literal header).</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes) => throw new NotImplementedException();

    /// <summary>A decimal number.</summary>
    public void WriteNumber(ulong value) => throw new NotImplementedException();

    /// <summary>A string: NIL for null, quoted when it can be, else a literal.</summary>
    public void WriteString(string? value) => throw new NotImplementedException();

    /// <summary>Octets as a string: quoted when they can be, else a literal.</summary>
    public void WriteString(ReadOnlySpan<byte> value) => throw new NotImplementedException();

    /// <summary>A mailbox name: "INBOX", otherwise modified UTF-7 (or UTF-8 under <see cref="Utf8"/>), quoted or literal as needed.</summary>
    public void WriteMailbox(string name) => throw new NotImplementedException();

    /// <summary>A literal's header "{n}\r\n", or "~{n}\r\n" for a binary literal8; the caller writes the octets.</summary>
    public void WriteLiteralHeader(long length, bool binary) => throw new NotImplementedException();

    /// <summary>A value tree from Posta.Mime (ENVELOPE, BODY, BODYSTRUCTURE).</summary>
    public void WriteValue(ImapValue value) => throw new NotImplementedException();

    /// <summary>"\r\n".</summary>
    public void WriteLineEnd() => throw new NotImplementedException();
}

using System.Buffers;
using System.Text;
using Posta.Mime.Addresses;
using Posta.Mime.Headers;

namespace Posta.Mime.Building;

/// <summary>
/// Composes a message (RFC 5322 + MIME): header fields folded and encoded only where needed, a Date and
/// Message-ID generated when not given, and a body of <see cref="BodyPart"/>s with 7bit-safe transfer
/// encodings chosen automatically. Lines end with CRLF.
/// </summary>
public sealed class MessageBuilder
{
    /// <summary>The author (From). Required.</summary>
    public MailboxAddress? From { get; set; }

    /// <summary>The Sender, when it differs from From.</summary>
    public MailboxAddress? Sender { get; set; }

    /// <summary>Reply-To addresses.</summary>
    public IList<MailboxAddress> ReplyTo { get; } = [];

    /// <summary>To addresses.</summary>
    public IList<MailboxAddress> To { get; } = [];

    /// <summary>Cc addresses.</summary>
    public IList<MailboxAddress> Cc { get; } = [];

    /// <summary>The Subject.</summary>
    public string? Subject { get; set; }

    /// <summary>The Date; the current time from <see cref="TimeProvider"/> when not set.</summary>
    public DateTimeOffset? Date { get; set; }

    /// <summary>The Message-ID with its angle brackets; generated from From's domain when not set.</summary>
    public string? MessageId { get; set; }

    /// <summary>In-Reply-To, message IDs with angle brackets.</summary>
    public string? InReplyTo { get; set; }

    /// <summary>References, message IDs with angle brackets.</summary>
    public string? References { get; set; }

    /// <summary>Further header fields, written after the standard ones as unstructured values.</summary>
    public IList<KeyValuePair<string, string>> Headers { get; } = [];

    /// <summary>The body.</summary>
    public BodyPart Body { get; set; } = new TextPart(string.Empty);

    /// <summary>The clock for <see cref="Date"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Writes the message.</summary>
    /// <exception cref="InvalidOperationException">There is no From.</exception>
    public void WriteTo(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var from = From ?? throw new InvalidOperationException("A message needs a From (RFC 5322 §3.6).");
        const string NewLine = "\r\n";
        var header = new StringBuilder();
        header.Append(HeaderFormatter.Raw("Date", MailDate.Format(Date ?? TimeProvider.GetLocalNow()), NewLine));
        header.Append(HeaderFormatter.Addresses("From", [from], NewLine));
        if (Sender is not null)
            header.Append(HeaderFormatter.Addresses("Sender", [Sender], NewLine));
        if (ReplyTo.Count > 0)
            header.Append(HeaderFormatter.Addresses("Reply-To", ReplyTo, NewLine));
        if (To.Count > 0)
            header.Append(HeaderFormatter.Addresses("To", To, NewLine));
        if (Cc.Count > 0)
            header.Append(HeaderFormatter.Addresses("Cc", Cc, NewLine));
        if (Subject is not null)
            header.Append(HeaderFormatter.Unstructured("Subject", Subject, NewLine));
        header.Append(HeaderFormatter.Raw("Message-ID", MessageId ?? MessageIds.Generate(from.AsciiDomain is { Length: > 0 } domain ? domain : "localhost"), NewLine));
        if (InReplyTo is not null)
            header.Append(HeaderFormatter.Raw("In-Reply-To", InReplyTo, NewLine));
        if (References is not null)
            header.Append(HeaderFormatter.Raw("References", References, NewLine));
        foreach (var (name, value) in Headers)
        {
            if (name.Length == 0 || !name.All(c => c < 0x80 && ByteClass.IsFtext((byte)c)))
                throw new InvalidOperationException($"\"{name}\" is not a field name (RFC 5322 §3.6.8).");
            header.Append(HeaderFormatter.Unstructured(name, value, NewLine));
        }

        header.Append("MIME-Version: 1.0").Append(NewLine);
        output.Write(Encoding.UTF8.GetBytes(header.ToString()));

        var body = new ArrayBufferWriter<byte>();
        Body.WriteTo(body);
        output.Write(body.WrittenSpan);
    }

    /// <summary>The message as bytes.</summary>
    public byte[] ToArray()
    {
        var output = new ArrayBufferWriter<byte>();
        WriteTo(output);
        return output.WrittenSpan.ToArray();
    }
}

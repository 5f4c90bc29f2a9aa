using System.Buffers;
using System.Security.Cryptography;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Data;
using Posta.Smtp.Protocol.Parsing;

namespace Posta.Smtp.Session;

/// <summary>
/// The input steps the SMTP and LMTP sessions share: each takes what the pipe holds and says how far
/// it got, so the async session code never holds a <see cref="SequenceReader{T}"/> across an await.
/// </summary>
internal static class SmtpInput
{
    /// <summary>One command line; <see cref="OperationStatus.NeedMoreData"/> consumes nothing.</summary>
    public static OperationStatus Command(ReadOnlySequence<byte> input, out SmtpCommand command, out SequencePosition next)
    {
        var reader = new SequenceReader<byte>(input);
        var status = SmtpCommandParser.Default.TryParse(ref reader, out command);
        next = reader.Position;
        return status;
    }

    /// <summary>One client line of a SASL exchange (RFC 4954 §4).</summary>
    public static OperationStatus SaslResponse(ReadOnlySequence<byte> input, out SaslResponse response, out SequencePosition next)
    {
        var reader = new SequenceReader<byte>(input);
        var status = SmtpCommandParser.Default.TryParseAuthResponse(ref reader, out response);
        next = reader.Position;
        return status;
    }

    /// <summary>Discards up to the end of an over-long line; true once its LF was found.</summary>
    public static bool SkipLine(ReadOnlySequence<byte> input, out SequencePosition next)
    {
        var reader = new SequenceReader<byte>(input);
        var found = SmtpCommandParser.TrySkipLine(ref reader);
        next = reader.Position;
        return found;
    }

    /// <summary>DATA content into <paramref name="chunks"/> (slices of the input); true once the end-of-data line was read.</summary>
    public static bool Content(SmtpDataDecoder decoder, List<ReadOnlySequence<byte>> chunks, ReadOnlySequence<byte> input, out SequencePosition next)
    {
        var reader = new SequenceReader<byte>(input);
        SmtpDataStatus status;
        while ((status = decoder.Read(ref reader, out var content)) == SmtpDataStatus.Content)
        {
            chunks.Add(content);
        }

        next = reader.Position;
        return status == SmtpDataStatus.Completed;
    }

    /// <summary>A transaction id: 16 hex digits, for replies, trace fields, the queue and logs.</summary>
    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}

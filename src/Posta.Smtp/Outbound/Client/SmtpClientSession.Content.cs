using System.Buffers;
using System.Globalization;
using System.Text;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Outbound.Client;

/// <summary>Streaming the content: DATA (RFC 5321 §4.1.1.4) or BDAT chunks (RFC 3030).</summary>
public sealed partial class SmtpClientSession
{
    /// <summary>Content is read, encoded and written 64 KiB at a time; a message is never held whole.</summary>
    private const int BlockSize = 64 * 1024;

    /// <summary>Room before a BDAT chunk for its command line ("BDAT 131074 LAST\r\n"), so both go in one write.</summary>
    private const int ChunkHeaderRoom = 32;

    private static SmtpLocalRefusalException UndeclaredEightBit(bool connectionClosed) => new(
        LocalRefusalReason.EightBitNotSupported,
        new SmtpReply(554, new EnhancedStatusCode(5, 6, 3), "8-bit content, but the server does not offer 8BITMIME"),
        connectionClosed);

    /// <summary>
    /// After 354: the content, dot-stuffed with CRLF line endings, then CRLF.CRLF, then the
    /// replies. Undeclared 8-bit content for a server without 8BITMIME is found before the block
    /// that holds it is written; DATA cannot be taken back, so the connection is closed (the
    /// server discards a message whose end never came).
    /// </summary>
    private async Task<ContentOutcome> SendDataAsync(
        Stream content, bool allowEightBit, IReadOnlyList<EnvelopeRecipient> recipients, List<int> accepted, RecipientResult?[] settled, CancellationToken cancellationToken)
    {
        var encoder = new ContentEncoder(dotStuff: true);
        var input = ArrayPool<byte>.Shared.Rent(BlockSize);
        var output = ArrayPool<byte>.Shared.Rent(ContentEncoder.MaxOutputLength(BlockSize) + 3);
        try
        {
            int read;
            while ((read = await content.ReadAsync(input.AsMemory(0, BlockSize), cancellationToken)) > 0)
            {
                var length = encoder.Encode(input.AsSpan(0, read), output);
                if (encoder.SawEightBit && !allowEightBit)
                {
                    throw UndeclaredEightBit(connectionClosed: true);
                }

                await _connection.WriteAsync(output.AsMemory(0, length), "a write of the content", _options.DataBlockTimeout, cancellationToken);
            }

            var end = encoder.Finish(output);
            ".\r\n"u8.CopyTo(output.AsSpan(end));
            await _connection.WriteAsync(output.AsMemory(0, end + 3), "the end of data", _options.DataBlockTimeout, cancellationToken);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(input);
            ArrayPool<byte>.Shared.Return(output);
        }

        return await ReadContentRepliesAsync("the reply to the end of data", recipients, accepted, settled, cancellationToken);
    }

    /// <summary>
    /// The content as BDAT chunks, one per block read, each waited for (a refused chunk ends the
    /// transfer: RFC 3030 §2 forbids sending more), then BDAT LAST with the final CRLF if one was
    /// missing. Binary content goes unaltered. Undeclared 8-bit content for a server without
    /// 8BITMIME is found before its chunk is sent; RSET then discards the transaction.
    /// </summary>
    private async Task<ContentOutcome> SendChunksAsync(
        Stream content, bool binary, bool allowEightBit, IReadOnlyList<EnvelopeRecipient> recipients, List<int> accepted, RecipientResult?[] settled, CancellationToken cancellationToken)
    {
        var encoder = binary ? null : new ContentEncoder(dotStuff: false);
        var input = binary ? null : ArrayPool<byte>.Shared.Rent(BlockSize);
        var output = ArrayPool<byte>.Shared.Rent(ChunkHeaderRoom + ContentEncoder.MaxOutputLength(BlockSize));
        try
        {
            while (true)
            {
                int length;
                if (encoder is null)
                {
                    length = await content.ReadAsync(output.AsMemory(ChunkHeaderRoom, BlockSize), cancellationToken);
                    if (length == 0)
                    {
                        break;
                    }
                }
                else
                {
                    var read = await content.ReadAsync(input.AsMemory(0, BlockSize), cancellationToken);
                    if (read == 0)
                    {
                        break;
                    }

                    length = encoder.Encode(input.AsSpan(0, read), output.AsSpan(ChunkHeaderRoom));
                    if (encoder.SawEightBit && !allowEightBit)
                    {
                        await ResetAsync(cancellationToken);
                        throw UndeclaredEightBit(connectionClosed: false);
                    }
                }

                // A block holding only a CR waits for the next one to know what it ends.
                if (length == 0)
                {
                    continue;
                }

                await WriteChunkAsync(output, length, last: false, cancellationToken);
                var reply = await ReadAsync("the reply to BDAT", _options.DataBlockTimeout, cancellationToken);
                if (!reply.IsPositiveCompletion)
                {
                    return new ContentOutcome(reply, Ended: false, Closing(reply));
                }
            }

            var tail = encoder?.Finish(output.AsSpan(ChunkHeaderRoom)) ?? 0;
            await WriteChunkAsync(output, tail, last: true, cancellationToken);
        }
        finally
        {
            if (input is not null)
            {
                ArrayPool<byte>.Shared.Return(input);
            }

            ArrayPool<byte>.Shared.Return(output);
        }

        return await ReadContentRepliesAsync("the reply to BDAT LAST", recipients, accepted, settled, cancellationToken);
    }

    /// <summary>Writes "BDAT n [LAST]" and the <paramref name="length"/> octets after <see cref="ChunkHeaderRoom"/> in one write.</summary>
    private async Task WriteChunkAsync(byte[] buffer, int length, bool last, CancellationToken cancellationToken)
    {
        var command = string.Create(CultureInfo.InvariantCulture, $"BDAT {length}{(last ? " LAST" : string.Empty)}\r\n");
        var start = ChunkHeaderRoom - command.Length;
        Encoding.ASCII.GetBytes(command, buffer.AsSpan(start));
        if (_logger.IsEnabled(Microsoft.Extensions.Logging.LogLevel.Debug))
        {
            Log.CommandSent(_logger, command.TrimEnd('\r', '\n'));
        }

        await _connection.WriteAsync(buffer.AsMemory(start, command.Length + length), "a BDAT chunk", _options.DataBlockTimeout, cancellationToken);
    }
}

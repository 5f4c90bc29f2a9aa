using System.Buffers;

namespace Posta.Smtp.Protocol.Data;

/// <summary>
/// Reads the content after DATA (RFC 5321 §4.1.1.4, §4.5.2): returns the message a chunk at a
/// time, with the transparency dot removed from lines that start with one, until the line ".".
/// The CRLF before that line belongs to the message; the line itself does not. Chunks are slices
/// of the input: nothing is copied or buffered, so process each chunk before advancing the pipe.
/// </summary>
/// <remarks>
/// <para>
/// SMTP smuggling (https://www.postfix.org/smtp-smuggling.html) relies on servers that disagree
/// about where data ends. This decoder ends data only at CRLF "." CRLF, and flags any bare LF,
/// bare CR or NUL as <see cref="Error"/>; it then stops returning content but keeps reading to the
/// real end, so the session answers once (550 5.5.2) and stays in sync. "\n.\n", "\r.\r",
/// "\r\n.\n", "\n.\r\n" and "\r\n.\r" without LF are errors, never ends.
/// </para>
/// <para>
/// Every byte looked at is consumed; the state carries over between calls, so any split of the
/// input across segments or reads gives the same result. One instance per message; or call
/// <see cref="Reset"/>.
/// </para>
/// </remarks>
public sealed class SmtpDataDecoder
{
    private static readonly SearchValues<byte> TextSpecials = SearchValues.Create("\r\n\0"u8);

    private State _state = State.LineStart;
    private bool _completed;

    /// <summary>Creates a decoder.</summary>
    /// <param name="maxSize">
    /// Octets of content accepted (counted after dot removal, as RFC 1870 §4 counts); beyond it,
    /// <see cref="Error"/> becomes <see cref="SmtpDataError.MessageTooLarge"/>. 0 for no limit.
    /// </param>
    /// <param name="rejectNul">Flag NUL octets as an error (the default), or pass them through.</param>
    public SmtpDataDecoder(long maxSize = 0, bool rejectNul = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxSize);
        MaxSize = maxSize;
        RejectNul = rejectNul;
    }

    private enum State
    {
        /// <summary>After CRLF (or at the start): a "." here is special.</summary>
        LineStart,

        /// <summary>Inside a line.</summary>
        Text,

        /// <summary>After a CR.</summary>
        CarriageReturn,

        /// <summary>After a "." at the start of a line.</summary>
        Dot,

        /// <summary>After "." CR at the start of a line.</summary>
        DotCarriageReturn,
    }

    /// <summary>The size limit; 0 for none.</summary>
    public long MaxSize { get; }

    /// <summary>Whether NUL is an error.</summary>
    public bool RejectNul { get; }

    /// <summary>Octets of content returned so far.</summary>
    public long Length { get; private set; }

    /// <summary>The first problem found; once set, no more content is returned.</summary>
    public SmtpDataError Error { get; private set; }

    /// <summary>True once the end-of-data line has been consumed.</summary>
    public bool IsCompleted => _completed;

    /// <summary>Prepares the decoder for another message.</summary>
    public void Reset()
    {
        _state = State.LineStart;
        _completed = false;
        Length = 0;
        Error = SmtpDataError.None;
    }

    /// <summary>
    /// Decodes from <paramref name="reader"/>: returns <see cref="SmtpDataStatus.Content"/> with a
    /// non-empty <paramref name="content"/>, <see cref="SmtpDataStatus.NeedMoreData"/> when the
    /// input is used up, or <see cref="SmtpDataStatus.Completed"/> at the end of the data.
    /// </summary>
    public SmtpDataStatus Read(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> content)
    {
        content = default;
        if (_completed)
        {
            return SmtpDataStatus.Completed;
        }

        var chunk = new Chunk();
        while (!reader.End)
        {
            var span = reader.UnreadSpan;
            var spanStart = reader.Position;
            var i = 0;
            while (i < span.Length)
            {
                var b = span[i];
                switch (_state)
                {
                    case State.LineStart:
                        if (b == (byte)'.')
                        {
                            // Either transparency (the dot goes) or the end line: in both cases the
                            // dot is not content, so the chunk so far ends here.
                            i++;
                            _state = State.Dot;
                            if (chunk.Length > 0)
                            {
                                reader.Advance(i);
                                return chunk.Return(ref reader, out content);
                            }
                        }
                        else
                        {
                            _state = State.Text;
                        }

                        break;

                    case State.Text when Error != SmtpDataError.None:
                        {
                            // Discarding: only CRLF "." CRLF matters now.
                            var carriageReturn = span[i..].IndexOf((byte)'\r');
                            if (carriageReturn < 0)
                            {
                                i = span.Length;
                            }
                            else
                            {
                                i += carriageReturn + 1;
                                _state = State.CarriageReturn;
                            }

                            break;
                        }

                    case State.Text:
                        {
                            var special = span[i..].IndexOfAny(TextSpecials);
                            var plain = special < 0 ? span.Length - i : special;
                            Emit(ref chunk, ref reader, spanStart, i, plain);
                            i += plain;
                            if (special < 0)
                            {
                                break;
                            }

                            var c = span[i];
                            if (c == (byte)'\r')
                            {
                                Emit(ref chunk, ref reader, spanStart, i, 1);
                                _state = State.CarriageReturn;
                            }
                            else if (c == (byte)'\n')
                            {
                                Fail(SmtpDataError.BareLineFeed, ref chunk);
                            }
                            else if (RejectNul)
                            {
                                Fail(SmtpDataError.NulCharacter, ref chunk);
                            }
                            else
                            {
                                Emit(ref chunk, ref reader, spanStart, i, 1);
                            }

                            i++;
                            break;
                        }

                    case State.CarriageReturn:
                        if (b == (byte)'\n')
                        {
                            Emit(ref chunk, ref reader, spanStart, i, 1);
                            _state = State.LineStart;
                            i++;
                        }
                        else
                        {
                            // A CR that does not start CRLF; the byte after it is looked at again.
                            Fail(SmtpDataError.BareCarriageReturn, ref chunk);
                            _state = State.Text;
                        }

                        break;

                    case State.Dot:
                        if (b == (byte)'\r')
                        {
                            _state = State.DotCarriageReturn;
                            i++;
                        }
                        else
                        {
                            // A transparency dot (".." becomes "."; ".x" becomes "x"), or in "\r\n.\n"
                            // a bare LF, which the text state flags.
                            _state = State.Text;
                        }

                        break;

                    case State.DotCarriageReturn:
                        if (b == (byte)'\n')
                        {
                            i++;
                            reader.Advance(i);
                            _completed = true;
                            return chunk.Length > 0 ? chunk.Return(ref reader, out content) : SmtpDataStatus.Completed;
                        }

                        // "\r\n.\r" and something else: the CR is bare; the byte is looked at again.
                        Fail(SmtpDataError.BareCarriageReturn, ref chunk);
                        _state = State.Text;
                        break;
                }
            }

            reader.Advance(span.Length);
        }

        return chunk.Length > 0 ? chunk.Return(ref reader, out content) : SmtpDataStatus.NeedMoreData;
    }

    private void Emit(ref Chunk chunk, ref SequenceReader<byte> reader, SequencePosition spanStart, int offset, int count)
    {
        if (Error != SmtpDataError.None || count == 0)
        {
            return;
        }

        if (MaxSize > 0 && Length + count > MaxSize)
        {
            Fail(SmtpDataError.MessageTooLarge, ref chunk);
            return;
        }

        if (chunk.Length == 0)
        {
            chunk.Start = reader.Sequence.GetPosition(offset, spanStart);
        }

        chunk.Length += count;
        Length += count;
    }

    private void Fail(SmtpDataError error, ref Chunk chunk)
    {
        if (Error == SmtpDataError.None)
        {
            Error = error;
        }

        // Content of a refused message is worthless; what was returned already is the caller's to drop.
        chunk.Length = 0;
    }

    /// <summary>The content gathered for the current call: a start and a length within the reader's sequence.</summary>
    private struct Chunk
    {
        public SequencePosition Start;
        public long Length;

        public readonly SmtpDataStatus Return(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> content)
        {
            content = reader.Sequence.Slice(Start, Length);
            return SmtpDataStatus.Content;
        }
    }
}

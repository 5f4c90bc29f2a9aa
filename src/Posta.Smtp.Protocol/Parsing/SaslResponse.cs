using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Protocol.Parsing;

/// <summary>
/// One client line of a SASL exchange (RFC 4954 §4): base64 data, or "*" to cancel. When parsing
/// failed, <see cref="Error"/> says why (<see cref="SmtpCommandError.InvalidBase64"/>,
/// <see cref="SmtpCommandError.AuthLineTooLong"/>, <see cref="SmtpCommandError.BareLineFeed"/>...).
/// <see cref="ToString"/> never shows the data: it holds credentials.
/// </summary>
/// <param name="IsCancelled">The client sent "*": answer 501 5.0.0 (RFC 4954 §4).</param>
/// <param name="Data">The decoded response.</param>
/// <param name="Error">Why the line was refused.</param>
public readonly record struct SaslResponse(bool IsCancelled, ReadOnlyMemory<byte> Data, SmtpCommandError Error = SmtpCommandError.None)
{
    /// <summary>Shows whether the exchange was cancelled or failed, and the data's length only.</summary>
    public override string ToString() => $"SaslResponse {{ IsCancelled = {IsCancelled}, Data = <{Data.Length} octets>, Error = {Error} }}";
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Posta.Mime.Headers;

namespace Posta.Smtp.Delivery;

/// <summary>
/// The trace fields a delivering server puts on top of a message (RFC 5321 §4.4): the
/// <c>Return-Path</c> of the final delivery and this hop's <c>Received</c> line.
/// </summary>
/// <remarks>
/// One copy of the bytes is stored for all local recipients (DESIGN.md §1), so
/// <c>Delivered-To</c> is added only when one user gets the copy; the <c>Received</c> line names
/// the recipient in its <c>for</c> clause only when there is exactly one, as RFC 5321 §7.6 advises
/// against disclosing the others.
/// </remarks>
public static class TraceHeaders
{
    /// <summary>
    /// This hop's <c>Received</c> field alone, for a message that may still travel on (the
    /// <c>Return-Path</c> belongs to the final delivery, RFC 5321 §4.4).
    /// </summary>
    /// <param name="clientName">The client's EHLO/HELO argument.</param>
    /// <param name="client">The client's address, or null when unknown.</param>
    /// <param name="hostname">This server's name.</param>
    /// <param name="protocol">The WITH keyword (RFC 3848): ESMTP, ESMTPS, ESMTPSA, UTF8SMTPS...</param>
    /// <param name="id">The transaction id.</param>
    /// <param name="singleRecipient">The recipient when there is only one, else null.</param>
    /// <param name="tls">The TLS version and cipher, as a comment after the client, or null.</param>
    /// <param name="date">When the message was received.</param>
    public static byte[] Received(string clientName, EndPoint? client, string hostname, string protocol, string id, string? singleRecipient, string? tls, DateTimeOffset date)
    {
        var text = new StringBuilder(256);
        AppendReceived(text, clientName, client, hostname, protocol, id, singleRecipient, tls, date);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>The <c>Return-Path</c> field (and <c>Delivered-To</c> when <paramref name="deliveredTo"/> is given) of a final delivery.</summary>
    public static byte[] FinalDelivery(string? reversePath, string? deliveredTo)
    {
        var text = new StringBuilder(128);
        AppendReturnPath(text, reversePath);
        if (deliveredTo is not null)
        {
            text.Append("Delivered-To: ").Append(Clean(deliveredTo)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static void AppendReturnPath(StringBuilder text, string? reversePath) =>
        text.Append("Return-Path: <").Append(Clean(reversePath ?? string.Empty)).Append(">\r\n");

    private static void AppendReceived(StringBuilder text, string clientName, EndPoint? client, string hostname, string protocol, string id, string? singleRecipient, string? tls, DateTimeOffset date)
    {
        text.Append("Received: from ").Append(Token(clientName)).Append(" (").Append(Describe(client)).Append(")\r\n");
        if (tls is not null)
        {
            // Composed by this server from the negotiated parameters, never from client input.
            text.Append("\t(").Append(tls).Append(")\r\n");
        }

        text.Append("\tby ").Append(hostname).Append(" (Posta) with ").Append(protocol).Append(" id ").Append(id);
        if (singleRecipient is not null)
        {
            text.Append("\r\n\tfor <").Append(Clean(singleRecipient)).Append('>');
        }

        text.Append(";\r\n\t").Append(MailDate.Format(date)).Append("\r\n");
    }

    /// <summary>TCP-info (RFC 5321 §4.4): the client's address literal, or what kind of local socket it came over.</summary>
    private static string Describe(EndPoint? client) => client switch
    {
        IPEndPoint { Address: var address } => address.AddressFamily == AddressFamily.InterNetworkV6 && !address.IsIPv4MappedToIPv6
            ? string.Create(CultureInfo.InvariantCulture, $"[IPv6:{address}]")
            : string.Create(CultureInfo.InvariantCulture, $"[{(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address)}]"),
        UnixDomainSocketEndPoint => "unix socket",
        _ => "unknown",
    };

    /// <summary>The client's name as one atom: printable, no space, no parenthesis that would break the comment.</summary>
    private static string Token(string name)
    {
        var builder = new StringBuilder(Math.Min(name.Length, 255));
        foreach (var c in name.AsSpan(0, Math.Min(name.Length, 255)))
        {
            builder.Append(c is > ' ' and < (char)0x7F and not '(' and not ')' and not ';' ? c : '?');
        }

        return builder.Length == 0 ? "unknown" : builder.ToString();
    }

    /// <summary>An address without characters that would end the field.</summary>
    private static string Clean(string address)
    {
        var builder = new StringBuilder(address.Length);
        foreach (var c in address)
        {
            builder.Append(c is '\r' or '\n' or '\0' or '>' ? '?' : c);
        }

        return builder.ToString();
    }
}

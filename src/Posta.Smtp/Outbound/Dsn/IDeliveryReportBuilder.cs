namespace Posta.Smtp.Outbound.Dsn;

/// <summary>Composes a delivery status notification (RFC 3464) for a queued message.</summary>
public interface IDeliveryReportBuilder
{
    /// <summary>The whole report message, CRLF line endings, ready to be queued.</summary>
    /// <param name="report">What happened to which recipients.</param>
    /// <param name="originalContent">The original message, from its start (headers only are used for RET=HDRS).</param>
    byte[] Build(DeliveryReport report, Stream originalContent);
}

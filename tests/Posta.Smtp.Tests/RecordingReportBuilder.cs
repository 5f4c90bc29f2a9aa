using System.Text;
using Posta.Smtp.Outbound.Dsn;

namespace Posta.Smtp.Tests;

/// <summary>
/// Stands in for the RFC 3464 builder: records each report and writes a small message that names
/// every recipient's action and status, followed by the original's first line, so a test can see
/// the report arrive and what it was built from.
/// </summary>
internal sealed class RecordingReportBuilder : IDeliveryReportBuilder
{
    private readonly Lock _lock = new();
    private readonly List<DeliveryReport> _reports = [];

    public IReadOnlyList<DeliveryReport> Reports
    {
        get
        {
            lock (_lock)
            {
                return [.. _reports];
            }
        }
    }

    /// <summary>When set, building throws it (a builder that fails).</summary>
    public Exception? Failure { get; set; }

    public byte[] Build(DeliveryReport report, Stream originalContent)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        lock (_lock)
        {
            _reports.Add(report);
        }

        var text = new StringBuilder();
        text.Append("From: MAILER-DAEMON@").Append(report.ReportingMta).Append("\r\n");
        text.Append("To: ").Append(report.Sender).Append("\r\n");
        text.Append("Subject: Delivery Status Notification\r\n\r\n");
        foreach (var recipient in report.Recipients)
        {
            text.Append(recipient.FinalRecipient).Append(' ').Append(recipient.Action).Append(' ').Append(recipient.Reply).Append("\r\n");
        }

        using var reader = new StreamReader(originalContent, Encoding.UTF8);
        text.Append("Original: ").Append(reader.ReadLine()).Append("\r\n");
        return Encoding.UTF8.GetBytes(text.ToString());
    }
}

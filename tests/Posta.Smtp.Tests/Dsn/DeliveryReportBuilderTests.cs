using System.Text;
using System.Text.Json.Nodes;
using Posta.Mime.Headers;
using Posta.Smtp.Outbound.Dsn;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Tests.Dsn;

/// <summary>
/// Reports built by <see cref="DeliveryReportBuilder"/>, read back by Python's email package: the
/// multipart/report structure (RFC 6522), the delivery-status fields (RFC 3464) and what is returned
/// of the original (RFC 3461 §4.3).
/// </summary>
public sealed class DeliveryReportBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 3, 10, 15, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Arrival = new(2026, 11, 3, 9, 58, 1, TimeSpan.Zero);
    private static readonly DateTimeOffset Attempt = new(2026, 11, 3, 10, 14, 30, TimeSpan.Zero);

    private static readonly SmtpReply UnknownUser = new(550, new EnhancedStatusCode(5, 1, 1), "<bob@remote.test>: Recipient address rejected: User unknown");

    [Fact]
    public async Task A_failure_for_one_recipient_is_a_multipart_report_with_the_whole_original()
    {
        var original = Original("original-ascii.eml");
        var bytes = Build(Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)), original);
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal("multipart/report", report.ContentType);
        Assert.Equal("delivery-status", report.ReportType);
        Assert.Empty(report.Defects);
        Assert.Equal(["text/plain", "message/delivery-status", "message/rfc822"], report.PartTypes);
        Assert.Equal("Mail Delivery System <MAILER-DAEMON@mx.posta.test>", report.Header("From"));
        Assert.Equal("alice@sender.test", report.Header("To"));
        Assert.Equal("Undelivered Mail Returned to Sender", report.Header("Subject"));
        Assert.Equal("auto-replied", report.Header("Auto-Submitted"));
        Assert.Equal("1.0", report.Header("MIME-Version"));
        Assert.Equal(MailDate.Format(Now), report.Header("Date"));
        Assert.Matches("^<[0-9a-f]{32}@mx\\.posta\\.test>$", report.Header("Message-ID"));

        var blocks = report.StatusBlocks();
        Assert.Equal(2, blocks.Count);
        Assert.Equal(["Reporting-MTA", "Arrival-Date"], PythonReport.FieldNames(blocks[0]));
        Assert.Equal("dns; mx.posta.test", PythonReport.Field(blocks[0], "Reporting-MTA"));
        Assert.Equal("Tue, 3 Nov 2026 09:58:01 +0000", PythonReport.Field(blocks[0], "Arrival-Date"));
        Assert.Equal(["Final-Recipient", "Action", "Status", "Remote-MTA", "Diagnostic-Code", "Last-Attempt-Date"], PythonReport.FieldNames(blocks[1]));
        Assert.Equal("rfc822; bob@remote.test", PythonReport.Field(blocks[1], "Final-Recipient"));
        Assert.Equal("failed", PythonReport.Field(blocks[1], "Action"));
        Assert.Equal("5.1.1", PythonReport.Field(blocks[1], "Status"));
        Assert.Equal("dns; mx.remote.test", PythonReport.Field(blocks[1], "Remote-MTA"));
        Assert.Equal("smtp; 550 5.1.1 <bob@remote.test>: Recipient address rejected: User unknown", Unfold(PythonReport.Field(blocks[1], "Diagnostic-Code")));
        Assert.Equal("Tue, 3 Nov 2026 10:14:30 +0000", PythonReport.Field(blocks[1], "Last-Attempt-Date"));

        var text = report.Part("text/plain")["text"]!.GetValue<string>();
        Assert.Contains("<bob@remote.test>: host mx.remote.test said: 550 5.1.1 <bob@remote.test>: Recipient address rejected: User unknown", text, StringComparison.Ordinal);

        var returned = report.Part("message/rfc822");
        Assert.Equal("Quarterly figures", PythonReport.Field(returned["headers"]!.AsArray(), "Subject"));
        Assert.Equal(Body(original), Crlf(returned["body"]!.GetValue<string>()));
        AssertWellFormed(bytes);
    }

    [Fact]
    public async Task Several_recipients_get_one_group_each_in_order_with_their_original_recipient()
    {
        var delayed = new SmtpReply(451, new EnhancedStatusCode(4, 3, 0), "Temporary local problem");
        var delivered = new SmtpReply(250, new EnhancedStatusCode(2, 0, 0), "Ok: queued as 4F2A1");
        var bytes = Build(
            Report(
                DsnReturn.Unspecified,
                Failed("bob@remote.test", UnknownUser) with { OriginalRecipient = "rfc822;robert@remote.test" },
                new RecipientReport("carol@remote.test", null, ReportAction.Delayed, delayed, "mx.remote.test", Attempt),
                new RecipientReport("dave@remote.test", "rfc822;dave@remote.test", ReportAction.Delivered, delivered, "mx.remote.test", Attempt)),
            Original("original-ascii.eml"));
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal("Undelivered Mail Returned to Sender", report.Header("Subject"));
        var blocks = report.StatusBlocks();
        Assert.Equal(4, blocks.Count);
        Assert.Equal("rfc822; robert@remote.test", PythonReport.Field(blocks[1], "Original-Recipient"));
        Assert.Equal(["Original-Recipient", "Final-Recipient", "Action", "Status", "Remote-MTA", "Diagnostic-Code", "Last-Attempt-Date"], PythonReport.FieldNames(blocks[1]));
        Assert.Equal(["rfc822; bob@remote.test", "rfc822; carol@remote.test", "rfc822; dave@remote.test"], blocks.Skip(1).Select(b => PythonReport.Field(b, "Final-Recipient")));
        Assert.Equal(["failed", "delayed", "delivered"], blocks.Skip(1).Select(b => PythonReport.Field(b, "Action")));
        Assert.Equal(["5.1.1", "4.3.0", "2.0.0"], blocks.Skip(1).Select(b => PythonReport.Field(b, "Status")));
        Assert.Null(PythonReport.Field(blocks[2], "Original-Recipient"));
        Assert.Equal("rfc822; dave@remote.test", PythonReport.Field(blocks[3], "Original-Recipient"));

        // No RET: a failure returns the whole message, as Postfix does (RFC 3461 §4.3 leaves it to the MTA).
        Assert.Equal(["text/plain", "message/delivery-status", "message/rfc822"], report.PartTypes);
        var text = report.Part("text/plain")["text"]!.GetValue<string>();
        Assert.Contains("could not be delivered", text, StringComparison.Ordinal);
        Assert.Contains("has not been delivered yet", text, StringComparison.Ordinal);
        Assert.Contains("was delivered to", text, StringComparison.Ordinal);
        Assert.Contains("<carol@remote.test>: host mx.remote.test said: 451 4.3.0 Temporary local problem", text, StringComparison.Ordinal);
        AssertWellFormed(bytes);
    }

    [Fact]
    public async Task A_delay_report_returns_only_the_header_even_when_the_sender_asked_for_the_whole_message()
    {
        var delayed = new SmtpReply(421, new EnhancedStatusCode(4, 4, 2), "Connection timed out");
        var bytes = Build(
            Report(DsnReturn.Full, new RecipientReport("bob@remote.test", null, ReportAction.Delayed, delayed, "mx.remote.test", Attempt)),
            Original("original-ascii.eml"));
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal("Delivery Status Notification (Delay)", report.Header("Subject"));
        Assert.Equal(["text/plain", "message/delivery-status", "text/rfc822-headers"], report.PartTypes);
        var headers = report.Part("text/rfc822-headers")["headers"]!.AsArray();
        Assert.Equal("Quarterly figures", PythonReport.Field(headers, "Subject"));
        Assert.Equal("<figures-2026q3@sender.test>", PythonReport.Field(headers, "Message-ID"));
        Assert.Equal("Bob <bob@remote.test>, Carol <carol@remote.test>", PythonReport.Field(headers, "To"));
        Assert.Equal("7bit", report.Part("text/rfc822-headers")["transfer_encoding"]!.GetValue<string>());
        Assert.DoesNotContain("the figures are attached", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        AssertWellFormed(bytes);
    }

    [Fact]
    public async Task A_success_report_is_named_so_and_returns_the_header()
    {
        var delivered = new SmtpReply(250, new EnhancedStatusCode(2, 0, 0), "Ok: delivered to mailbox");
        var bytes = Build(
            Report(DsnReturn.Unspecified, new RecipientReport("bob@posta.test", null, ReportAction.Delivered, delivered, null, Attempt)),
            Original("original-ascii.eml"));
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal("Successful Mail Delivery Report", report.Header("Subject"));
        Assert.Equal(["text/plain", "message/delivery-status", "text/rfc822-headers"], report.PartTypes);
        var recipient = report.StatusBlocks()[1];
        Assert.Equal("delivered", PythonReport.Field(recipient, "Action"));
        Assert.Equal("2.0.0", PythonReport.Field(recipient, "Status"));
        Assert.Null(PythonReport.Field(recipient, "Remote-MTA"));
        Assert.Contains("<bob@posta.test>: this system said: 250 2.0.0 Ok: delivered to mailbox", report.Part("text/plain")["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_envelope_id_is_returned_as_the_sender_gave_it_and_only_when_given()
    {
        // The parser hands over the decoded ENVID ("QQ314159+20a++2Bb=c" on the wire): Postfix and
        // sendmail write it decoded, spaces, "+" and "=" as they are (see PostfixBounceComparisonTests).
        var withId = Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)) with { EnvelopeId = "QQ314159 a  +b=c" };
        var report = await PythonReport.ParseAsync(Build(withId, Original("original-ascii.eml")));
        var perMessage = report.StatusBlocks()[0];
        Assert.Equal(["Reporting-MTA", "Original-Envelope-Id", "Arrival-Date"], PythonReport.FieldNames(perMessage));
        Assert.Equal("QQ314159 a  +b=c", PythonReport.Field(perMessage, "Original-Envelope-Id"));

        var withoutId = await PythonReport.ParseAsync(Build(Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)), Original("original-ascii.eml")));
        Assert.Null(PythonReport.Field(withoutId.StatusBlocks()[0], "Original-Envelope-Id"));
    }

    [Fact]
    public async Task An_envelope_id_the_parser_would_refuse_goes_in_xtext_form()
    {
        var report = Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)) with { EnvelopeId = "café" };
        var parsed = await PythonReport.ParseAsync(Build(report, Original("original-ascii.eml")));
        Assert.Equal("caf+C3+A9", PythonReport.Field(parsed.StatusBlocks()[0], "Original-Envelope-Id"));
        Assert.Equal("message/delivery-status", parsed.PartTypes[1]);
    }

    [Fact]
    public async Task Ret_hdrs_returns_the_header_of_a_failed_message_only()
    {
        var bytes = Build(Report(DsnReturn.Headers, Failed("bob@remote.test", UnknownUser)), Original("original-ascii.eml"));
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal(["text/plain", "message/delivery-status", "text/rfc822-headers"], report.PartTypes);
        var headers = report.Part("text/rfc822-headers")["headers"]!.AsArray();
        Assert.Equal(["Return-Path", "Received", "From", "To", "Subject", "Date", "Message-ID", "MIME-Version", "Content-Type"], PythonReport.FieldNames(headers));
        Assert.DoesNotContain("the figures are attached", Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        AssertWellFormed(bytes);
    }

    [Fact]
    public async Task An_eight_bit_original_goes_back_whole_labelled_8bit()
    {
        var original = Original("original-8bit.eml");
        var bytes = Build(Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)), original);
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal(["text/plain", "message/delivery-status", "message/rfc822"], report.PartTypes);
        var returned = report.Part("message/rfc822");
        Assert.Equal("8bit", returned["transfer_encoding"]!.GetValue<string>());
        Assert.Equal("=?utf-8?q?R=C3=A9union?=", PythonReport.Field(returned["headers"]!.AsArray(), "Subject"));
        Assert.Equal(Body(original), Crlf(returned["body"]!.GetValue<string>()));

        // The delivery-status part stays 7bit (RFC 3464 §6.1): the addresses are ASCII.
        Assert.Equal("7bit", report.Part("message/delivery-status")["transfer_encoding"]!.GetValue<string>());
        AssertWellFormed(bytes);
    }

    [Fact]
    public async Task An_original_over_the_cap_is_returned_as_its_header()
    {
        var original = Encoding.ASCII.GetBytes("Subject: big\r\nMessage-ID: <big@sender.test>\r\n\r\n" + string.Concat(Enumerable.Repeat(new string('x', 76) + "\r\n", 140_000)));
        Assert.True(original.Length > DeliveryReportBuilder.DefaultMaxReturnedMessageSize);
        var bytes = new DeliveryReportBuilder(new FixedTimeProvider(Now)).Build(Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)), new MemoryStream(original));
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal(["text/plain", "message/delivery-status", "text/rfc822-headers"], report.PartTypes);
        Assert.Equal("<big@sender.test>", PythonReport.Field(report.Part("text/rfc822-headers")["headers"]!.AsArray(), "Message-ID"));
        Assert.True(bytes.Length < 8192, $"the report is {bytes.Length} octets");
    }

    [Fact]
    public async Task An_original_of_exactly_the_cap_goes_back_whole_and_one_octet_more_does_not()
    {
        var header = "Subject: sized\r\n\r\n";
        var atCap = Encoding.ASCII.GetBytes(header + new string('y', 998) + "\r\n");
        var builder = new DeliveryReportBuilder(new FixedTimeProvider(Now)) { MaxReturnedMessageSize = atCap.Length };
        var report = Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser));

        var whole = await PythonReport.ParseAsync(builder.Build(report, new MemoryStream(atCap)));
        Assert.Equal("message/rfc822", whole.PartTypes[2]);
        var overCap = Encoding.ASCII.GetBytes(header + new string('y', 998) + "\r\nz");
        var headerOnly = await PythonReport.ParseAsync(builder.Build(report, new MemoryStream(overCap)));
        Assert.Equal("text/rfc822-headers", headerOnly.PartTypes[2]);
    }

    [Fact]
    public async Task A_reply_without_an_enhanced_code_gets_the_generic_status_of_its_class()
    {
        var bytes = Build(
            Report(
                DsnReturn.Full,
                Failed("bob@remote.test", new SmtpReply(550, null, "No such user here")),
                new RecipientReport("carol@remote.test", null, ReportAction.Delayed, new SmtpReply(450, null, "Mailbox busy"), "mx.remote.test", null)),
            Original("original-ascii.eml"));
        var report = await PythonReport.ParseAsync(bytes);

        var blocks = report.StatusBlocks();
        Assert.Equal("5.0.0", PythonReport.Field(blocks[1], "Status"));
        Assert.Equal("smtp; 550 No such user here", PythonReport.Field(blocks[1], "Diagnostic-Code"));
        Assert.Equal("4.0.0", PythonReport.Field(blocks[2], "Status"));
        Assert.Equal("smtp; 450 Mailbox busy", PythonReport.Field(blocks[2], "Diagnostic-Code"));
        Assert.Null(PythonReport.Field(blocks[2], "Last-Attempt-Date"));
    }

    [Fact]
    public async Task A_long_multi_line_reply_is_folded_within_78_columns_and_unfolds_to_the_reply()
    {
        string[] lines =
        [
            "The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces.",
            "For more information, go to https://support.remote.test/mail/answer/6596?visit_id=0123456789abcdef0123456789abcdef&rd=1 and read the page.",
        ];
        var reply = new SmtpReply(550, new EnhancedStatusCode(5, 1, 1), lines);
        var bytes = Build(Report(DsnReturn.Full, Failed("bob@remote.test", reply)), Original("original-ascii.eml"));
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal("smtp; 550 5.1.1 " + string.Join(' ', lines), Unfold(PythonReport.Field(report.StatusBlocks()[1], "Diagnostic-Code")));
        var raw = Encoding.ASCII.GetString(bytes);
        var start = raw.IndexOf("Diagnostic-Code:", StringComparison.Ordinal);
        var end = raw.IndexOf("\r\nLast-Attempt-Date:", start, StringComparison.Ordinal);
        var folded = raw[start..end].Split("\r\n");
        Assert.True(folded.Length > 3, raw[start..end]);
        // Only a word longer than a line (the URL) may pass column 78, alone on its line.
        Assert.All(folded, line => Assert.True(line.Length <= 78 || !line.Trim().Contains(' ', StringComparison.Ordinal), line));
        Assert.All(folded.Skip(1), line => Assert.StartsWith(" ", line, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_utf8_recipient_makes_the_status_part_global_with_the_utf8_address_type()
    {
        var bytes = Build(
            Report(DsnReturn.Full, Failed("수신자@받는곳.test", new SmtpReply(550, new EnhancedStatusCode(5, 1, 1), "사용자 없음: unknown user"))
                with { OriginalRecipient = "utf-8;수신자@받는곳.test" }),
            Original("original-ascii.eml"));
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal(["text/plain", "message/global-delivery-status", "message/rfc822"], report.PartTypes);
        var blocks = report.StatusBlocks("message/global-delivery-status");
        Assert.Equal("dns; mx.posta.test", PythonReport.Field(blocks[0], "Reporting-MTA"));
        Assert.Equal("utf-8; 수신자@받는곳.test", PythonReport.Field(blocks[1], "Final-Recipient"));
        Assert.Equal("utf-8; 수신자@받는곳.test", PythonReport.Field(blocks[1], "Original-Recipient"));
        Assert.Equal("smtp; 550 5.1.1 사용자 없음: unknown user", PythonReport.Field(blocks[1], "Diagnostic-Code"));
        Assert.Equal("8bit", report.Part("message/global-delivery-status")["transfer_encoding"]!.GetValue<string>());
        Assert.Contains("<수신자@받는곳.test>", report.Part("text/plain")["text"]!.GetValue<string>(), StringComparison.Ordinal);
        AssertWellFormed(bytes);
    }

    [Fact]
    public async Task An_original_with_a_utf8_header_goes_back_as_message_global_or_global_headers()
    {
        var original = Original("original-utf8-header.eml");
        var report = Report(DsnReturn.Full, Failed("수신자@받는곳.test", UnknownUser)) with { Sender = "민준@보낸이.test" };

        var whole = await PythonReport.ParseAsync(Build(report, original));
        Assert.Equal(["text/plain", "message/global-delivery-status", "message/global"], whole.PartTypes);
        // The builder writes the domain as an A-label (RFC 6532 §3.2 allows either form).
        Assert.Equal("민준@" + new System.Globalization.IdnMapping().GetAscii("보낸이.test"), whole.Header("To"));
        Assert.Equal("회의 일정", PythonReport.Field(whole.Part("message/global")["headers"]!.AsArray(), "Subject"));
        Assert.Equal(Body(original), Crlf(whole.Part("message/global")["body"]!.GetValue<string>()));

        var headersOnly = await PythonReport.ParseAsync(Build(report with { Return = DsnReturn.Headers }, original));
        Assert.Equal(["text/plain", "message/global-delivery-status", "message/global-headers"], headersOnly.PartTypes);
        Assert.Equal("김민준 <민준@보낸이.test>", PythonReport.Field(headersOnly.Part("message/global-headers")["headers"]!.AsArray(), "From"));
    }

    [Fact]
    public async Task An_original_with_bare_line_feeds_goes_back_with_crlf()
    {
        var original = Encoding.ASCII.GetBytes("Subject: bare\nMessage-ID: <bare@sender.test>\n\nline one\nline two\n");
        var bytes = Build(Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)), original);
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal("message/rfc822", report.PartTypes[2]);
        Assert.Equal("line one\r\nline two\r\n", Crlf(report.Part("message/rfc822")["body"]!.GetValue<string>()));
        AssertWellFormed(bytes);
    }

    [Fact]
    public async Task An_original_with_a_line_over_998_octets_goes_back_as_its_header()
    {
        var original = Encoding.ASCII.GetBytes("Subject: long line\r\n\r\n" + new string('w', 1500) + "\r\n");
        var bytes = Build(Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)), original);
        var report = await PythonReport.ParseAsync(bytes);

        Assert.Equal("text/rfc822-headers", report.PartTypes[2]);
        Assert.Equal("long line", PythonReport.Field(report.Part("text/rfc822-headers")["headers"]!.AsArray(), "Subject"));
        AssertWellFormed(bytes);
    }

    [Fact]
    public void No_report_goes_to_the_null_reverse_path_names_no_recipient_or_holds_a_line_break_and_the_cap_is_bounded()
    {
        var builder = new DeliveryReportBuilder(new FixedTimeProvider(Now));
        Assert.Throws<ArgumentException>(() => builder.Build(Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)) with { Sender = string.Empty }, new MemoryStream(Original("original-ascii.eml"))));
        Assert.Throws<ArgumentException>(() => builder.Build(Report(DsnReturn.Full) with { Recipients = [] }, new MemoryStream(Original("original-ascii.eml"))));
        Assert.Throws<ArgumentException>(() => builder.Build(Report(DsnReturn.Full, Failed("bob@remote.test", UnknownUser)) with { Sender = "postmaster" }, new MemoryStream(Original("original-ascii.eml"))));
        Assert.Throws<ArgumentException>(() => builder.Build(Report(DsnReturn.Full, Failed("bob@remote.test\r\nBcc: x@y.test", UnknownUser)), new MemoryStream(Original("original-ascii.eml"))));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeliveryReportBuilder(TimeProvider.System) { MaxReturnedMessageSize = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeliveryReportBuilder(TimeProvider.System) { MaxReturnedMessageSize = int.MaxValue });
    }

    private static DeliveryReport Report(DsnReturn ret, params RecipientReport[] recipients) =>
        new("mx.posta.test", null, ret, "alice@sender.test", Arrival, recipients);

    private static RecipientReport Failed(string address, SmtpReply reply) =>
        new(address, null, ReportAction.Failed, reply, "mx.remote.test", Attempt);

    private static byte[] Build(DeliveryReport report, byte[] original) =>
        new DeliveryReportBuilder(new FixedTimeProvider(Now)).Build(report, new MemoryStream(original));

    private static byte[] Original(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "dsn", name));

    private static string Body(byte[] message)
    {
        var text = Encoding.UTF8.GetString(message);
        return text[(text.IndexOf("\r\n\r\n", StringComparison.Ordinal) + 4)..];
    }

    /// <summary>Python hands payloads back with the line ends it read; the report's are CRLF.</summary>
    private static string Crlf(string text) => text.Contains("\r\n", StringComparison.Ordinal) ? text : text.ReplaceLineEndings("\r\n");

    private static string? Unfold(string? value) => value?.Replace("\r\n", string.Empty, StringComparison.Ordinal).Replace("\n", string.Empty, StringComparison.Ordinal);

    /// <summary>RFC 5322 §2.1.1 and §2.3: every line ends in CRLF and holds at most 998 octets.</summary>
    private static void AssertWellFormed(byte[] message)
    {
        var span = message.AsSpan();
        var lineStart = 0;
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n')
            {
                Assert.True(i > 0 && span[i - 1] == (byte)'\r', $"bare LF at octet {i}");
                Assert.True(i - 1 - lineStart <= 998, $"a line of {i - 1 - lineStart} octets at {lineStart}");
                lineStart = i + 1;
            }
            else if (span[i] == (byte)'\r')
            {
                Assert.True(i + 1 < span.Length && span[i + 1] == (byte)'\n', $"bare CR at octet {i}");
            }
        }

        Assert.Equal(span.Length, lineStart);
    }
}

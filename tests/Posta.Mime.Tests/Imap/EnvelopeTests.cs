using Posta.Mime.Imap;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Imap;

public class EnvelopeTests
{
    private static string Envelope(string headers) => ImapEnvelope.Build(MimeReader.Read(TestMessages.Crlf(headers + "\n\nbody\n")).Root).ToString();

    [Fact]
    public void Rfc3501_example_envelope()
    {
        var envelope = Envelope(
            "Date: Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\n" +
            "From: Terry Gray <gray@cac.washington.edu>\n" +
            "Subject: IMAP4rev1 WG mtg summary and minutes\n" +
            "To: imap@cac.washington.edu\n" +
            "cc: minutes@CNRI.Reston.VA.US, John Klensin <KLENSIN@MIT.EDU>\n" +
            "Message-Id: <B27397-0100000@cac.washington.edu>");
        Assert.Equal(
            "(\"Wed, 17 Jul 1996 02:23:25 -0700 (PDT)\" \"IMAP4rev1 WG mtg summary and minutes\" " +
            "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) " +
            "((\"Terry Gray\" NIL \"gray\" \"cac.washington.edu\")) ((NIL NIL \"imap\" \"cac.washington.edu\")) " +
            "((NIL NIL \"minutes\" \"CNRI.Reston.VA.US\")(\"John Klensin\" NIL \"KLENSIN\" \"MIT.EDU\")) NIL NIL " +
            "\"<B27397-0100000@cac.washington.edu>\")",
            envelope);
    }

    [Fact]
    public void Sender_and_reply_to_default_to_from_when_absent_or_empty()
    {
        var envelope = Envelope("From: a@example.com\nSender:\nReply-To: r@example.com");
        Assert.Equal("(NIL NIL ((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"a\" \"example.com\")) ((NIL NIL \"r\" \"example.com\")) NIL NIL NIL NIL NIL)", envelope);
    }

    [Fact]
    public void Groups_routes_missing_domains_and_comment_names()
    {
        var envelope = Envelope("To: Team: a@example.com, \"B, Q.\" <@relay.example:b@example.com>;, undisclosed-recipients:;, local, c@example.com (Carol)");
        Assert.Equal(
            "(NIL NIL NIL NIL NIL ((NIL NIL \"Team\" NIL)(NIL NIL \"a\" \"example.com\")(\"B, Q.\" \"@relay.example\" \"b\" \"example.com\")(NIL NIL NIL NIL)" +
            "(NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL)(NIL NIL \"local\" \"MISSING_DOMAIN\")(\"Carol\" NIL \"c\" \"example.com\")) NIL NIL NIL NIL)",
            envelope);
    }

    [Fact]
    public void Values_are_unfolded_but_not_decoded_and_the_last_field_counts()
    {
        var envelope = Envelope("Subject: first\nSubject: =?utf-8?q?caf=C3=A9?=\n folded\nFrom: =?utf-8?q?J=C3=B6rg?= <j@example.com>");
        Assert.Equal(
            "(NIL \"=?utf-8?q?caf=C3=A9?= folded\" ((\"=?utf-8?q?J=C3=B6rg?=\" NIL \"j\" \"example.com\")) ((\"=?utf-8?q?J=C3=B6rg?=\" NIL \"j\" \"example.com\")) ((\"=?utf-8?q?J=C3=B6rg?=\" NIL \"j\" \"example.com\")) NIL NIL NIL NIL NIL)",
            envelope);
    }

    [Fact]
    public void Repeated_address_fields_are_joined_in_order_as_dovecot_does()
    {
        var envelope = Envelope("To: a@example.com\nCc: c@example.com\nSubject: s\nTO: B <b@example.com>, d@example.com\nTo:");
        Assert.Equal(
            "(NIL \"s\" NIL NIL NIL ((NIL NIL \"a\" \"example.com\")(\"B\" NIL \"b\" \"example.com\")(NIL NIL \"d\" \"example.com\")) ((NIL NIL \"c\" \"example.com\")) NIL NIL NIL)",
            envelope);
    }

    [Fact]
    public void Message_without_headers_has_an_all_nil_envelope()
    {
        Assert.Equal("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)", ImapEnvelope.Build(MimeReader.Read(TestMessages.Crlf("\nbody")).Root).ToString());
    }
}

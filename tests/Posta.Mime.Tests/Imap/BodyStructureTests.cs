using Posta.Mime.Imap;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Imap;

public class BodyStructureTests
{
    [Fact]
    public void Plain_message_without_content_headers_gets_the_rfc_defaults()
    {
        var message = MimeReader.Read(TestMessages.Crlf("Subject: hi\n\nline one\nline two\n"));
        Assert.Equal("(\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 20 2 NIL NIL NIL NIL)", ImapBodyStructure.Build(message.Root, true).ToString());
    }

    [Fact]
    public void Rfc2231_parameters_are_joined_with_their_charset_as_dovecot_reports_them()
    {
        var message = MimeReader.Read(TestMessages.Crlf(
            "Content-Type: application/octet-stream; name*0*=utf-8''%E2%82%AC; name*1=\" rate.txt\"\n" +
            "Content-Disposition: attachment; filename*=iso-8859-1'en'caf%E9.txt\n\nx"));
        Assert.Equal(
            "(\"application\" \"octet-stream\" (\"name*\" \"utf-8''%E2%82%AC%20rate.txt\") NIL NIL \"7bit\" 1 NIL (\"attachment\" (\"filename*\" \"iso-8859-1'en'caf%E9.txt\")) NIL NIL)",
            ImapBodyStructure.Build(message.Root, true).ToString());
        Assert.Equal("€ rate.txt", message.Root.ContentType.Name);
        Assert.Equal("café.txt", message.Root.FileName);
    }

    [Fact]
    public void Multipart_without_parts_holds_one_empty_text_part()
    {
        var message = MimeReader.Read(TestMessages.Crlf("Content-Type: multipart/mixed; boundary=x\n\n--x--\n"));
        Assert.Equal(
            "((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0 NIL NIL NIL NIL) \"mixed\" (\"boundary\" \"x\") NIL NIL NIL)",
            ImapBodyStructure.Build(message.Root, true).ToString());
        Assert.Equal("((\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) \"mixed\")", ImapBodyStructure.Build(message.Root, false).ToString());
    }

    [Fact]
    public void Encoded_message_part_keeps_the_grammar_with_an_empty_envelope()
    {
        var message = MimeReader.Read(TestMessages.Crlf("Content-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\nU3ViamVjdDogeAoKeQo=\n"));
        var body = ImapBodyStructure.Build(message.Root, false);
        Assert.Equal(
            "(\"message\" \"rfc822\" NIL NIL NIL \"base64\" 22 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 0 0) 1)",
            body.ToString());
    }

    [Fact]
    public void Message_rfc822_is_written_in_lower_case_as_dovecot_does()
    {
        var message = MimeReader.Read(TestMessages.Crlf("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: MESSAGE/RFC822\n\nSubject: in\n\nbody\n--b\nContent-Type: Message/Delivery-Status\n\nx\n--b--\n"));
        Assert.Equal(
            "((\"message\" \"rfc822\" NIL NIL NIL \"7bit\" 19 (NIL \"in\" NIL NIL NIL NIL NIL NIL NIL NIL) (\"text\" \"plain\" (\"charset\" \"us-ascii\") NIL NIL \"7bit\" 4 0) 2)" +
            "(\"Message\" \"Delivery-Status\" NIL NIL NIL \"7bit\" 1) \"mixed\")",
            ImapBodyStructure.Build(message.Root, false).ToString());
    }

    [Fact]
    public void Message_global_nests_only_when_asked()
    {
        var message = MimeReader.Read(TestMessages.Crlf("Content-Type: message/global\n\nSubject: inner\n\nbody\n"));
        Assert.Equal(MimePartKind.Message, message.Root.Kind);
        Assert.StartsWith("(\"message\" \"global\" NIL NIL NIL \"7bit\" 24 (NIL \"inner\"", ImapBodyStructure.Build(message.Root, false, messageGlobal: true).ToString());
        Assert.Equal("(\"message\" \"global\" NIL NIL NIL \"7bit\" 24)", ImapBodyStructure.Build(message.Root, false).ToString());
    }

    [Fact]
    public void Eight_bit_values_are_strings_the_writer_must_send_as_literals()
    {
        var message = MimeReader.Read(TestMessages.Crlf("Content-Type: text/plain; name=\"Grüße.txt\"\n\nx"));
        var parameters = (ImapList)ImapBodyStructure.Build(message.Root, false).Items[2];
        var value = (ImapString)parameters.Items[1];
        Assert.False(value.CanBeQuoted);
        Assert.Equal("Grüße.txt", System.Text.Encoding.UTF8.GetString(value.Value.Span));
    }
}

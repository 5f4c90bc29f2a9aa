using System.Buffers;
using System.Text;
using Posta.Mime.Editing;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Editing;

public class HeaderEditorTests
{
    private static readonly byte[] Source = TestMessages.Crlf(
        "Received: from a by b; Mon, 1 Jan 2024 00:00:00 +0000\n" +
        "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s;\n" +
        "\th=from:subject; bh=abc=; b=def\n" +
        "From: a@example.com\n" +
        "X-Spam: yes\n" +
        "Subject: hello\n" +
        "X-Spam: again\n" +
        "\n" +
        "body line\n" +
        "Content-Type looks like a header but is body\n");

    private static string Apply(HeaderEditor editor, byte[] source, long? length = null) =>
        Encoding.UTF8.GetString(editor.Build(length).ToArray(new ReadOnlySequence<byte>(source)));

    [Fact]
    public void Prepended_fields_go_on_top_and_every_original_byte_stays()
    {
        var editor = new HeaderEditor(MimeReader.Read(Source));
        editor.Prepend("Authentication-Results", "mx.example.org; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass header.from=example.com");
        editor.Prepend("Received", "from mail.example.com (mail.example.com [192.0.2.1]) by mx.example.org (Posta) with ESMTPS id 123; Tue, 2 Jan 2024 10:00:00 +0000");
        var result = Apply(editor, Source);
        var original = Encoding.UTF8.GetString(Source);
        Assert.EndsWith(original, result, StringComparison.Ordinal);
        var added = result[..^original.Length];
        Assert.StartsWith("Received: from mail.example.com", added, StringComparison.Ordinal);
        Assert.Contains("\r\nAuthentication-Results: mx.example.org;", added, StringComparison.Ordinal);
        Assert.All(added.Split("\r\n")[..^1], line => Assert.InRange(line.Length, 1, 78));
        Assert.All(added.Split("\r\n")[1..^1], line => Assert.True(line.StartsWith(' ') || line.StartsWith("Authentication-Results:", StringComparison.Ordinal), line));

        var reread = MimeReader.Read(Encoding.UTF8.GetBytes(result));
        Assert.Equal(["Received", "Authentication-Results", "Received", "DKIM-Signature", "From", "X-Spam", "Subject", "X-Spam"], reread.Headers.Select(h => h.Name));
        Assert.Equal("mx.example.org; spf=pass smtp.mailfrom=example.com; dkim=pass header.d=example.com; dmarc=pass header.from=example.com", reread.Headers[1].Value);
    }

    [Fact]
    public void Removing_fields_cuts_exactly_their_bytes()
    {
        var message = MimeReader.Read(Source);
        var editor = new HeaderEditor(message);
        Assert.Equal(2, editor.RemoveAll("x-spam"));
        Assert.True(editor.Remove(message.Headers["DKIM-Signature"]!));
        var expected = Encoding.UTF8.GetString(Source)
            .Replace("X-Spam: yes\r\n", "", StringComparison.Ordinal)
            .Replace("X-Spam: again\r\n", "", StringComparison.Ordinal)
            .Replace("DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=s;\r\n\th=from:subject; bh=abc=; b=def\r\n", "", StringComparison.Ordinal);
        Assert.Equal(expected, Apply(editor, Source));
        Assert.Equal(["Received", "From", "Subject"], editor.Headers.Select(h => h.Name));
    }

    [Fact]
    public void Removal_can_select_by_value()
    {
        var editor = new HeaderEditor(MimeReader.Read(Source));
        Assert.Equal(1, editor.RemoveAll("X-Spam", h => h.Value == "again"));
        Assert.DoesNotContain("again", Apply(editor, Source), StringComparison.Ordinal);
        Assert.Contains("X-Spam: yes", Apply(editor, Source), StringComparison.Ordinal);
    }

    [Fact]
    public void Appended_fields_go_before_the_blank_line_with_the_messages_line_ending()
    {
        var lf = TestMessages.Lf("Subject: x\n\nbody\n");
        var editor = new HeaderEditor(MimeReader.Read(lf));
        editor.Append("X-Sieve", "added =?not?= encoded: Grüße");
        var result = Apply(editor, lf);
        Assert.Equal("Subject: x\nX-Sieve: added =?utf-8?b?PT9ub3Q/PQ==?= encoded: =?utf-8?b?R3LDvMOfZQ==?=\n\nbody\n", result);
        Assert.Equal("added =?not?= encoded: Grüße", MimeReader.Read(Encoding.UTF8.GetBytes(result)).Headers["X-Sieve"]!.Value);
    }

    [Fact]
    public void Append_after_a_header_that_ends_without_line_break()
    {
        var source = "Subject: unterminated"u8.ToArray();
        var editor = new HeaderEditor(MimeReader.Read(source));
        editor.Append("X-A", "b");
        Assert.Equal("Subject: unterminated\r\nX-A: b\r\n", Apply(editor, source));
    }

    [Fact]
    public void Mbox_from_line_stays_first()
    {
        var source = TestMessages.Lf("From x@y Mon Jan  1 00:00:00 2024\nSubject: x\n\nbody\n");
        var editor = new HeaderEditor(MimeReader.Read(source));
        editor.Prepend("X-First", "1");
        Assert.Equal("From x@y Mon Jan  1 00:00:00 2024\nX-First: 1\nSubject: x\n\nbody\n", Apply(editor, source));
    }

    [Fact]
    public void Headers_only_read_edits_a_message_of_known_length()
    {
        var message = MimeReader.ReadHeaders(new ReadOnlySequence<byte>(Source));
        var editor = new HeaderEditor(message);
        editor.PrependRaw("X-Raw:  kept   as is\r\n"u8);
        Assert.Equal("X-Raw:  kept   as is\r\n" + Encoding.UTF8.GetString(Source), Apply(editor, Source, Source.Length));
    }

    [Fact]
    public async Task Edited_message_streams_from_a_seekable_source()
    {
        var editor = new HeaderEditor(MimeReader.Read(Source));
        editor.Prepend("X-Top", "1");
        editor.RemoveAll("Subject");
        using var source = new MemoryStream(Source);
        using var destination = new MemoryStream();
        await editor.Build().CopyToAsync(source, destination);
        Assert.Equal(Apply(editor, Source), Encoding.UTF8.GetString(destination.ToArray()));
    }

    [Fact]
    public void Bad_fields_are_refused()
    {
        var editor = new HeaderEditor(MimeReader.Read(Source));
        Assert.Throws<ArgumentException>(() => editor.Prepend("Bad Name", "x"));
        Assert.Throws<ArgumentException>(() => editor.PrependRaw("no colon\r\n"u8));
        Assert.Throws<ArgumentException>(() => editor.AppendRaw("X-A: no line break"u8));
    }
}

using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Posta.Mime.Addresses;
using Posta.Mime.Building;
using Posta.Mime.Editing;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Properties;

/// <summary>What the builder writes, the reader reads back: headers, addresses, text, attachments, filenames.</summary>
public class BuilderProperties
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(150);

    private sealed record Case(string Subject, string Name, string Local, string Domain, string Text, byte[] Attachment, string FileName);

    private static Gen<Case> Cases =>
        from subject in MimeGenerators.Phrase
        from name in MimeGenerators.Phrase
        from local in MimeGenerators.LocalPart
        from domain in MimeGenerators.Domain
        from text in MimeGenerators.BodyText
        from attachment in MimeGenerators.BinaryContent
        from fileName in MimeGenerators.Phrase
        select new Case(subject, name, local, domain, text, attachment, fileName);

    [Fact]
    public void Built_messages_read_back_the_same()
    {
        Check.One(Quick, Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var builder = new MessageBuilder
            {
                From = new MailboxAddress(c.Name, c.Local, c.Domain),
                Subject = c.Subject,
                Body = new MultipartPart("mixed", new TextPart(c.Text), new AttachmentPart(c.Attachment, "application/octet-stream", c.FileName)),
            };
            builder.To.Add(new MailboxAddress(c.Name, c.Local, c.Domain));
            var bytes = builder.ToArray();
            var source = new ReadOnlySequence<byte>(bytes);

            Assert.True(System.Text.Ascii.IsValid(bytes) || !System.Text.Ascii.IsValid(c.Local + c.Domain), "7bit-safe unless the address itself is not ASCII");
            var message = MimeReader.Read(bytes);
            Assert.Equal(MimeProblems.None, message.Problems & ~MimeProblems.LongLine);
            Assert.Equal(c.Subject, message.Headers["Subject"]!.Value);
            var from = Assert.IsType<MailboxAddress>(Assert.Single(AddressParser.Parse(message.Headers["From"]!.RawValue.Span)));
            Assert.Equal(c.Name, from.DisplayName);
            Assert.Equal(c.Local, from.LocalPart);
            Assert.Equal(new MailboxAddress(null, "x", c.Domain).AsciiDomain, from.AsciiDomain);
            Assert.Equal(c.Text.ReplaceLineEndings("\r\n"), MimeContent.GetText(message.Root.Children[0], source));
            Assert.Equal(c.Attachment, MimeContent.DecodeBody(message.Root.Children[1], source));
            Assert.Equal(c.FileName, message.Root.Children[1].FileName);
        }));
    }

    [Fact]
    public void Header_edits_change_only_the_edited_fields()
    {
        var gen =
            from subject in MimeGenerators.Phrase
            from added in MimeGenerators.Phrase
            from removeSubject in Gen.Elements(true, false)
            select (subject, added, removeSubject);
        Check.One(Quick, Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var builder = new MessageBuilder { From = new MailboxAddress(null, "a", "example.com"), Subject = t.subject, Body = new TextPart("body") };
            var bytes = builder.ToArray();
            var message = MimeReader.Read(bytes);
            var editor = new HeaderEditor(message);
            editor.Prepend("X-Added", t.added);
            if (t.removeSubject)
                editor.RemoveAll("Subject");
            var edited = editor.Build().ToArray(new ReadOnlySequence<byte>(bytes));

            var reread = MimeReader.Read(edited);
            Assert.Equal(t.added, reread.Headers[0].Value);
            var kept = message.Headers.Where(h => !t.removeSubject || !h.Is("Subject")).ToList();
            Assert.Equal(kept.Select(h => h.RawField.ToArray()), reread.Headers.Skip(1).Select(h => h.RawField.ToArray()));
            Assert.Equal(bytes[(int)message.Root.BodyOffset..], edited[(int)reread.Root.BodyOffset..]);
        }));
    }
}

using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using Posta.Mime.Addresses;
using Posta.Mime.Editing;
using Posta.Mime.Imap;
using Posta.Mime.Reading;
using Posta.Mime.Tests.Reading;

namespace Posta.Mime.Tests.Properties;

/// <summary>Whatever the input, the reader and everything built on it complete without an exception and stay consistent.</summary>
public class ReaderProperties
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(400).WithEndSize(200);

    [Fact]
    public void Random_input_never_throws_and_offsets_stay_in_bounds() =>
        Check.One(Quick, Prop.ForAll(MimeGenerators.HostileBytes.ToArbitrary(), Holds));

    [Fact]
    public void Mutated_corpus_messages_never_throw_and_read_the_same_from_a_stream()
    {
        var seeds = ReaderTests.SampleMessages().ToList();
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), Prop.ForAll(MimeGenerators.Mutated(seeds).ToArbitrary(), data =>
        {
            Holds(data);
            Assert.Equal(TreeText.Describe(MimeReader.Read(data)), TreeText.Describe(MimeReader.Read(new MemoryStream(data))));
        }));
    }

    [Fact]
    public void Tiny_limits_never_throw()
    {
        var limits = new MimeLimits { MaxNestingDepth = 1, MaxParts = 2, MaxHeaderCount = 1, MaxHeaderFieldSize = 78, MaxHeaderBlockSize = 100 };
        Check.One(Quick, Prop.ForAll(MimeGenerators.HostileBytes.ToArbitrary(), data =>
        {
            var message = MimeReader.Read(data, limits);
            Assert.True(message.PartCount <= 2);
            Assert.All(message.EnumerateParts(), p => Assert.True(p.Headers.Count <= 1 && p.Depth <= 1));
        }));
    }

    private static void Holds(byte[] data)
    {
        var message = MimeReader.Read(data);
        var source = new ReadOnlySequence<byte>(data);
        Assert.Equal(data.Length, message.Length);
        Assert.True(message.PartCount <= MimeLimits.DefaultMaxParts);
        foreach (var part in message.EnumerateParts())
        {
            Assert.InRange(part.HeaderOffset, 0, data.Length);
            Assert.InRange(part.BodyOffset, part.HeaderOffset, data.Length);
            Assert.InRange(part.EndOffset, part.BodyOffset, data.Length);
            foreach (var child in part.Children)
                Assert.InRange(child.HeaderOffset, part.BodyOffset, part.EndOffset);
            foreach (var header in part.Headers)
            {
                Assert.Equal(data.AsSpan((int)header.Offset, header.RawField.Length).ToArray(), header.RawField.ToArray());
                _ = header.Value;
            }

            _ = part.FileName;
            _ = MimeContent.DecodeBody(part, source);
            _ = MimeContent.GetText(part, source);
            if (part.IsMessageRoot)
            {
                _ = ImapEnvelope.Build(part).ToString();
                foreach (var header in part.Headers)
                    _ = AddressParser.Parse(header.RawValue.Span).Select(a => a.ToString()).ToList();
            }
        }

        _ = ImapBodyStructure.Build(message.Root, true, messageGlobal: true).ToString();
        _ = ImapBodyStructure.Build(message.Root, false).ToString();
        foreach (var spec in new[] { "", "HEADER", "TEXT", "1", "1.MIME", "1.1", "2.HEADER", "1.2.3", "HEADER.FIELDS (From Subject)", "1.HEADER.FIELDS.NOT (To)" })
        {
            ImapSection.TryParse(spec, out var section);
            _ = ImapSections.GetContent(message, section!)?.ToArray(source);
        }

        _ = ImapSearchText.BodyTexts(message, source).ToList();
        Assert.Equal(data, new HeaderEditor(message).Build().ToArray(source));
    }
}

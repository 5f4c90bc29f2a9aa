using System.Text;
using Posta.Mime.Imap;
using Posta.Mime.Reading;

namespace Posta.Mime.Tests.Differential;

/// <summary>
/// APPENDs every corpus message (line endings made CRLF) to a real Dovecot and compares its FETCH
/// ENVELOPE, BODYSTRUCTURE and BODY with Posta.Mime's views of the same bytes, in one text form that
/// differs only where the octets differ (<see cref="DovecotComparisonText"/>). Every difference must be
/// listed, with its reason, in dovecot-differences.tsv; a listed difference that no longer occurs fails
/// too. A message Dovecot refuses or cannot fetch is a difference like any other, and an error in
/// Dovecot's log while a corpus is compared fails the test.
/// </summary>
public sealed class DovecotDifferentialTests(DovecotFixture fixture) : IClassFixture<DovecotFixture>
{
    private static readonly string[] Views = ["ENVELOPE", "BODYSTRUCTURE", "BODY"];

    [Fact]
    public async Task Python_test_suite_messages_match_dovecot()
    {
        TestPaths.RequireDirectory(TestPaths.PythonCorpus);
        await Run("python", Files(TestPaths.PythonCorpus, Directory.GetFiles(TestPaths.PythonCorpus, "msg_*.txt")));
    }

    [Fact]
    public async Task Enmime_test_messages_match_dovecot()
    {
        TestPaths.RequireDirectory(TestPaths.EnmimeCorpus);
        var files = new[] { "mail", "low-quality", "parts" }
            .SelectMany(d => Directory.GetFiles(Path.Combine(TestPaths.EnmimeCorpus, d), "*.raw"))
            .Concat(Directory.GetFiles(Path.Combine(TestPaths.EnmimeCorpus, "encode"), "*.golden"));
        await Run("enmime", Files(TestPaths.EnmimeCorpus, files));
    }

    [Fact]
    public async Task ClamAV_test_mails_match_dovecot()
    {
        string[] names = ["clam.mail", "clam.exe.mbox.base64", "clam.exe.mbox.uu"];
        foreach (var name in names)
            TestPaths.RequireFile(Path.Combine(TestPaths.ClamAvCorpus, name));
        await Run("clamav", Files(TestPaths.ClamAvCorpus, names.Select(n => Path.Combine(TestPaths.ClamAvCorpus, n))));
    }

    [Fact]
    public async Task Generated_messages_match_dovecot() => await Run("generated", Messages.All());

    [Fact]
    public async Task Messages_written_for_posta_match_dovecot()
    {
        var root = Path.Combine(TestPaths.TestData, "posta");
        await Run("posta", Files(root, Directory.GetFiles(root, "*.eml")));
    }

    private static IEnumerable<(string Name, byte[] Bytes)> Files(string root, IEnumerable<string> files) =>
        files.Select(f => (Path.GetRelativePath(root, f), File.ReadAllBytes(f)));

    private async Task Run(string corpus, IEnumerable<(string Name, byte[] Bytes)> corpusMessages)
    {
        var dovecot = fixture.Dovecot;
        var messages = corpusMessages
            .Select(m => (Name: corpus + "/" + m.Name, Bytes: Crlf(m.Bytes)))
            .OrderBy(m => m.Name, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(messages);
        var recorded = DovecotDifferences.Load().Where(e => e.Key.StartsWith(corpus + "/", StringComparison.Ordinal)).ToDictionary();

        var logStart = dovecot.ReadLog().Length;
        await using var session = await DovecotImapSession.LoginAsync(dovecot.ImapPort, DovecotFixture.User, DovecotFixture.Password);
        var appended = await session.AppendAllAsync(messages.Select(m => m.Bytes).ToList());
        await session.CommandAsync("s SELECT INBOX");
        var fetched = await session.FetchAllAsync(
            appended.Where(a => a.Uid is not null).Select(a => a.Uid!.Value).ToList(),
            "(ENVELOPE BODYSTRUCTURE BODY)");

        var actual = new Dictionary<string, (string Posta, string Dovecot)>(StringComparer.Ordinal);
        for (var i = 0; i < messages.Count; i++)
        {
            var (name, bytes) = messages[i];
            if (appended[i].Uid is not { } uid)
            {
                actual[DovecotDifferences.Key(name, "APPEND")] = ("appended", appended[i].Error!);
                continue;
            }

            if (fetched[uid] is not { Attributes: { } attributes })
            {
                actual[DovecotDifferences.Key(name, "FETCH")] = ("fetched", fetched[uid].Error!);
                continue;
            }

            var root = MimeReader.Read(bytes).Root;
            foreach (var view in Views)
            {
                var ours = DovecotComparisonText.Of(view switch
                {
                    "ENVELOPE" => ImapEnvelope.Build(root),
                    "BODYSTRUCTURE" => ImapBodyStructure.Build(root, extensible: true),
                    _ => ImapBodyStructure.Build(root, extensible: false),
                });
                var theirs = attributes.Attribute(view) is { } value ? DovecotComparisonText.Of(value) : "(missing from the FETCH reply)";
                if (ours != theirs)
                    actual[DovecotDifferences.Key(name, view)] = (ours, theirs);
            }
        }

        var report = new StringBuilder();
        foreach (var (key, (posta, theirs)) in actual.Where(a => !recorded.ContainsKey(a.Key)).OrderBy(a => a.Key, StringComparer.Ordinal))
            report.Append("unexplained: ").Append(key).Append("\n    posta:   ").Append(posta).Append("\n    dovecot: ").Append(theirs).Append('\n');
        foreach (var key in recorded.Keys.Where(k => !actual.ContainsKey(k)).Order(StringComparer.Ordinal))
            report.Append("stale entry (Posta and Dovecot now agree): ").Append(key).Append('\n');

        // A message Dovecot could not parse or cache shows up in its log even when FETCH answered.
        string[] alarms = [" Error: ", " Panic: ", " Fatal: "];
        foreach (var line in dovecot.ReadLog()[logStart..].Split('\n').Where(l => alarms.Any(a => l.Contains(a, StringComparison.Ordinal))))
            report.Append("dovecot log: ").Append(line).Append('\n');
        Assert.True(report.Length == 0, $"{corpus}: {messages.Count} messages, {actual.Count} differences\n{report}");
    }

    // Bare LF becomes CRLF: what an IMAP client sends in APPEND, and what Posta reads here too.
    private static byte[] Crlf(byte[] message)
    {
        var output = new List<byte>(message.Length + message.Length / 32);
        for (var i = 0; i < message.Length; i++)
        {
            if (message[i] == '\n' && (i == 0 || message[i - 1] != '\r'))
                output.Add((byte)'\r');
            output.Add(message[i]);
        }

        return [.. output];
    }
}

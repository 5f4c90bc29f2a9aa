using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Posta.Mime.Tests.Differential;

/// <summary>
/// Just enough of an IMAP client to put messages into Dovecot and fetch its views of them: LOGIN,
/// APPEND with LITERAL+ (RFC 7888) pipelined, SELECT, and UID FETCH pipelined, each reply read with
/// <see cref="ImapResponseReader"/> so literals inside ENVELOPE and BODYSTRUCTURE arrive intact.
/// </summary>
internal sealed partial class DovecotImapSession : IAsyncDisposable
{
    private readonly TcpClient _tcp;
    private readonly NetworkStream _stream;
    private readonly ImapResponseReader _reader;

    private DovecotImapSession(TcpClient tcp)
    {
        _tcp = tcp;
        _stream = tcp.GetStream();
        _reader = new ImapResponseReader(_stream);
    }

    public static async Task<DovecotImapSession> LoginAsync(int port, string user, string password)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var session = new DovecotImapSession(tcp);
        try
        {
            var greeting = Text(await session._reader.ReadAsync());
            if (!greeting.StartsWith("* OK", StringComparison.Ordinal))
                throw new InvalidOperationException("Dovecot greeted with " + greeting);
            await session.CommandAsync($"l LOGIN \"{user}\" \"{password}\"");
            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs one command and returns its untagged replies; anything but a tagged OK throws.</summary>
    public async Task<IReadOnlyList<byte[]>> CommandAsync(string command)
    {
        var tag = command[..command.IndexOf(' ', StringComparison.Ordinal)];
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var untagged = new List<byte[]>();
        while (true)
        {
            var reply = await _reader.ReadAsync();
            var text = Text(reply);
            if (!text.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                untagged.Add(reply);
                continue;
            }

            if (!text.StartsWith(tag + " OK", StringComparison.Ordinal))
                throw new InvalidOperationException($"{command} -> {text}");
            return untagged;
        }
    }

    /// <summary>
    /// APPENDs every message to INBOX, pipelined (commands go out while replies come in); returns for
    /// each message its UID (from APPENDUID, RFC 4315) or the server's refusal.
    /// </summary>
    public async Task<IReadOnlyList<(uint? Uid, string? Error)>> AppendAllAsync(IReadOnlyList<byte[]> messages)
    {
        var writer = Task.Run(async () =>
        {
            for (var i = 0; i < messages.Count; i++)
            {
                var command = string.Create(CultureInfo.InvariantCulture, $"a{i} APPEND INBOX {{{messages[i].Length}+}}\r\n");
                await _stream.WriteAsync(Encoding.ASCII.GetBytes(command));
                await _stream.WriteAsync(messages[i]);
                await _stream.WriteAsync("\r\n"u8.ToArray());
            }
        });

        var results = new (uint?, string?)[messages.Count];
        for (var done = 0; done < messages.Count;)
        {
            var text = Text(await _reader.ReadAsync());
            var tagged = TaggedReply().Match(text);
            if (!tagged.Success || tagged.Groups["prefix"].Value != "a")
                continue;
            var index = int.Parse(tagged.Groups["n"].Value, CultureInfo.InvariantCulture);
            var uid = AppendUid().Match(text);
            results[index] = tagged.Groups["status"].Value == "OK" && uid.Success
                ? (uint.Parse(uid.Groups[1].Value, CultureInfo.InvariantCulture), null)
                : (null, text);
            done++;
        }

        await writer;
        return results;
    }

    /// <summary>
    /// UID FETCHes <paramref name="items"/> of each message, pipelined; returns each UID's msg-att list
    /// (the parenthesised list of the untagged FETCH reply), or the tagged reply when there was none.
    /// </summary>
    public async Task<IReadOnlyDictionary<uint, (DovecotReply? Attributes, string? Error)>> FetchAllAsync(IReadOnlyList<uint> uids, string items)
    {
        var writer = Task.Run(async () =>
        {
            foreach (var uid in uids)
                await _stream.WriteAsync(Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"f{uid} UID FETCH {uid} {items}\r\n")));
        });

        var fetched = new Dictionary<uint, DovecotReply>();
        var results = new Dictionary<uint, (DovecotReply?, string?)>();
        while (results.Count < uids.Count)
        {
            var reply = await _reader.ReadAsync();
            var text = Text(reply);
            if (text.StartsWith("* ", StringComparison.Ordinal))
            {
                var parsed = DovecotReply.Parse(reply);
                if (parsed.Items is [_, _, { Kind: DovecotReplyKind.Atom, Atom: "FETCH" }, { Kind: DovecotReplyKind.List } attributes]
                    && attributes.Attribute("UID") is { Kind: DovecotReplyKind.Atom } uid)
                {
                    fetched[uint.Parse(uid.Atom, CultureInfo.InvariantCulture)] = attributes;
                }

                continue;
            }

            var tagged = TaggedReply().Match(text);
            if (!tagged.Success || tagged.Groups["prefix"].Value != "f")
                continue;
            var n = uint.Parse(tagged.Groups["n"].Value, CultureInfo.InvariantCulture);
            results[n] = tagged.Groups["status"].Value == "OK" && fetched.TryGetValue(n, out var found)
                ? (found, null)
                : (null, text);
        }

        await writer;
        return results;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _stream.WriteAsync("z LOGOUT\r\n"u8.ToArray());
        }
        catch (IOException)
        {
        }

        await _stream.DisposeAsync();
        _tcp.Dispose();
    }

    private static string Text(byte[] reply) => Encoding.UTF8.GetString(reply).TrimEnd('\r', '\n');

    [GeneratedRegex(@"^(?<prefix>[a-z])(?<n>\d+) (?<status>OK|NO|BAD)\b")]
    private static partial Regex TaggedReply();

    [GeneratedRegex(@"\[APPENDUID \d+ (\d+)\]")]
    private static partial Regex AppendUid();
}

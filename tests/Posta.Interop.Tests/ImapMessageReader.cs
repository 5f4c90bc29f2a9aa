using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace Posta.Interop.Tests;

/// <summary>
/// Fetches whole messages over IMAP as bytes (a literal counted in octets, which a text reader
/// would get wrong for 8-bit content): LOGIN, SELECT INBOX, FETCH 1:n BODY.PEEK[].
/// </summary>
internal sealed class ImapMessageReader
{
    private readonly NetworkStream _stream;
    private readonly CancellationToken _cancellationToken;
    private readonly byte[] _one = new byte[1];

    private ImapMessageReader(NetworkStream stream, CancellationToken cancellationToken)
    {
        _stream = stream;
        _cancellationToken = cancellationToken;
    }

    /// <summary>Every message in <paramref name="user"/>'s INBOX, as the server stores it.</summary>
    public static async Task<IReadOnlyList<byte[]>> FetchInboxAsync(int port, string user, string password)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var imap = new ImapMessageReader(tcp.GetStream(), timeout.Token);
        Assert.StartsWith("* OK", await imap.ReadLineAsync(), StringComparison.Ordinal);
        await imap.CommandAsync("a", $"LOGIN \"{user}\" \"{password}\"");
        var select = await imap.CommandAsync("b", "SELECT INBOX");
        var exists = select.Select(l => l.Text).Single(l => l.EndsWith(" EXISTS", StringComparison.Ordinal));
        var count = int.Parse(exists.Split(' ')[1], CultureInfo.InvariantCulture);
        var messages = new List<byte[]>();
        if (count > 0)
        {
            var fetch = await imap.CommandAsync("c", $"FETCH 1:{count} BODY.PEEK[]");
            messages.AddRange(fetch.Where(l => l.Literal is not null).Select(l => l.Literal!));
        }

        await imap.CommandAsync("d", "LOGOUT");
        return messages;
    }

    /// <summary>Sends a command; returns every response line up to the tagged OK, each with the literal it announced.</summary>
    private async Task<IReadOnlyList<(string Text, byte[]? Literal)>> CommandAsync(string tag, string command)
    {
        await _stream.WriteAsync(Encoding.UTF8.GetBytes($"{tag} {command}\r\n"), _cancellationToken);
        var lines = new List<(string, byte[]?)>();
        while (true)
        {
            var text = await ReadLineAsync();
            byte[]? literal = null;
            if (text.EndsWith('}'))
            {
                var open = text.LastIndexOf('{');
                literal = new byte[int.Parse(text[(open + 1)..^1], CultureInfo.InvariantCulture)];
                await _stream.ReadExactlyAsync(literal, _cancellationToken);

                // The rest of the response after the literal (")").
                text += await ReadLineAsync();
            }

            lines.Add((text, literal));
            if (text.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                Assert.True(text.StartsWith(tag + " OK", StringComparison.Ordinal), $"{command}: {text}");
                return lines;
            }
        }
    }

    private async Task<string> ReadLineAsync()
    {
        var line = new List<byte>();
        while (true)
        {
            if (await _stream.ReadAsync(_one, _cancellationToken) == 0)
            {
                throw new EndOfStreamException("the IMAP server closed the connection");
            }

            if (_one[0] == (byte)'\n' && line.Count > 0 && line[^1] == (byte)'\r')
            {
                return Encoding.UTF8.GetString(line.ToArray(), 0, line.Count - 1);
            }

            line.Add(_one[0]);
        }
    }
}

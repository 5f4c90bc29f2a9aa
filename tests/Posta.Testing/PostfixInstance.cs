using System.Globalization;

namespace Posta.Testing;

/// <summary>
/// A private Postfix (Debian's package) under a temporary directory: its own main.cf, master.cf,
/// queue and log, one SMTP listener on a free loopback port. Mail for the given mailboxes is
/// delivered to Maildirs under <c>mail/DOMAIN/LOCAL/</c>; other addresses of their domains are
/// refused at RCPT; anything else is relayed to <c>relayhost</c> when one is given (to send to
/// Posta), else refused.
/// </summary>
public sealed class PostfixInstance : IAsyncDisposable
{
    private const string PostfixBinary = "/usr/sbin/postfix";

    private readonly TempDirectory _dir;
    private readonly PeerProcess _master;

    private PostfixInstance(TempDirectory dir, PeerProcess master, int smtpPort, IReadOnlyList<string> mailboxes)
    {
        _dir = dir;
        _master = master;
        SmtpPort = smtpPort;
        Mailboxes = mailboxes;
    }

    /// <summary>The loopback port Postfix's smtpd listens on.</summary>
    public int SmtpPort { get; }

    /// <summary>Addresses Postfix delivers locally into Maildirs.</summary>
    public IReadOnlyList<string> Mailboxes { get; }

    /// <summary>The configuration directory (main.cf, master.cf).</summary>
    public string ConfigDirectory => _dir.Combine("etc");

    /// <summary>Starts Postfix. <paramref name="relayHost"/> like "[127.0.0.1]:2525" sends other mail there.</summary>
    public static async Task<PostfixInstance> StartAsync(IReadOnlyList<string>? mailboxes = null, string? relayHost = null, IDictionary<string, string>? extraMainCf = null)
    {
        ProcessRunner.RequireProgram(PostfixBinary, "postfix");
        mailboxes ??= ["alice@peer.test", "bob@peer.test"];
        var domains = mailboxes.Select(m => m[(m.LastIndexOf('@') + 1)..]).Distinct().ToList();
        var dir = new TempDirectory("postfix");
        var port = FreePort.Get();
        var etc = dir.Combine("etc");
        Directory.CreateDirectory(etc);
        Directory.CreateDirectory(dir.Combine("mail"));
        Directory.CreateDirectory(dir.Combine("spool"));
        Directory.CreateDirectory(dir.Combine("lib"));
        // The virtual delivery agent writes as this uid; Postfix refuses uids below 100.
        await ProcessRunner.RunAsync("chown", ["nobody:nogroup", dir.Combine("mail")]);
        await ProcessRunner.RunAsync("chown", ["postfix:postfix", dir.Combine("lib")]);

        var main = new Dictionary<string, string>
        {
            ["compatibility_level"] = "3.6",
            ["queue_directory"] = dir.Combine("spool"),
            ["data_directory"] = dir.Combine("lib"),
            // Postfix's container mode: postlogd writes to the master's standard output, which we keep.
            ["maillog_file"] = "/dev/stdout",
            ["mail_owner"] = "postfix",
            ["setgid_group"] = "postdrop",
            ["myhostname"] = "postfix.peer.test",
            ["mydomain"] = "peer.test",
            ["myorigin"] = "$myhostname",
            ["mydestination"] = string.Empty,
            ["inet_interfaces"] = "127.0.0.1",
            ["inet_protocols"] = "ipv4",
            ["mynetworks"] = "127.0.0.0/8",
            ["smtpd_relay_restrictions"] = "permit_mynetworks, reject_unauth_destination",
            ["alias_maps"] = string.Empty,
            ["alias_database"] = string.Empty,
            ["local_recipient_maps"] = string.Empty,
            ["virtual_mailbox_domains"] = string.Join(' ', domains),
            ["virtual_mailbox_base"] = dir.Combine("mail"),
            ["virtual_mailbox_maps"] = "texthash:" + Path.Combine(etc, "mailboxes"),
            ["virtual_uid_maps"] = "static:65534",
            ["virtual_gid_maps"] = "static:65534",
            ["relayhost"] = relayHost ?? string.Empty,
            ["default_transport"] = relayHost is null ? "error:no relay in this test" : "smtp",
            ["smtp_dns_support_level"] = "disabled",
            ["smtp_host_lookup"] = "native",
            ["disable_dns_lookups"] = "yes",
            ["biff"] = "no",
            ["delay_warning_time"] = "0",
            ["queue_run_delay"] = "1s",
            ["minimal_backoff_time"] = "1s",
            ["maximal_backoff_time"] = "2s",
        };
        foreach (var (k, v) in extraMainCf ?? new Dictionary<string, string>())
        {
            main[k] = v;
        }

        await File.WriteAllLinesAsync(Path.Combine(etc, "main.cf"), main.Select(p => $"{p.Key} = {p.Value}"));
        // virtual(8) refuses regexp substitutions for mailbox paths, so every mailbox is listed.
        await File.WriteAllLinesAsync(Path.Combine(etc, "mailboxes"), mailboxes.Select(m => $"{m} {m[(m.LastIndexOf('@') + 1)..]}/{m[..m.LastIndexOf('@')]}/"));
        await File.WriteAllTextAsync(Path.Combine(etc, "master.cf"), MasterCf(port));

        var env = new Dictionary<string, string?> { ["MAIL_CONFIG"] = etc };
        var check = await ProcessRunner.RunAsync(PostfixBinary, ["-c", etc, "check"], environment: env);
        if (check.ExitCode != 0)
        {
            dir.Dispose();
            throw new InvalidOperationException($"postfix check failed:\n{check}");
        }

        var master = PeerProcess.Start(PostfixBinary, ["-c", etc, "start-fg"], env);
        var instance = new PostfixInstance(dir, master, port, mailboxes);
        await master.WaitForPortsAsync([port], instance.ReadLog, TimeSpan.FromSeconds(30));
        return instance;
    }

    /// <summary>Postfix's log so far.</summary>
    public string ReadLog() => _master.Output;

    /// <summary>Files of messages delivered to <paramref name="address"/>'s Maildir.</summary>
    public IReadOnlyList<string> DeliveredMessages(string address)
    {
        var at = address.LastIndexOf('@');
        var maildir = _dir.Combine("mail", address[(at + 1)..], address[..at], "new");
        return Directory.Exists(maildir) ? Directory.GetFiles(maildir).Order(StringComparer.Ordinal).ToList() : [];
    }

    /// <summary>Waits until <paramref name="count"/> messages reached <paramref name="address"/>.</summary>
    public async Task<IReadOnlyList<string>> WaitForDeliveryAsync(string address, int count = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var files = DeliveredMessages(address);
            if (files.Count >= count)
            {
                return files;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Postfix delivered {files.Count} of {count} message(s) to {address}:\n{ReadLog()}");
            }

            await Task.Delay(200);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // start-fg runs the master as a child of postfix-script: stop it through its pid file,
        // or it outlives the test.
        await ProcessRunner.RunAsync(PostfixBinary, ["-c", ConfigDirectory, "abort"], environment: new Dictionary<string, string?> { ["MAIL_CONFIG"] = ConfigDirectory });
        await _master.DisposeAsync();
        _dir.Dispose();
    }

    private static string MasterCf(int port)
    {
        // Every service unprivileged where Debian's default is, none chrooted (the queue is private).
        var services = new[]
        {
            $"127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)} inet n - n - - smtpd",
            "pickup unix n - n 60 1 pickup",
            "cleanup unix n - n - 0 cleanup",
            "qmgr unix n - n 300 1 qmgr",
            "tlsmgr unix - - n 1000? 1 tlsmgr",
            "rewrite unix - - n - - trivial-rewrite",
            "bounce unix - - n - 0 bounce",
            "defer unix - - n - 0 bounce",
            "trace unix - - n - 0 bounce",
            "verify unix - - n - 1 verify",
            "flush unix n - n 1000? 0 flush",
            "proxymap unix - - n - - proxymap",
            "proxywrite unix - - n - 1 proxymap",
            "smtp unix - - n - - smtp",
            "relay unix - - n - - smtp",
            "showq unix n - n - - showq",
            "error unix - - n - - error",
            "retry unix - - n - - error",
            "discard unix - - n - - discard",
            "local unix - n n - - local",
            "virtual unix - n n - - virtual",
            "lmtp unix - - n - - lmtp",
            "anvil unix - - n - 1 anvil",
            "scache unix - - n - 1 scache",
            "postlog unix-dgram n - n - 1 postlogd",
        };
        return string.Join('\n', services) + "\n";
    }
}

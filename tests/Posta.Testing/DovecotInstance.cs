using System.Globalization;

namespace Posta.Testing;

/// <summary>
/// A private Dovecot (Debian's dovecot-core/imapd/pop3d/lmtpd) under a temporary directory with
/// its own dovecot.conf: IMAP, POP3 and LMTP on free loopback ports, users from a passwd-file
/// (<c>{PLAIN}</c> passwords), Maildirs under <c>mail/DOMAIN/USER</c>. Plaintext logins are
/// allowed: it is a reference peer on loopback, not a server anyone uses.
/// </summary>
public sealed class DovecotInstance : IAsyncDisposable
{
    private const string DovecotBinary = "/usr/sbin/dovecot";

    private readonly TempDirectory _dir;
    private readonly PeerProcess _process;

    private DovecotInstance(TempDirectory dir, PeerProcess process, int imapPort, int pop3Port, int lmtpPort)
    {
        _dir = dir;
        _process = process;
        ImapPort = imapPort;
        Pop3Port = pop3Port;
        LmtpPort = lmtpPort;
    }

    public int ImapPort { get; }

    public int Pop3Port { get; }

    public int LmtpPort { get; }

    /// <summary>Dovecot's log file.</summary>
    public string LogFile => _dir.Combine("dovecot.log");

    /// <summary>The configuration file, for doveadm -c.</summary>
    public string ConfigFile => _dir.Combine("dovecot.conf");

    /// <summary>Starts Dovecot with the given users (address → password).</summary>
    public static async Task<DovecotInstance> StartAsync(IReadOnlyDictionary<string, string> users)
    {
        ProcessRunner.RequireProgram(DovecotBinary, "dovecot-core");
        ProcessRunner.RequireProgram("/usr/lib/dovecot/imap", "dovecot-imapd");
        ProcessRunner.RequireProgram("/usr/lib/dovecot/pop3", "dovecot-pop3d");
        ProcessRunner.RequireProgram("/usr/lib/dovecot/lmtp", "dovecot-lmtpd");
        var dir = new TempDirectory("dovecot");
        int imap = FreePort.Get(), pop3 = FreePort.Get(), lmtp = FreePort.Get();
        foreach (var sub in new[] { "run", "state", "mail", "home" })
        {
            Directory.CreateDirectory(dir.Combine(sub));
        }

        // Mail is owned by the Debian 'mail' user: Dovecot never runs mail processes as root.
        await ProcessRunner.RunAsync("chown", ["-R", "mail:mail", dir.Combine("mail"), dir.Combine("home")]);
        await File.WriteAllLinesAsync(dir.Combine("passwd"), users.Select(u => $"{u.Key}:{{PLAIN}}{u.Value}"));
        await File.WriteAllTextAsync(dir.Combine("dovecot.conf"), Config(dir, imap, pop3, lmtp));

        var process = PeerProcess.Start(DovecotBinary, ["-F", "-c", dir.Combine("dovecot.conf")]);
        var instance = new DovecotInstance(dir, process, imap, pop3, lmtp);
        await process.WaitForPortsAsync([imap, pop3, lmtp], instance.ReadLog, TimeSpan.FromSeconds(30));
        return instance;
    }

    /// <summary>Dovecot's log so far.</summary>
    public string ReadLog() => File.Exists(LogFile) ? File.ReadAllText(LogFile) : "(no log yet)";

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        _dir.Dispose();
    }

    private static string Config(TempDirectory dir, int imap, int pop3, int lmtp)
    {
        string P(int port) => port.ToString(CultureInfo.InvariantCulture);
        return $$"""
            base_dir = {{dir.Combine("run")}}
            state_dir = {{dir.Combine("state")}}
            log_path = {{dir.Combine("dovecot.log")}}
            info_log_path = {{dir.Combine("dovecot.log")}}
            protocols = imap pop3 lmtp
            listen = 127.0.0.1
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 8
            mail_location = maildir:{{dir.Combine("mail")}}/%d/%n
            default_login_user = dovenull
            default_internal_user = dovecot
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%u {{dir.Combine("passwd")}}
            }
            userdb {
              driver = static
              args = uid=mail gid=mail home={{dir.Combine("home")}}/%d/%n
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{P(imap)}}
              }
              inet_listener imaps {
                port = 0
              }
            }
            service pop3-login {
              inet_listener pop3 {
                address = 127.0.0.1
                port = {{P(pop3)}}
              }
              inet_listener pop3s {
                port = 0
              }
            }
            service lmtp {
              inet_listener lmtp {
                address = 127.0.0.1
                port = {{P(lmtp)}}
              }
            }
            service stats {
              unix_listener stats-reader {
                mode = 0600
              }
              unix_listener stats-writer {
                mode = 0666
              }
            }
            """;
    }
}

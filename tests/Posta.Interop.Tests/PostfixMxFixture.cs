using Posta.Testing;

namespace Posta.Interop.Tests;

/// <summary>
/// posta's MX (the smtp listener, alice@example.org its only user) and a real Postfix that relays
/// everything that is not its own to it (relayhost) with opportunistic STARTTLS, as a backup MX or
/// an outbound gateway in front of posta would; shared by the tests of a class, which tell their
/// messages apart by recipient.
/// </summary>
public sealed class PostfixMxFixture : IAsyncLifetime
{
    private PostaServer? _posta;
    private PostfixInstance? _postfix;

    /// <summary>The running posta.</summary>
    public PostaServer Posta => _posta ?? throw new InvalidOperationException("not started");

    /// <summary>The running Postfix; its mailboxes are alice@peer.test and bob@peer.test.</summary>
    public PostfixInstance Postfix => _postfix ?? throw new InvalidOperationException("not started");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _posta = await InteropPosta.StartWithAliceAsync("smtp");
        _postfix = await PostfixInstance.StartAsync(
            relayHost: InteropPosta.RelayHost(_posta, "smtp"),
            extraMainCf: new Dictionary<string, string>
            {
                ["smtp_tls_security_level"] = "may",
                ["smtp_tls_loglevel"] = "1",
            });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_postfix is not null)
        {
            await _postfix.DisposeAsync();
        }

        if (_posta is not null)
        {
            await _posta.DisposeAsync();
        }
    }
}

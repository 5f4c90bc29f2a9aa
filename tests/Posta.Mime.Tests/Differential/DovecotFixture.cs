using Posta.Testing;

namespace Posta.Mime.Tests.Differential;

/// <summary>One private Dovecot for the whole differential test class, with one user.</summary>
public sealed class DovecotFixture : IAsyncLifetime
{
    public const string User = "mime@posta.test";
    public const string Password = "differential";

    private DovecotInstance? _dovecot;
    private Exception? _startError;

    /// <summary>The running Dovecot; fails the calling test (never skips it) when Dovecot could not start.</summary>
    public DovecotInstance Dovecot
    {
        get
        {
            Assert.True(_startError is null, $"Dovecot did not start: run ./test.sh, which installs dovecot-core and dovecot-imapd.\n{_startError}");
            return _dovecot!;
        }
    }

    public async Task InitializeAsync()
    {
        try
        {
            _dovecot = await DovecotInstance.StartAsync(new Dictionary<string, string> { [User] = Password });
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or IOException or System.ComponentModel.Win32Exception)
        {
            _startError = e;
        }
    }

    public async Task DisposeAsync()
    {
        if (_dovecot is not null)
            await _dovecot.DisposeAsync();
    }
}

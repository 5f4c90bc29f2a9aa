namespace Posta.Hosting.Tests;

public class ListenerNamesTests
{
    [Theory]
    [InlineData("smtp", 25, false)]
    [InlineData("submission", 587, false)]
    [InlineData("submissions", 465, true)]
    [InlineData("lmtp", 24, false)]
    [InlineData("imap", 143, false)]
    [InlineData("imaps", 993, true)]
    [InlineData("pop3", 110, false)]
    [InlineData("pop3s", 995, true)]
    [InlineData("managesieve", 4190, false)]
    [InlineData("http", 80, false)]
    [InlineData("https", 443, true)]
    public void Each_listener_has_its_IANA_port_and_TLS_mode(string name, int port, bool implicitTls)
    {
        Assert.Contains(name, ListenerNames.All);
        Assert.Equal(port, ListenerNames.DefaultPort(name));
        Assert.Equal(implicitTls, ListenerNames.IsImplicitTls(name));
    }

    [Fact]
    public void Names_are_case_insensitive_and_unknown_ones_are_refused()
    {
        Assert.Equal(25, ListenerNames.DefaultPort("SMTP"));
        Assert.True(ListenerNames.IsKnown("Imaps"));
        Assert.False(ListenerNames.IsKnown("smtps"));
        var error = Assert.Throws<ArgumentException>(() => ListenerNames.DefaultPort("smtps"));
        Assert.Contains("submissions", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Protocols_cannot_be_registered_for_http_or_unknown_listeners()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        Assert.Throws<ArgumentException>(() => services.AddPostaProtocol<Support.EchoHandler>("https"));
        Assert.Throws<ArgumentException>(() => services.AddPostaProtocol<Support.EchoHandler>("smtps"));
    }
}

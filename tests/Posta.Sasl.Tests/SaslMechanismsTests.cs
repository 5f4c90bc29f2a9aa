namespace Posta.Sasl.Tests;

public sealed class SaslMechanismsTests
{
    [Theory]
    [InlineData("PLAIN", "PLAIN")]
    [InlineData("plain", "PLAIN")]
    [InlineData("Login", "LOGIN")]
    [InlineData("SCRAM-SHA-256", "SCRAM-SHA-256")]
    public void Known_names_make_exchanges_whatever_their_case(string name, string mechanism)
    {
        var exchange = SaslMechanisms.Create(name, new TestVerifier());
        Assert.NotNull(exchange);
        Assert.Equal(mechanism, exchange.Mechanism);
        Assert.False(exchange.IsCompleted);
    }

    [Theory]
    [InlineData("CRAM-MD5")]
    [InlineData("SCRAM-SHA-256-PLUS")]
    [InlineData("SCRAM-SHA-1")]
    [InlineData("")]
    public void Other_names_are_not_supported(string name)
    {
        Assert.Null(SaslMechanisms.Create(name, new TestVerifier()));
    }

    [Fact]
    public void The_advertised_list_puts_scram_first_and_names_only_what_create_knows()
    {
        Assert.Equal(["SCRAM-SHA-256", "PLAIN", "LOGIN"], SaslMechanisms.All);
        Assert.All(SaslMechanisms.All, name => Assert.NotNull(SaslMechanisms.Create(name, new TestVerifier())));
    }
}

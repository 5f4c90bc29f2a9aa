using static Posta.Sasl.Tests.ExchangeDriver;

namespace Posta.Sasl.Tests;

public sealed class PlainTests
{
    private static TestVerifier Verifier() =>
        new TestVerifier()
            .Add("tim", "tanstaaftanstaaf")
            .Add("kurt@example.org", "xipj3plmq", null, "Kurt")
            .Add("alice@example.org", "correct horse", null, "a.smith@example.org");

    private static SaslExchange Plain(TestVerifier verifier, SaslOptions? options = null) => Create("PLAIN", verifier, options);

    private static ReadOnlyMemory<byte> FromBase64(string text) => Convert.FromBase64String(text);

    [Fact]
    public async Task Rfc4616_first_example_authenticates_tim_after_an_empty_challenge()
    {
        // RFC 4616 §4: the client sends no initial response, the server answers an empty challenge.
        var exchange = Plain(Verifier());
        AssertChallenge(await exchange.StartAsync(null), "");
        AssertSuccess(await exchange.StepAsync(FromBase64("AHRpbQB0YW5zdGFhZnRhbnN0YWFm"), CancellationToken.None), "tim");
    }

    [Fact]
    public async Task Rfc4616_second_example_is_refused_because_proxy_authorization_is_not_offered()
    {
        // RFC 4616 §4: Kurt's credentials are good, but he asks to act as Ursel.
        var exchange = Plain(Verifier());
        AssertChallenge(await exchange.StartAsync(null), "");
        AssertFailure(await exchange.StepAsync(FromBase64("VXJzZWwAS3VydAB4aXBqM3BsbXE="), CancellationToken.None), SaslFailure.AuthorizationDenied);
    }

    [Theory]
    [InlineData("\0tim\0tanstaaftanstaaf", "tim")]
    [InlineData("tim\0tim\0tanstaaftanstaaf", "tim")]
    [InlineData("TIM\0tim\0tanstaaftanstaaf", "tim")]
    [InlineData("alice@example.org\0a.smith@example.org\0correct horse", "alice@example.org")]
    [InlineData("A.Smith@Example.org\0a.smith@example.org\0correct horse", "alice@example.org")]
    public async Task An_initial_response_with_an_own_authorization_identity_succeeds(string message, string account)
    {
        var verifier = Verifier();
        AssertSuccess(await Plain(verifier).StartAsync(message), account);
        Assert.Single(verifier.PasswordLogins);
    }

    [Theory]
    [InlineData("\0tim\0wrong")]
    [InlineData("\0nobody\0tanstaaftanstaaf")]
    [InlineData("\0TIM@\0tanstaaftanstaaf")]
    public async Task Bad_credentials_fail(string message)
    {
        AssertFailure(await Plain(Verifier()).StartAsync(message), SaslFailure.BadCredentials);
    }

    [Fact]
    public async Task Another_users_authorization_identity_is_denied_only_after_the_password_checks_out()
    {
        // A wrong password must not reveal that the authorization identity would have been refused.
        AssertFailure(await Plain(Verifier()).StartAsync("alice@example.org\0tim\0wrong"), SaslFailure.BadCredentials);
        AssertFailure(await Plain(Verifier()).StartAsync("alice@example.org\0tim\0tanstaaftanstaaf"), SaslFailure.AuthorizationDenied);
    }

    [Theory]
    [InlineData("")]
    [InlineData("tim")]
    [InlineData("\0tim")]
    [InlineData("\0tim\0")]
    [InlineData("\0\0tanstaaftanstaaf")]
    [InlineData("\0tim\0tanstaaf\0extra")]
    [InlineData("\0\0")]
    public async Task Messages_that_break_the_grammar_are_malformed_and_never_reach_the_verifier(string message)
    {
        var verifier = Verifier();
        AssertFailure(await Plain(verifier).StartAsync(message), SaslFailure.Malformed);
        Assert.Empty(verifier.PasswordLogins);
    }

    [Theory]
    [InlineData(new byte[] { 0, 0x74, 0xC3, 0x28, 0, 0x70 })]
    [InlineData(new byte[] { 0, 0x74, 0, 0x70, 0xFF })]
    [InlineData(new byte[] { 0xED, 0xA0, 0x80, 0, 0x74, 0, 0x70 })]
    public async Task Invalid_utf8_in_any_field_is_malformed(byte[] message)
    {
        var verifier = Verifier();
        AssertFailure(await Plain(verifier).StartAsync(message, CancellationToken.None), SaslFailure.Malformed);
        Assert.Empty(verifier.PasswordLogins);
    }

    [Fact]
    public async Task Identities_and_passwords_up_to_the_limits_are_accepted_and_longer_ones_refused()
    {
        var options = new SaslOptions { MaxIdentityBytes = 10, MaxPasswordBytes = 12 };
        var verifier = new TestVerifier().Add("abcdefghij", "passwordpass");
        AssertSuccess(await Plain(verifier, options).StartAsync("abcdefghij\0abcdefghij\0passwordpass"), "abcdefghij");
        AssertFailure(await Plain(verifier, options).StartAsync("abcdefghijk\0abcdefghij\0passwordpass"), SaslFailure.Malformed);
        AssertFailure(await Plain(verifier, options).StartAsync("\0abcdefghijk\0passwordpass"), SaslFailure.Malformed);
        AssertFailure(await Plain(verifier, options).StartAsync("\0abcdefghij\0passwordpassw"), SaslFailure.Malformed);
    }

    [Fact]
    public async Task The_default_limits_follow_rfc4616_and_take_a_long_passphrase()
    {
        var login = new string('u', 64) + "@" + new string('d', 190);
        var password = new string('p', 1024);
        var verifier = new TestVerifier().Add(login, password);
        AssertSuccess(await Plain(verifier).StartAsync($"\0{login}\0{password}"), login);
        AssertFailure(await Plain(verifier).StartAsync($"\0{login}\0{password}p"), SaslFailure.Malformed);
        AssertFailure(await Plain(verifier).StartAsync($"\0{new string('u', 256)}\0{password}"), SaslFailure.Malformed);
    }

    [Fact]
    public async Task Utf8_credentials_reach_the_verifier_unchanged()
    {
        var verifier = new TestVerifier().Add("jörg@bücher.example", "pässwörd\u00A0x");
        AssertSuccess(await Plain(verifier).StartAsync("\0jörg@bücher.example\0pässwörd\u00A0x"), "jörg@bücher.example");
    }

    [Fact]
    public async Task The_exchange_is_used_once()
    {
        var exchange = Plain(Verifier());
        await Assert.ThrowsAsync<InvalidOperationException>(() => exchange.StepAsync("\0tim\0tanstaaftanstaaf"));
        AssertSuccess(await exchange.StartAsync("\0tim\0tanstaaftanstaaf"), "tim");
        await Assert.ThrowsAsync<InvalidOperationException>(() => exchange.StartAsync("\0tim\0tanstaaftanstaaf"));
        await Assert.ThrowsAsync<InvalidOperationException>(() => exchange.StepAsync("\0tim\0tanstaaftanstaaf"));
    }
}

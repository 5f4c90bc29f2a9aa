using static Posta.Sasl.Tests.ExchangeDriver;

namespace Posta.Sasl.Tests;

/// <summary>LOGIN as draft-murchison-sasl-login-00 describes it, and as Outlook and Thunderbird speak it.</summary>
public sealed class LoginTests
{
    private static TestVerifier Verifier() => new TestVerifier().Add("alice@example.org", "correct horse", null, "a.smith@example.org");

    [Fact]
    public async Task Without_an_initial_response_the_server_asks_for_the_user_name_then_the_password()
    {
        var verifier = Verifier();
        var exchange = Create("LOGIN", verifier);
        AssertChallenge(await exchange.StartAsync(null), "Username:");
        AssertChallenge(await exchange.StepAsync("a.smith@example.org"), "Password:");
        AssertSuccess(await exchange.StepAsync("correct horse"), "alice@example.org");
        Assert.Equal(["a.smith@example.org"], verifier.PasswordLogins);
    }

    [Fact]
    public async Task An_initial_response_is_the_user_name()
    {
        var exchange = Create("login", Verifier());
        AssertChallenge(await exchange.StartAsync("alice@example.org"), "Password:");
        AssertSuccess(await exchange.StepAsync("correct horse"), "alice@example.org");
    }

    [Theory]
    [InlineData("alice@example.org", "wrong horse")]
    [InlineData("nobody@example.org", "correct horse")]
    public async Task Bad_credentials_fail(string user, string password)
    {
        var exchange = Create("LOGIN", Verifier());
        AssertChallenge(await exchange.StartAsync(user), "Password:");
        AssertFailure(await exchange.StepAsync(password), SaslFailure.BadCredentials);
        Assert.True(exchange.IsCompleted);
    }

    [Theory]
    [InlineData("", "correct horse")]
    [InlineData("alice\0@example.org", "correct horse")]
    [InlineData("alice@example.org", "")]
    [InlineData("alice@example.org", "correct\0horse")]
    public async Task Empty_values_and_nul_are_malformed(string user, string password)
    {
        var verifier = Verifier();
        var exchange = Create("LOGIN", verifier);
        AssertChallenge(await exchange.StartAsync(null), "Username:");
        var step = await exchange.StepAsync(user);
        if (step.Kind == SaslStepKind.Challenge)
        {
            step = await exchange.StepAsync(password);
        }

        AssertFailure(step, SaslFailure.Malformed);
        Assert.Empty(verifier.PasswordLogins);
    }

    [Fact]
    public async Task An_empty_initial_response_is_an_empty_user_name_and_malformed()
    {
        var exchange = Create("LOGIN", Verifier());
        AssertFailure(await exchange.StartAsync(ReadOnlyMemory<byte>.Empty, CancellationToken.None), SaslFailure.Malformed);
    }

    [Fact]
    public async Task A_user_name_over_the_limit_is_malformed()
    {
        var exchange = Create("LOGIN", Verifier(), new SaslOptions { MaxIdentityBytes = 8 });
        AssertFailure(await exchange.StartAsync("alice@exa"), SaslFailure.Malformed);
    }
}

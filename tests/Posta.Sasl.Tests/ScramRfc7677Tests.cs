using static Posta.Sasl.Tests.ExchangeDriver;

namespace Posta.Sasl.Tests;

/// <summary>The example exchange of RFC 7677 §3, reproduced byte for byte.</summary>
public sealed class ScramRfc7677Tests
{
    private const string ClientFirst = "n,,n=user,r=rOprNGfwEbeRWgbNEkqO";
    private const string ServerNonce = "%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0";
    private const string ServerFirst = "r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096";
    private const string ClientFinal = "c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
    private const string ServerFinal = "v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=";

    internal static TestVerifier Verifier() =>
        new TestVerifier().Add("user", "pencil", ScramCredentials.Derive("pencil", Convert.FromBase64String("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096));

    internal static SaslOptions FixedNonce => new() { ServerNonceGenerator = () => ServerNonce };

    [Fact]
    public async Task The_published_exchange_is_reproduced_with_the_initial_response()
    {
        var verifier = Verifier();
        var exchange = Create("SCRAM-SHA-256", verifier, FixedNonce);

        AssertChallenge(await exchange.StartAsync(ClientFirst), ServerFirst);
        AssertChallenge(await exchange.StepAsync(ClientFinal), ServerFinal);
        Assert.False(exchange.IsCompleted);
        AssertSuccess(await exchange.StepAsync(""), "user");
        Assert.True(exchange.IsCompleted);
        Assert.Equal(["user"], verifier.ScramLogins);
    }

    [Fact]
    public async Task Without_an_initial_response_the_server_first_sends_an_empty_challenge()
    {
        var exchange = Create("scram-sha-256", Verifier(), FixedNonce);

        AssertChallenge(await exchange.StartAsync(null), "");
        AssertChallenge(await exchange.StepAsync(ClientFirst), ServerFirst);
        AssertChallenge(await exchange.StepAsync(ClientFinal), ServerFinal);
        AssertSuccess(await exchange.StepAsync(""), "user");
    }

    [Fact]
    public async Task A_wrong_password_fails_at_the_proof()
    {
        var verifier = new TestVerifier().Add("user", "not pencil");
        var exchange = Create("SCRAM-SHA-256", verifier, FixedNonce);
        var serverFirst = await exchange.StartAsync(ClientFirst);
        Assert.Equal(SaslStepKind.Challenge, serverFirst.Kind);

        // The published proof is for "pencil" and the published salt, so it cannot match these keys.
        var final = "c=biws,r=rOprNGfwEbeRWgbNEkqO" + ServerNonce + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
        AssertFailure(await exchange.StepAsync(final), SaslFailure.BadCredentials);
        Assert.True(exchange.IsCompleted);
        await Assert.ThrowsAsync<InvalidOperationException>(() => exchange.StepAsync(""));
    }

    [Fact]
    public async Task An_unknown_user_runs_to_the_proof_with_a_stable_decoy_salt_and_fails_like_a_wrong_password()
    {
        var verifier = Verifier();
        var salts = new List<string>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var exchange = Create("SCRAM-SHA-256", verifier, FixedNonce);
            var serverFirst = Text(await exchange.StartAsync("n,,n=nobody,r=rOprNGfwEbeRWgbNEkqO"));
            Assert.StartsWith("r=rOprNGfwEbeRWgbNEkqO" + ServerNonce + ",s=", serverFirst, StringComparison.Ordinal);
            Assert.EndsWith(",i=4096", serverFirst, StringComparison.Ordinal);
            salts.Add(serverFirst.Split(',')[1]);

            var final = "c=biws,r=rOprNGfwEbeRWgbNEkqO" + ServerNonce + ",p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=";
            AssertFailure(await exchange.StepAsync(final), SaslFailure.BadCredentials);
        }

        Assert.Equal(salts[0], salts[1]);
        Assert.Equal(["nobody", "nobody"], verifier.ScramLogins);
    }

    [Fact]
    public async Task Random_server_nonces_differ_and_extend_the_client_nonce()
    {
        var nonces = new HashSet<string>();
        for (var i = 0; i < 3; i++)
        {
            var exchange = Create("SCRAM-SHA-256", Verifier());
            var nonce = Text(await exchange.StartAsync(ClientFirst)).Split(',')[0];
            Assert.StartsWith("r=rOprNGfwEbeRWgbNEkqO", nonce, StringComparison.Ordinal);
            // 24 random bytes are 32 characters of base64.
            Assert.Equal("r=rOprNGfwEbeRWgbNEkqO".Length + 32, nonce.Length);
            nonces.Add(nonce);
        }

        Assert.Equal(3, nonces.Count);
    }
}

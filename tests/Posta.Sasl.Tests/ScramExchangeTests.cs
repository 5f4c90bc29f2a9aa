using System.Text;
using static Posta.Sasl.Tests.ExchangeDriver;

namespace Posta.Sasl.Tests;

/// <summary>SCRAM-SHA-256 beyond the published example: gs2 headers, names, extensions and every malformed message.</summary>
public sealed class ScramExchangeTests
{
    private const string Nonce = "SERVERnonce";
    private static readonly SaslOptions Options = new() { ServerNonceGenerator = () => Nonce };

    private static TestVerifier Verifier() =>
        new TestVerifier()
            .Add("alice@example.org", "correct horse", null, "a.smith@example.org")
            .Add("us,er=x", "pencil")
            .Add("IX", "pencil");

    /// <summary>Runs a whole exchange for <paramref name="clientFirst"/>; the client-final message repeats its gs2 header.</summary>
    private static async Task<SaslStep> RunAsync(TestVerifier verifier, string clientFirst, string password, string finalExtensions = "")
    {
        var exchange = Create("SCRAM-SHA-256", verifier, Options);
        var serverFirst = await exchange.StartAsync(clientFirst);
        Assert.Equal(SaslStepKind.Challenge, serverFirst.Kind);

        var header = clientFirst[..(clientFirst.IndexOf(",n=", StringComparison.Ordinal) + 1)];
        var bare = clientFirst[header.Length..];
        var nonce = Text(serverFirst).Split(',')[0][2..];
        var withoutProof = $"c={Convert.ToBase64String(Encoding.UTF8.GetBytes(header))},r={nonce}{finalExtensions}";
        var (clientFinal, serverFinal) = ScramTestClient.Finish(password, bare, Text(serverFirst), withoutProof);

        var final = await exchange.StepAsync(clientFinal);
        if (final.Kind != SaslStepKind.Challenge)
        {
            return final;
        }

        Assert.Equal(serverFinal, Text(final));
        return await exchange.StepAsync("");
    }

    [Theory]
    [InlineData("n,,n=alice@example.org,r=abc", "alice@example.org")]
    [InlineData("y,,n=alice@example.org,r=abc", "alice@example.org")]
    [InlineData("n,,n=a.smith@example.org,r=abc", "alice@example.org")]
    [InlineData("n,a=alice@example.org,n=a.smith@example.org,r=abc", "alice@example.org")]
    [InlineData("n,a=A.Smith@example.org,n=a.smith@example.org,r=abc", "alice@example.org")]
    [InlineData("n,,n=alice@example.org,r=abc,x=future,y=more", "alice@example.org")]
    [InlineData("n,,n=us=2Cer=3Dx,r=abc", "us,er=x")]
    [InlineData("n,,n=I\u00ADX,r=abc", "IX")]
    [InlineData("n,,n=\u2168,r=abc", "IX")]
    public async Task Good_exchanges_succeed_with_the_account(string clientFirst, string account)
    {
        AssertSuccess(await RunAsync(Verifier(), clientFirst, account == "alice@example.org" ? "correct horse" : "pencil"), account);
    }

    [Fact]
    public async Task The_user_name_reaches_the_verifier_decoded_and_prepared()
    {
        var verifier = Verifier();
        await RunAsync(verifier, "n,,n=us=2Cer=3Dx,r=abc", "pencil");
        await RunAsync(verifier, "n,,n=I\u00ADX,r=abc", "pencil");
        Assert.Equal(["us,er=x", "IX"], verifier.ScramLogins);
    }

    [Fact]
    public async Task Extensions_in_the_client_final_message_are_ignored()
    {
        AssertSuccess(await RunAsync(Verifier(), "n,,n=alice@example.org,r=abc", "correct horse", ",x=ext"), "alice@example.org");
    }

    [Fact]
    public async Task A_wrong_password_and_an_unknown_user_fail_alike()
    {
        AssertFailure(await RunAsync(Verifier(), "n,,n=alice@example.org,r=abc", "wrong horse"), SaslFailure.BadCredentials);
        AssertFailure(await RunAsync(Verifier(), "n,,n=nobody@example.org,r=abc", "correct horse"), SaslFailure.BadCredentials);
    }

    [Fact]
    public async Task Acting_as_another_user_is_denied_after_the_proof()
    {
        AssertFailure(await RunAsync(Verifier(), "n,a=IX,n=alice@example.org,r=abc", "correct horse"), SaslFailure.AuthorizationDenied);
        AssertFailure(await RunAsync(Verifier(), "n,a=IX,n=alice@example.org,r=abc", "wrong horse"), SaslFailure.BadCredentials);
    }

    [Theory]
    [InlineData("")]
    [InlineData("n")]
    [InlineData("n,,")]
    [InlineData("n,,n=alice@example.org")]
    [InlineData("n,,n=alice@example.org,r=")]
    [InlineData("n,,n=alice@example.org,r=a b")]
    [InlineData("n,,n=alice@example.org,r=abc\u00E9")]
    [InlineData("n,,r=abc,n=alice@example.org")]
    [InlineData("n,,n=,r=abc")]
    [InlineData("n,,n=al=2Xice,r=abc")]
    [InlineData("n,,n=alice=,r=abc")]
    [InlineData("n,,n=al\u0007ice,r=abc")]
    [InlineData("n,,n=\u0627a,r=abc")]
    [InlineData("n,,m=ext,n=alice@example.org,r=abc")]
    [InlineData("n,,n=alice@example.org,r=abc,1=x")]
    [InlineData("n,,n=alice@example.org,r=abc,x=")]
    [InlineData("n,,n=alice@example.org,r=abc,")]
    [InlineData("n,x=alice,n=alice@example.org,r=abc")]
    [InlineData("n,a=,n=alice@example.org,r=abc")]
    [InlineData("x,,n=alice@example.org,r=abc")]
    [InlineData("N,,n=alice@example.org,r=abc")]
    [InlineData(",,n=alice@example.org,r=abc")]
    [InlineData("n,,n=alice@example.org,r=abc\0")]
    [InlineData("n,,n=alice@example.org,r=abc,x=\0")]
    public async Task Malformed_client_first_messages_fail_before_any_lookup(string clientFirst)
    {
        var verifier = Verifier();
        AssertFailure(await Create("SCRAM-SHA-256", verifier, Options).StartAsync(clientFirst), SaslFailure.Malformed);
        Assert.Empty(verifier.ScramLogins);
    }

    [Theory]
    [InlineData("p=tls-unique,,n=alice@example.org,r=abc")]
    [InlineData("p=tls-exporter,a=alice@example.org,n=alice@example.org,r=abc")]
    [InlineData("p=tls-unique")]
    public async Task Channel_binding_demands_are_refused_as_such(string clientFirst)
    {
        AssertFailure(await Create("SCRAM-SHA-256", Verifier(), Options).StartAsync(clientFirst), SaslFailure.ChannelBindingNotSupported);
    }

    [Fact]
    public async Task Invalid_utf8_and_oversized_messages_are_malformed()
    {
        var invalid = Encoding.ASCII.GetBytes("n,,n=alice,r=abc").Concat(new byte[] { 0xC3 }).ToArray();
        AssertFailure(await Create("SCRAM-SHA-256", Verifier(), Options).StartAsync(invalid, CancellationToken.None), SaslFailure.Malformed);

        var small = new SaslOptions { MaxScramMessageBytes = 32, ServerNonceGenerator = () => Nonce };
        AssertFailure(await Create("SCRAM-SHA-256", Verifier(), small).StartAsync("n,,n=alice@example.org,r=abcdefgh"), SaslFailure.Malformed);
        var fits = await Create("SCRAM-SHA-256", Verifier(), small).StartAsync("n,,n=alice@example.org,r=abcdefg");
        Assert.Equal(SaslStepKind.Challenge, fits.Kind);
    }

    [Fact]
    public async Task A_user_name_over_the_identity_limit_is_malformed()
    {
        var options = new SaslOptions { MaxIdentityBytes = 5, ServerNonceGenerator = () => Nonce };
        Assert.Equal(SaslStepKind.Challenge, (await Create("SCRAM-SHA-256", Verifier(), options).StartAsync("n,,n=abcde,r=abc")).Kind);
        AssertFailure(await Create("SCRAM-SHA-256", Verifier(), options).StartAsync("n,,n=abcdef,r=abc"), SaslFailure.Malformed);
    }

    [Theory]
    // Each is the client-final message without its proof; {N} is the full nonce.
    [InlineData("c=eSws,r={N}")]
    [InlineData("c=biws,r=abc")]
    [InlineData("c=biws,r={N}x")]
    [InlineData("r={N},c=biws")]
    [InlineData("c=biw,r={N}")]
    [InlineData("c=bi ws,r={N}")]
    [InlineData("c=biws")]
    [InlineData("c=biws,r={N},1=x")]
    [InlineData("c=biws,r={N},m=")]
    [InlineData("c=,r={N}")]
    public async Task Malformed_client_final_messages_fail(string withoutProof)
    {
        var exchange = Create("SCRAM-SHA-256", Verifier(), Options);
        const string first = "n,,n=alice@example.org,r=abc";
        var serverFirst = Text(await exchange.StartAsync(first));
        var final = withoutProof.Replace("{N}", "abc" + Nonce, StringComparison.Ordinal);
        var (clientFinal, _) = ScramTestClient.Finish("correct horse", first[3..], serverFirst, final);
        AssertFailure(await exchange.StepAsync(clientFinal), SaslFailure.Malformed);
    }

    [Theory]
    [InlineData("c=biws,r={N}")]
    [InlineData("c=biws,r={N},p=")]
    [InlineData("c=biws,r={N},p=AAAA")]
    [InlineData("c=biws,r={N},p=not base64!")]
    [InlineData("c=biws,r={N},p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ")]
    public async Task Missing_or_broken_proofs_are_malformed(string clientFinal)
    {
        var exchange = Create("SCRAM-SHA-256", Verifier(), Options);
        await exchange.StartAsync("n,,n=alice@example.org,r=abc");
        AssertFailure(await exchange.StepAsync(clientFinal.Replace("{N}", "abc" + Nonce, StringComparison.Ordinal)), SaslFailure.Malformed);
    }

    [Fact]
    public async Task A_y_flag_must_come_back_as_eSws_not_biws()
    {
        var exchange = Create("SCRAM-SHA-256", Verifier(), Options);
        const string first = "y,,n=alice@example.org,r=abc";
        var serverFirst = Text(await exchange.StartAsync(first));
        var (clientFinal, _) = ScramTestClient.Finish("correct horse", first[3..], serverFirst, $"c=biws,r=abc{Nonce}");
        AssertFailure(await exchange.StepAsync(clientFinal), SaslFailure.Malformed);
    }

    [Fact]
    public async Task Anything_but_an_empty_acknowledgement_of_the_server_signature_is_malformed()
    {
        var exchange = Create("SCRAM-SHA-256", Verifier(), Options);
        const string first = "n,,n=alice@example.org,r=abc";
        var serverFirst = Text(await exchange.StartAsync(first));
        var (clientFinal, serverFinal) = ScramTestClient.Finish("correct horse", first[3..], serverFirst, $"c=biws,r=abc{Nonce}");
        AssertChallenge(await exchange.StepAsync(clientFinal), serverFinal);
        AssertFailure(await exchange.StepAsync("ok"), SaslFailure.Malformed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has,comma")]
    [InlineData("has space")]
    public async Task A_server_nonce_scram_cannot_carry_is_a_programming_error(string nonce)
    {
        var exchange = Create("SCRAM-SHA-256", Verifier(), new SaslOptions { ServerNonceGenerator = () => nonce });
        await Assert.ThrowsAsync<InvalidOperationException>(() => exchange.StartAsync("n,,n=alice@example.org,r=abc"));
    }
}

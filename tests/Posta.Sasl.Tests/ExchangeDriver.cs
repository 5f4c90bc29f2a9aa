using System.Text;

namespace Posta.Sasl.Tests;

/// <summary>Runs an exchange the way a protocol session would.</summary>
internal static class ExchangeDriver
{
    public static SaslExchange Create(string mechanism, TestVerifier verifier, SaslOptions? options = null) =>
        SaslMechanisms.Create(mechanism, verifier, options) ?? throw new InvalidOperationException($"{mechanism} is not supported");

    public static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static string Text(SaslStep step) => Encoding.UTF8.GetString(step.Challenge.Span);

    public static Task<SaslStep> StartAsync(this SaslExchange exchange, string? initialResponse) =>
        exchange.StartAsync(initialResponse is null ? (ReadOnlyMemory<byte>?)null : Utf8(initialResponse), CancellationToken.None).AsTask();

    public static Task<SaslStep> StepAsync(this SaslExchange exchange, string response) =>
        exchange.StepAsync(Utf8(response), CancellationToken.None).AsTask();

    public static void AssertChallenge(SaslStep step, string expected)
    {
        Assert.Equal(SaslStepKind.Challenge, step.Kind);
        Assert.Equal(expected, Text(step));
        Assert.Equal(SaslFailure.None, step.Failure);
        Assert.Null(step.Account);
    }

    public static void AssertSuccess(SaslStep step, string account)
    {
        Assert.Equal(SaslStepKind.Success, step.Kind);
        Assert.Equal(account, step.Account);
        Assert.Equal(SaslFailure.None, step.Failure);
        Assert.True(step.Challenge.IsEmpty);
    }

    public static void AssertFailure(SaslStep step, SaslFailure failure)
    {
        Assert.Equal(SaslStepKind.Failure, step.Kind);
        Assert.Equal(failure, step.Failure);
        Assert.Null(step.Account);
        Assert.True(step.Challenge.IsEmpty);
    }
}

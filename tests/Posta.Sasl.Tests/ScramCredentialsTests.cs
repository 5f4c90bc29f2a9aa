using System.Text;

namespace Posta.Sasl.Tests;

public sealed class ScramCredentialsTests
{
    private const string PencilKeys = "{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=";

    [Fact]
    public void The_rfc7677_password_derives_the_keys_its_exchange_proves()
    {
        // The keys behind RFC 7677 §3; ScramRfc7677Tests shows the published proof and signature follow from them.
        var keys = ScramCredentials.Derive("pencil", Convert.FromBase64String("W22ZaJ0SNY7soEsUEjb6gQ=="), 4096);
        Assert.Equal(PencilKeys, keys.Format());
    }

    [Fact]
    public void Format_and_parse_round_trip()
    {
        Assert.True(ScramCredentials.TryParse(PencilKeys, out var parsed));
        Assert.Equal(4096, parsed.Iterations);
        Assert.Equal(Convert.FromBase64String("W22ZaJ0SNY7soEsUEjb6gQ=="), parsed.Salt);
        Assert.Equal(PencilKeys, parsed.Format());
        Assert.True(ScramCredentials.TryParse(PencilKeys.Replace("{SCRAM-SHA-256}", "{scram-sha-256}", StringComparison.Ordinal), out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-1}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}0,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}-1,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}+4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}10000001,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}4096,,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}4096,W22Z aJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4q=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=")]
    [InlineData("{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,AAAA")]
    [InlineData("{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=")]
    [InlineData("{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=,c4a4")]
    [InlineData("{SCRAM-SHA-256}4096,W22ZaJ0SNY7soEsUEjb6gQ==,WG5d8oPm3OtcPnkdi4Uo7BkeZkBFzpcXkuLmtbsT4qY=,wfPLwcE6nTWhTAmQ7tl2KeoiWGPlZqQxSrmfPwDl2dU=\n")]
    public void Malformed_text_does_not_parse(string text)
    {
        Assert.False(ScramCredentials.TryParse(text, out var parsed));
        Assert.Null(parsed);
    }

    [Fact]
    public void Create_uses_a_fresh_16_byte_salt_and_the_default_iterations()
    {
        var first = ScramCredentials.Create("correct horse");
        var second = ScramCredentials.Create("correct horse");
        Assert.Equal(16, first.Salt.Length);
        Assert.Equal(ScramCredentials.DefaultIterations, first.Iterations);
        Assert.True(ScramCredentials.DefaultIterations >= 4096);
        Assert.NotEqual(first.Salt, second.Salt);
        Assert.NotEqual(first.StoredKey, second.StoredKey);
        Assert.Equal(first.Format(), ScramCredentials.Derive("correct horse", first.Salt, first.Iterations).Format());
    }

    [Fact]
    public void The_password_is_saslprepped_first()
    {
        var salt = Encoding.ASCII.GetBytes("salt");
        Assert.Equal(ScramCredentials.Derive("IX", salt, 4096).Format(), ScramCredentials.Derive("I\u00ADX", salt, 4096).Format());
        Assert.Equal(ScramCredentials.Derive("IX", salt, 4096).Format(), ScramCredentials.Derive("\u2168", salt, 4096).Format());
        Assert.NotEqual(ScramCredentials.Derive("IX", salt, 4096).Format(), ScramCredentials.DeriveUnprepared("\u2168"u8.ToArray(), salt, 4096).Format());
        Assert.Equal(ScramCredentials.Derive("pencil", salt, 4096).Format(), ScramCredentials.DeriveUnprepared("pencil"u8, salt, 4096).Format());
    }

    [Fact]
    public void Passwords_saslprep_refuses_and_impossible_parameters_throw()
    {
        var salt = Encoding.ASCII.GetBytes("salt");
        var e = Assert.Throws<ArgumentException>(() => ScramCredentials.Derive("tab\tinside", salt, 4096));
        Assert.Contains("SCRAM", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => ScramCredentials.Create("bell\u0007"));
        Assert.Throws<ArgumentException>(() => ScramCredentials.Derive("pencil", [], 4096));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScramCredentials.Derive("pencil", salt, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ScramCredentials.Derive("pencil", salt, ScramCredentials.MaxIterations + 1));
    }
}

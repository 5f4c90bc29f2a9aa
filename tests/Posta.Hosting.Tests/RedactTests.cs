namespace Posta.Hosting.Tests;

public class RedactTests
{
    [Theory]
    [InlineData("AUTH PLAIN AHVzZXIAc2VjcmV0", "AUTH PLAIN ***")]
    [InlineData("auth plain AHVzZXIAc2VjcmV0\r\n", "auth plain ***\r\n")]
    [InlineData("AUTH LOGIN dXNlcg==", "AUTH LOGIN ***")]
    [InlineData("AUTH LOGIN", "AUTH LOGIN")]
    [InlineData("a1 LOGIN alice \"s3cret pass\"", "a1 LOGIN ***")]
    [InlineData("a2 AUTHENTICATE PLAIN AHVzZXIAc2VjcmV0", "a2 AUTHENTICATE PLAIN ***")]
    [InlineData("a2 AUTHENTICATE PLAIN", "a2 AUTHENTICATE PLAIN")]
    [InlineData("PASS hunter2", "PASS ***")]
    [InlineData("APOP mrose c4c9334bac560ecc979e58001b3e22fb", "APOP mrose ***")]
    [InlineData("AUTHENTICATE \"PLAIN\" \"AHVzZXIAc2VjcmV0\"", "AUTHENTICATE \"PLAIN\" ***")]
    [InlineData("MAIL FROM:<pass@example.org>", "MAIL FROM:<pass@example.org>")]
    [InlineData("a3 SELECT INBOX", "a3 SELECT INBOX")]
    [InlineData("USER alice", "USER alice")]
    [InlineData("", "")]
    public void Credentials_are_masked_and_other_lines_kept(string line, string expected)
    {
        Assert.Equal(expected, Redact.CommandLine(line));
    }

    [Fact]
    public void The_mask_never_contains_the_secret()
    {
        var line = Redact.CommandLine("a1 LOGIN alice hunter2");

        Assert.DoesNotContain("hunter2", line, StringComparison.Ordinal);
        Assert.Equal("***", Redact.Mask);
    }
}

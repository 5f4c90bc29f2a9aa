using Posta.Mime.Headers;

namespace Posta.Mime.Tests.Headers;

public class MailDateTests
{
    [Theory]
    [InlineData("Fri, 21 Nov 1997 09:55:06 -0600", "1997-11-21T09:55:06-06:00")]
    [InlineData("Tue, 1 Jul 2003 10:52:37 +0200", "2003-07-01T10:52:37+02:00")]
    [InlineData("Thu,\r\n      13\r\n        Feb\r\n          1969\r\n      23:32\r\n               -0330 (Newfoundland Time)", "1969-02-13T23:32:00-03:30")]
    [InlineData("21 Nov 97 09:55:06 GMT", "1997-11-21T09:55:06+00:00")]
    [InlineData("21 Nov 49 09:55:06 GMT", "2049-11-21T09:55:06+00:00")]
    [InlineData("21 Nov 103 09:55:06 UT", "2003-11-21T09:55:06+00:00")]
    [InlineData("Mon, 1 Jan 2024 10:00 EST", "2024-01-01T10:00:00-05:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 +0100 (CET)", "2024-01-01T10:00:00+01:00")]
    [InlineData("Mon Jan  1 10:00:00 2024", "2024-01-01T10:00:00+00:00")]
    [InlineData("Mon, 01 Jan 2024 10:00:00", "2024-01-01T10:00:00+00:00")]
    [InlineData("1 January 2024 10:00:00 CEST", "2024-01-01T10:00:00+02:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 +01:00", "2024-01-01T10:00:00+01:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:60 Z", "2024-01-01T10:00:59+00:00")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 A", "2024-01-01T10:00:00+00:00")]
    [InlineData("1 Jan 2024 2:05:00 PM", "2024-01-01T14:05:00+00:00")]
    [InlineData("2024-01-02T03:04:05Z", "2024-01-02T03:04:05+00:00")]
    [InlineData("2024-01-02 03:04:05 +0530", "2024-01-02T03:04:05+05:30")]
    [InlineData("Mon, 1 Jan 2024 10:00:00 +2000", "2023-12-31T14:00:00+00:00")]
    public void Reads_rfc5322_obsolete_and_broken_forms(string value, string expected)
    {
        Assert.True(MailDate.TryParse(value, out var date), value);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), date);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture).Offset, date.Offset);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a date")]
    [InlineData("31 Feb 2024 10:00:00 +0000")]
    [InlineData("Mon, 1 Jan 2024 25:00:00 +0000")]
    public void Refuses_what_is_not_a_date(string value) => Assert.False(MailDate.TryParse(value, out _));

    [Fact]
    public void Formats_rfc5322_dates()
    {
        var date = new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(-5));
        Assert.Equal("Tue, 2 Jan 2024 03:04:05 -0500", MailDate.Format(date));
        Assert.True(MailDate.TryParse(MailDate.Format(date), out var back));
        Assert.Equal(date, back);
    }
}

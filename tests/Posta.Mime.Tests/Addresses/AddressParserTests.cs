using Posta.Mime.Addresses;

namespace Posta.Mime.Tests.Addresses;

public class AddressParserTests
{
    private static string Show(string value) => string.Join(" | ", AddressParser.Parse(value).Select(Show));

    private static string Show(Address address) => address switch
    {
        MailboxAddress m => $"[{m.DisplayName}] {m.Route}{(m.Route is null ? "" : ":")}{m.LocalPart}@{(m.HasDomain ? m.Domain : "-")}",
        GroupAddress g => $"{g.Name}: {string.Join(", ", g.Members.Select(Show))};",
        _ => "?",
    };

    // RFC 5322 Appendix A examples.
    [Theory]
    [InlineData("John Doe <jdoe@machine.example>", "[John Doe] jdoe@machine.example")]
    [InlineData("Mary Smith <mary@example.net>, jdoe@example.org, Who? <one@y.test>", "[Mary Smith] mary@example.net | [] jdoe@example.org | [Who?] one@y.test")]
    [InlineData("<boss@nil.test>, \"Giant; \\\"Big\\\" Box\" <sysservices@example.net>", "[] boss@nil.test | [Giant; \"Big\" Box] sysservices@example.net")]
    [InlineData("A Group:Ed Jones <c@a.test>,joe@where.test,John <jdoe@one.test>;", "A Group: [Ed Jones] c@a.test, [] joe@where.test, [John] jdoe@one.test;")]
    [InlineData("Undisclosed recipients:;", "Undisclosed recipients: ;")]
    [InlineData("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>", "[Pete] pete@silly.test")]
    [InlineData("A Group(Some people)\r\n     :Chris Jones <c@(Chris's host.)public.example>,\r\n         joe@example.org,\r\n  John <jdoe@one.test> (my dear friend); (the end of the group)", "A Group: [Chris Jones] c@public.example, [] joe@example.org, [John] jdoe@one.test;")]
    [InlineData("Joe Q. Public <john.q.public@example.com>", "[Joe Q. Public] john.q.public@example.com")]
    [InlineData("Mary Smith <@node.test:mary@example.net>, , jdoe@test  . example", "[Mary Smith] @node.test:mary@example.net | [] jdoe@test.example")]
    [InlineData("John Doe <jdoe@machine(comment).  example>", "[John Doe] jdoe@machine.example")]
    public void Rfc5322_appendix_a(string value, string expected) => Assert.Equal(expected, Show(value));

    [Theory]
    [InlineData("\"very.(),:;<>[]\\\".VERY.\\\"very@\\\\ \\\"very\\\".unusual\"@strange.example.com", "[] very.(),:;<>[]\".VERY.\"very@\\ \"very\".unusual@strange.example.com")]
    [InlineData("=?utf-8?q?J=C3=B6rg?= <j@example.com>", "[Jörg] j@example.com")]
    [InlineData("\"=?utf-8?q?J=C3=B6rg?=\" <j@example.com>", "[Jörg] j@example.com")]
    [InlineData("Jörg Müller <jörg@bücher.example>", "[Jörg Müller] jörg@bücher.example")]
    [InlineData("Doe, John <jdoe@example.com>", "[] Doe@- | [John] jdoe@example.com")]
    [InlineData("broken <a@example.com", "[broken] a@example.com")]
    [InlineData("group: a@example.com", "group: [] a@example.com;")]
    [InlineData("user", "[] user@-")]
    [InlineData("<>", "[] @-")]
    [InlineData("a@[192.0.2.1]", "[] a@[192.0.2.1]")]
    [InlineData(",,a@example.com,,", "[] a@example.com")]
    [InlineData("", "")]
    public void Real_world_forms(string value, string expected) => Assert.Equal(expected, Show(value));

    [Fact]
    public void Idn_domains_have_both_forms()
    {
        var mailbox = (MailboxAddress)AddressParser.Parse("info@bücher.example")[0];
        Assert.Equal("info@xn--bcher-kva.example", mailbox.LocalPart + "@" + mailbox.AsciiDomain);
        var ascii = (MailboxAddress)AddressParser.Parse("info@xn--bcher-kva.example")[0];
        Assert.Equal("bücher.example", ascii.UnicodeDomain);
    }

    [Fact]
    public void Comment_after_addr_spec_is_kept()
    {
        var mailbox = (MailboxAddress)AddressParser.Parse("user@example.com (=?utf-8?q?J=C3=B6rg?=)")[0];
        Assert.Equal("", mailbox.DisplayName);
        Assert.Equal("Jörg", mailbox.Comment);
    }

    [Fact]
    public void Quotes_local_parts_only_when_needed()
    {
        Assert.Equal("john.doe", MailboxAddress.QuoteLocalPart("john.doe"));
        Assert.Equal("\"john doe\"", MailboxAddress.QuoteLocalPart("john doe"));
        Assert.Equal("\"a\\\"b\"", MailboxAddress.QuoteLocalPart("a\"b"));
        Assert.Equal("\".dot\"", MailboxAddress.QuoteLocalPart(".dot"));
    }
}

using System.Buffers;
using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Parsing;
using Posta.Smtp.Protocol.Replies;
using Posta.Smtp.Protocol.State;
using Posta.Smtp.Protocol.Tests.Support;

namespace Posta.Smtp.Protocol.Tests.State;

public class StateTableTests
{
    private static readonly SmtpStateTable Smtp = SmtpStateTable.Smtp;

    public static TheoryData<SmtpState, SmtpVerb, bool> SmtpTable() => new()
    {
        { SmtpState.Connected, SmtpVerb.Ehlo, true },
        { SmtpState.Connected, SmtpVerb.Helo, true },
        { SmtpState.Connected, SmtpVerb.Lhlo, false },
        { SmtpState.Connected, SmtpVerb.Noop, true },
        { SmtpState.Connected, SmtpVerb.Rset, true },
        { SmtpState.Connected, SmtpVerb.Vrfy, true },
        { SmtpState.Connected, SmtpVerb.Quit, true },
        { SmtpState.Connected, SmtpVerb.XClient, true },
        { SmtpState.Connected, SmtpVerb.Mail, false },
        { SmtpState.Connected, SmtpVerb.StartTls, false },
        { SmtpState.Connected, SmtpVerb.Auth, false },
        { SmtpState.Greeted, SmtpVerb.Mail, true },
        { SmtpState.Greeted, SmtpVerb.StartTls, true },
        { SmtpState.Greeted, SmtpVerb.Auth, true },
        { SmtpState.Greeted, SmtpVerb.Ehlo, true },
        { SmtpState.Greeted, SmtpVerb.Rcpt, false },
        { SmtpState.Greeted, SmtpVerb.Data, false },
        { SmtpState.Greeted, SmtpVerb.Bdat, false },
        { SmtpState.InTransaction, SmtpVerb.Rcpt, true },
        { SmtpState.InTransaction, SmtpVerb.Mail, false },
        { SmtpState.InTransaction, SmtpVerb.Data, false },
        { SmtpState.InTransaction, SmtpVerb.Auth, false },
        { SmtpState.InTransaction, SmtpVerb.StartTls, false },
        { SmtpState.InTransaction, SmtpVerb.XClient, false },
        { SmtpState.InTransaction, SmtpVerb.Rset, true },
        { SmtpState.HasRecipients, SmtpVerb.Rcpt, true },
        { SmtpState.HasRecipients, SmtpVerb.Data, true },
        { SmtpState.HasRecipients, SmtpVerb.Bdat, true },
        { SmtpState.HasRecipients, SmtpVerb.Mail, false },
        { SmtpState.BdatChunks, SmtpVerb.Bdat, true },
        { SmtpState.BdatChunks, SmtpVerb.Rset, true },
        { SmtpState.BdatChunks, SmtpVerb.Quit, true },
        { SmtpState.BdatChunks, SmtpVerb.Data, false },
        { SmtpState.BdatChunks, SmtpVerb.Rcpt, false },
        { SmtpState.BdatChunks, SmtpVerb.Mail, false },
        { SmtpState.Data, SmtpVerb.Quit, false },
        { SmtpState.Auth, SmtpVerb.Quit, false },
    };

    [Theory]
    [MemberData(nameof(SmtpTable))]
    public void The_smtp_table_says_which_commands_each_state_accepts(SmtpState state, SmtpVerb verb, bool accepted)
    {
        Assert.Equal(accepted, Smtp.Accepts(state, verb));
    }

    public static TheoryData<SmtpState, SmtpVerb, string> Rejections() => new()
    {
        { SmtpState.Connected, SmtpVerb.Mail, "503 5.5.1 Error: send HELO/EHLO first" },
        { SmtpState.Connected, SmtpVerb.Lhlo, "500 5.5.2 Error: command not recognized" },
        { SmtpState.Greeted, SmtpVerb.Rcpt, "503 5.5.1 Error: need MAIL command" },
        { SmtpState.Greeted, SmtpVerb.Data, "503 5.5.1 Error: need MAIL command" },
        { SmtpState.InTransaction, SmtpVerb.Data, "503 5.5.1 Error: need RCPT command" },
        { SmtpState.InTransaction, SmtpVerb.Bdat, "503 5.5.1 Error: need RCPT command" },
        { SmtpState.HasRecipients, SmtpVerb.Mail, "503 5.5.1 Error: nested MAIL command" },
        { SmtpState.HasRecipients, SmtpVerb.Auth, "503 5.5.1 Error: MAIL transaction in progress" },
        { SmtpState.InTransaction, SmtpVerb.XClient, "503 5.5.1 Error: MAIL transaction in progress" },
        { SmtpState.BdatChunks, SmtpVerb.Data, "503 5.5.1 Error: BDAT transfer in progress; send BDAT or RSET" },
        { SmtpState.Data, SmtpVerb.Noop, "503 5.5.1 Error: bad sequence of commands" },
        { SmtpState.Greeted, SmtpVerb.Expn, "502 5.5.1 Error: command not implemented" },
        { SmtpState.Greeted, SmtpVerb.Unknown, "500 5.5.2 Error: command not recognized" },
    };

    [Theory]
    [MemberData(nameof(Rejections))]
    public void A_command_out_of_sequence_gets_the_matching_reply(SmtpState state, SmtpVerb verb, string reply)
    {
        Assert.False(Smtp.Accepts(state, verb));
        Assert.Equal(reply, Smtp.Rejection(state, verb).ToString());
    }

    [Fact]
    public void Every_refusal_is_a_permanent_error()
    {
        foreach (var table in new[] { SmtpStateTable.Smtp, SmtpStateTable.Lmtp })
        {
            foreach (var state in Enum.GetValues<SmtpState>())
            {
                foreach (var verb in Enum.GetValues<SmtpVerb>())
                {
                    if (!table.Accepts(state, verb))
                    {
                        Assert.True(table.Rejection(state, verb).IsPermanentNegative, $"{table.Dialect} {state} {verb}");
                    }
                }
            }
        }
    }

    [Fact]
    public void The_commands_allowed_at_any_time_are_accepted_in_every_command_state()
    {
        // RFC 5321 §4.1.4: NOOP, HELP, VRFY and RSET at any time; QUIT always ends the session.
        foreach (var state in new[] { SmtpState.Connected, SmtpState.Greeted, SmtpState.InTransaction, SmtpState.HasRecipients })
        {
            foreach (var verb in new[] { SmtpVerb.Noop, SmtpVerb.Help, SmtpVerb.Vrfy, SmtpVerb.Rset, SmtpVerb.Quit, SmtpVerb.Ehlo, SmtpVerb.Helo })
            {
                Assert.True(Smtp.Accepts(state, verb), $"{state} {verb}");
            }
        }
    }

    [Fact]
    public void Lmtp_greets_with_lhlo_only()
    {
        var lmtp = SmtpStateTable.Lmtp;

        Assert.True(lmtp.Accepts(SmtpState.Connected, SmtpVerb.Lhlo));
        Assert.False(lmtp.Accepts(SmtpState.Connected, SmtpVerb.Ehlo));
        Assert.False(lmtp.Accepts(SmtpState.Greeted, SmtpVerb.Helo));
        Assert.Equal(SmtpReplies.SyntaxError, lmtp.Rejection(SmtpState.Connected, SmtpVerb.Ehlo));
        Assert.True(lmtp.Accepts(SmtpState.Greeted, SmtpVerb.Mail));
        Assert.Equal(SmtpDialect.Lmtp, lmtp.Dialect);
    }

    [Fact]
    public void A_whole_session_walks_through_the_states()
    {
        var script = new (string Line, SmtpState After)[]
        {
            ("EHLO client.example", SmtpState.Greeted),
            ("STARTTLS", SmtpState.Connected),
            ("EHLO client.example", SmtpState.Greeted),
            ("AUTH PLAIN AHVzZXIAcGFzcw==", SmtpState.Auth),
        };
        var state = SmtpState.Connected;
        foreach (var (line, after) in script)
        {
            state = Step(state, line);
            Assert.Equal(after, state);
        }

        state = SmtpStateTable.AfterAuth;
        foreach (var (line, after) in new (string, SmtpState)[]
        {
            ("MAIL FROM:<user@example.com>", SmtpState.InTransaction),
            ("RCPT TO:<a@example.org>", SmtpState.HasRecipients),
            ("RCPT TO:<b@example.org>", SmtpState.HasRecipients),
            ("DATA", SmtpState.Data),
        })
        {
            state = Step(state, line);
            Assert.Equal(after, state);
        }

        state = SmtpStateTable.AfterMessage;
        foreach (var (line, after) in new (string, SmtpState)[]
        {
            ("MAIL FROM:<>", SmtpState.InTransaction),
            ("RCPT TO:<a@example.org>", SmtpState.HasRecipients),
            ("BDAT 100", SmtpState.BdatChunks),
            ("BDAT 10", SmtpState.BdatChunks),
            ("BDAT 0 LAST", SmtpState.Greeted),
            ("MAIL FROM:<x@example.com>", SmtpState.InTransaction),
            ("RSET", SmtpState.Greeted),
            ("NOOP", SmtpState.Greeted),
            ("XCLIENT ADDR=192.0.2.1", SmtpState.Connected),
            ("RSET", SmtpState.Connected),
            ("HELO client.example", SmtpState.Greeted),
        })
        {
            state = Step(state, line);
            Assert.Equal(after, state);
        }
    }

    private static SmtpState Step(SmtpState state, string line)
    {
        var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(Bytes.Of(line + "\r\n")));
        Assert.Equal(OperationStatus.Done, SmtpCommandParser.Default.TryParse(ref reader, out var command));
        Assert.True(Smtp.Accepts(state, command.Verb), $"{line} in {state}");
        return Smtp.Next(state, command);
    }
}

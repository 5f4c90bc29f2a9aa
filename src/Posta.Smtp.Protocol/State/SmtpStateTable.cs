using Posta.Smtp.Protocol.Commands;
using Posta.Smtp.Protocol.Replies;

namespace Posta.Smtp.Protocol.State;

/// <summary>
/// Which commands each session state accepts (STYLE.md convention 4), consulted before dispatch:
/// <code>
/// if (!table.Accepts(state, command.Verb)) reply(table.Rejection(state, command.Verb));
/// else { handle(command); if accepted: state = table.Next(state, command); }
/// </code>
/// Policy (authentication required, STARTTLS required, XCLIENT only from trusted proxies) is the
/// session's; this table is only about sequence (RFC 5321 §4.1.4, RFC 3030, RFC 3207, RFC 4954).
/// </summary>
public sealed class SmtpStateTable
{
    // The commands RFC 5321 §4.1.4 allows "at any time during a session".
    private static readonly SmtpVerb[] Anytime = [SmtpVerb.Noop, SmtpVerb.Rset, SmtpVerb.Quit, SmtpVerb.Help, SmtpVerb.Vrfy];

    private readonly bool[,] _accepts;
    private readonly SmtpVerb[] _greetings;

    private SmtpStateTable(SmtpDialect dialect)
    {
        Dialect = dialect;
        _greetings = dialect == SmtpDialect.Smtp ? [SmtpVerb.Ehlo, SmtpVerb.Helo] : [SmtpVerb.Lhlo];
        var rows = new (SmtpState State, SmtpVerb[] Verbs)[]
        {
            (SmtpState.Connected, [.. _greetings, .. Anytime, SmtpVerb.XClient]),
            (SmtpState.Greeted, [.. _greetings, .. Anytime, SmtpVerb.XClient, SmtpVerb.Mail, SmtpVerb.StartTls, SmtpVerb.Auth]),
            (SmtpState.InTransaction, [.. _greetings, .. Anytime, SmtpVerb.Rcpt]),
            (SmtpState.HasRecipients, [.. _greetings, .. Anytime, SmtpVerb.Rcpt, SmtpVerb.Data, SmtpVerb.Bdat]),

            // RFC 3030 §2: after a BDAT without LAST only BDAT continues the transaction; RSET aborts it.
            (SmtpState.BdatChunks, [SmtpVerb.Noop, SmtpVerb.Rset, SmtpVerb.Quit, SmtpVerb.Help, SmtpVerb.Bdat]),

            // Content and SASL responses are not commands.
            (SmtpState.Data, []),
            (SmtpState.Auth, []),
        };

        _accepts = new bool[Enum.GetValues<SmtpState>().Length, Enum.GetValues<SmtpVerb>().Length];
        foreach (var (state, verbs) in rows)
        {
            foreach (var verb in verbs)
            {
                _accepts[(int)state, (int)verb] = true;
            }
        }
    }

    /// <summary>The table for SMTP (EHLO/HELO).</summary>
    public static SmtpStateTable Smtp { get; } = new(SmtpDialect.Smtp);

    /// <summary>The table for LMTP (LHLO).</summary>
    public static SmtpStateTable Lmtp { get; } = new(SmtpDialect.Lmtp);

    /// <summary>The state after a message's content was read (end of DATA, or the LAST chunk), accepted or not.</summary>
    public static SmtpState AfterMessage => SmtpState.Greeted;

    /// <summary>The state after a SASL exchange, whatever its outcome.</summary>
    public static SmtpState AfterAuth => SmtpState.Greeted;

    /// <summary>The protocol of this table.</summary>
    public SmtpDialect Dialect { get; }

    /// <summary>Whether <paramref name="verb"/> may be used in <paramref name="state"/>.</summary>
    public bool Accepts(SmtpState state, SmtpVerb verb) => _accepts[(int)state, (int)verb];

    /// <summary>The reply when <see cref="Accepts"/> is false.</summary>
    public SmtpReply Rejection(SmtpState state, SmtpVerb verb)
    {
        if (verb is SmtpVerb.Unknown || (verb is SmtpVerb.Ehlo or SmtpVerb.Helo or SmtpVerb.Lhlo && Array.IndexOf(_greetings, verb) < 0))
        {
            // LHLO is not an SMTP command, nor EHLO/HELO LMTP ones (RFC 2033 §4.1).
            return SmtpReplies.SyntaxError;
        }

        if (verb == SmtpVerb.Expn)
        {
            return SmtpReplies.NotImplemented;
        }

        return state switch
        {
            SmtpState.Connected => SmtpReplies.SendHeloFirst,
            SmtpState.Greeted when verb is SmtpVerb.Rcpt or SmtpVerb.Data or SmtpVerb.Bdat => SmtpReplies.NeedMail,
            SmtpState.InTransaction when verb is SmtpVerb.Data or SmtpVerb.Bdat => SmtpReplies.NeedRcpt,
            SmtpState.InTransaction or SmtpState.HasRecipients when verb == SmtpVerb.Mail => SmtpReplies.NestedMail,
            SmtpState.InTransaction or SmtpState.HasRecipients when verb is SmtpVerb.Auth or SmtpVerb.StartTls or SmtpVerb.XClient => SmtpReplies.TransactionInProgress,
            SmtpState.BdatChunks => SmtpReplies.BdatInProgress,
            _ => SmtpReplies.BadSequence,
        };
    }

    /// <summary>
    /// The state once the session has accepted <paramref name="command"/> (a 2yz reply, or 354/334):
    /// greetings and RSET leave the transaction (RFC 5321 §4.1.4), STARTTLS returns to
    /// <see cref="SmtpState.Connected"/> (RFC 3207 §4.2), as does XCLIENT (which starts a new
    /// session, as in Postfix), DATA goes to <see cref="SmtpState.Data"/> and AUTH to
    /// <see cref="SmtpState.Auth"/> for the exchange, BDAT to <see cref="SmtpState.BdatChunks"/>
    /// or, with LAST, to <see cref="AfterMessage"/> once the chunk is read.
    /// </summary>
    public SmtpState Next(SmtpState state, SmtpCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return command switch
        {
            HelloCommand => SmtpState.Greeted,
            RsetCommand => state == SmtpState.Connected ? SmtpState.Connected : SmtpState.Greeted,
            MailCommand => SmtpState.InTransaction,
            RcptCommand => SmtpState.HasRecipients,
            DataCommand => SmtpState.Data,
            BdatCommand bdat => bdat.Last ? AfterMessage : SmtpState.BdatChunks,
            AuthCommand => SmtpState.Auth,
            StartTlsCommand or XClientCommand => SmtpState.Connected,
            _ => state,
        };
    }
}

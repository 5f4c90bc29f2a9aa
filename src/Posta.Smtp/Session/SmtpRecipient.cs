using Posta.Directory;
using Posta.Smtp.Protocol.Commands;

namespace Posta.Smtp.Session;

/// <summary>A recipient accepted at RCPT.</summary>
/// <param name="Address">The RCPT address as given, qualified (for replies, logs and trace fields).</param>
/// <param name="Parameters">The DSN parameters of the RCPT command.</param>
/// <param name="LocalUsers">The enabled local users it reaches (empty for a remote recipient).</param>
/// <param name="ExternalTargets">Addresses on other servers it forwards to (aliases), or the address itself when remote.</param>
internal sealed record SmtpRecipient(
    string Address,
    RcptParameters Parameters,
    IReadOnlyList<LocalRecipient> LocalUsers,
    IReadOnlyList<string> ExternalTargets);

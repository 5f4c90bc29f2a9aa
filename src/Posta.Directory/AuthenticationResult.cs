using Posta.Storage.Directory;

namespace Posta.Directory;

/// <summary>
/// The outcome of a login. Failures carry a reason for the server log only; clients are told the
/// same thing whatever went wrong, so they cannot probe which accounts exist.
/// </summary>
public sealed record AuthenticationResult(UserRecord? User, string? FailureReason)
{
    /// <summary>True when the credentials are good and the account may log in.</summary>
    public bool Succeeded => User is not null;
}

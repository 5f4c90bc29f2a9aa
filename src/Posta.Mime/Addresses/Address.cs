namespace Posta.Mime.Addresses;

/// <summary>An entry of an RFC 5322 address list: a <see cref="MailboxAddress"/> or a <see cref="GroupAddress"/>.</summary>
public abstract class Address
{
    private protected Address()
    {
    }
}

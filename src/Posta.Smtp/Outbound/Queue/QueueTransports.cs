namespace Posta.Smtp.Outbound.Queue;

/// <summary>
/// The service keys under which <see cref="IDeliveryTransport"/>s are registered. A recipient in a
/// domain hosted here goes to <see cref="Local"/>, any other to <see cref="Remote"/>.
/// </summary>
public static class QueueTransports
{
    /// <summary>Recipients in hosted domains: the local store, or a store node over LMTP in a split setup.</summary>
    public const string Local = "local";

    /// <summary>Recipients elsewhere: other servers over SMTP.</summary>
    public const string Remote = "remote";
}

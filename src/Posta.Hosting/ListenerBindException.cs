namespace Posta.Hosting;

/// <summary>
/// A listener could not bind its address. The message reads like
/// "listener smtp: cannot bind 127.0.0.1:25: address already in use".
/// </summary>
public sealed class ListenerBindException : IOException
{
    /// <summary>Creates the exception with a generic message.</summary>
    public ListenerBindException()
        : base("a listener could not bind its address")
    {
        Address = string.Empty;
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ListenerBindException(string message)
        : base(message)
    {
        Address = string.Empty;
    }

    /// <summary>Creates the exception with <paramref name="message"/>.</summary>
    public ListenerBindException(string message, Exception innerException)
        : base(message, innerException)
    {
        Address = string.Empty;
    }

    /// <summary>Creates the exception for a listener's address.</summary>
    public ListenerBindException(string? listenerName, string address, string reason, Exception? innerException)
        : base(listenerName is null ? $"cannot bind {address}: {reason}" : $"listener {listenerName}: cannot bind {address}: {reason}", innerException)
    {
        ListenerName = listenerName;
        Address = address;
    }

    /// <summary>The listener, when the address belongs to one.</summary>
    public string? ListenerName { get; }

    /// <summary>The address as configured.</summary>
    public string Address { get; }
}

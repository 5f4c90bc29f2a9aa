namespace Posta.Hosting.Listening;

/// <summary>
/// Which configured listeners this process serves: those with addresses and a registered
/// protocol, plus http and https. Decided once, from the options and the registrations made with
/// AddPostaProtocol before the host was built.
/// </summary>
internal sealed class ServedListeners
{
    public ServedListeners(HostingOptions options, IEnumerable<ProtocolRegistration> registrations)
    {
        var handlers = new Dictionary<string, Type>(StringComparer.OrdinalIgnoreCase);
        foreach (var registration in registrations)
        {
            if (handlers.TryGetValue(registration.ListenerName, out var other) && other != registration.HandlerType)
            {
                throw new InvalidOperationException(
                    $"listener {registration.ListenerName} has two protocols registered: {other.Name} and {registration.HandlerType.Name}");
            }

            handlers[registration.ListenerName] = registration.HandlerType;
        }

        var served = new Dictionary<string, Type?>(StringComparer.Ordinal);
        var unserved = new List<string>();
        foreach (var name in ListenerNames.All)
        {
            if (!options.Listeners.TryGetValue(name, out var listener) || listener.Addresses.Count == 0)
            {
                continue;
            }

            if (handlers.TryGetValue(name, out var handler))
            {
                served[name] = handler;
            }
            else if (ListenerNames.IsHttp(name))
            {
                served[name] = null;
            }
            else
            {
                unserved.Add(name);
            }
        }

        Handlers = served;
        Unserved = unserved;
    }

    /// <summary>Served listener names (canonical) and their handler types; null for http/https.</summary>
    public IReadOnlyDictionary<string, Type?> Handlers { get; }

    /// <summary>Listeners with addresses but no protocol in this process.</summary>
    public IReadOnlyList<string> Unserved { get; }

    public bool Any => Handlers.Count > 0;

    /// <summary>Whether any served listener can use TLS (implicit, STARTTLS or HTTPS).</summary>
    public bool NeedCertificates => Handlers.Keys.Any(name => name != ListenerNames.Http);
}

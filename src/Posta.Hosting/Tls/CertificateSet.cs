namespace Posta.Hosting.Tls;

/// <summary>
/// One immutable generation of certificates. Reloading builds a new set and swaps it in, so a
/// handshake always sees a consistent one.
/// </summary>
internal sealed class CertificateSet
{
    private readonly Dictionary<string, ServerCertificate> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ServerCertificate> _wildcard = new(StringComparer.OrdinalIgnoreCase);

    public CertificateSet(IReadOnlyList<ServerCertificate> certificates)
    {
        if (certificates.Count == 0)
        {
            throw new ArgumentException("at least one certificate is required", nameof(certificates));
        }

        All = certificates;
        Default = certificates[0];

        // Earlier certificates win a name both carry: the configuration order is the preference.
        foreach (var certificate in certificates)
        {
            foreach (var name in certificate.DnsNames)
            {
                if (name.StartsWith("*.", StringComparison.Ordinal))
                {
                    _wildcard.TryAdd(name[2..], certificate);
                }
                else
                {
                    _exact.TryAdd(name, certificate);
                }
            }
        }
    }

    public IReadOnlyList<ServerCertificate> All { get; }

    /// <summary>The first configured certificate: for clients without SNI or with an unknown name.</summary>
    public ServerCertificate Default { get; }

    /// <summary>
    /// Exact SAN name first, then a wildcard covering exactly one more label ("*.example.org"
    /// matches "mail.example.org", not "example.org" nor "a.b.example.org", RFC 6125 §6.4.3),
    /// else the default.
    /// </summary>
    public ServerCertificate Select(string? serverName)
    {
        if (string.IsNullOrEmpty(serverName))
        {
            return Default;
        }

        var name = serverName.TrimEnd('.');
        if (_exact.TryGetValue(name, out var exact))
        {
            return exact;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && _wildcard.TryGetValue(name[(dot + 1)..], out var wildcard))
        {
            return wildcard;
        }

        return Default;
    }
}

namespace Posta.Hosting;

/// <summary>The hosting settings are invalid; <see cref="Errors"/> lists every problem.</summary>
public sealed class HostingConfigurationException : Exception
{
    /// <summary>Creates the exception with no listed errors.</summary>
    public HostingConfigurationException()
        : this([])
    {
    }

    /// <summary>Creates the exception with one error.</summary>
    public HostingConfigurationException(string message)
        : this([message])
    {
    }

    /// <summary>Creates the exception with one error.</summary>
    public HostingConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>Creates the exception listing <paramref name="errors"/>.</summary>
    public HostingConfigurationException(IReadOnlyList<string> errors)
        : base("invalid hosting settings:" + string.Concat(errors.Select(error => Environment.NewLine + "  " + error)))
    {
        Errors = errors;
    }

    /// <summary>Each invalid setting, one sentence each.</summary>
    public IReadOnlyList<string> Errors { get; }
}

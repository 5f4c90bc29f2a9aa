namespace Posta.Configuration;

/// <summary>A configuration problem; the message names the setting or file and says why.</summary>
public sealed class ConfigurationException(string message) : Exception(message);

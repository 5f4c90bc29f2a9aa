namespace Posta.Hosting.Listening;

/// <summary>The listener and configured address an endpoint handed to Kestrel stands for.</summary>
internal sealed record ListenTarget(string ListenerName, ListenAddress Address);

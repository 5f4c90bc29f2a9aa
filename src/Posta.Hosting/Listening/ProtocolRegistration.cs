namespace Posta.Hosting.Listening;

/// <summary>Recorded by AddPostaProtocol: which connection handler serves a listener.</summary>
internal sealed record ProtocolRegistration(string ListenerName, Type HandlerType);

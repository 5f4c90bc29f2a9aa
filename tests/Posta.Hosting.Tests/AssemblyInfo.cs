using System.Runtime.Versioning;

// The server runs on Linux, and these tests check Linux behaviour: unix sockets, file modes,
// loopback aliases such as 127.0.0.2.
[assembly: SupportedOSPlatform("linux")]

using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging;

namespace Posta.Hosting.Listening;

/// <summary>
/// Creates Kestrel's listening sockets (SocketTransportOptions.CreateBoundListenSocket): prepares
/// unix socket paths, restricts their mode, records what was bound, and turns bind failures into
/// errors that name the listener.
/// </summary>
internal sealed class ListenSocketFactory(BoundListeners bound, ILoggerFactory loggers)
{
    // Owner and group: the MTA handing mail over LMTP runs in the socket's group.
    private const UnixFileMode SocketMode =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite;

    private readonly ILogger _logger = loggers.CreateLogger("Posta.Hosting");

    // Keyed by the very EndPoint object given to Kestrel: two listeners may both ask for
    // 127.0.0.1:0, and only identity tells them apart.
    private readonly ConcurrentDictionary<EndPoint, ListenTarget> _targets = new(ReferenceEqualityComparer.Instance);

    public void Register(EndPoint endPoint, ListenTarget target) => _targets[endPoint] = target;

    public Socket CreateBoundListenSocket(EndPoint endPoint)
    {
        _targets.TryGetValue(endPoint, out var target);
        var display = target?.Address.ToString() ?? endPoint.ToString() ?? "(unknown)";
        try
        {
            if (target?.Address.Path is { } path)
            {
                PrepareUnixSocketPath(target.ListenerName, path);
            }

            var socket = BindDefault(endPoint);
            if (target?.Address.Path is { } boundPath && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(boundPath, SocketMode);
            }

            if (target is not null)
            {
                var local = socket.LocalEndPoint ?? endPoint;
                bound.Add(new BoundListener(target.ListenerName, target.Address.ToString(), local));
                Log.ListenerBound(_logger, target.ListenerName, local);
            }

            return socket;
        }
        catch (SocketException ex) when (Describe(ex.SocketErrorCode, endPoint) is { } reason)
        {
            throw new ListenerBindException(target?.ListenerName, display, reason, ex);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException and not ListenerBindException)
        {
            throw new ListenerBindException(target?.ListenerName, display, ex.Message, ex);
        }
    }

    /// <summary>What to tell the administrator about a bind error, or null to let it through.</summary>
    internal static string? Describe(SocketError error, EndPoint endPoint) => error switch
    {
        SocketError.AddressAlreadyInUse => "address already in use",
        SocketError.AccessDenied when endPoint is IPEndPoint { Port: > 0 and < 1024 } =>
            "permission denied: ports below 1024 need root or CAP_NET_BIND_SERVICE (systemd: AmbientCapabilities=CAP_NET_BIND_SERVICE)",
        SocketError.AccessDenied => "permission denied",
        SocketError.AddressNotAvailable => "no network interface has this address",
        _ => null,
    };

    private static Socket BindDefault(EndPoint endPoint)
    {
        try
        {
            return SocketTransportOptions.CreateDefaultBoundListenSocket(endPoint);
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressFamilyNotSupported
            && endPoint is IPEndPoint ip && ip.Address.Equals(IPAddress.IPv6Any))
        {
            // "*" on a host with IPv6 disabled: every IPv4 address is what is left.
            return SocketTransportOptions.CreateDefaultBoundListenSocket(new IPEndPoint(IPAddress.Any, ip.Port));
        }
    }

    /// <summary>
    /// Creates the parent directory and removes a socket file left by a previous run. A file that
    /// still has a listener behind it belongs to a running server and is an address in use.
    /// </summary>
    private void PrepareUnixSocketPath(string listener, string path)
    {
        if (Path.GetDirectoryName(path) is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
        }

        var existing = new FileInfo(path);
        if (!existing.Exists)
        {
            return;
        }

        // Sockets have no size; anything else at that path is somebody's file, not ours to delete.
        if (existing.Length != 0)
        {
            throw new IOException($"{path} exists and is not a socket; remove it or choose another path");
        }

        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            File.Delete(path);
            Log.StaleSocketRemoved(_logger, listener, path);
            return;
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }
}

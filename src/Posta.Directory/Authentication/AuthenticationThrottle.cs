using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Posta.Directory.Authentication;

/// <summary>
/// Failed authentications per client address, in memory, shared by SMTP, IMAP, POP3 and ManageSieve so
/// that a guesser gains nothing by switching protocol. A session asks <see cref="IsBlocked"/> before it
/// authenticates, calls <see cref="RecordFailure"/> then waits <see cref="FailureDelay"/> before it answers
/// a failure, and calls <see cref="RecordSuccess"/> after a success. IPv6 clients are counted per /64, the
/// block one subscriber usually holds; IPv4 (also mapped into IPv6) per address. Thread-safe.
/// </summary>
public sealed class AuthenticationThrottle
{
    private readonly AuthenticationThrottleOptions _options;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();
    private readonly Dictionary<UInt128, LinkedListNode<Client>> _clients = [];

    // Oldest last failure first: what expires or is evicted next is always at the head.
    private readonly LinkedList<Client> _byLastFailure = new();

    /// <summary>A throttle with <paramref name="options"/> (defaults when null) on <paramref name="timeProvider"/> (the system clock when null).</summary>
    public AuthenticationThrottle(AuthenticationThrottleOptions? options = null, TimeProvider? timeProvider = null)
    {
        _options = options ?? new AuthenticationThrottleOptions();
        _time = timeProvider ?? TimeProvider.System;
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxFailures, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxTrackedClients, 1, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.Window, TimeSpan.Zero, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.FailureDelay, TimeSpan.Zero, nameof(options));
    }

    /// <summary>Client addresses (IPv6: /64 prefixes) with failures still counted.</summary>
    public int TrackedClients
    {
        get
        {
            lock (_lock)
            {
                ForgetExpired(_time.GetUtcNow());
                return _clients.Count;
            }
        }
    }

    /// <summary>
    /// How long to wait before answering a failed authentication from <paramref name="client"/>:
    /// <see cref="AuthenticationThrottleOptions.FailureDelay"/> once it has a failure on record, else zero.
    /// </summary>
    public TimeSpan FailureDelay(IPAddress client)
    {
        lock (_lock)
        {
            return Find(client) is null ? TimeSpan.Zero : _options.FailureDelay;
        }
    }

    /// <summary>
    /// True while <paramref name="client"/> has <see cref="AuthenticationThrottleOptions.MaxFailures"/> failures
    /// within the last <see cref="AuthenticationThrottleOptions.Window"/>: refuse to authenticate it at all.
    /// </summary>
    public bool IsBlocked(IPAddress client)
    {
        lock (_lock)
        {
            return Find(client) is { } found && found.Value.IsFull && found.Value.Oldest + _options.Window > _time.GetUtcNow();
        }
    }

    /// <summary>Counts a failed authentication from <paramref name="client"/>.</summary>
    public void RecordFailure(IPAddress client)
    {
        var key = KeyOf(client);
        var now = _time.GetUtcNow();
        lock (_lock)
        {
            ForgetExpired(now);
            if (_clients.TryGetValue(key, out var node))
            {
                _byLastFailure.Remove(node);
            }
            else
            {
                if (_clients.Count >= _options.MaxTrackedClients)
                {
                    Forget(_byLastFailure.First!);
                }

                node = new LinkedListNode<Client>(new Client(key, _options.MaxFailures));
                _clients.Add(key, node);
            }

            node.Value.Add(now);
            _byLastFailure.AddLast(node);
        }
    }

    /// <summary>Forgets the failures of <paramref name="client"/>: it has just proved it knows a password.</summary>
    public void RecordSuccess(IPAddress client)
    {
        var key = KeyOf(client);
        lock (_lock)
        {
            if (_clients.TryGetValue(key, out var node))
            {
                Forget(node);
            }
        }
    }

    private LinkedListNode<Client>? Find(IPAddress client)
    {
        ForgetExpired(_time.GetUtcNow());
        return _clients.GetValueOrDefault(KeyOf(client));
    }

    private void ForgetExpired(DateTimeOffset now)
    {
        while (_byLastFailure.First is { } oldest && oldest.Value.Newest + _options.Window <= now)
        {
            Forget(oldest);
        }
    }

    private void Forget(LinkedListNode<Client> node)
    {
        _byLastFailure.Remove(node);
        _clients.Remove(node.Value.Key);
    }

    /// <summary>IPv4 as ::ffff:a.b.c.d, IPv6 as its /64 prefix: the two never collide (a /64 key ends in zeros).</summary>
    private static UInt128 KeyOf(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        Span<byte> bytes = stackalloc byte[16];
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            bytes[10] = 0xFF;
            bytes[11] = 0xFF;
            address.TryWriteBytes(bytes[12..], out _);
        }
        else
        {
            address.TryWriteBytes(bytes, out _);
            bytes[8..].Clear();
        }

        return BinaryPrimitives.ReadUInt128BigEndian(bytes);
    }

    /// <summary>The last failures of one client, oldest overwritten first.</summary>
    private sealed class Client(UInt128 key, int capacity)
    {
        private readonly DateTimeOffset[] _failures = new DateTimeOffset[capacity];
        private int _count;
        private int _next;

        public UInt128 Key => key;

        public bool IsFull => _count == _failures.Length;

        public DateTimeOffset Oldest => _failures[IsFull ? _next : 0];

        public DateTimeOffset Newest => _failures[(_next + _failures.Length - 1) % _failures.Length];

        public void Add(DateTimeOffset time)
        {
            _failures[_next] = time;
            _next = (_next + 1) % _failures.Length;
            _count = Math.Min(_count + 1, _failures.Length);
        }
    }
}

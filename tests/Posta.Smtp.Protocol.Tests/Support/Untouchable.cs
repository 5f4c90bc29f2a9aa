using System.Buffers;

namespace Posta.Smtp.Protocol.Tests.Support;

/// <summary>Memory whose bytes throw when anyone looks at them: proves a parser stops at its limit.</summary>
internal sealed class Untouchable(int length) : MemoryManager<byte>
{
    public override Span<byte> GetSpan() => throw new InvalidOperationException("The parser read past its limit.");

    public override MemoryHandle Pin(int elementIndex = 0) => throw new InvalidOperationException("The parser read past its limit.");

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
    }

    public ReadOnlyMemory<byte> AsMemory() => CreateMemory(length);
}

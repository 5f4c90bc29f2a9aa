namespace Posta.Imap.Protocol.Commands;

/// <summary>THREAD algorithms (RFC 5256 §4).</summary>
public enum ThreadAlgorithm
{
    /// <summary>ORDEREDSUBJECT.</summary>
    OrderedSubject,

    /// <summary>REFERENCES.</summary>
    References,
}

namespace Posta.Smtp.Protocol.Commands;

/// <summary>The MAIL parameter RET (RFC 3461 §4.3): what a failure DSN returns of the message.</summary>
public enum DsnReturn
{
    /// <summary>No RET parameter: the server chooses.</summary>
    Unspecified,

    /// <summary>RET=FULL: the whole message.</summary>
    Full,

    /// <summary>RET=HDRS: the header only.</summary>
    Headers,
}

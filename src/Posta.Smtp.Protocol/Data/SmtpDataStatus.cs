namespace Posta.Smtp.Protocol.Data;

/// <summary>What <see cref="SmtpDataDecoder.Read"/> produced.</summary>
public enum SmtpDataStatus
{
    /// <summary>A non-empty chunk of message content; call again.</summary>
    Content,

    /// <summary>Every available byte was consumed; read more input and call again.</summary>
    NeedMoreData,

    /// <summary>
    /// The end-of-data line was consumed; the reader is right after it. Check
    /// <see cref="SmtpDataDecoder.Error"/> before accepting the message.
    /// </summary>
    Completed,
}

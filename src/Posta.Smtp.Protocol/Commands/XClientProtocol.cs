namespace Posta.Smtp.Protocol.Commands;

/// <summary>The XCLIENT PROTO attribute.</summary>
public enum XClientProtocol
{
    /// <summary>The client greeted with HELO.</summary>
    Smtp,

    /// <summary>The client greeted with EHLO.</summary>
    Esmtp,
}

namespace Posta.Mime.Tests.Differential;

internal enum DovecotReplyKind
{
    Atom,
    String,
    List,
}

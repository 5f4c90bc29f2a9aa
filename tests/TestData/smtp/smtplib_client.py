"""Sends one message to an SMTP submission server with Python's smtplib, as a mail program would.

The interop tests (tests/Posta.Interop.Tests/SmtpPythonTests.cs) run it against the real posta
process and read the result as one JSON object on standard output:
  {"outcome": "sent", "refused": {...}}                    the server took the message
  {"outcome": "<smtplib exception class>", "code": ..., ...} the server refused something
The octets smtplib handed to DATA (after its own line-ending fixes, before dot-stuffing) are
written to --out, so the test can compare them with what the server stored.
"""

import argparse
import json
import smtplib
import ssl
import sys
from email.message import EmailMessage


class Recording:
    """Keeps the message exactly as smtplib passes it to DATA."""

    sent = None

    def data(self, msg):
        octets = msg if isinstance(msg, bytes) else smtplib._fix_eols(msg).encode("ascii")
        # smtplib ends the content with CRLF when the message does not (smtplib.SMTP.data).
        self.sent = octets if octets.endswith(b"\r\n") else octets + b"\r\n"
        return super().data(msg)


class RecordingSmtp(Recording, smtplib.SMTP):
    pass


class RecordingSmtpSsl(Recording, smtplib.SMTP_SSL):
    pass


def mime_message(args):
    """A message from the email package: UTF-8 subject and body, a binary attachment."""
    msg = EmailMessage()
    msg["From"] = args.sender
    msg["To"] = ", ".join(args.recipient)
    msg["Subject"] = "Grüße aus Köln – " + args.marker
    msg["Message-ID"] = "<" + args.marker + "@client.example>"
    msg.set_content("Hallo,\n\nanbei die Tabelle. Schöne Grüße\n.\nEine Zeile mit Punkt davor.\n")
    # Every octet value, so base64 and the transfer must keep them all.
    attachment = bytes(range(256)) * 16
    msg.add_attachment(attachment, maintype="application", subtype="octet-stream", filename="tabelle.bin")
    return msg


def utf8_message(args):
    """An internationalized message (RFC 6532): raw UTF-8 in the header fields."""
    text = (
        "From: Jörg <" + args.sender + ">\r\n"
        "To: " + ", ".join("<" + r + ">" for r in args.recipient) + "\r\n"
        "Subject: Überweisung " + args.marker + "\r\n"
        "Message-ID: <" + args.marker + "@client.example>\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\n"
        "\r\n"
        "Grüße, Jörg\r\n"
    )
    return text.encode("utf-8")


def tls_context(cafile):
    # The server's self-signed certificate is pinned: it must be the one in the data directory.
    # Its name is the server's hostname, not the 127.0.0.1 the test connects to.
    context = ssl.create_default_context(cafile=cafile)
    context.check_hostname = False
    return context


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--security", choices=["starttls", "implicit"], required=True)
    parser.add_argument("--cafile", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--mechanism", help="AUTH mechanism; default: smtplib's login() picks")
    parser.add_argument("--sender", required=True)
    parser.add_argument("--recipient", action="append", required=True)
    parser.add_argument("--message", choices=["mime", "utf8"], required=True)
    parser.add_argument("--marker", required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    context = tls_context(args.cafile)
    if args.security == "implicit":
        client = RecordingSmtpSsl("127.0.0.1", args.port, context=context, timeout=30)
    else:
        client = RecordingSmtp("127.0.0.1", args.port, timeout=30)
        client.starttls(context=context)

    result = {}
    try:
        result["tls"] = client.sock.version()
        if args.mechanism is None:
            client.login(args.user, args.password)
        else:
            # auth() does not greet first as login() does.
            client.ehlo_or_helo_if_needed()
            client.user, client.password = args.user, args.password
            client.auth(args.mechanism, getattr(client, "auth_" + args.mechanism.lower()))
        if args.message == "mime":
            refused = client.send_message(mime_message(args))
        else:
            refused = client.sendmail(args.sender, args.recipient, utf8_message(args), mail_options=["SMTPUTF8"])
        result["outcome"] = "sent"
        result["refused"] = {r: [code, text.decode("utf-8", "replace")] for r, (code, text) in refused.items()}
    except smtplib.SMTPRecipientsRefused as e:
        result["outcome"] = type(e).__name__
        result["refused"] = {r: [code, text.decode("utf-8", "replace")] for r, (code, text) in e.recipients.items()}
    except smtplib.SMTPResponseException as e:
        result["outcome"] = type(e).__name__
        result["code"] = e.smtp_code
        result["text"] = e.smtp_error.decode("utf-8", "replace")
    finally:
        try:
            client.quit()
        except smtplib.SMTPServerDisconnected:
            pass

    if client.sent is not None:
        with open(args.out, "wb") as out:
            out.write(client.sent)
    json.dump(result, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Reads a delivery status notification with Python's email package and prints what it found as JSON.

The reference reader for DeliveryReportBuilder's tests: they assert on this view, not on our own parse.
Usage: parse_report.py FILE
"""
import email
import email.policy
import json
import sys


def text(value):
    """Header values and payloads as plain Unicode: raw 8-bit octets (RFC 6532) decoded as UTF-8."""
    if value is None:
        return None
    return str(value).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def fields(message):
    """A header block as a list of [name, value] pairs, in order (repeated fields kept)."""
    # raw_items: compat32 would turn a raw UTF-8 value into a Header of unknown-8bit octets.
    return [[name, text(value)] for name, value in message.raw_items()]


def blocks_of(part):
    """The field groups of a delivery-status part.

    Python splits message/delivery-status into one Message per group; message/global-delivery-status
    is read as an encapsulated message, so its first group is that message's header and the rest is
    its body, which is split here the same way.
    """
    payload = part.get_payload()
    if part.get_content_type() == "message/delivery-status":
        return [fields(block) for block in payload]
    inner = payload[0]
    groups = [fields(inner)]
    rest = inner.get_payload(decode=True) or b""
    for chunk in rest.replace(b"\r\n", b"\n").split(b"\n\n"):
        if chunk.strip():
            groups.append(fields(email.message_from_bytes(chunk, policy=email.policy.compat32)))
    return groups


def main():
    with open(sys.argv[1], "rb") as source:
        raw = source.read()
    message = email.message_from_bytes(raw, policy=email.policy.compat32)
    result = {
        "headers": fields(message),
        "content_type": message.get_content_type(),
        "report_type": message.get_param("report-type"),
        "defects": [type(d).__name__ for d in message.defects],
        "parts": [],
    }
    for part in message.get_payload() if message.is_multipart() else []:
        entry = {
            "content_type": part.get_content_type(),
            "transfer_encoding": part.get("Content-Transfer-Encoding"),
            "charset": part.get_content_charset(),
            "defects": [type(d).__name__ for d in part.defects],
        }
        kind = part.get_content_type()
        if kind == "text/plain":
            entry["text"] = text(part.get_payload(decode=True).decode(part.get_content_charset() or "ascii", "replace"))
        elif kind in ("message/delivery-status", "message/global-delivery-status"):
            entry["blocks"] = blocks_of(part)
        elif kind in ("message/rfc822", "message/global"):
            inner = part.get_payload()[0]
            entry["headers"] = fields(inner)
            entry["body"] = text(inner.get_payload(decode=False)) if not inner.is_multipart() else None
        elif kind == "message/global-headers":
            entry["headers"] = fields(part.get_payload()[0])
        elif kind == "text/rfc822-headers":
            payload = part.get_payload(decode=True)
            entry["headers"] = fields(email.message_from_bytes(payload, policy=email.policy.compat32))
        result["parts"].append(entry)
    json.dump(result, sys.stdout, ensure_ascii=True)


if __name__ == "__main__":
    main()

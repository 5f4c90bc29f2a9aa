#!/usr/bin/env python3
"""Print how Python's email package (policy.default) reads messages, one JSON line per message.

Usage: email_dump.py FILE...

Each line is {"file": FILE, "root": NODE} or {"file": FILE, "error": "ExceptionName"}. A NODE is
  type      get_content_type()
  filename  get_filename()
  subject   str() of the first Subject field, or null when absent
  from/to/cc  [[display_name, username, domain], ...] of the first such field, or null when absent
  children  the parts of a multipart or the message of a message/* part (is_multipart())
  body      {"len", "sha256"} of get_payload(decode=True) for every other part
  text      {"len", "sha256"} of get_content() encoded as UTF-8, for text/* leaves
A value that raised is {"error": "ExceptionName"}. Lone surrogates (Python's surrogateescape stand-ins
for bytes it could not decode) are shown as U+FFFD. Used by Posta.Mime.Tests' differential test.
"""
import email
import hashlib
import json
import re
import sys
from email import policy

sys.setrecursionlimit(20000)


SURROGATE = re.compile("[\ud800-\udfff]")


def clean(text):
    return None if text is None else SURROGATE.sub("\ufffd", str(text))


def digest(data):
    return {"len": len(data), "sha256": hashlib.sha256(data).hexdigest()}


def guarded(function):
    try:
        return function()
    except Exception as error:  # the dump reports what Python does, failures included
        return {"error": type(error).__name__}


def subject(part):
    header = part.get("subject")
    return None if header is None else clean(header)


def addresses(part, name):
    header = part.get(name)
    if header is None:
        return None
    return [[clean(a.display_name), clean(a.username), clean(a.domain)] for a in header.addresses]


def node(part):
    result = {
        "type": guarded(part.get_content_type),
        "filename": guarded(lambda: clean(part.get_filename())),
        "subject": guarded(lambda: subject(part)),
        "from": guarded(lambda: addresses(part, "from")),
        "to": guarded(lambda: addresses(part, "to")),
        "cc": guarded(lambda: addresses(part, "cc")),
    }
    if part.is_multipart():
        result["children"] = [node(child) for child in part.get_payload()]
    else:
        result["body"] = guarded(lambda: digest(part.get_payload(decode=True)))
        if part.get_content_maintype() == "text":
            result["text"] = guarded(lambda: digest(part.get_content().encode("utf-8", "surrogatepass")))
    return result


def main(paths):
    for path in paths:
        try:
            with open(path, "rb") as handle:
                message = email.message_from_bytes(handle.read(), policy=policy.default)
            line = {"file": path, "root": node(message)}
        except Exception as error:
            line = {"file": path, "error": type(error).__name__}
        sys.stdout.write(json.dumps(line) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])

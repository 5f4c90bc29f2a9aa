"""Times Python's email package (policy.default) over a directory of messages, the same work as
Posta's MimeParseBenchmarks: structure (message_from_bytes, walking the parts) and full (plus every
header decoded and address headers parsed). Prints one line per mode: MODE BYTES SECONDS."""
import email
import email.policy
import os
import sys
import time


def load(directory):
    names = sorted(os.listdir(directory))
    return [open(os.path.join(directory, n), "rb").read() for n in names]


def structure(messages):
    parts = 0
    for raw in messages:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        for part in msg.walk():
            part.get_content_type()
            parts += 1
    return parts


def full(messages):
    work = 0
    for raw in messages:
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        for part in msg.walk():
            work += len(part.get_params() or [])
            for name in part.keys():
                try:
                    value = part[name]
                except (ValueError, TypeError, IndexError):
                    # Some corpus headers make the default policy raise; that is work done too.
                    work += 1
                    continue
                if name.lower() in ("from", "to", "cc", "reply-to"):
                    work += len(getattr(value, "addresses", ()))
                else:
                    work += len(str(value))
    return work


def main():
    messages = load(sys.argv[1])
    total = sum(len(m) for m in messages)
    for mode, fn in (("structure", structure), ("full", full)):
        best = None
        for _ in range(3):
            start = time.perf_counter()
            fn(messages)
            elapsed = time.perf_counter() - start
            best = elapsed if best is None else min(best, elapsed)
        print(f"{mode} {total} {best:.6f}")


if __name__ == "__main__":
    main()

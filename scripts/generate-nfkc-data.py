#!/usr/bin/env python3
"""Writes the Unicode data Posta.Sasl needs for NFKC (RFC 4013 §2.2) as a small binary resource.

.NET's string.Normalize does nothing under InvariantGlobalization (no ICU), so Posta.Sasl carries its
own normalizer. The facts come from Python's unicodedata module; rerun this script to move to the
Unicode version of another Python:

    python3 scripts/generate-nfkc-data.py src/Posta.Sasl/Preparation/nfkc.bin

Layout (little-endian; "cp" is a 3-byte code point):
    "PNFKC1", u8 length + ASCII Unicode version,
    u32 n, n x (cp, u8 canonical combining class)          -- every code point whose class is not 0
    u32 n, n x (cp, u8 k, k x cp)                          -- full compatibility decomposition (NFKD of the
                                                              code point alone), Hangul syllables excepted
    u32 n, n x (cp first, cp second, cp composite)         -- canonical pairs that NFC recomposes
Hangul syllables are decomposed and composed arithmetically (Unicode §3.12) and are not listed.
"""
import struct
import sys
import unicodedata

HANGUL_FIRST, HANGUL_LAST = 0xAC00, 0xD7A3


def cp(value):
    return struct.pack("<I", value)[:3]


def main(path):
    classes, decompositions, pairs = [], [], []
    for code in range(0x110000):
        if 0xD800 <= code <= 0xDFFF:
            continue
        ch = chr(code)
        ccc = unicodedata.combining(ch)
        if ccc:
            classes.append((code, ccc))
        if HANGUL_FIRST <= code <= HANGUL_LAST:
            continue
        nfkd = unicodedata.normalize("NFKD", ch)
        if nfkd != ch:
            decompositions.append((code, [ord(c) for c in nfkd]))
        raw = unicodedata.decomposition(ch)
        if raw and not raw.startswith("<"):
            parts = [int(p, 16) for p in raw.split()]
            # A primary composite: a canonical pair that NFC puts back together (excluded and
            # non-starter decompositions come back apart, so normalising the character tells).
            if len(parts) == 2 and unicodedata.normalize("NFC", ch) == ch:
                pairs.append((parts[0], parts[1], code))

    out = bytearray(b"PNFKC1")
    version = unicodedata.unidata_version.encode("ascii")
    out += bytes([len(version)]) + version
    out += struct.pack("<I", len(classes))
    for code, ccc in classes:
        out += cp(code) + bytes([ccc])
    out += struct.pack("<I", len(decompositions))
    for code, parts in decompositions:
        out += cp(code) + bytes([len(parts)])
        for part in parts:
            out += cp(part)
    out += struct.pack("<I", len(pairs))
    for first, second, composite in pairs:
        out += cp(first) + cp(second) + cp(composite)
    with open(path, "wb") as f:
        f.write(out)
    print(f"Unicode {unicodedata.unidata_version}: {len(classes)} classes, "
          f"{len(decompositions)} decompositions, {len(pairs)} compositions, {len(out)} bytes")


if __name__ == "__main__":
    main(sys.argv[1])

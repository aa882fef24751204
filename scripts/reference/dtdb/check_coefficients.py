#!/usr/bin/env python3
"""Check src/time/internal/fairheadBretagnon.ts against the table compiled into liberfa.

ERFA keeps the 787 Fairhead & Bretagnon terms as a static array of doubles (amplitude in s,
frequency in rad per Julian millennium, phase in rad). This script finds that array in the
shared library by the bytes of its first term, reads all 787 x 3 doubles, and compares them
bit for bit with the literals of the TypeScript table, block by block.

Usage (Debian 12: apt-get install liberfa1, pulled in by python3-erfa):
    /usr/bin/python3 scripts/reference/dtdb/check_coefficients.py [path/to/liberfa.so]
"""

import pathlib
import re
import struct
import sys

ROOT = pathlib.Path(__file__).resolve().parents[3]
TS_FILE = ROOT / "src/time/internal/fairheadBretagnon.ts"
DEFAULT_LIB = "/usr/lib/x86_64-linux-gnu/liberfa.so.1"
BLOCKS = ("FB_T0", "FB_T1", "FB_T2", "FB_T3", "FB_T4")
COUNTS = (474, 205, 85, 20, 3)


def ts_blocks(text):
    blocks = []
    for name in BLOCKS:
        m = re.search(r"export const %s = new Float64Array\(\[(.*?)\]\);" % name, text, re.S)
        if not m:
            sys.exit(f"{name} not found in {TS_FILE}")
        body = re.sub(r"//[^\n]*", "", m.group(1))  # drop line comments
        numbers = [float(x) for x in re.findall(r"-?[0-9][0-9.]*(?:e-?[0-9]+)?", body)]
        blocks.append(numbers)
    return blocks


def main():
    lib = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_LIB).read_bytes()
    blocks = ts_blocks(TS_FILE.read_text())
    for name, count, numbers in zip(BLOCKS, COUNTS, blocks):
        if len(numbers) != 3 * count:
            sys.exit(f"{name}: {len(numbers) // 3} terms, expected {count}")
    flat = [x for block in blocks for x in block]
    start = lib.find(struct.pack("<3d", *flat[:3]))
    if start < 0:
        sys.exit("first term not found in the library")
    table = struct.unpack("<%dd" % len(flat), lib[start : start + 8 * len(flat)])
    bad = [i for i, (a, b) in enumerate(zip(flat, table)) if struct.pack("<d", a) != struct.pack("<d", b)]
    if bad:
        for i in bad[:20]:
            print(f"term {i // 3 + 1}, column {i % 3}: ts {flat[i]!r} lib {table[i]!r}")
        sys.exit(f"{len(bad)} values differ")
    print(f"all {len(flat) // 3} terms ({'/'.join(map(str, COUNTS))}) match the library bit for bit")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes the seed corpus of the `workbook` fuzz target.

For each workbook given, two seeds go to the output folder:
- the file itself (raw mode);
- `NAME.smqz`, its zip parts as plain text (packed mode, see
  fuzz_targets/workbook.rs): "SMQZ\\n" then, per part, "@@ NAME\\n" and the
  part's bytes. Parts the readers never look at (thumbnails, document
  properties, themes, LibreOffice settings) are left out to keep seeds small.

Usage: python3 fuzz/pack_seeds.py OUT_DIR WORKBOOK...
"""
import os
import shutil
import sys
import zipfile

SKIP_PREFIXES = ("Thumbnails/", "docProps/", "xl/theme/", "Configurations2/")
SKIP_NAMES = {"settings.xml", "meta.xml", "manifest.rdf"}


def pack(path):
    out = bytearray(b"SMQZ\n")
    with zipfile.ZipFile(path) as z:
        for info in z.infolist():
            name = info.filename
            if name.endswith("/") or name.startswith(SKIP_PREFIXES) or name in SKIP_NAMES:
                continue
            out += b"@@ " + name.encode() + b"\n" + z.read(name) + b"\n"
    return bytes(out)


def main():
    out_dir, files = sys.argv[1], sys.argv[2:]
    os.makedirs(out_dir, exist_ok=True)
    for f in files:
        base = os.path.basename(f)
        shutil.copyfile(f, os.path.join(out_dir, base))
        if zipfile.is_zipfile(f):
            with open(os.path.join(out_dir, base + ".smqz"), "wb") as w:
                w.write(pack(f))


if __name__ == "__main__":
    main()

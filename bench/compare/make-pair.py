#!/usr/bin/env python3
"""Writes two copies of a jar that differ in every entry's timestamp and in one class file.

Usage: make-pair.py INPUT REFERENCE ACTUAL [COPIES]

Both copies are rewritten by the same zlib (level 6), so that apart from the timestamps their entries' compressed
bytes are equal except in the changed class. COPIES > 1 repeats every entry under copyN/ prefixes, to make a
larger jar from the same input (300 MB from kotlin-compiler-embeddable with COPIES=5).
"""
import sys
import zipfile

REFERENCE_TIME = (2024, 1, 1, 0, 0, 0)
ACTUAL_TIME = (2024, 6, 1, 12, 34, 56)


def changed_class(data):
    """One constant pool string of the class, changed at the same length: the class still parses."""
    old = b"kotlin/jvm/internal/Intrinsics"
    at = data.find(old)
    if at < 0:
        raise SystemExit("the chosen class has no %r" % old)
    return data[:at] + b"kotlin/jvm/internal/Intrinsicz" + data[at + len(old):]


def main():
    source, reference, actual = sys.argv[1:4]
    copies = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    with zipfile.ZipFile(source) as zin, \
            zipfile.ZipFile(reference, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zref, \
            zipfile.ZipFile(actual, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as zact:
        target = None
        for n in range(copies):
            prefix = "" if copies == 1 else "copy%d/" % (n + 1)
            for info in zin.infolist():
                data = zin.read(info)
                name = prefix + info.filename
                for out, when in ((zref, REFERENCE_TIME), (zact, ACTUAL_TIME)):
                    entry = zipfile.ZipInfo(name, when)
                    entry.compress_type = zipfile.ZIP_STORED if info.is_dir() else zipfile.ZIP_DEFLATED
                    entry.external_attr = info.external_attr
                    if (out is zact and target is None and name.endswith(".class")
                            and b"kotlin/jvm/internal/Intrinsics" in data):
                        target = name
                        out.writestr(entry, changed_class(data))
                    else:
                        out.writestr(entry, data)
        print("changed class:", target)


if __name__ == "__main__":
    main()

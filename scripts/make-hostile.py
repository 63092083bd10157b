#!/usr/bin/env python3
"""Write the hostile inputs of Tests/CLITests/Hostile/: files built to crash, hang, exhaust or
escape a converter. Each must give a clear error, a non-zero exit and no output.

    scripts/make-hostile.py [OUTDIR]      (default Tests/CLITests/Hostile)

Deterministic; the files are committed so the test needs no Python, and this script says how
each was made.
"""
import io
import pathlib
import struct
import sys
import zipfile
import zlib

OUT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parent.parent / "Tests/CLITests/Hostile")
OUT.mkdir(parents=True, exist_ok=True)
DATE = (1980, 1, 1, 0, 0, 0)

CONTAINER = b'<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'
OPF = b'''<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">x</dc:identifier><dc:title>T</dc:title><dc:language>en</dc:language></metadata><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>'''
CHAPTER = b'<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>c</title></head><body><p>Hello.</p></body></html>'


def epub(name, files, mimetype=b"application/epub+zip"):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype", DATE), mimetype, compress_type=zipfile.ZIP_STORED)
        for path, data in files:
            z.writestr(zipfile.ZipInfo(path, DATE), data, compress_type=zipfile.ZIP_DEFLATED)
    (OUT / name).write_bytes(buf.getvalue())
    return buf.getvalue()


base = [("META-INF/container.xml", CONTAINER), ("OEBPS/content.opf", OPF), ("OEBPS/c.xhtml", CHAPTER)]

# Zip slip: an entry that climbs out of the book, and one with an absolute path.
epub("zip-slip.epub", base + [("../../../tmp/articlekit-zip-slip.txt", b"escaped")])
epub("zip-absolute.epub", base + [("/tmp/articlekit-zip-abs.txt", b"escaped")])

# Zip bomb: 300 MB of zeros in one entry, about 300 KB packed (1000:1).
epub("zip-bomb.epub", base + [("OEBPS/zeros.bin", bytes(300 * 1024 * 1024))])

# A bomb whose headers lie: it declares 100 bytes but unpacks to 300 MB.
data = bytearray((OUT / "zip-bomb.epub").read_bytes())
i = data.find(b"OEBPS/zeros.bin")
while i != -1:
    sig = data.rfind(b"PK\x03\x04", 0, i) if data.rfind(b"PK\x01\x02", 0, i) < data.rfind(b"PK\x03\x04", 0, i) else data.rfind(b"PK\x01\x02", 0, i)
    if data[sig:sig + 4] == b"PK\x03\x04":
        struct.pack_into("<I", data, sig + 22, 100)       # local header: uncompressed size
    else:
        struct.pack_into("<I", data, sig + 24, 100)       # central directory: uncompressed size
    i = data.find(b"OEBPS/zeros.bin", i + 1)
(OUT / "zip-bomb-lying.epub").write_bytes(bytes(data))

# Billion laughs in a chapter, and an external entity reading /etc/passwd.
laughs = b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">' + b"".join(
    b'<!ENTITY lol%d "%s">' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10)) + \
    b']><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&lol9;</p></body></html>'
epub("billion-laughs.epub", base[:2] + [("OEBPS/c.xhtml", laughs)])
xxe = b'<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]><html xmlns="http://www.w3.org/1999/xhtml"><body><p>&x;</p></body></html>'
epub("xxe.epub", base[:2] + [("OEBPS/c.xhtml", xxe)])
(OUT / "xxe.html").write_bytes(b'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]><html><body><article><p>&x;</p></article></body></html>')

# DRM: content encrypted with AES (not font obfuscation).
enc = b'''<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/><enc:CipherData><enc:CipherReference URI="OEBPS/c.xhtml"/></enc:CipherData></enc:EncryptedData></encryption>'''
epub("drm.epub", base[:2] + [("META-INF/encryption.xml", enc), ("OEBPS/c.xhtml", bytes(range(256)) * 4)])

# Truncated zip, and a wrong mimetype.
whole = (OUT / "drm.epub").read_bytes()
(OUT / "truncated.epub").write_bytes(epub("tmp.epub", base)[:300])
(OUT / "tmp.epub").unlink()
epub("wrong-mimetype.epub", base, mimetype=b"application/zip")

# 100,000 levels of nesting in each text format are made by the test itself (they are large
# and trivial to write): see HostileInputTests.swift.

# Invalid UTF-8 in each text format.
bad = b"Title \xff\xfe\xc3\x28 text\n\nA paragraph of text here.\n"
for ext in ("txt", "md", "json", "jsonl"):
    (OUT / f"invalid-utf8.{ext}").write_bytes(bad)

# A 0-byte file of each extension.
for ext in ("txt", "md", "json", "jsonl", "html", "epub"):
    (OUT / f"empty.{ext}").write_bytes(b"")

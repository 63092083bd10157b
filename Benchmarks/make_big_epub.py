#!/usr/bin/env python3
"""Writes an EPUB 2 book like the biggest real ones: N content documents (default 2,000) of
varied English text, an NCX entry each, and images, about 11 MB zipped.

  Benchmarks/make_big_epub.py OUT.epub [N]
"""
import random
import struct
import sys
import zipfile
import zlib

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
rng = random.Random(17)
words = ("the of and to in a is that for it as was with be by on not he this are or his from at which but have an they "
         "you were her all she there would their we him been has when who will more no if out so said what up its about "
         "into than them can only other new some could time these two may then do first any my now such like our over man "
         "me even most made after also did many before must through back years where much your way well down should because "
         "each just those people how too little state good very make world still own see men work long get here between both "
         "river harvest season farmers market village mountain winter lantern harbour letter morning evening stranger").split()


def png(w, h):
    raw = b"".join(b"\x00" + bytes(rng.getrandbits(8) for _ in range(w * 3)) for _ in range(h))
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw, 0)) + chunk(b"IEND", b"")


def paragraph():
    return " ".join(rng.choice(words) for _ in range(rng.randint(40, 120))).capitalize() + "."


images = n // 18
z = zipfile.ZipFile(out, "w")
z.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip", compress_type=zipfile.ZIP_STORED)
z.writestr("META-INF/container.xml", '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>', compress_type=zipfile.ZIP_DEFLATED)
manifest, spine, points = [], [], []
for i in range(images):
    z.writestr(f"OEBPS/images/img{i:04d}.png", png(256, 90), compress_type=zipfile.ZIP_DEFLATED)
    manifest.append(f'<item id="img{i}" href="images/img{i:04d}.png" media-type="image/png"/>')
for i in range(n):
    body = "".join(f"<p>{paragraph()}</p>" for _ in range(rng.randint(5, 14)))
    if i % 18 == 0:
        body += f'<div class="figure"><img src="../images/img{(i // 18) % images:04d}.png" alt="Plate {i // 18}"/></div>'
    title = f"Chapter {i + 1}"
    doc = f'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head><title>{title}</title></head><body><h2>{title}</h2>{body}</body></html>'
    z.writestr(f"OEBPS/text/part{i:04d}.xhtml", doc, compress_type=zipfile.ZIP_DEFLATED)
    manifest.append(f'<item id="d{i}" href="text/part{i:04d}.xhtml" media-type="application/xhtml+xml"/>')
    spine.append(f'<itemref idref="d{i}"/>')
    points.append(f'<navPoint id="n{i}" playOrder="{i + 1}"><navLabel><text>{title}</text></navLabel><content src="text/part{i:04d}.xhtml"/></navPoint>')
manifest.append('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>')
z.writestr("OEBPS/content.opf", '<?xml version="1.0" encoding="utf-8"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>A Very Long Book</dc:title><dc:creator>Many Hands</dc:creator><dc:language>en</dc:language><dc:identifier id="id">urn:uuid:00000000-0000-4000-8000-000000002000</dc:identifier></metadata><manifest>' + "".join(manifest) + '</manifest><spine toc="ncx">' + "".join(spine) + "</spine></package>", compress_type=zipfile.ZIP_DEFLATED)
z.writestr("OEBPS/toc.ncx", '<?xml version="1.0" encoding="utf-8"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><head/><docTitle><text>A Very Long Book</text></docTitle><navMap>' + "".join(points) + "</navMap></ncx>", compress_type=zipfile.ZIP_DEFLATED)
z.close()

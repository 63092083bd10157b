"""What the loopback web (scripts/loopback_web.py) serves: the fundus corpus pages at their own
URLs, the image URLs those pages refer to, two benchmark sites, and generated images.

URLs are compared in one normal form (`norm`): scheme and host lower-cased, the default port
dropped, the fragment dropped, and the path and query percent-decoded and re-encoded the one
way, so a client that encodes `ä` or `!` differently from the page still gets the page.
"""
import gzip
import hashlib
import html
import html.parser
import json
import os
import re
import subprocess
import threading
import urllib.parse
import zlib

IMAGE_EXTENSIONS = {".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".avif", ".bmp", ".tif", ".tiff",
                    ".svg", ".heic", ".heif", ".jxl", ".ico"}
# Elements whose `src` is an image, and elements whose URLs never are (an iframe's page, a
# script, a stylesheet, media): a client that fetches those must not get an image for them.
SRC_IMAGES = {"img", "source", "amp-img", "amp-anim", "image", "input", "picture"}
NOT_IMAGES = {"iframe", "frame", "script", "style", "video", "audio", "track", "embed", "object"}
SAFE = "!$&'()*+,;=:@/?~-._"


def norm(url):
    """The normal form of an absolute http(s) URL, or None."""
    try:
        p = urllib.parse.urlsplit(url.strip())
        port = p.port
    except ValueError:
        return None
    if p.scheme.lower() not in ("http", "https") or not p.hostname:
        return None
    scheme = p.scheme.lower()
    netloc = p.hostname.lower()
    if port and port != {"http": 80, "https": 443}[scheme]:
        netloc += ":%d" % port
    path = urllib.parse.quote(urllib.parse.unquote(p.path or "/"), safe=SAFE)
    query = urllib.parse.quote(urllib.parse.unquote(p.query), safe=SAFE + "%")
    return scheme + "://" + netloc + path + ("?" + query if p.query else "")


class _References(html.parser.HTMLParser):
    """Collects the URLs a page may ask an image from: the `src` of image elements, every
    `srcset` and URL-valued `data-*` attribute (lazy loaders put them on any element, but not on
    iframes, scripts or media), a video's `poster`, `<meta content>` URLs (og:image, twitter:image), `<link href>` of icons and image
    preloads, and the image fields of JSON-LD, resolved against the page (or its `<base>`)."""

    def __init__(self, base):
        super().__init__(convert_charrefs=True)
        self.base, self.urls, self.in_ld, self.ld = base, set(), False, []

    def add(self, value):
        value = html.unescape(value or "").strip()
        if not value or value.startswith(("data:", "javascript:", "#")):
            return
        n = norm(urllib.parse.urljoin(self.base, value))
        if n:
            self.urls.add(n)

    def add_srcset(self, value):
        for part in (value or "").split(","):
            bits = part.strip().split()
            if bits:
                self.add(bits[0])

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "base" and a.get("href"):
            self.base = urllib.parse.urljoin(self.base, a["href"])
        if tag == "script" and (a.get("type") or "").lower() == "application/ld+json":
            self.in_ld, self.ld = True, []
        if tag == "video" and a.get("poster"):
            self.add(a["poster"])
        if tag in NOT_IMAGES:
            return
        for name, value in attrs:
            if value is None or (name == "src" and tag not in SRC_IMAGES):
                continue
            if name in ("srcset", "data-srcset", "imagesrcset") or (name.startswith("data-") and "srcset" in name):
                self.add_srcset(value)
            elif name in ("src", "poster") or (name.startswith("data-") and re.match(r"\s*(https?:)?//|\s*/|[^\s]+\.(jpe?g|png|gif|webp|avif|svg)\b", value, re.I)):
                self.add(value)
        if tag == "meta" and re.match(r"\s*(https?:)?//", a.get("content") or ""):
            self.add(a["content"])
        rel = a.get("rel") or ""
        if tag == "link" and a.get("href") and (re.search(r"icon|image_src", rel, re.I)
                                                or ("preload" in rel.lower() and (a.get("as") or "").lower() == "image")):
            self.add(a["href"])

    def handle_data(self, data):
        if self.in_ld:
            self.ld.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self.in_ld:
            self.in_ld = False
            try:
                self.walk_ld(json.loads("".join(self.ld)), False)
            except ValueError:
                pass

    def walk_ld(self, node, image_context):
        if isinstance(node, list):
            for item in node:
                self.walk_ld(item, image_context)
        elif isinstance(node, dict):
            is_image = image_context or node.get("@type") == "ImageObject"
            for key, value in node.items():
                if isinstance(value, str) and (key in ("image", "contentUrl", "thumbnailUrl", "logo") or (is_image and key == "url")):
                    self.add(value)
                elif isinstance(value, (list, dict)):
                    self.walk_ld(value, key in ("image", "logo", "thumbnail", "associatedMedia"))
        elif isinstance(node, str) and image_context:
            self.add(node)


class Page:
    """One HTML page: its bytes (and gzip form), its charset for the header, added latency."""

    def __init__(self, body, gz=None, latency=0.0):
        self.body, self.gz, self.latency = body, gz, latency
        try:
            body.decode("utf-8")
            self.content_type = "text/html; charset=utf-8"
        except UnicodeDecodeError:
            self.content_type = "text/html"  # the page's own <meta> has to say it


def _page_refs(item):
    url, body = item
    refs = _References(url)
    refs.feed(body.decode("utf-8", "replace"))
    return sorted(refs.urls)


def load_fundus(folder, pages, image_urls, aliases, cache):
    """Adds the corpus pages at their metadata URLs; a second page with the same URL is served
    at that URL with `articlekit-corpus=NAME` added to its query (written to `aliases`).

    The image URLs the pages refer to take html.parser some 10-30 s for the 257 pages, so they
    are collected on all cores once and kept in `cache`, keyed by the corpus and this file."""
    meta_bytes = open(os.path.join(folder, "metadata.json"), "rb").read()
    meta = json.loads(meta_bytes)
    items = []
    digest = hashlib.sha256(meta_bytes + open(__file__, "rb").read())
    for name in sorted(meta):
        url = meta[name]["url"]
        key = norm(url)
        if key in pages:
            url += ("&" if "?" in url else "?") + "articlekit-corpus=" + name
            key = norm(url)
        raw = open(os.path.join(folder, "html", name + ".html.gz"), "rb").read()
        digest.update(name.encode() + raw)
        body = gzip.decompress(raw)
        pages[key] = Page(body, raw)
        aliases[name] = url
        items.append((url, body))
    stored = os.path.join(cache, "refs-%s.json" % digest.hexdigest()[:24])
    try:
        image_urls.update(json.load(open(stored)))
        return
    except (OSError, ValueError):
        pass
    import multiprocessing
    with multiprocessing.Pool(os.cpu_count() or 1) as pool:
        for urls in pool.imap_unordered(_page_refs, items, chunksize=4):
            image_urls.update(urls)
    with open(stored + ".tmp-%d" % os.getpid(), "w") as f:
        json.dump(sorted(image_urls), f)
    os.replace(stored + ".tmp-%d" % os.getpid(), stored)


def article_html(title, paragraphs, images=()):
    figures = "".join('<figure><img src="%s" alt="Photo %d"><figcaption>Photo %d. Credit: Loopback</figcaption></figure>\n'
                      % (src, i + 1, i + 1) for i, src in enumerate(images))
    body = "".join("<p>%s</p>\n" % p for p in paragraphs)
    return ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>%s</title>'
            '<meta name="author" content="A. Writer"></head><body><article><h1>%s</h1>'
            '<p class="byline">By A. Writer</p>\n%s%s</article></body></html>\n' % (title, title, figures, body)).encode()


def filler(seed, n):
    words = ("the council said on tuesday that a new plan for the river would cost more than expected "
             "while residents asked for clear answers about flooding roads schools and the budget").split()
    h = int(hashlib.sha256(seed.encode()).hexdigest(), 16)
    out = []
    for i in range(n):
        k = 40 + (h >> i) % 40
        out.append(" ".join(words[(h >> (i + j)) % len(words)] for j in range(k)).capitalize() + ".")
    return out


class Images:
    """Generated images, made once with the `vips` command line and cached in a folder: a few
    sizes of smooth noise with grain (so that they compress like photos), JPEG, WebP and PNG."""

    SIZES = [(1600, 1067), (1200, 800), (800, 1200), (2400, 1600), (640, 427)]

    def __init__(self, cache):
        self.cache = cache
        os.makedirs(cache, exist_ok=True)
        self.memo = {}
        self.lock = threading.Lock()

    def prepare(self):
        """Makes (or loads) every image `for_url` can answer with, before the first request."""
        for w, h in self.SIZES:
            for fmt in ("jpg", "webp"):
                self.make(w, h, fmt, 1)
            self.make(w // 4, h // 4, "png", 1)

    def make(self, w, h, fmt, seed):
        """The bytes of one generated image (made with `vips` unless cached)."""
        with self.lock:
            return self._make(w, h, fmt, seed)

    def _make(self, w, h, fmt, seed):
        name = "%dx%d-%d.%s" % (w, h, seed, fmt)
        path = os.path.join(self.cache, name)
        if name in self.memo:
            return self.memo[name]
        if not os.path.exists(path):
            tmp = os.path.join(self.cache, "tmp-%d-" % os.getpid())
            run = lambda *a: subprocess.run(["vips", *map(str, a)], check=True, capture_output=True)
            for band in range(3):
                run("perlin", tmp + "%d.v" % band, w, h, "--cell-size", max(64, w // 6), "--uchar", "--seed", seed * 3 + band)
            run("bandjoin", "%s0.v %s1.v %s2.v" % (tmp, tmp, tmp), tmp + "rgb.v")
            run("gaussnoise", tmp + "n.v", w, h, "--sigma", 6, "--mean", 0)
            run("add", tmp + "rgb.v", tmp + "n.v", tmp + "sum.v")
            run("cast", tmp + "sum.v", tmp + "u.v", "uchar")
            run("copy", tmp + "u.v", tmp + "s.v", "--interpretation", "srgb")
            opts = {"jpg": "[Q=88]", "webp": "[Q=85]", "png": ""}[fmt]
            run("copy", tmp + "s.v", tmp + "out." + fmt + opts)
            os.replace(tmp + "out." + fmt, path)
            for f in os.listdir(self.cache):
                if f.startswith("tmp-%d-" % os.getpid()):
                    os.remove(os.path.join(self.cache, f))
        data = open(path, "rb").read()
        self.memo[name] = data
        return data

    def for_url(self, key, accept):
        """(bytes, media type) for an image URL: the type from its extension (WebP for a URL
        without one when the client accepts WebP and the URL hashes odd), the size from its hash."""
        path = urllib.parse.urlsplit(key).path.lower()
        ext = os.path.splitext(path)[1]
        digest = zlib.crc32(key.encode())
        if ext == ".svg":
            return (b'<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300" viewBox="0 0 400 300">'
                    b'<rect width="400" height="300" fill="#4a7"/><circle cx="200" cy="150" r="90" fill="#fd5"/></svg>',
                    "image/svg+xml")
        if ext in (".png", ".gif", ".ico"):
            fmt = "png"
        elif ext == ".webp" or (ext not in IMAGE_EXTENSIONS and "image/webp" in accept and digest & 1):
            fmt = "webp"
        else:
            fmt = "jpg"
        w, h = self.SIZES[digest % len(self.SIZES)]
        if fmt == "png":
            w, h = w // 4, h // 4
        mime = {"jpg": "image/jpeg", "webp": "image/webp", "png": "image/png"}[fmt]
        return self.make(w, h, fmt, 1), mime

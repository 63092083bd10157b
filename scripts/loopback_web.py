#!/usr/bin/env python3
"""A loopback web for tests and benchmarks that must never touch the internet: an HTTP proxy on
127.0.0.1 that is itself the whole web its clients see.

  python3 scripts/loopback_web.py --ca-cert CA.pem --port-file PORT [--fundus DIR]
      [--photos N] [--articles N --hosts H --latency-ms MS] [--url-list FILE] [--log FILE]

- `CONNECT host:443` is answered by terminating TLS with a certificate for `host` signed by a
  CA made at start (its PEM is written to --ca-cert); `CONNECT host:80` is a plain tunnel.
  Absolute-form `GET http://host/path` (plain-HTTP proxying) and origin-form requests straight
  to the listener (`GET /story.html`, Host 127.0.0.1:PORT: served as --direct-site) work too.
- Served: each page of the fundus corpus at its metadata URL (text/html; charset=utf-8, gzip
  when asked for), a benchmark page of --photos 3000x2000 photos (WebP and JPEG) at
  https://photos.bench.test/story.html, --articles article pages spread over --hosts host names
  (https://siteNN.bench.test/news/K.html) with --latency-ms added to each; every other GET
  for a URL a page refers to as an image, with an image extension, or with an Accept header
  asking for an image gets a generated image (libvips, cached); anything else is a 404.
- It never connects anywhere: name lookups and outbound connections are disabled in the
  process before anything else runs. It listens on 127.0.0.1 only.
- Bounded life: it exits after --idle-timeout seconds without a request, when --parent (default:
  the process that started it) is gone, or after --max-life seconds.
Prints one summary line (requests by kind) to stderr at exit.
"""
import argparse
import http.server
import os
import signal
import socket
import socketserver
import sys
import threading
import time
import urllib.parse


def _refuse(*_args, **_kwargs):
    raise OSError("loopback_web: outbound connections and name lookups are disabled")


# No DNS, no outbound socket, whatever a code path below may try.
for _name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn", "create_connection"):
    setattr(socket, _name, _refuse)
socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from loopback_sites import IMAGE_EXTENSIONS, Images, Page, article_html, filler, load_fundus, norm  # noqa: E402
from loopback_tls import CertificateAuthority  # noqa: E402


class Web:
    """Everything served, and the counters."""

    def __init__(self, args):
        self.pages, self.image_urls, self.aliases = {}, set(), {}
        self.images = Images(args.image_cache)
        self.images.prepare()
        self.direct_site = args.direct_site
        self.last = time.monotonic()
        self.lock = threading.Lock()
        self.counts = {"page": 0, "image": 0, "404": 0, "connect": 0, "refused": 0}
        self.bytes = 0
        self.photos = {}
        self.urls = []
        if args.fundus:
            load_fundus(args.fundus, self.pages, self.image_urls, self.aliases, args.image_cache)
            self.urls += list(self.aliases.values())
        if args.photos:
            srcs = []
            for i in range(args.photos):
                fmt = "webp" if i % 2 == 0 else "jpg"
                srcs.append("photo-%02d.%s" % (i + 1, fmt))
                mime = "image/webp" if fmt == "webp" else "image/jpeg"
                self.photos[norm("https://photos.bench.test/" + srcs[-1])] = (self.images.make(3000, 2000, fmt, 100 + i), mime)
            self.pages[norm("https://photos.bench.test/story.html")] = Page(
                article_html("Ten photos from the loopback", filler("photos", 6), srcs))
            self.urls.append("https://photos.bench.test/story.html")
        for k in range(args.articles):
            url = "https://site%02d.bench.test/news/%d.html" % (k % args.hosts + 1, k // args.hosts + 1)
            self.pages[norm(url)] = Page(article_html("Article %d of the loopback" % (k + 1), filler(url, 8)),
                                         latency=args.latency_ms / 1000)
            self.urls.append(url)

    def count(self, kind, n=0):
        with self.lock:
            self.counts[kind] += 1
            self.bytes += n
            self.last = time.monotonic()

    def answer(self, url, accept):
        """(status, headers, body, page-or-None) for a GET of `url`."""
        key = norm(url)
        if key and key not in self.pages and key not in self.photos:
            # A site answers on both schemes, as most real ones do.
            other = ("http://" + key[8:]) if key.startswith("https://") else ("https://" + key[7:])
            if other in self.pages or other in self.photos:
                key = other
        page = self.pages.get(key)
        if page is not None:
            return 200, page.content_type, page.body, page
        if key in self.photos:
            data, mime = self.photos[key]
            return 200, mime, data, None
        path_ext = os.path.splitext(urllib.parse.urlsplit(key or "").path.lower())[1]
        wants_image = "image/" in accept and "text/html" not in accept
        if key and (key in self.image_urls or path_ext in IMAGE_EXTENSIONS or wants_image):
            data, mime = self.images.for_url(key, accept)
            return 200, mime, data, None
        return 404, "text/html; charset=utf-8", b"<!DOCTYPE html><title>Not found</title><p>Not found.</p>\n", None


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "loopback-web/1"
    timeout = 30
    tunnel = None  # (scheme, host, port) inside a CONNECT tunnel

    def log_message(self, fmt, *args):
        log = self.server.log
        if log:
            with self.server.web.lock:
                log.write("%.3f %s\n" % (time.time(), fmt % args))
                log.flush()

    def log_request(self, code="-", size="-"):
        self.log_message("%s %s %s", self.command, self.path if self.command == "CONNECT" else self.target(), code)

    def do_CONNECT(self):
        web = self.server.web
        host, _, port = self.path.rpartition(":")
        host = host.strip("[]").lower()
        if not host or not port.isdigit():
            self.send_error(400, "CONNECT needs host:port")
            return
        web.count("connect")
        self.send_response(200, "Connection Established")
        self.end_headers()
        self.wfile.flush()
        sock = self.connection
        scheme = "http" if port == "80" else "https"
        if scheme == "https":
            try:
                sock = web.ca.context(host).wrap_socket(sock, server_side=True)
            except (OSError, RuntimeError) as error:
                self.log_message("TLS with %s failed: %s", host, error)
                self.close_connection = True
                return
        inner = Handler.__new__(Handler)
        inner.tunnel = (scheme, host, int(port))
        try:
            inner.__init__(sock, self.client_address, self.server)
        except OSError:
            pass
        self.close_connection = True

    def target(self):
        if self.tunnel:
            scheme, host, port = self.tunnel
            default = 443 if scheme == "https" else 80
            return "%s://%s%s%s" % (scheme, host, "" if port == default else ":%d" % port, self.path)
        if self.path.startswith(("http://", "https://")):
            return self.path
        host = (self.headers.get("Host") or "").lower()
        if host.startswith(("127.0.0.1", "localhost", "[::1]")):
            return "https://" + self.server.web.direct_site + self.path
        return "http://" + host + self.path

    def do_GET(self, head=False):
        web = self.server.web
        status, ctype, body, page = web.answer(self.target(), self.headers.get("Accept") or "")
        if page is not None and page.latency:
            time.sleep(page.latency)
        gz = page is not None and page.gz and "gzip" in (self.headers.get("Accept-Encoding") or "")
        if gz:
            body = page.gz
        web.count("page" if page is not None else ("image" if status == 200 else "404"), len(body))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        if gz:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def do_HEAD(self):
        self.do_GET(head=True)

    def refuse(self):
        self.server.web.count("refused")
        self.send_error(405, "only GET, HEAD and CONNECT")

    do_POST = do_PUT = do_DELETE = do_OPTIONS = do_PATCH = refuse


class Server(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def server_bind(self):  # TCPServer's, without HTTPServer's getfqdn (a DNS lookup)
        socketserver.TCPServer.server_bind(self)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ca-cert", required=True, help="where to write the test CA's PEM")
    ap.add_argument("--port", type=int, default=0, help="the port on 127.0.0.1 (default: any free one)")
    ap.add_argument("--port-file", help="write the port here once listening")
    ap.add_argument("--fundus", help="the fundus corpus folder (metadata.json, html/)")
    ap.add_argument("--photos", type=int, default=0, help="photos on https://photos.bench.test/story.html")
    ap.add_argument("--articles", type=int, default=0, help="article pages on https://siteNN.bench.test/")
    ap.add_argument("--hosts", type=int, default=25, help="host names the articles are spread over")
    ap.add_argument("--latency-ms", type=float, default=0, help="added before each article page's answer")
    ap.add_argument("--direct-site", default="photos.bench.test", help="the site served to requests made straight to the listener")
    ap.add_argument("--url-list", help="write every page URL here, one a line")
    ap.add_argument("--aliases", help="write {corpus name: URL} as JSON here")
    ap.add_argument("--image-cache", default=os.path.join(os.environ.get("TMPDIR", "/tmp"), "loopback-web-images-%d" % os.getuid()))
    ap.add_argument("--log", help="log every request to this file")
    ap.add_argument("--idle-timeout", type=float, default=120)
    ap.add_argument("--max-life", type=float, default=3600)
    ap.add_argument("--parent", type=int, default=os.getppid())
    args = ap.parse_args()

    web = Web(args)
    web.ca = CertificateAuthority(args.ca_cert)
    # Every site's certificate before the first request (with openssl, only the pages' hosts).
    known = list(web.pages) + list(web.photos) + (sorted(web.image_urls) if web.ca.fast else [])
    web.ca.prepare({h for h in (urllib.parse.urlsplit(u).hostname for u in known) if h})
    if args.url_list:
        with open(args.url_list, "w") as f:
            f.writelines(u + "\n" for u in web.urls)
    if args.aliases:
        import json
        with open(args.aliases, "w") as f:
            json.dump(web.aliases, f, indent=0, ensure_ascii=False)
    server = Server(("127.0.0.1", args.port), Handler)
    server.web, server.log = web, (open(args.log, "a") if args.log else None)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True).start()
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as f:
            f.write("%d\n" % server.server_address[1])
        os.replace(args.port_file + ".tmp", args.port_file)
    start = time.monotonic()
    reason = "stopped"
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    try:
        while not stop.wait(0.5):
            now = time.monotonic()
            if now - web.last > args.idle_timeout:
                reason = "idle for %.0f s" % args.idle_timeout
                break
            if now - start > args.max_life:
                reason = "max life %.0f s reached" % args.max_life
                break
            try:
                os.kill(args.parent, 0)
            except ProcessLookupError:
                reason = "parent %d gone" % args.parent
                break
    except KeyboardInterrupt:
        pass
    server.shutdown()
    web.ca.close()
    c = web.counts
    print("loopback_web: %s; served %d pages, %d images, %d 404s, %d CONNECTs, %d refused, %.1f MB"
          % (reason, c["page"], c["image"], c["404"], c["connect"], c["refused"], web.bytes / 1e6), file=sys.stderr)


if __name__ == "__main__":
    main()

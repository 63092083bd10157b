"""Certificates for the loopback web (scripts/loopback_web.py): a test CA made at start and one
leaf certificate per host name, signed by it on first use, with the `openssl` command line.

Everything lives in a private temporary folder that is deleted at exit; only the CA's PEM is
written where the caller asks (`--ca-cert`), for the client to trust. RSA 2048 keys and SHA-256
signatures: every TLS stack the benchmarks use (BoringSSL in swift-nio-ssl, OpenSSL in curl,
Haskell's tls in pandoc) accepts them. One leaf key serves every host; each host gets its own
certificate with the name as its only subjectAltName, as a real site's would have.
"""
import ipaddress
import os
import shutil
import ssl
import subprocess
import tempfile
import threading


def _openssl(*args, cwd):
    done = subprocess.run(["openssl", *args], cwd=cwd, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError("openssl " + args[0] + " failed: " + done.stderr.strip())


class CertificateAuthority:
    """A throwaway CA and a cache of server contexts, one per host name."""

    def __init__(self, ca_pem_out):
        self.dir = tempfile.mkdtemp(prefix="loopback-web-ca-")
        self.lock = threading.Lock()
        self.contexts = {}
        self.serial = 1
        d = self.dir
        _openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-sha256", "-days", "30",
                 "-keyout", "ca.key", "-out", "ca.pem",
                 "-subj", "/O=ArticleKit loopback web/CN=Test CA made at start",
                 "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                 "-addext", "subjectKeyIdentifier=hash", cwd=d)
        _openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", "leaf.key", cwd=d)
        tmp = ca_pem_out + ".tmp"
        shutil.copyfile(os.path.join(d, "ca.pem"), tmp)
        os.replace(tmp, ca_pem_out)

    def context(self, host):
        """An SSLContext presenting a certificate for `host` (made on first use)."""
        host = host.lower()
        with self.lock:
            ctx = self.contexts.get(host)
            if ctx is not None:
                return ctx
            self.serial += 1
            name = "leaf-%d" % self.serial
            try:
                ipaddress.ip_address(host)
                san = "IP:" + host
            except ValueError:
                san = "DNS:" + host
            ext = os.path.join(self.dir, name + ".ext")
            with open(ext, "w") as f:
                f.write("basicConstraints=critical,CA:FALSE\n"
                        "keyUsage=critical,digitalSignature,keyEncipherment\n"
                        "extendedKeyUsage=serverAuth\n"
                        "subjectKeyIdentifier=hash\n"
                        "authorityKeyIdentifier=keyid\n"
                        "subjectAltName=" + san + "\n")
            # The CN is cut to 64 characters (its limit); the SAN carries the full name.
            _openssl("req", "-new", "-key", "leaf.key", "-subj", "/CN=" + host[:64].replace("/", ""),
                     "-out", name + ".csr", cwd=self.dir)
            _openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                     "-set_serial", str(self.serial), "-days", "7", "-sha256",
                     "-extfile", name + ".ext", "-out", name + ".pem", cwd=self.dir)
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.minimum_version = ssl.TLSVersion.TLSv1_2
            ctx.set_alpn_protocols(["http/1.1"])
            ctx.load_cert_chain(os.path.join(self.dir, name + ".pem"), os.path.join(self.dir, "leaf.key"))
            self.contexts[host] = ctx
            return ctx

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)

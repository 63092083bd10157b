"""Certificates for the loopback web (scripts/loopback_web.py): a test CA made at start and one
leaf certificate per host name, signed by it (see `prepare`, or on first use) with the Python
`cryptography` package when it is installed (about a millisecond a host), else with the
`openssl` command line (two processes a host: some 50-100 ms).

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


class _Fast:
    """Leaf certificates signed in-process with `cryptography` (same fields as the openssl path)."""

    def __init__(self):
        from cryptography import x509  # noqa: F401  (ImportError: use openssl)
        self.loaded = None

    def sign(self, folder, host, serial, out):
        import datetime
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
        if self.loaded is None:
            read = lambda f: open(os.path.join(folder, f), "rb").read()
            self.loaded = (x509.load_pem_x509_certificate(read("ca.pem")),
                           serialization.load_pem_private_key(read("ca.key"), None),
                           serialization.load_pem_private_key(read("leaf.key"), None))
        ca, ca_key, leaf_key = self.loaded
        try:
            san = x509.IPAddress(ipaddress.ip_address(host))
        except ValueError:
            san = x509.DNSName(host)
        now = datetime.datetime.now(datetime.timezone.utc)
        cert = (x509.CertificateBuilder()
                .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, host[:64])]))
                .issuer_name(ca.subject).public_key(leaf_key.public_key()).serial_number(serial)
                .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=7))
                .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
                .add_extension(x509.KeyUsage(True, False, True, False, False, False, False, False, False), critical=True)
                .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
                .add_extension(x509.SubjectKeyIdentifier.from_public_key(leaf_key.public_key()), critical=False)
                .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), critical=False)
                .add_extension(x509.SubjectAlternativeName([san]), critical=False)
                .sign(ca_key, hashes.SHA256()))
        with open(out, "wb") as f:
            f.write(cert.public_bytes(serialization.Encoding.PEM))


try:
    _fast = None if os.environ.get("LOOPBACK_WEB_OPENSSL") == "1" else _Fast()
except ImportError:
    _fast = None


class CertificateAuthority:
    """A throwaway CA and a cache of server contexts, one per host name."""

    def __init__(self, ca_pem_out):
        self.dir = tempfile.mkdtemp(prefix="loopback-web-ca-")
        self.lock = threading.Lock()
        self.contexts = {}
        self.serial = 1
        self.fast = _fast is not None
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
            pem = os.path.join(self.dir, name + ".pem")
            if _fast is not None:
                _fast.sign(self.dir, host, self.serial, pem)
            else:
                self._sign_with_openssl(host, san, name)
            ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            ctx.minimum_version = ssl.TLSVersion.TLSv1_2
            ctx.set_alpn_protocols(["http/1.1"])
            ctx.load_cert_chain(pem, os.path.join(self.dir, "leaf.key"))
            self.contexts[host] = ctx
            return ctx

    def prepare(self, hosts):
        """Makes the certificates of `hosts` now, so that no first request waits for one."""
        for host in sorted(hosts):
            self.context(host)

    def _sign_with_openssl(self, host, san, name):
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

    def close(self):
        shutil.rmtree(self.dir, ignore_errors=True)

#!/usr/bin/env python3
"""Tiny static file server for Rally's dist/ (standard library only).

Why not `python3 -m http.server`: its MIME types come from the machine's
/etc/mime.types when present (the `media-types` package), so `.js` and `.wasm`
can differ from one machine to the next, and it answers conditional requests
with 304s. This server has a fixed MIME table (application/wasm for .wasm, so
WebAssembly.instantiateStreaming works), sends `Cache-Control: no-store` on
every response, lists no directories and only listens on loopback by default.

Paths without a file extension that do not exist fall back to /index.html, so
client-side routes can be reloaded; a missing file *with* an extension is 404.

Precompressed files are served as a static host serves them: when the request accepts
`br` (or `gzip`) and `<file>.br` (or `<file>.gz`) exists next to the file — the build
writes them — that body goes out with `Content-Encoding` and `Vary: Accept-Encoding`.
With `--static-host`, the caching headers are a real host's too (docs/deploy.md): a year
(`immutable`) for the files whose name holds a content hash (`rally-<hash>.js`, `_bg.wasm`,
`boot-<hash>.js`, `screen-<hash>.css`), `no-cache` for everything else — the pages, the
service workers (`sw.js`, `sw-observe.js`, `sw-respond.js`), the snippets (their folder is
named after the crate, not the bytes), the manifest and the icons; otherwise `no-store`.

The service worker, /sw.js, is an ordinary script at the root: served as
text/javascript, its default scope is the whole site, so no
`Service-Worker-Allowed` header is needed. `no-store` does not hinder it: the
Cache Storage it fills ignores HTTP caching headers, and the browser fetches
sw.js anew at each check for a new version anyway. The same holds for any
static host.

    python3 tools/serve.py [--dir dist] [--host 127.0.0.1] [--port 8080] [--quiet] [--static-host]

`--port 0` picks a free port. The first line on stdout is always
`serving <dir> on http://<host>:<port>/` (scripts parse it).
"""

from __future__ import annotations

import argparse
import os
import posixpath
import re
import signal
import sys
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".wasm": "application/wasm",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".webmanifest": "application/manifest+json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".txt": "text/plain; charset=utf-8",
    ".xml": "application/xml",
    ".pdf": "application/pdf",
}
DEFAULT_TYPE = "application/octet-stream"
# A name that changes whenever the content does (Trunk's and tools/postbuild.py's hashes): such
# a file can be cached for a year. Not the snippets: wasm-bindgen names their folder after the
# crate, so a release can change one under the same name.
HASHED_RE = re.compile(r"(?:^|/)[A-Za-z0-9_.-]+-[0-9a-f]{15,16}(?:_bg)?\.(?:js|wasm|css)$")


class Handler(BaseHTTPRequestHandler):
    server_version = "rally-serve"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    root: str = "."
    quiet: bool = False
    static_host: bool = False

    # --------------------------------------------------------------- helpers
    def _resolve(self) -> str | None:
        """Map the request path to a file under root, or None."""
        path = urllib.parse.urlsplit(self.path).path
        path = urllib.parse.unquote(path, errors="strict")
        if "\x00" in path:
            return None
        norm = posixpath.normpath("/" + path.lstrip("/"))
        candidate = os.path.realpath(os.path.join(self.root, norm.lstrip("/")))
        if candidate != self.root and not candidate.startswith(self.root + os.sep):
            return None  # escapes the served directory
        if os.path.isdir(candidate):
            candidate = os.path.join(candidate, "index.html")
        if os.path.isfile(candidate):
            return candidate
        # Client-side route (no extension): serve the app shell.
        if not posixpath.splitext(norm)[1]:
            shell = os.path.join(self.root, "index.html")
            if os.path.isfile(shell):
                return shell
        return None

    def _send(self, head_only: bool) -> None:
        try:
            file_path = self._resolve()
        except UnicodeDecodeError:
            file_path = None
        if file_path is None:
            body = b"404 not found\n"
            self.send_response(HTTPStatus.NOT_FOUND)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self._common_headers()
            self.end_headers()
            if not head_only:
                self.wfile.write(body)
            return
        accepted = {e.split(";")[0].strip() for e in self.headers.get("Accept-Encoding", "").split(",")}
        encoding = None
        for name, suffix in (("br", ".br"), ("gzip", ".gz")):
            # A precompressed copy older than its file is stale (the file was rewritten
            # after the build compressed it): the file itself is served then.
            if (
                name in accepted
                and os.path.isfile(file_path + suffix)
                and os.path.getmtime(file_path + suffix) >= os.path.getmtime(file_path)
            ):
                encoding = name
                break
        with open(file_path + (".br" if encoding == "br" else ".gz" if encoding else ""), "rb") as fh:
            body = fh.read()
        ext = os.path.splitext(file_path)[1].lower()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", MIME_TYPES.get(ext, DEFAULT_TYPE))
        self.send_header("Content-Length", str(len(body)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Vary", "Accept-Encoding")
        self._common_headers(os.path.relpath(file_path, self.root).replace(os.sep, "/"))
        self.end_headers()
        if not head_only:
            self.wfile.write(body)

    def _common_headers(self, rel: str = "") -> None:
        """`rel`: the file's path under the served folder ("" for an error)."""
        if not self.static_host:
            cache = "no-store"
        elif HASHED_RE.search(rel):
            cache = "public, max-age=31536000, immutable"
        else:
            cache = "no-cache"
        self.send_header("Cache-Control", cache)
        self.send_header("X-Content-Type-Options", "nosniff")

    def version_string(self) -> str:
        return self.server_version

    # -------------------------------------------------------------- methods
    def do_GET(self) -> None:  # noqa: N802 (http.server naming)
        self._send(head_only=False)

    def do_HEAD(self) -> None:  # noqa: N802
        self._send(head_only=True)

    def _method_not_allowed(self) -> None:
        self.send_response(HTTPStatus.METHOD_NOT_ALLOWED)
        self.send_header("Allow", "GET, HEAD")
        self.send_header("Content-Length", "0")
        self._common_headers()
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _method_not_allowed

    def log_message(self, format: str, *args) -> None:  # noqa: A002
        if not self.quiet:
            sys.stderr.write("%s %s\n" % (self.address_string(), format % args))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", default="dist", help="directory to serve (default: dist)")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8080, help="port (default: 8080; 0 = any free port)")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    parser.add_argument("--static-host", action="store_true",
                        help="a static host's caching headers (long for hashed files) instead of no-store")
    args = parser.parse_args(argv)

    root = os.path.realpath(args.dir)
    if not os.path.isfile(os.path.join(root, "index.html")):
        print(f"serve.py: error: {args.dir}/index.html not found: run `make build` first", file=sys.stderr)
        return 1

    Handler.root = root
    Handler.quiet = args.quiet
    Handler.static_host = args.static_host
    ThreadingHTTPServer.allow_reuse_address = True
    ThreadingHTTPServer.daemon_threads = True
    try:
        httpd = ThreadingHTTPServer((args.host, args.port), Handler)
    except OSError as exc:
        print(f"serve.py: error: cannot listen on {args.host}:{args.port}: {exc}", file=sys.stderr)
        return 1

    host, port = httpd.server_address[:2]
    print(f"serving {args.dir} on http://{host}:{port}/", flush=True)

    def stop(_signum, _frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

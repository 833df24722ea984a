#!/usr/bin/env python3
"""Make Trunk's dist/*.html work under Rally's strict Content-Security-Policy, offline.

Trunk 0.21 writes its loader as an INLINE module script, e.g.

    <link rel="modulepreload" href="/rally-HASH.js" crossorigin="anonymous" integrity="sha384-...">
    <script type="module" nonce="...">
    import init, * as bindings from '/rally-HASH.js';
    const wasm = await init({ module_or_path: '/rally-HASH_bg.wasm' });
    ...
    </script>

Every page carries a CSP <meta> without 'unsafe-inline', so the browser refuses
that script. This step, run after the `trunk build` runs, works on every *.html
page at the top of dist/ (index.html, and any other entry page):

  1. moves the body of every inline executable <script> into
     dist/boot-<sha256 prefix>.js and replaces the tag with
     <script ... src="/boot-<prefix>.js"></script> (same attributes, same place);
     Trunk's loader is made async, marks the loading screen when its module fails, shows
     the module's download on it (`rallyFetch`, with the module's size in dist/), and,
     per page, sends other pages' addresses on first or preloads an invitation's
     instruments;
  2. does the same for inline <style> blocks (dist/style-<prefix>.css), which
     the CSP would refuse too;
  3. strips every nonce="..." attribute (a nonce that is the same in every
     copy of a static file protects nothing);
  4. checks the result and exits 1 if an inline script remains, if the CSP
     <meta> is missing, allows 'unsafe-inline' or 'unsafe-eval', or lacks
     'wasm-unsafe-eval' (without it Chromium refuses to compile the .wasm),
     or if a <script src> / <link href> points at a file that is not in dist/;
  5. copies the site files of web/ (the web app manifest and the icons) into
     dist/, and checks that every page links the manifest and that its CSP has
     `worker-src 'self'` (the service worker) and lets 'self' serve the manifest;
  6. writes the service workers from web/sw.js, one per page, so that a page's
     visitor keeps only what that page needs: dist/sw.js, the recruiter's
     (index.html), whose FILES are every file of dist/ (the recruiter may also
     code a session or answer), and dist/sw-<page>.js for each other page
     (sw-observe.js, sw-respond.js), whose FILES are that page's own files: the
     page, what it links (scripts, style sheets, preloads, the manifest and its
     icons) and what those scripts import. Each FILES has every file's SHA-256,
     its VERSION is a hash of that list, so any change to a listed file is a new
     version of that worker (see web/sw.js for what the worker does with them
     and src/platform/offline.rs for which page registers which);
  7. writes each built-in instrument (data/instruments/*.json and archive/*.json)
     as dist/instruments/<id>-<version>.json, minified: the respondent's page
     holds none of them and fetches the one or two an invitation names (it checks
     the text against the invitation's content hash); its worker keeps them all,
     so what was opened once opens again offline;
  8. gives each WebAssembly module's imports from its glue short names (`$0`, `$1`…
     instead of `__wbg_createElement_8c9931a732ee2fea`), in the module and in the glue
     alike: ~200–250 hashed names are bytes brotli cannot shrink, twice per page
     (~5 KB of each page's download);
  9. with --minify (`make build`), minifies the glue, the snippets it imports and the style
     sheets in place (tools/minify.mjs: terser and csso, pinned in package.json), before the
     style sheets are joined and the `integrity` of each page and the workers' lists are
     computed: ~1.7 KB less script and ~1–2 KB less style per page (brotli);
 10. names each module whose glue or wasm steps 8 and 9 rewrote after what is now served
     (`rally-<hash>.js` and `rally-<hash>_bg.wasm`, `<hash>` from both files' bytes) and
     updates the pages: Trunk's names come from the files before those steps, so a release
     that changed only this script or a pinned tool would otherwise serve new bytes under an
     old name that a browser keeps for a year ("immutable"), and the page's `integrity`
     would refuse them.

Idempotent: a second run finds nothing to move and changes nothing.
Standard library only (step 9 runs node); regexes are enough for Trunk's known output.

    python3 tools/postbuild.py [DIST_DIR] [--public-url ./] [--minify]
    python3 tools/postbuild.py --self-test     # checks on a sample of Trunk's output
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import html
import json
import os
import posixpath
import re
import subprocess
import sys
import shutil
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Files copied as they are into dist/ (the manifest and its icons), and the service worker's
# source, which is written to dist/sw.js with the file list filled in.
SITE_DIR = os.path.join(ROOT, "web")
SW_NAME = "sw.js"
# The page whose worker keeps the whole app; every other page `<name>.html` gets sw-<name>.js.
WHOLE_APP_PAGE = "index.html"
# A service worker written here (never listed in a worker's FILES: the browser fetches it).
SW_FILE_RE = re.compile(r"^sw(?:-[a-z0-9]+)?\.js$")
# Compressed copies written by tools/precompress.mjs: served in place of their file, never
# cached as files of their own.
COMPRESSED = (".br", ".gz")
# The built-in instruments, and where they are served (src/domain/instrument/builtin.rs,
# `file_path`); the pages that fetch them, whose workers keep them all.
INSTRUMENTS_DIR = os.path.join(ROOT, "data", "instruments")
INSTRUMENTS_OUT = "instruments"
FETCHES_INSTRUMENTS = {"respond.html"}

# Types whose inline bodies the browser executes (CSP script-src applies).
# Data blocks (application/json, application/ld+json, text/template, ...) are
# not executed, are left in place and are fine under CSP.
EXECUTABLE_TYPES = {"", "module", "text/javascript", "application/javascript",
                    "text/ecmascript", "application/ecmascript", "module/javascript"}

# Attributes may hold quoted '>' characters.
_ATTRS = r"""(?:[^>"']|"[^"]*"|'[^']*')*"""
# One left-to-right scan: a comment, a whole <script>/<style> element, or any
# other start tag. Whichever starts first wins, so markup inside comments and
# text inside script bodies is never mistaken for tags.
TOKEN_RE = re.compile(
    r"(?P<comment><!--.*?-->)"
    rf"|(?P<script><script\b(?P<sattrs>{_ATTRS})>(?P<sbody>.*?)</script\s*>)"
    rf"|(?P<style><style\b(?P<yattrs>{_ATTRS})>(?P<ybody>.*?)</style\s*>)"
    rf"|(?P<tag><(?P<tname>[a-zA-Z][a-zA-Z0-9-]*)\b(?P<tattrs>{_ATTRS})>)",
    re.I | re.S)
ATTR_RE = re.compile(
    r"""(?P<name>[^\s"'<>/=]+)(?:\s*=\s*(?P<value>"[^"]*"|'[^']*'|[^\s"'=<>`]+))?""", re.S)
INTEGRITY_RE = re.compile(r"""\s+integrity(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?(?=[\s/>]|$)""", re.I)
NONCE_RE = re.compile(r"""\s+nonce(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?(?=[\s/>]|$)""", re.I)


# Trunk's loader starts with `import init, * as bindings from '/rally-HASH.js';`.
LOADER_IMPORT_RE = re.compile(r"^\s*import init\b[^\n]*;[ \t]*$", re.M)
# A deferred module script waits until every stylesheet has loaded before it runs; an async
# one runs as soon as it and its imports are fetched, so the .wasm compiles while the CSS
# arrives (the CSS still blocks the first paint, so nothing shows unstyled). Async may run
# before the parser has reached <body>: the app mounts only once the document is parsed.
DOM_GUARD = ("\nif (document.readyState === 'loading') {\n"
             "  await new Promise((ok) => document.addEventListener('DOMContentLoaded', ok, { once: true }));\n"
             "}")


# The loader's start of the module, made to say at once when the module cannot be downloaded
# or started (a phone losing its network mid-download): the loading screen (web/loading.html)
# then shows its failure message instead of "Loading…" for ever.
INIT_RE = re.compile(r"^(?P<indent>[ \t]*)const wasm = await init\((?P<args>.*)\);[ \t]*$", re.M)
FAIL_GUARD = ("{indent}let wasm;\n"
              "{indent}try {{\n"
              "{indent}  wasm = await init({args});\n"
              "{indent}}} catch (e) {{\n"
              "{indent}  // Not downloaded or not started: the loading screen says so now.\n"
              "{indent}  document.getElementById('rally-loading')?.classList.add('boot-failed');\n"
              "{indent}  document.querySelector('#rally-loading .boot-reload')?.addEventListener('click', () => location.reload());\n"
              "{indent}  throw e;\n"
              "{indent}}}")


def guard_failure(body: str) -> str:
    """The loader with its module's start in a try/catch that marks the loading screen."""
    return INIT_RE.sub(lambda m: FAIL_GUARD.format(indent=m.group("indent"), args=m.group("args")),
                       body, count=1)


def parse_attrs(attrs: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for m in ATTR_RE.finditer(attrs):
        name = m.group("name").lower()
        value = m.group("value")
        if value is None:
            value = ""
        elif value[:1] in "\"'":
            value = value[1:-1]
        out.setdefault(name, html.unescape(value))
    return out


def strip_nonce(attrs: str) -> str:
    return NONCE_RE.sub("", attrs)


def is_executable_script(attrs: dict[str, str]) -> bool:
    return attrs.get("type", "").strip().lower() in EXECUTABLE_TYPES


def write_asset(dist: str, prefix: str, ext: str, body: str) -> str:
    data = body.strip("\n").encode("utf-8") + b"\n"
    digest = hashlib.sha256(data).hexdigest()[:16]
    name = f"{prefix}-{digest}.{ext}"
    path = os.path.join(dist, name)
    if not (os.path.exists(path) and open(path, "rb").read() == data):
        with open(path, "wb") as fh:
            fh.write(data)
    return name


# The recruiter's page (index.html) also receives addresses meant for the other pages: old
# invitation links (#/respond/…, #/answer/…) and old observation routes (#/observe…). Its
# loader sends them on before it fetches its own module, which it therefore imports
# dynamically (a static import is fetched before any code runs) and does not preload.
ROUTE_FIRST = ("// An address meant for another page (an old invitation link, an old observation route)\n"
               "// goes there, fragment and all, before this page's module is fetched.\n"
               "const rallyElsewhere = /^#\\/(respond|answer)(\\/|$)/.test(location.hash) ? 'respond.html'\n"
               "  : /^#\\/observe(\\/|$)/.test(location.hash) ? 'observe.html' : null;\n"
               "if (rallyElsewhere) {\n"
               "  location.replace(rallyElsewhere + location.hash);\n"
               "} else {\n")
LOADER_PARTS_RE = re.compile(r"^\s*import init, \* as bindings from (['\"])([^'\"]+)\1;[ \t]*$", re.M)


# The module's address in Trunk's loader: `init({ module_or_path: '/rally-HASH_bg.wasm' })`.
MODULE_PATH_RE = re.compile(r"module_or_path:\s*(['\"])([^'\"]+\.wasm)\1")
# The database snippet the module imports (preloaded by Trunk), and the record the
# recruiter's page reads first.
IDB_SNIPPET_RE = re.compile(r"""<link\b[^>]*\bhref=["']([^"']*/snippets/[^"']*/idb\.js)["']""", re.I)
FIRST_RECORD = "workspace"


def route_first(body: str, idb_snippet: str | None = None) -> str:
    """The loader, made to send other pages' addresses on before importing its module.

    Once the address is this page's, three things start at once instead of one after the
    other: the module's download (`fetch`, handed to `init`, which compiles it as it streams
    in), the import of its JavaScript glue, and — with `idb_snippet` — the read of the
    stored workspace (`idbPrefetch`, taken by the app's first read of it)."""
    m = LOADER_PARTS_RE.search(body)
    if not m:
        return body
    early = ""
    w = MODULE_PATH_RE.search(body)
    if w:
        early += f"const rallyModule = fetch({w.group(1)}{w.group(2)}{w.group(1)});\n"
        body = body[:w.start()] + "module_or_path: rallyModule" + body[w.end():]
    if idb_snippet:
        early += (f"import('{idb_snippet}').then((idb) => idb.idbPrefetch('{FIRST_RECORD}'), () => {{}});\n")
    dynamic = early + f"const bindings = await import({m.group(1)}{m.group(2)}{m.group(1)});\nconst init = bindings.default;"
    body = body[:m.start()] + dynamic + body[m.end():]
    return ROUTE_FIRST + "\n".join("  " + line if line else line for line in body.strip("\n").split("\n")) + "\n}\n"


# The respondent's page fetches the instruments an invitation names once its module runs
# (src/ui/respondent/instruments.rs). An open invitation link names them in its fragment
# (`#/respond/<base64url JSON>`): the loader asks for them at once, as preloads that the
# module's fetch then takes, so they arrive with the module instead of one round trip after.
PRELOAD_INSTRUMENTS = ("// An open invitation link names its instruments: fetched while the module downloads.\n"
                       "try {\n"
                       "  const m = /^#\\/respond\\/([A-Za-z0-9_-]+)$/.exec(location.hash);\n"
                       "  const b = m && m[1].replace(/-/g, '+').replace(/_/g, '/');\n"
                       "  const inv = b && JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(b + '==='.slice((b.length + 3) % 4)), (c) => c.charCodeAt(0))));\n"
                       "  for (const i of (inv && inv.instruments) || []) {\n"
                       "    if (!/^[a-z0-9-]+$/.test(i.id) || !/^[0-9]+\\.[0-9]+\\.[0-9]+$/.test(i.version)) continue;\n"
                       "    const l = Object.assign(document.createElement('link'), { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: `instruments/${i.id}-${i.version}.json` });\n"
                       "    document.head.append(l);\n"
                       "  }\n"
                       "} catch (e) { /* not an open link: the module fetches what it needs */ }\n")


# The module's download, shown on the loading screen as it arrives (web/loading.html's
# `.boot-progress`): a phone on a slow network sees it move instead of a still "Loading…".
# The response's body is counted on its way to `init`, which still compiles the module as it
# streams in; the count is of the bytes as they come out of the network's decompression, so the
# loader is given the module's size in dist/.
COUNT_DOWNLOAD = ("// The module's download, shown on the loading screen as it arrives.\n"
                  "function rallyFetch(url, size) {\n"
                  "  return fetch(url).then((r) => {\n"
                  "    const bar = document.querySelector('#rally-loading .boot-progress');\n"
                  "    if (!r.ok || !r.body || !bar || typeof TransformStream !== 'function') return r;\n"
                  "    let got = 0;\n"
                  "    const counted = r.body.pipeThrough(new TransformStream({ transform(chunk, out) {\n"
                  "      got += chunk.byteLength;\n"
                  "      bar.value = Math.min(got / size, 1);\n"
                  "      out.enqueue(chunk);\n"
                  "    } }));\n"
                  "    return new Response(counted, { status: r.status, statusText: r.statusText, headers: r.headers });\n"
                  "  });\n"
                  "}\n")
# Where a loader fetches its module: `fetch('…_bg.wasm')` (the recruiter's, see `route_first`)
# or Trunk's `module_or_path: '…_bg.wasm'`.
MODULE_FETCH_RE = re.compile(r"""fetch\((?P<q1>['"])(?P<f>[^'"]+\.wasm)(?P=q1)\)"""
                             r"""|(?<=module_or_path: )(?P<q2>['"])(?P<p>[^'"]+\.wasm)(?P=q2)""")


def count_download(body: str, dist: str, public_url: str) -> str:
    """The loader, made to show its module's download on the loading screen (`rallyFetch`)."""
    m = MODULE_FETCH_RE.search(body)
    if not m:
        return body
    quote, ref = (m.group("q1"), m.group("f")) if m.group("f") else (m.group("q2"), m.group("p"))
    name = ref[len(public_url):] if ref.startswith(public_url) else ref.lstrip("./")
    path = os.path.join(dist, name)
    if not os.path.isfile(path):
        return body
    call = f"rallyFetch({quote}{ref}{quote}, {os.path.getsize(path)})"
    return COUNT_DOWNLOAD + body[:m.start()] + call + body[m.end():]


def rewrite(doc: str, dist: str, public_url: str, log: list[str], routes_elsewhere: bool = False,
            preloads_instruments: bool = False) -> str:
    """Externalize inline scripts/styles and strip nonces, in one scan. With
    `routes_elsewhere` (the recruiter's page), the loader sends other pages' addresses on
    first and the page's own module is not preloaded."""
    nonces = 0
    snippet = IDB_SNIPPET_RE.search(doc)
    idb_snippet = snippet.group(1) if snippet else None

    def repl(m: re.Match) -> str:
        nonlocal nonces
        if m.group("comment"):
            return m.group(0)
        if m.group("script"):
            raw_attrs = m.group("sattrs")
            attrs = parse_attrs(raw_attrs)
            body = m.group("sbody")
            kept = strip_nonce(raw_attrs)
            nonces += kept != raw_attrs
            kind = attrs.get("type", "").strip().lower()
            if "src" in attrs or not is_executable_script(attrs) or not body.strip():
                # External already, a data block / importmap, or empty:
                # left in place; verify() judges what remains.
                return f"<script{kept}>{body}</script>"
            if kind == "module" and LOADER_IMPORT_RE.search(body):
                body = LOADER_IMPORT_RE.sub(lambda i: i.group(0) + DOM_GUARD, body, count=1)
                kept = kept.rstrip() + " async"
                log.append("made Trunk's loader async (it no longer waits for the stylesheets)")
                if preloads_instruments:
                    body = PRELOAD_INSTRUMENTS + body
                    log.append("the loader preloads the instruments an open invitation link names")
                if routes_elsewhere:
                    body = route_first(body, idb_snippet)
                    log.append("the loader sends other pages' addresses on before fetching its module")
                body = guard_failure(body)
                log.append("the loader marks the loading screen when its module fails")
                body = count_download(body, dist, public_url)
                log.append("the loader shows its module's download on the loading screen")
            name = write_asset(dist, "boot", "js", body)
            log.append(f"moved inline <script{' type=' + kind if kind else ''}> "
                       f"({len(body.encode())} bytes) -> {name}")
            return f'<script{kept.rstrip()} src="{public_url}{name}"></script>'
        if m.group("style"):
            raw_attrs = m.group("yattrs")
            attrs = parse_attrs(raw_attrs)
            nonces += "nonce" in attrs
            body = m.group("ybody")
            if not body.strip():
                return ""
            name = write_asset(dist, "style", "css", body)
            log.append(f"moved inline <style> ({len(body.encode())} bytes) -> {name}")
            extra = ""
            if "media" in attrs:
                extra = f' media="{html.escape(attrs["media"], quote=True)}"'
            return f'<link rel="stylesheet" href="{public_url}{name}"{extra}>'
        raw_attrs = m.group("tattrs")
        kept = strip_nonce(raw_attrs)
        nonces += kept != raw_attrs
        attrs = parse_attrs(kept)
        rels = attrs.get("rel", "").lower().split()
        href = attrs.get("href", "")
        if (routes_elsewhere and m.group("tname").lower() == "link"
                and ("modulepreload" in rels or "preload" in rels)
                and href.startswith(public_url + "rally") and href.endswith((".js", ".wasm"))):
            log.append(f"dropped the preload of {href} (fetched once the address is known to be this page's)")
            return ""
        if (m.group("tname").lower() == "link" and "integrity" in attrs
                and "preload" in attrs.get("rel", "").lower().split()
                and attrs.get("as", "").lower() == "fetch"):
            # Chromium ignores integrity on fetch preloads and says so in the console.
            kept = INTEGRITY_RE.sub("", kept)
            log.append("dropped the integrity attribute of a fetch preload (ignored by browsers)")
        if kept == raw_attrs:
            return m.group(0)
        return f"<{m.group('tname')}{kept}>"

    out = TOKEN_RE.sub(repl, doc)
    if nonces:
        log.append(f"stripped nonce from {nonces} tag(s)")
    return out


# One style sheet per page: Trunk links each source sheet apart (seven on the recruiter's
# page), and over HTTP/1.1 a browser opens at most six connections to a host, so the module
# waited behind the style sheets for a free one (a round trip more on a mobile network).
STYLESHEET_RE = re.compile(rf"<link\b(?P<attrs>{_ATTRS})>", re.I | re.S)


def bundle_styles(doc: str, dist: str, public_url: str, page: str, log: list[str],
                  bundled: set[str]) -> str:
    """Concatenates the page's local style sheets, in their order, into one
    `<page>-<hash>.css` linked where the first one was (the cascade is unchanged: the same
    rules in the same order). Sheets with a `media` attribute are left alone, and nothing is
    joined when such a sheet stands between the others. `bundled` receives the files taken
    in."""
    sheets = []  # every style sheet of the page, in order: (match, file, can be joined)
    for m in STYLESHEET_RE.finditer(doc):
        attrs = parse_attrs(m.group("attrs"))
        if "stylesheet" not in attrs.get("rel", "").lower().split():
            continue
        href = attrs.get("href", "")
        joinable = ("media" not in attrs and href.startswith(public_url) and href.endswith(".css")
                    and os.path.isfile(os.path.join(dist, href[len(public_url):])))
        sheets.append((m, href[len(public_url):], joinable))
    found = [(m, rel) for m, rel, joinable in sheets if joinable]
    if len(found) < 2:
        return doc
    joined_at = [i for i, (_, _, joinable) in enumerate(sheets) if joinable]
    if joined_at[-1] - joined_at[0] + 1 != len(joined_at):
        # Another sheet between them: joining would change the order of the cascade.
        log.append(f"{page}: style sheets left apart (another sheet stands between them)")
        return doc
    parts = []
    for _, rel in found:
        with open(os.path.join(dist, rel), encoding="utf-8") as fh:
            parts.append(f"/* {rel} */\n" + fh.read().strip("\n"))
        bundled.add(rel)
    name = write_asset(dist, os.path.splitext(page)[0], "css", "\n".join(parts))
    with open(os.path.join(dist, name), "rb") as fh:
        digest = base64.b64encode(hashlib.sha384(fh.read()).digest()).decode()
    link = f'<link rel="stylesheet" href="{public_url}{name}" integrity="sha384-{digest}"/>'
    out, last = [], 0
    for i, (m, _) in enumerate(found):
        start, end = m.start(), m.end()
        if i > 0:  # dropped, and the line it stood alone on with it
            while start > 0 and doc[start - 1] in " \t":
                start -= 1
            if (start == 0 or doc[start - 1] == "\n") and doc[end:end + 1] == "\n":
                end += 1
        out.append(doc[last:start])
        if i == 0:
            out.append(link)
        last = end
    out.append(doc[last:])
    log.append(f"{page}: {len(found)} style sheets -> {name} (one request instead of {len(found)})")
    return "".join(out)


def csp_directives(policy: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for part in policy.split(";"):
        tokens = part.split()
        if tokens:
            out.setdefault(tokens[0].lower(), [t.lower() for t in tokens[1:]])
    return out


def verify(doc: str, dist: str, public_url: str, warnings: list[str]) -> list[str]:
    errors: list[str] = []
    policies: list[str] = []
    handlers: set[str] = set()
    refs: list[tuple[str, str]] = []
    manifests: list[str] = []

    for m in TOKEN_RE.finditer(doc):
        if m.group("comment"):
            continue
        if m.group("style"):
            errors.append("inline <style> remains")
            continue
        if m.group("script"):
            name, attrs = "script", parse_attrs(m.group("sattrs"))
            kind = attrs.get("type", "").strip().lower()
            if "src" in attrs:
                if m.group("sbody").strip():
                    errors.append(f"<script src={attrs['src']}> also has an inline body")
            elif kind == "importmap":
                errors.append("inline <script type=importmap> remains (CSP refuses it and it "
                              "cannot be made external)")
            elif is_executable_script(attrs):
                errors.append(f"inline <script{' type=' + kind if kind else ''}> remains")
        else:
            name, attrs = m.group("tname").lower(), parse_attrs(m.group("tattrs"))
        if "nonce" in attrs:
            errors.append(f"<{name}> still has a nonce attribute")
        handlers.update(f"<{name} {a}>" for a in attrs if re.fullmatch(r"on[a-z]+", a))
        if name == "meta" and attrs.get("http-equiv", "").strip().lower() == "content-security-policy":
            policies.append(attrs.get("content", ""))
        if name == "script" and attrs.get("src"):
            refs.append((name, attrs["src"]))
        rels = set(attrs.get("rel", "").lower().split())
        if name == "link" and attrs.get("href") and rels & {
                "stylesheet", "modulepreload", "preload", "icon", "manifest", "apple-touch-icon"}:
            refs.append((name, attrs["href"]))
        if name == "link" and "manifest" in rels:
            manifests.append(attrs.get("href", ""))

    if handlers:
        errors.append("inline event-handler attributes remain (CSP refuses them): "
                      + ", ".join(sorted(handlers)))

    if not policies:
        errors.append('no <meta http-equiv="Content-Security-Policy">')
    if not manifests:
        errors.append(f'no <link rel="manifest" href="{public_url}manifest.webmanifest">: '
                      "the app could not be installed from this page")
    for policy in policies:
        lowered = policy.lower()
        for bad in ("'unsafe-inline'", "'unsafe-eval'"):
            if bad in lowered:  # note: 'wasm-unsafe-eval' does not contain "'unsafe-eval'"
                errors.append(f"the CSP allows {bad}: {policy}")
        d = csp_directives(policy)
        script_src = d.get("script-src", d.get("default-src"))
        if script_src is not None and "'wasm-unsafe-eval'" not in script_src:
            errors.append("the CSP's script-src lacks 'wasm-unsafe-eval': Chromium will refuse to "
                          "compile the .wasm")
        connect_src = d.get("connect-src", d.get("default-src"))
        if connect_src is not None and "'self'" not in connect_src:
            warnings.append("the CSP's connect-src lacks 'self': fetching the .wasm may be refused")
        # Said explicitly rather than left to the fallback chain (worker-src, child-src,
        # script-src, default-src), which browsers have not always followed alike.
        if "'self'" not in d.get("worker-src", []):
            errors.append("the CSP lacks worker-src 'self': the service worker (offline use) "
                          "could not be registered from this page")
        manifest_src = d.get("manifest-src", d.get("default-src"))
        if manifest_src is not None and "'self'" not in manifest_src:
            errors.append("the CSP's manifest-src lacks 'self': the page could not load its manifest")

    # Every local script/stylesheet/preload must exist in dist/.
    for name, ref in refs:
        url = urllib.parse.urlsplit(ref)
        if url.scheme in ("data", "blob"):
            continue
        if url.scheme or url.netloc:
            errors.append(f"<{name}> loads from another origin: {ref}")
            continue
        path = urllib.parse.unquote(url.path)
        if path.startswith(public_url):
            path = path[len(public_url):]
        if not os.path.isfile(os.path.join(dist, path.lstrip("/"))):
            errors.append(f"<{name}> points at a file missing from {dist}/: {ref}")
    return errors


def write_if_changed(path: str, data: bytes) -> bool:
    """Writes `data` to `path` unless it already holds exactly that; True when it wrote."""
    if os.path.isfile(path) and open(path, "rb").read() == data:
        return False
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "wb") as fh:
        fh.write(data)
    os.replace(tmp, path)
    # Compressed copies of the old content (tools/precompress.mjs) would be served in its place.
    for suffix in COMPRESSED:
        if os.path.isfile(path + suffix):
            os.remove(path + suffix)
    return True


def copy_site_files(dist: str, site: str, log: list[str]) -> None:
    """Copies web/ (but the service worker's source) into dist/, keeping its folders."""
    copied = 0
    for folder, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            rel = os.path.relpath(os.path.join(folder, name), site)
            if name.startswith(".") or rel in (SW_NAME, LOADING_NAME):
                continue
            with open(os.path.join(folder, name), "rb") as fh:
                copied += write_if_changed(os.path.join(dist, rel), fh.read())
    if copied:
        log.append(f"copied {copied} site file(s) from {os.path.relpath(site, ROOT)}/ (manifest, icons)")


# What every page shows until its module starts (web/loading.html): one source, put in place
# of the pages' `<!-- rally:loading … -->` marker.
LOADING_NAME = "loading.html"
LOADING_MARK_RE = re.compile(r"^([ \t]*)<!-- rally:loading\b[^>]*-->[ \t]*$", re.M)


def insert_loading(doc: str, site: str) -> str:
    """The page with web/loading.html in place of its marker, indented like it."""
    m = LOADING_MARK_RE.search(doc)
    if not m:
        return doc
    with open(os.path.join(site, LOADING_NAME), encoding="utf-8") as fh:
        body = fh.read().rstrip("\n").splitlines()
    indent = m.group(1)
    return doc[:m.start()] + "\n".join(indent + line if line else line for line in body) + doc[m.end():]


def _leb(data: bytes, i: int) -> tuple[int, int]:
    """An unsigned LEB128 at `data[i:]`: its value and the index after it."""
    value = shift = 0
    while True:
        byte = data[i]
        i += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, i


def _uleb(value: int) -> bytes:
    out = bytearray()
    while True:
        byte = value & 0x7F
        value >>= 7
        out.append(byte | (0x80 if value else 0))
        if not value:
            return bytes(out)


def shorten_imports(wasm: bytes, glue: str) -> tuple[bytes, str] | None:
    """The module and its glue with the imports the glue provides renamed `$0`, `$1`… (their
    module, `./<name>_bg.js`, renamed `$`); `None` when anything is not as expected (the
    files are then left as they are: a longer download, never a broken page)."""
    if wasm[:8] != b"\0asm\x01\0\0\0":
        return None
    i, out, renamed = 8, bytearray(wasm[:8]), []
    try:
        while i < len(wasm):
            start, sid = i, wasm[i]
            size, body_at = _leb(wasm, i + 1)
            end = body_at + size
            if sid != 2:
                out += wasm[start:end]
                i = end
                continue
            count, j = _leb(wasm, body_at)
            body = bytearray(_uleb(count))
            for _ in range(count):
                n, j = _leb(wasm, j)
                module, j = wasm[j:j + n].decode(), j + n
                n, j = _leb(wasm, j)
                field, j = wasm[j:j + n].decode(), j + n
                kind, desc = wasm[j], j
                j += 1
                if kind == 0:  # function: a type index
                    _, j = _leb(wasm, j)
                elif kind in (1, 2):  # table (element type, limits), memory (limits)
                    if kind == 1:
                        j += 1
                    flags, j = _leb(wasm, j)
                    _, j = _leb(wasm, j)
                    if flags & 1:
                        _, j = _leb(wasm, j)
                elif kind == 3:  # global: value type, mutability
                    j += 2
                else:
                    return None
                if module.startswith("./") and module.endswith("_bg.js"):
                    renamed.append((module, field))
                    module, field = "$", f"${len(renamed) - 1:x}"
                for text in (module, field):
                    encoded = text.encode()
                    body += _uleb(len(encoded)) + encoded
                body += wasm[desc:j]
            if j != end:
                return None
            out += bytes([2]) + _uleb(len(body)) + body
            i = end
    except (IndexError, UnicodeDecodeError):
        return None
    if not renamed:
        return None
    modules = {m for m, _ in renamed}
    if len(modules) != 1:
        return None
    module = modules.pop()
    key = json.dumps(module)
    fields = {f for _, f in renamed}
    token = re.compile(r"(?<![\w$])(" + "|".join(map(re.escape, sorted(fields, key=len, reverse=True)))
                       + r")(?![\w$])")
    new = {f: f"${k:x}" for k, (_, f) in enumerate(renamed)}
    # Each name once in the module, each found in the glue, and the short names new to it.
    if (len(fields) != len(renamed) or glue.count(key) != 1
            or {m.group(1) for m in token.finditer(glue)} != fields
            or re.search(r"(?<![\w$])\$[0-9a-f]+(?![\w$])", glue)):
        return None
    glue = token.sub(lambda m: new[m.group(1)], glue).replace(key, '"$"')
    return bytes(out), glue


def shorten_all_imports(dist: str, log: list[str]) -> set[str]:
    """[`shorten_imports`] on every `<name>_bg.wasm` of `dist/` and its glue `<name>.js`; the
    glue files it changed (a page's `integrity` for them is then stale: [`refresh_integrity`])."""
    changed: set[str] = set()
    for name in sorted(os.listdir(dist)):
        if not name.endswith("_bg.wasm"):
            continue
        wasm_path = os.path.join(dist, name)
        glue_path = os.path.join(dist, name[:-len("_bg.wasm")] + ".js")
        if not os.path.isfile(glue_path):
            continue
        with open(wasm_path, "rb") as fh:
            wasm = fh.read()
        with open(glue_path, encoding="utf-8") as fh:
            glue = fh.read()
        short = shorten_imports(wasm, glue)
        if short is None:
            if re.search(r"(?<![\w$])\$0(?![\w$])", glue):
                continue  # already done (a second run)
            log.append(f"{name}: imports left as they are (not the expected wasm-bindgen output)")
            continue
        write_if_changed(wasm_path, short[0])
        write_if_changed(glue_path, short[1].encode("utf-8"))
        changed.add(os.path.basename(glue_path))
        log.append(f"{name}: imports renamed short ({len(wasm) - len(short[0])} bytes less, "
                   f"{len(glue.encode()) - len(short[1].encode())} in its glue)")
    return changed


def minify_assets(dist: str, log: list[str], errors: list[str]) -> set[str]:
    """Step 9: each module's glue (`<name>.js` beside `<name>_bg.wasm`), the snippets under
    `snippets/` and the style sheets of `dist/` minified in place by tools/minify.mjs; the
    files (relative to `dist/`) whose `integrity` is then stale."""
    files = []
    for name in sorted(os.listdir(dist)):
        path = os.path.join(dist, name)
        if not os.path.isfile(path):
            continue
        if name.endswith(".css") or (name.endswith(".js") and os.path.isfile(path[:-3] + "_bg.wasm")):
            files.append(name)
    for folder, _, names in sorted(os.walk(os.path.join(dist, "snippets"))):
        files += sorted(os.path.relpath(os.path.join(folder, n), dist) for n in names if n.endswith(".js"))
    if not files:
        return set()
    tool = os.path.join(os.path.dirname(os.path.abspath(__file__)), "minify.mjs")
    done = subprocess.run(["node", tool, *files], cwd=dist, capture_output=True, text=True)
    if done.returncode != 0:
        errors.append(f"minify: {done.stderr.strip() or done.stdout.strip() or 'failed'}"
                      " (node_modules missing? run tools/setup.sh)")
        return set()
    before = after = 0
    for line in done.stdout.splitlines():
        m = re.search(r": (\d+) -> (\d+) bytes$", line)
        if m:
            before, after = before + int(m.group(1)), after + int(m.group(2))
    log.append(f"minified {len(files)} scripts and style sheets: {before} -> {after} bytes")
    return {f.replace(os.sep, "/") for f in files}


MODULE_WASM_RE = re.compile(r"(?P<stem>.+)-(?P<hash>[0-9a-f]{15,16})_bg\.wasm")


def rename_rewritten_modules(dist: str, changed: set[str], pages: list[str],
                             log: list[str]) -> dict[str, str]:
    """Step 10: every module (`<stem>-<hash>_bg.wasm` and its glue `<stem>-<hash>.js`) one of
    whose files is in `changed` is named again after both files' bytes, and the pages say so;
    returns the old names and the new."""
    renamed: dict[str, str] = {}
    for name in sorted(os.listdir(dist)):
        m = MODULE_WASM_RE.fullmatch(name)
        glue = m and f"{m.group('stem')}-{m.group('hash')}.js"
        if not m or not os.path.isfile(os.path.join(dist, glue)) or not {name, glue} & changed:
            continue
        with open(os.path.join(dist, glue), "rb") as fh, open(os.path.join(dist, name), "rb") as wh:
            digest = hashlib.sha256(fh.read() + wh.read()).hexdigest()[:16]
        if digest == m.group("hash"):
            continue  # already named after its bytes (a second run)
        for old, new in ((glue, f"{m.group('stem')}-{digest}.js"),
                         (name, f"{m.group('stem')}-{digest}_bg.wasm")):
            os.replace(os.path.join(dist, old), os.path.join(dist, new))
            for suffix in COMPRESSED:
                if os.path.isfile(os.path.join(dist, old + suffix)):
                    os.remove(os.path.join(dist, old + suffix))
            renamed[old] = new
        log.append(f"{glue}, {name}: named after what is served ({m.group('stem')}-{digest})")
    if renamed:
        for page in pages:
            path = os.path.join(dist, page)
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            for old, new in renamed.items():
                text = re.sub(r"(?<![\w.-])" + re.escape(old) + r"(?![\w.-])", new, text)
            write_if_changed(path, text.encode("utf-8"))
    return renamed


def refresh_integrity(doc: str, changed: set[str], dist: str, public_url: str) -> str:
    """`doc` with the `integrity` of every tag naming one of the `changed` files computed
    again from the file (Trunk computed it before [`shorten_all_imports`] rewrote it)."""
    def fix(m: re.Match) -> str:
        tag = m.group(0)
        ref = re.search(r'\b(?:href|src)="([^"]+)"', tag)
        name = ref and ref.group(1)
        if name and name.startswith(public_url):
            name = name[len(public_url):]
        if not name or name not in changed:
            return tag
        with open(os.path.join(dist, name), "rb") as fh:
            digest = base64.b64encode(hashlib.sha384(fh.read()).digest()).decode()
        return re.sub(r'integrity="sha384-[^"]*"', f'integrity="sha384-{digest}"', tag)
    return re.sub(r"<(?:link|script)\b[^>]*\bintegrity=\"[^\"]*\"[^>]*>", fix, doc)


def write_instruments(dist: str, source: str, log: list[str]) -> list[str]:
    """Writes every instrument file of `source` (and of its archive/) as
    dist/instruments/<id>-<version>.json, minified; returns errors."""
    errors: list[str] = []
    written: set[str] = set()
    for folder in (source, os.path.join(source, "archive")):
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".json"):
                continue
            try:
                with open(os.path.join(folder, name), encoding="utf-8") as fh:
                    doc = json.load(fh)
                ident, version = doc["id"], doc["version"]
            except (OSError, ValueError, KeyError, TypeError) as exc:
                errors.append(f"instrument {name}: {exc}")
                continue
            if not (re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", str(ident))
                    and re.fullmatch(r"\d+\.\d+\.\d+", str(version))):
                errors.append(f"instrument {name}: unexpected id or version")
                continue
            out = f"{ident}-{version}.json"
            if out in written:
                errors.append(f"instrument {name}: a second file for {ident} {version}")
                continue
            written.add(out)
            data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            write_if_changed(os.path.join(dist, INSTRUMENTS_OUT, out), data)
    folder = os.path.join(dist, INSTRUMENTS_OUT)
    for stale in sorted(set(os.listdir(folder)) - written) if os.path.isdir(folder) else []:
        os.remove(os.path.join(folder, stale))
    if written:
        log.append(f"wrote {len(written)} instrument file(s) into {INSTRUMENTS_OUT}/")
    return errors


def app_files(dist: str, only: set[str] | None = None) -> list[tuple[str, str]]:
    """Every file a service worker keeps: (URL path relative to dist/, SHA-256 hex), sorted.
    Leaves out the workers themselves (the browser fetches them on its own), hidden files and
    folders (Trunk's .stage), unfinished writes (*.tmp) and the .br/.gz copies. With `only`
    (paths relative to dist/), just those files."""
    out = []
    for folder, dirs, files in os.walk(dist):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            rel = os.path.relpath(os.path.join(folder, name), dist).replace(os.sep, "/")
            if (name.startswith(".") or name.endswith((".tmp",) + COMPRESSED)
                    or SW_FILE_RE.fullmatch(rel) or (only is not None and rel not in only)):
                continue
            with open(os.path.join(folder, name), "rb") as fh:
                out.append((urllib.parse.quote(rel), hashlib.sha256(fh.read()).hexdigest()))
    return sorted(out)


# A quoted reference to a file in a script: an import, Trunk's `module_or_path`, a wasm-bindgen
# snippet. (Pages, `.html`, are not followed: a link to another page is not this page's file.)
SCRIPT_REF_RE = re.compile(r"""['"`]((?:\.{0,2}/)?[A-Za-z0-9_./-]+\.(?:js|mjs|wasm|css|json))['"`]""")


def page_files(dist: str, page: str, public_url: str) -> set[str]:
    """The files `page` needs (paths relative to dist/): the page, what it links (scripts,
    style sheets, preloads, the manifest), the manifest's icons, and, from script to script,
    every file of dist/ a script names."""
    def local(ref: str, base: str) -> str | None:
        url = urllib.parse.urlsplit(ref)
        if url.scheme or url.netloc:
            return None
        path = urllib.parse.unquote(url.path)
        if path.startswith(public_url):
            path = path[len(public_url):]
        else:
            path = posixpath.normpath(posixpath.join(posixpath.dirname(base), path))
        path = path.lstrip("/")
        return path if os.path.isfile(os.path.join(dist, path)) else None

    with open(os.path.join(dist, page), encoding="utf-8") as fh:
        doc = fh.read()
    found = {page}
    todo: list[str] = []
    for m in TOKEN_RE.finditer(doc):
        if m.group("comment") or m.group("style"):
            continue
        if m.group("script"):
            refs = [parse_attrs(m.group("sattrs")).get("src", "")]
        elif m.group("tname").lower() == "link":
            refs = [parse_attrs(m.group("tattrs")).get("href", "")]
        else:
            continue
        for ref in refs:
            path = local(ref, page) if ref else None
            if path and path not in found:
                found.add(path)
                todo.append(path)
    while todo:
        path = todo.pop()
        with open(os.path.join(dist, path), "rb") as fh:
            text = fh.read().decode("utf-8", "replace") if not path.endswith(".wasm") else ""
        refs: list[str] = []
        if path.endswith((".js", ".mjs")):
            refs = SCRIPT_REF_RE.findall(text)
        elif path.endswith(".webmanifest"):
            try:
                refs = [i.get("src", "") for i in json.loads(text).get("icons", [])]
            except (ValueError, AttributeError):
                refs = []
        for ref in refs:
            found_path = local(ref, path) if ref else None
            if found_path and found_path not in found:
                found.add(found_path)
                todo.append(found_path)
    return found


SW_VERSION_RE = re.compile(r"^const VERSION = [^\n]*;$", re.M)
SW_FILES_RE = re.compile(r"^const FILES = [^\n]*;$", re.M)
SW_PAGE_RE = re.compile(r"^const PAGE = [^\n]*;$", re.M)


def service_worker(template: str, files: list[tuple[str, str]], page: str = "") -> tuple[str, str]:
    """A worker's text and its version, from web/sw.js, the file list and the page's name
    ("" for the recruiter's worker, which keeps the whole app)."""
    listing = "".join(f"{path} {digest}\n" for path, digest in files)
    version = hashlib.sha256(listing.encode("utf-8")).hexdigest()[:16]
    if (len(SW_VERSION_RE.findall(template)) != 1 or len(SW_FILES_RE.findall(template)) != 1
            or len(SW_PAGE_RE.findall(template)) != 1):
        raise ValueError("web/sw.js must hold exactly one `const VERSION = ...;` line, one "
                         "`const FILES = ...;` line and one `const PAGE = ...;` line")
    rows = "".join(f"\n  [{json_str(path)}, {json_str(digest)}]," for path, digest in files)
    text = SW_VERSION_RE.sub(lambda _: f"const VERSION = {json_str(version)};", template, count=1)
    text = SW_FILES_RE.sub(lambda _: f"const FILES = [{rows}\n];", text, count=1)
    text = SW_PAGE_RE.sub(lambda _: f"const PAGE = {json_str(page)};", text, count=1)
    return text, version


def worker_name(page: str) -> tuple[str, str]:
    """(the worker's file, its PAGE) for a page: sw.js for the recruiter's, sw-<name>.js else."""
    if page == WHOLE_APP_PAGE:
        return SW_NAME, ""
    name = page[: -len(".html")]
    return f"sw-{name}.js", name


def json_str(value: str) -> str:
    return json.dumps(value)


def write_service_worker(dist: str, site: str, log: list[str], pages: list[str] | None = None,
                         public_url: str = "/") -> list[str]:
    """Writes one worker per page (dist/sw.js for the recruiter's, which keeps every file;
    dist/sw-<page>.js for each other page, which keeps that page's files); returns errors."""
    source = os.path.join(site, SW_NAME)
    if not os.path.isfile(source):
        return [f"{source} not found: no service worker, so no offline use"]
    with open(source, encoding="utf-8") as fh:
        template = fh.read()
    if pages is None:
        pages = [WHOLE_APP_PAGE]
    errors = []
    for page in ([WHOLE_APP_PAGE] if WHOLE_APP_PAGE not in pages else []) + sorted(pages):
        worker, name = worker_name(page)
        only = None
        if page != WHOLE_APP_PAGE:
            only = page_files(dist, page, public_url)
            if page in FETCHES_INSTRUMENTS:
                only |= {p for p, _ in app_files(dist) if p.startswith(INSTRUMENTS_OUT + "/")}
        files = app_files(dist, only)
        try:
            text, version = service_worker(template, files, name)
        except ValueError as exc:
            return [str(exc)]
        wrote = write_if_changed(os.path.join(dist, worker), text.encode("utf-8"))
        log.append(f"{'wrote' if wrote else 'kept'} {worker} ({page if name else 'every page'}): version {version}, "
                   f"{len(files)} files "
                   f"({sum(os.path.getsize(os.path.join(dist, urllib.parse.unquote(p))) for p, _ in files) / 1024:.0f} KB) "
                   "kept for offline use")
    # A worker left by a page that is gone would serve a page that no longer exists.
    for stale in sorted(f for f in os.listdir(dist) if SW_FILE_RE.fullmatch(f)
                        and f not in {worker_name(p)[0] for p in pages + [WHOLE_APP_PAGE]}):
        os.remove(os.path.join(dist, stale))
        log.append(f"removed {stale} (no page of that name)")
    return errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Externalize Trunk's inline scripts for a strict CSP, "
                                                 "add the manifest and write the service worker.")
    parser.add_argument("dist", nargs="?", default="dist", help="Trunk's output directory (default: dist)")
    parser.add_argument("--public-url", default="./",
                        help="Trunk's --public-url (default: ./, files named relative to the "
                             "pages, so that dist/ works in any folder of a site)")
    parser.add_argument("--site", default=SITE_DIR, help="manifest, icons and sw.js source (default: web/)")
    parser.add_argument("--instruments", default=INSTRUMENTS_DIR,
                        help="the built-in instruments (default: data/instruments/)")
    parser.add_argument("--minify", action="store_true",
                        help="minify the glue, its snippets and the style sheets (tools/minify.mjs)")
    parser.add_argument("--self-test", action="store_true", help="run the built-in checks on sample Trunk output")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test()

    public_url = args.public_url if args.public_url.endswith("/") else args.public_url + "/"
    pages = sorted(f for f in os.listdir(args.dist) if f.endswith(".html")
                   and os.path.isfile(os.path.join(args.dist, f))) if os.path.isdir(args.dist) else []
    if not pages:
        print(f"postbuild: error: no .html page in {args.dist}/ (did trunk build run?)", file=sys.stderr)
        return 1

    log: list[str] = []
    warnings: list[str] = []
    errors: list[str] = []
    copy_site_files(args.dist, args.site, log)
    errors += write_instruments(args.dist, args.instruments, log)
    # The files steps 8–10 rewrote or renamed: the pages' `integrity` for them is computed again.
    rewritten = shorten_all_imports(args.dist, log)
    if args.minify:
        minified = minify_assets(args.dist, log, errors)
        if errors:
            for line in errors:
                print(f"postbuild: error: {line}", file=sys.stderr)
            return 1
        rewritten |= minified
    renamed = rename_rewritten_modules(args.dist, rewritten, pages, log)
    rewritten = {renamed.get(name, name) for name in rewritten}
    done = []
    bundled: set[str] = set()
    for page in pages:
        path = os.path.join(args.dist, page)
        with open(path, encoding="utf-8") as fh:
            original = fh.read()
        doc = rewrite(original, args.dist, public_url, log, routes_elsewhere=page == "index.html",
                      preloads_instruments=page in FETCHES_INSTRUMENTS)
        doc = bundle_styles(doc, args.dist, public_url, page, log, bundled)
        doc = refresh_integrity(doc, rewritten, args.dist, public_url)
        doc = insert_loading(doc, args.site)
        if doc != original:
            write_if_changed(path, doc.encode("utf-8"))
        errors += [f"{page}: {e}" for e in verify(doc, args.dist, public_url, warnings)]
        done.append(f"{page} ({'rewritten' if doc != original else 'unchanged'})")
    # The source sheets now live in the pages' bundles; those no page links any more go.
    linked = []
    for page in pages:
        with open(os.path.join(args.dist, page), encoding="utf-8") as fh:
            linked.append(fh.read())
    for rel in sorted(bundled):
        if not any(public_url + rel in text for text in linked):
            os.remove(os.path.join(args.dist, rel))
    # Last, once every page and asset is final: the lists cover them all.
    errors += write_service_worker(args.dist, args.site, log, pages, public_url)

    for line in log:
        print(f"postbuild: {line}")
    for line in warnings:
        print(f"postbuild: warning: {line}", file=sys.stderr)
    if errors:
        for line in errors:
            print(f"postbuild: error: {line}", file=sys.stderr)
        return 1
    print(f"postbuild: {', '.join(done)} ok: no inline scripts, strict CSP, manifest, service worker")
    return 0


# --------------------------------------------------------------- self-test --
_CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
        "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'")
# What Trunk 0.21.14 writes (src/pipelines/rust/output.rs, sri.rs) with a
# nonce placeholder configured.
_TRUNK_SAMPLE = """<!DOCTYPE html>
<html lang="fr">
  <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="{csp}">
    <title>Rally</title>
    <link rel="manifest" href="/manifest.webmanifest">
    <!-- <script>commented out: must stay as it is</script> -->
    <link rel="stylesheet" href="/styles-0a1b.css" integrity="sha384-x"/>
    <script type="application/json" id="data">{{"a": "</b>"}}</script>
  {extra_head}
<link rel="modulepreload" nonce="{{{{NONCE}}}}" href="/rally-0123abcd.js" crossorigin="anonymous" integrity="sha384-AAA"><link rel="preload" nonce="{{{{NONCE}}}}" href="/rally-0123abcd_bg.wasm" crossorigin="anonymous" integrity="sha384-BBB" as="fetch" type="application/wasm"></head>
  <body>{extra_body}
<script type="module" nonce="{{{{NONCE}}}}">
import init, * as bindings from '/rally-0123abcd.js';
const wasm = await init({{ module_or_path: '/rally-0123abcd_bg.wasm' }});


window.wasmBindings = bindings;


dispatchEvent(new CustomEvent("TrunkApplicationStarted", {{detail: {{wasm}}}}));

</script></body>
</html>
"""


def self_test() -> int:
    import contextlib
    import io
    import tempfile

    # The sample pages are Trunk's output for `--public-url /`; `make build` uses `./` (files named
    # relative to the pages), which tests/e2e/pages.spec.mjs checks on a site's sub-folder.
    def run(csp=_CSP, extra_head="", extra_body="", html_text=None, page="respond.html"):
        with tempfile.TemporaryDirectory() as dist:
            for name, data in (("rally-0123abcd.js", b"export default async function init() {}\n"),
                               ("rally-0123abcd_bg.wasm", b"\0asm\1\0\0\0"),
                               ("styles-0a1b.css", b"body{}\n")):
                with open(os.path.join(dist, name), "wb") as fh:
                    fh.write(data)
            text = html_text if html_text is not None else _TRUNK_SAMPLE.format(
                csp=csp, extra_head=extra_head, extra_body=extra_body)
            with open(os.path.join(dist, page), "w", encoding="utf-8") as fh:
                fh.write(text)
            out, err = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                rc1 = main([dist, "--public-url", "/"])
                first = open(os.path.join(dist, page), encoding="utf-8").read()
                files1 = sorted(os.listdir(dist))
                rc2 = main([dist, "--public-url", "/"])
                second = open(os.path.join(dist, page), encoding="utf-8").read()
            boots = {f: open(os.path.join(dist, f), encoding="utf-8").read()
                     for f in files1 if f.startswith("boot-")}
            return rc1, rc2, first, second, files1, boots, err.getvalue()

    failures = []
    checks = []

    def check(label, cond):
        checks.append(label)
        print(f"  {'ok  ' if cond else 'FAIL'} {label}")
        if not cond:
            failures.append(label)

    print("postbuild self-test:")
    rc1, rc2, first, second, files, boots, _ = run()
    check("trunk sample passes", rc1 == 0)
    check("second run is a no-op (idempotent)", rc2 == 0 and first == second)
    check("one boot-<sha256>.js written", len(boots) == 1
          and re.fullmatch(r"boot-[0-9a-f]{16}\.js", next(iter(boots), "")) is not None)
    boot_name, boot_body = next(iter(boots.items()), ("", ""))
    check("boot file holds the loader", "import init, * as bindings from '/rally-0123abcd.js'" in boot_body
          and "TrunkApplicationStarted" in boot_body)
    check("respond.html: the loader preloads the instruments an open invitation link names",
          boot_body.startswith(COUNT_DOWNLOAD + PRELOAD_INSTRUMENTS)
          and "instruments/${i.id}-${i.version}.json" in boot_body)
    check("boot file name is its content hash",
          boot_name == f"boot-{hashlib.sha256(boot_body.encode()).hexdigest()[:16]}.js")
    check("tag replaced by an external async module script",
          f'<script type="module" async src="/{boot_name}"></script>' in first)
    check("the loader waits for the parsed document, then starts the app",
          boot_body.index("import init") < boot_body.index("DOMContentLoaded") < boot_body.index("await init("))
    check("a module that fails to download or start marks the loading screen",
          "try {\n  wasm = await init({ module_or_path: rallyFetch('/rally-0123abcd_bg.wasm', 8) });\n} catch (e) {"
          in boot_body
          and "classList.add('boot-failed');\n  document.querySelector('#rally-loading .boot-reload')" in boot_body
          and "() => location.reload());\n  throw e;" in boot_body
          and boot_body.index("wasm = await init(") < boot_body.index("TrunkApplicationStarted"))
    check("no nonce left", "nonce" not in first)
    check("wasm preload kept, minus nonce and the integrity browsers ignore there",
          '<link rel="preload" href="/rally-0123abcd_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">' in first)
    check("modulepreload kept (minus nonce)",
          '<link rel="modulepreload" href="/rally-0123abcd.js" crossorigin="anonymous" integrity="sha384-AAA">' in first)
    check("comment left alone", "<!-- <script>commented out: must stay as it is</script> -->" in first)
    check("JSON data block left alone", '<script type="application/json" id="data">{"a": "</b>"}</script>' in first)

    rc1, _, first, _, files, _, _ = run(extra_body='\n<style nonce="n">.x{color:red}</style><script>console.log(1)</script>')
    check("inline <style> and classic <script> externalized",
          rc1 == 0 and any(f.startswith("respond-") and f.endswith(".css") for f in files)
          and "<style" not in first and '<script src="/boot-' in first)
    check("the page's style sheets become one, in their order, linked once with its integrity; "
          "the sources no page links any more are gone",
          first.count('rel="stylesheet"') == 1 and "styles-0a1b.css" not in files
          and not any(f.startswith("style-") for f in files)
          and re.search(r'<link rel="stylesheet" href="/respond-[0-9a-f]{16}\.css" integrity="sha384-[A-Za-z0-9+/=]{64}"/>',
                        first) is not None)

    with tempfile.TemporaryDirectory() as dist:
        for name, body in (("a.css", "a{}\n"), ("b.css", "b{}\n"), ("p.css", "p{}\n")):
            with open(os.path.join(dist, name), "w", encoding="utf-8") as fh:
                fh.write(body)
        page = ('<head>\n    <link rel="stylesheet" href="/a.css"/>\n'
                '    <link rel="stylesheet" href="/b.css"/>\n'
                '    <link rel="stylesheet" href="/p.css" media="print"/>\n</head>')
        taken: set[str] = set()
        out = bundle_styles(page, dist, "/", "index.html", [], taken)
        joined = re.search(r'href="/(index-[0-9a-f]{16}\.css)"', out)
        body = open(os.path.join(dist, joined.group(1)), encoding="utf-8").read() if joined else ""
        check("style sheets joined in their order (a before b); one with a media attribute left as it is",
              taken == {"a.css", "b.css"} and body.index("a{}") < body.index("b{}")
              and '<link rel="stylesheet" href="/p.css" media="print"/>' in out
              and out.count("<link") == 2 and "\n\n" not in out)
        between = page.replace('    <link rel="stylesheet" href="/b.css"/>\n', "").replace(
            '</head>', '    <link rel="stylesheet" href="/b.css"/>\n</head>')
        taken = set()
        check("nothing joined when a media-specific sheet stands between the others (the cascade's order)",
              bundle_styles(between, dist, "/", "index.html", [], taken) == between and not taken)

    marked = "<body>\n    <!-- rally:loading (web/loading.html) -->\n    <noscript>x</noscript>\n</body>"
    with_loading = insert_loading(marked, SITE_DIR)
    check("web/loading.html goes in place of a page's marker, indented like it; a page without one is left alone",
          '\n    <div id="rally-loading" class="boot-screen">\n' in with_loading
          and "rally:loading" not in with_loading and with_loading.endswith("\n    <noscript>x</noscript>\n</body>")
          and insert_loading("<body></body>", SITE_DIR) == "<body></body>")

    rc1, *_ = run(csp=_CSP.replace("'self' 'wasm-unsafe-eval'", "'self' 'unsafe-inline' 'wasm-unsafe-eval'"))
    check("fails on 'unsafe-inline'", rc1 == 1)
    rc1, *_ = run(csp=_CSP.replace("'wasm-unsafe-eval'", "'unsafe-eval'"))
    check("fails on 'unsafe-eval'", rc1 == 1)
    rc1, *_ = run(csp=_CSP.replace(" 'wasm-unsafe-eval'", ""))
    check("fails without 'wasm-unsafe-eval'", rc1 == 1)
    rc1, *_ = run(html_text=_TRUNK_SAMPLE.format(csp=_CSP, extra_head="", extra_body="").replace(
        '<meta http-equiv="Content-Security-Policy"', '<meta name="x"'))
    check("fails without a CSP meta", rc1 == 1)
    rc1, *_ = run(extra_head='<script type="importmap">{"imports":{}}</script>')
    check("fails on an inline importmap", rc1 == 1)
    rc1, *_ = run(extra_body='<button onclick="go()">x</button>')
    check("fails on an inline event handler", rc1 == 1)
    rc1, *_ = run(extra_head='<script src="/missing.js"></script>')
    check("fails on a script missing from dist", rc1 == 1)
    rc1, *_ = run(extra_head='<script src="https://cdn.example/x.js"></script>')
    check("fails on a script from another origin", rc1 == 1)
    rc1, _, first, second, _, boots, _ = run(html_text=(
        "<!doctype html><html><head><meta http-equiv=Content-Security-Policy content=\"" + _CSP + "\">"
        "<link rel=manifest href=/manifest.webmanifest>"
        "<link rel=modulepreload href=/rally-0123abcd.js nonce=abc></head><body>"
        "<script type=module nonce=abc>import init from '/rally-0123abcd.js';await init();</script></body></html>"))
    check("minified (unquoted) markup handled", rc1 == 0 and "nonce" not in first and len(boots) == 1
          and first == second)

    rc1, *_ = run(csp=_CSP.replace(" worker-src 'self';", ""))
    check("fails without worker-src 'self' (the service worker)", rc1 == 1)
    rc1, *_ = run(html_text=_TRUNK_SAMPLE.format(csp=_CSP, extra_head="", extra_body="").replace(
        '<link rel="manifest" href="/manifest.webmanifest">', ""))
    check("fails without a manifest link", rc1 == 1)
    rc1, *_ = run(csp=_CSP.replace("default-src 'self'", "default-src 'none'"))
    check("fails when nothing lets 'self' serve the manifest", rc1 == 1)

    # The recruiter's page sends other pages' addresses on before it fetches its module.
    rc1, rc2, first, second, files, boots, _ = run(page="index.html")
    boot_body = next(iter(boots.values()), "")
    check("index.html: passes and is idempotent", rc1 == 0 and rc2 == 0 and first == second)
    check("the loader shows its module's download on the loading screen, counted against the "
          "module's size in dist/ (8 bytes in the sample)",
          boot_body.count("function rallyFetch(url, size)") == 1
          and "bar.value = Math.min(got / size, 1);" in boot_body
          and "rallyFetch('/rally-0123abcd_bg.wasm', 8)" in boot_body)
    check("index.html: its own module is not preloaded",
          "modulepreload" not in first and 'rel="preload"' not in first)
    check("index.html: the loader routes first, then imports its module dynamically",
          boot_body.index("location.replace(rallyElsewhere") < boot_body.index("await import('/rally-0123abcd.js')")
          < boot_body.index("await init(") and "import init, * as bindings" not in boot_body)
    check("index.html: the module's download starts before its glue is imported, and init takes it",
          boot_body.index("location.replace(rallyElsewhere")
          < boot_body.index("const rallyModule = rallyFetch('/rally-0123abcd_bg.wasm', 8)")
          < boot_body.index("await import('/rally-0123abcd.js')")
          and "module_or_path: rallyModule" in boot_body)
    check("index.html: no instrument preload", "instruments/" not in boot_body)
    check("index.html: its module's failure marks the loading screen too",
          "    wasm = await init({ module_or_path: rallyModule });\n  } catch (e) {" in boot_body)
    check("index.html: respondent and mediator addresses are recognised",
          "(respond|answer)" in boot_body and "observe" in boot_body)

    # Site files, several pages and the service worker.
    with tempfile.TemporaryDirectory() as dist:
        for name, data in (("rally-0123abcd.js", b"export default async function init() {}\n"),
                           ("rally-0123abcd_bg.wasm", b"\0asm\1\0\0\0"),
                           ("styles-0a1b.css", b"body{}\n")):
            with open(os.path.join(dist, name), "wb") as fh:
                fh.write(data)
        os.makedirs(os.path.join(dist, ".stage"))
        # The module imports a wasm-bindgen snippet; the recruiter's page alone links one more
        # style sheet; compressed copies and a leftover worker of a page that is gone lie around.
        with open(os.path.join(dist, "rally-0123abcd.js"), "wb") as fh:
            fh.write(b"import { get } from './snippets/rally-00/src/idb.js';\n"
                     b"export default async function init() {}\n")
        os.makedirs(os.path.join(dist, "snippets", "rally-00", "src"))
        for name, data in (("snippets/rally-00/src/idb.js", b"export function get() {}\n"),
                           ("only-index.css", b"p{}\n"), ("styles-0a1b.css.br", b"x"),
                           ("sw-gone.js", b"//\n")):
            with open(os.path.join(dist, name), "wb") as fh:
                fh.write(data)
        sample = _TRUNK_SAMPLE.format(csp=_CSP, extra_head="", extra_body="")
        for page in ("index.html", "observe.html"):
            with open(os.path.join(dist, page), "w", encoding="utf-8") as fh:
                fh.write(sample if page != "index.html" else _TRUNK_SAMPLE.format(
                    csp=_CSP, extra_head='<link rel="stylesheet" href="/only-index.css">', extra_body=""))
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            rc1 = main([dist, "--public-url", "/"])
            sw1 = open(os.path.join(dist, SW_NAME), encoding="utf-8").read()
            rc2 = main([dist, "--public-url", "/"])
            sw2 = open(os.path.join(dist, SW_NAME), encoding="utf-8").read()
        listed = re.findall(r'^  \["([^"]+)", "([0-9a-f]{64})"\],$', sw1, re.M)
        on_disk = app_files(dist)
        check("every page processed", rc1 == 0 and all(
            "nonce" not in open(os.path.join(dist, p), encoding="utf-8").read() for p in ("index.html", "observe.html")))
        check("manifest and icons copied into dist", all(os.path.isfile(os.path.join(dist, f)) for f in (
            "manifest.webmanifest", "icons/icon-192.png", "icons/icon-512.png", "icons/maskable-512.png")))
        check("the manifest names icons that exist, 192 and 512 px", all(
            os.path.isfile(os.path.join(dist, i["src"])) for i in json.load(
                open(os.path.join(dist, "manifest.webmanifest"), encoding="utf-8"))["icons"])
            and {"192x192", "512x512"} <= {i["sizes"] for i in json.load(
                open(os.path.join(dist, "manifest.webmanifest"), encoding="utf-8"))["icons"]})
        check("sw.js lists every file of dist with its SHA-256, pages and icons included",
              listed == on_disk and {"index.html", "observe.html", "manifest.webmanifest",
                                     "icons/icon-512.png"} <= {p for p, _ in listed}
              and all(p.startswith("boot-") for p, _ in listed
                      if p.endswith(".js") and not p.startswith(("rally-", "snippets/"))))
        check("sw.js does not list itself nor hidden folders",
              SW_NAME not in {p for p, _ in listed} and not any(p.startswith(".") for p, _ in listed))
        check("no worker lists a worker or a compressed copy",
              not any(SW_FILE_RE.fullmatch(p) or p.endswith(COMPRESSED) for p, _ in listed))
        page_sw = open(os.path.join(dist, "sw-observe.js"), encoding="utf-8").read()
        page_listed = {p for p, _ in re.findall(r'^  \["([^"]+)", "([0-9a-f]{64})"\],$', page_sw, re.M)}
        check("sw-observe.js: the mediator's page only, with what it links and imports",
              re.search(r'^const PAGE = "observe";$', page_sw, re.M) is not None
              and {"observe.html", "rally-0123abcd.js", "rally-0123abcd_bg.wasm", "styles-0a1b.css",
                   "snippets/rally-00/src/idb.js", "manifest.webmanifest", "icons/icon-512.png"} <= page_listed
              and sum(p.startswith("boot-") for p in page_listed) == 1
              and not {"index.html", "only-index.css"} & page_listed
              and not any(p.startswith("index-") for p in page_listed))
        check("sw.js (the recruiter's) keeps every page; its PAGE is empty",
              {"index.html", "observe.html"} <= {p for p, _ in listed}
              and any(re.fullmatch(r"index-[0-9a-f]{16}\.css", p) for p, _ in listed)
              and re.search(r'^const PAGE = "";$', sw1, re.M) is not None)
        instruments = sorted(os.listdir(os.path.join(dist, INSTRUMENTS_OUT)))
        check("every built-in instrument written as instruments/<id>-<version>.json, kept by sw.js",
              "interpersonal-intelligence-1.0.0.json" in instruments
              and "intelligence-of-paradoxes-observer-1.0.0.json" in instruments
              and "intelligence-of-paradoxes-observer-1.1.0.json" in instruments
              and {f"{INSTRUMENTS_OUT}/{f}" for f in instruments} <= {p for p, _ in listed}
              and not any(p.startswith(INSTRUMENTS_OUT + "/") for p in page_listed))
        check("a worker of a page that is gone is removed",
              not os.path.exists(os.path.join(dist, "sw-gone.js")))
        check("sw.js has a version and no template value left",
              re.search(r'^const VERSION = "[0-9a-f]{16}";$', sw1, re.M) is not None
              and "const FILES = [];" not in sw1 and "'dev'" not in sw1)
        check("sw.js is the same on a second run (idempotent)", rc2 == 0 and sw1 == sw2)
        code = [line for line in sw1.splitlines() if not line.strip().startswith(("//", "*", "/*"))]
        waits = [line for line in code if "skipWaiting" in line]
        check("sw.js activates only when a page asks for it (never on its own)",
              len(waits) == 1 and "rally:activate" in waits[0])
        with open(os.path.join(dist, "styles-0a1b.css"), "ab") as fh:
            fh.write(b"p{}\n")
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            main([dist, "--public-url", "/"])
        sw3 = open(os.path.join(dist, SW_NAME), encoding="utf-8").read()
        version = lambda text: re.search(r'^const VERSION = "([0-9a-f]+)";$', text, re.M).group(1)
        check("a changed file makes a new version", version(sw3) != version(sw1))

    # Short import names: a module with two imports from its glue and one from a snippet.
    def wasm_with(imports):
        body = bytearray(_uleb(len(imports)))
        for module, field in imports:
            for text in (module, field):
                body += _uleb(len(text)) + text.encode()
            body += b"\x00\x00"  # a function of type 0
        types = b"\x01\x04\x01\x60\x00\x00"  # one type: () -> ()
        return b"\0asm\x01\0\0\0" + types + b"\x02" + _uleb(len(body)) + bytes(body)
    names = [("./rally_bg.js", "__wbg_remove_8228e91d7ddbc755"),
             ("./rally_bg.js", "__wbg_new_bb74001155cb8ca8"),
             ("./snippets/x/idb.js", "idbOpen")]
    glue = ('const import0 = { __proto__: null, __wbg_remove_8228e91d7ddbc755: function(a) { a.remove(); },\n'
            '  __wbg_new_bb74001155cb8ca8: function() { return new Object(); } };\n'
            'return { "./rally_bg.js": import0, "./snippets/x/idb.js": import1 };\n')
    short = shorten_imports(wasm_with(names), glue)
    check("the glue's imports get short names, in the module and in the glue alike",
          short is not None
          and short[0] == wasm_with([("$", "$0"), ("$", "$1"), ("./snippets/x/idb.js", "idbOpen")])
          and "$0: function(a) { a.remove(); }" in short[1] and "$1: function()" in short[1]
          and '"$": import0' in short[1] and "__wbg_" not in short[1] and "idbOpen" not in short[1])
    check("a glue that does not name every import is left as it is",
          shorten_imports(wasm_with(names), glue.replace("__wbg_new_bb74001155cb8ca8", "other")) is None
          and shorten_imports(b"not a module", glue) is None)

    with tempfile.TemporaryDirectory() as dist:
        with open(os.path.join(dist, "g.js"), "w", encoding="utf-8") as fh:
            fh.write("export {};\n")
        want = base64.b64encode(hashlib.sha384(b"export {};\n").digest()).decode()
        page = ('<link rel="modulepreload" href="./g.js" integrity="sha384-OLD">'
                '<link rel="modulepreload" href="./h.js" integrity="sha384-KEPT">')
        fixed = refresh_integrity(page, {"g.js"}, dist, "./")
        check("a rewritten glue's integrity is computed again, the others' kept",
              f'href="./g.js" integrity="sha384-{want}"' in fixed and 'integrity="sha384-KEPT"' in fixed)

    # Step 9 (`--minify`): the glue, a snippet and the style sheets minified, the pages'
    # integrity computed from what is served. Needs node_modules (tools/setup.sh).
    with tempfile.TemporaryDirectory() as dist:
        files = {
            "rally-0123abcd.js": b"// The glue.\nexport default async function init(moduleOrPath) {\n"
                                 b"    const importsObject = { wbg: { __wbg_log: function(message) { console.log(message); } } };\n"
                                 b"    return importsObject;\n}\n",
            "rally-0123abcd_bg.wasm": b"\0asm\1\0\0\0",
            "styles-0a1b.css": b"/* Colours. */\nbody {\n    color: #112233;\n}\n",
            "more-2c3d.css": b"p  {  margin : 0 ;  }\n",
            "snippets/rally-x/src/idb.js": b"// A snippet.\nexport function idbOpen(name) {\n    return name;\n}\n",
        }
        for name, data in files.items():
            os.makedirs(os.path.dirname(os.path.join(dist, name)), exist_ok=True)
            with open(os.path.join(dist, name), "wb") as fh:
                fh.write(data)
        head = ('<link rel="stylesheet" href="/more-2c3d.css"/>'
                '<link rel="modulepreload" href="/snippets/rally-x/src/idb.js" crossorigin="anonymous" '
                'integrity="sha384-OLD">')
        with open(os.path.join(dist, "respond.html"), "w", encoding="utf-8") as fh:
            fh.write(_TRUNK_SAMPLE.format(csp=_CSP, extra_head=head, extra_body=""))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = main([dist, "--public-url", "/", "--minify"])
        read = lambda name: open(os.path.join(dist, name), "rb").read()
        page = read("respond.html").decode()
        sri = lambda name: base64.b64encode(hashlib.sha384(read(name)).digest()).decode()
        bundle = re.search(r'href="/(respond-[0-9a-f]{16}\.css)"', page)
        check("--minify: the glue and its snippets lose comments and spaces, names it exports and "
              "imports it gives are kept",
              rc == 0 and len(read("rally-0123abcd.js")) < len(files["rally-0123abcd.js"])
              and b"export" in read("rally-0123abcd.js") and b"__wbg_log" in read("rally-0123abcd.js")
              and b"//" not in read("rally-0123abcd.js")
              and read("snippets/rally-x/src/idb.js").startswith(b"export function idbOpen("))
        check("--minify: the style sheets keep their rules, in order; the pages' integrity is the "
              "minified files'",
              bundle is not None and b"color:#123" in read(bundle.group(1))
              and read(bundle.group(1)).index(b"body{") < read(bundle.group(1)).index(b"p{margin:0}")
              and f'integrity="sha384-{sri("snippets/rally-x/src/idb.js")}"' in page
              and f'integrity="sha384-{sri("rally-0123abcd.js")}"' in page)

    # Step 10: a rewritten module named after its bytes, in the files and in every page.
    with tempfile.TemporaryDirectory() as dist:
        old = "rally-0123456789abcde"  # Trunk writes 15 digits when the hash starts with a 0
        for name, data in ((f"{old}.js", b"export{};"), (f"{old}_bg.wasm", b"\0asm\1\0\0\0"),
                           (f"{old}.js.br", b"stale"), ("other-fedcba9876543210_bg.wasm", b"\0asm"),
                           ("other-fedcba9876543210.js", b"export{};")):
            with open(os.path.join(dist, name), "wb") as fh:
                fh.write(data)
        page = (f'<link rel="modulepreload" href="./{old}.js"><link rel="preload" href="./{old}_bg.wasm">'
                f'<script>import("./{old}.js")</script><a href="./other-fedcba9876543210.js"></a>')
        with open(os.path.join(dist, "respond.html"), "w", encoding="utf-8") as fh:
            fh.write(page)
        renamed = rename_rewritten_modules(dist, {f"{old}.js"}, ["respond.html"], [])
        new = "rally-" + hashlib.sha256(b"export{};\0asm\1\0\0\0").hexdigest()[:16]
        text = open(os.path.join(dist, "respond.html"), encoding="utf-8").read()
        check("a rewritten module is named after its bytes, in its files and its pages; "
              "the others keep their names",
              renamed == {f"{old}.js": f"{new}.js", f"{old}_bg.wasm": f"{new}_bg.wasm"}
              and sorted(os.listdir(dist)) == sorted([f"{new}.js", f"{new}_bg.wasm", "respond.html",
                                                       "other-fedcba9876543210_bg.wasm",
                                                       "other-fedcba9876543210.js"])
              and text == page.replace(old, new)
              and rename_rewritten_modules(dist, {f"{new}.js"}, ["respond.html"], []) == {})

    total = len(checks)
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

// Rally's service worker: keeps one version of a page of the app in the browser's Cache
// Storage after the first visit, so that it starts and works with the network off, and can be
// installed.
//
// This is the source; `tools/postbuild.py` writes one worker per page from it, filling in
// PAGE, VERSION and FILES (with each file's SHA-256) — never edit the written ones:
//   - dist/sw.js (PAGE ''), registered by the recruiter's page (index.html) for the whole
//     site: FILES is every file of dist/, the three pages included, since a recruiter may also
//     code a session or answer a questionnaire;
//   - dist/sw-observe.js and dist/sw-respond.js (PAGE 'observe', 'respond'), registered by
//     the mediator's and the respondent's page with that page alone as scope: FILES is only
//     what that page needs, so that a respondent never downloads the recruiter's module.
// (src/platform/offline.rs says which page registers which.) Each keeps its own caches
// (`rally-<version>`, `rally-observe-<version>`, `rally-respond-<version>`) and, when a new
// version of it activates, deletes only its own older ones. A plain classic script: no
// import, no module, same origin, so the page's CSP (`worker-src 'self'`) allows it.
//
// How it serves (only GET requests to this origin; anything else goes to the network):
//   - every file of the version, pages included, from this version's cache first ("cache
//     first"); a file that is not in it (or a cache that was evicted) from the network;
//   - a page (a navigation) the same way: `/` is `index.html`, and a path without an
//     extension that is not a file is `index.html` too, as tools/serve.py does (only the
//     recruiter's worker holds it: the others' scope is their own page).
// Pages come from the cache rather than the network ("network first") on purpose: a page and
// the hashed files it names must be of the same version, and the data a version wrote must
// never be read by an older one. A page fetched from the network while an older worker is
// active would run a newer version than the one cached — and, once offline, the older one
// again. Freshness comes from the update check instead: the browser fetches sw.js again at
// each navigation (and the app asks again when it comes back to the foreground and every
// hour); a changed file list is a new sw.js, which caches the whole new version while the
// old one keeps running, then waits.
//
// A new version never takes over on its own (no skipWaiting() here): the app shows "A new
// version is ready — reload"; when the user clicks, the page saves what is pending and posts
// {type: 'rally:activate'} to the waiting worker, which then activates, and the page reloads
// once the new worker controls it (src/platform/offline.rs).
'use strict';

const PAGE = '';
const VERSION = 'dev';
const FILES = [];

const PREFIX = PAGE ? `rally-${PAGE}-` : 'rally-';
const CACHE = PREFIX + VERSION;
/** One of this worker's caches (a version of its page), not another page's. */
const ours = (name) => name.startsWith(PREFIX) && !name.slice(PREFIX.length).includes('-');
const urlOf = (path) => new URL(path, self.location).href;

/** Hex SHA-256 of a byte buffer. */
async function sha256(buffer) {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', buffer));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The file at `url` with exactly the expected content, as a fresh Response (no `redirected`
 * flag, which navigations refuse), or null. Tries the browser's HTTP cache first, then the
 * network: a stale page in the HTTP cache must not enter this version.
 */
async function download(url, hash) {
  for (const cache of ['default', 'reload']) {
    let response;
    try {
      response = await fetch(url, { cache, credentials: 'same-origin' });
    } catch {
      return null;
    }
    if (!response.ok) return null;
    const body = await response.arrayBuffer();
    if ((await sha256(body)) === hash) {
      return new Response(body, { status: 200, statusText: 'OK', headers: response.headers });
    }
  }
  return null;
}

/** A copy of the file from an older version's cache (any page's), when its content is unchanged. */
async function reuse(url, hash, others) {
  for (const name of others) {
    const found = await (await caches.open(name)).match(url);
    if (!found) continue;
    const body = await found.arrayBuffer();
    if ((await sha256(body)) === hash) {
      return new Response(body, { status: 200, statusText: 'OK', headers: found.headers });
    }
  }
  return null;
}

/** Puts every file of this version in its cache; fails (and the browser retries later) if one is missing. */
async function precache() {
  const cache = await caches.open(CACHE);
  const others = (await caches.keys()).filter((n) => n.startsWith('rally-') && n !== CACHE);
  await Promise.all(FILES.map(async ([path, hash]) => {
    const url = urlOf(path);
    if (await cache.match(url)) return; // an install that was interrupted and started again
    const response = (await reuse(url, hash, others)) ?? (await download(url, hash));
    if (!response) throw new Error(`sw: ${path} is missing or is not of version ${VERSION}`);
    await cache.put(url, response);
  }));
  // Another version's activation may have deleted this cache meanwhile: then this install fails.
  const kept = await caches.open(CACHE);
  const count = (await kept.keys()).length;
  if (count < FILES.length) throw new Error(`sw: cache ${CACHE} holds ${count} of ${FILES.length} files`);
}

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names.filter((n) => ours(n) && n !== CACHE).map((n) => caches.delete(n)));
    // On the first visit, take the page that registered us, so that it works offline from now on.
    await self.clients.claim();
  })());
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'rally:activate') self.skipWaiting();
});

/** The cached file for a navigation to `url`, following tools/serve.py's rules. */
async function page(cache, url) {
  const path = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
  const exact = await cache.match(new URL(path, url).href);
  if (exact) return exact;
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.') ? undefined : cache.match(urlOf('index.html'));
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = request.mode === 'navigate'
      ? await page(cache, url)
      : await cache.match(request, { ignoreVary: true });
    return cached ?? fetch(request);
  })());
});

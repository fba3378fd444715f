// Bootlab's service worker: after the first visit the app works offline.
// The build (vite.config.ts, plugin "bootlab-offline") prepends `VERSION` and `ASSETS`, the list
// of every file it emitted, so one install caches the whole app, Monaco included.
//
// Pages (navigations) go to the network first, so a new deployment is picked up at once; when
// the network fails, the cached page is served. Everything else is cache-first: the build gives
// files content-hashed names, so a cached copy is never stale. Lookups ignore `Vary`: servers
// often send `Vary: Origin`, and the page's module requests carry an Origin header that the
// install-time requests did not.
/* global VERSION, ASSETS */
const CACHE = `bootlab-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(ASSETS))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('bootlab-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          if (response.ok) caches.open(CACHE).then((cache) => cache.put('./', copy));
          return response;
        })
        .catch(() =>
          caches
            .match('./', { ignoreVary: true, ignoreSearch: true })
            .then((hit) => hit ?? caches.match('./index.html', { ignoreVary: true }))
            .then((hit) => hit ?? Response.error()),
        ),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { ignoreVary: true }).then(
      (hit) =>
        hit ??
        fetch(request).then((response) => {
          if (response.ok && response.type === 'basic') {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        }),
    ),
  );
});

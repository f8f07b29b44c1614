// The field page's service worker (scope /field/): every GET of the page, its files and the unit's
// reference goes to the network first and falls back to what was kept; what the network answers well is
// kept for next time. Writes (the sync) are never touched: they go to the network or fail, and the page
// keeps its entries until the portal has answered. Plain JavaScript, no build step.
const CACHE = 'bhxh-field-v1';

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('fetch', event => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) {
    return;
  }

  event.respondWith(networkFirst(request));
});

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected && response.type === 'basic') {
      await cache.put(request, response.clone());
      return response;
    }

    // A session that ended (401, or a redirect to the sign-in page) still leaves the kept copy usable offline.
    const kept = response.ok ? null : await cache.match(request);
    return kept ? marked(kept) : response;
  } catch (error) {
    const kept = await cache.match(request);
    if (kept) {
      return marked(kept);
    }

    throw error;
  }
}

// A kept answer says so (X-Field-Cache: kept), so the page and its tests can tell it from the network's.
function marked(response) {
  const headers = new Headers(response.headers);
  headers.set('X-Field-Cache', 'kept');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

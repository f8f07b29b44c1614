// After sign-out nothing of the field page stays on the device: its entries (IndexedDB), its kept files
// (Cache Storage), local storage and the service worker. The sign-out's Clear-Site-Data header does the
// same where the browser honours it; this is the second net. Sets data-storage-cleared on <html> when done.
(async () => {
  try {
    localStorage.clear();
    sessionStorage.clear();
  } catch {
    // Storage refused (private mode): nothing was kept there either.
  }

  if ('caches' in self) {
    for (const key of await caches.keys()) {
      await caches.delete(key);
    }
  }

  if (navigator.serviceWorker) {
    for (const registration of await navigator.serviceWorker.getRegistrations()) {
      await registration.unregister();
    }
  }

  if (self.indexedDB) {
    const names = indexedDB.databases ? (await indexedDB.databases()).map(d => d.name) : ['bhxh-field'];
    await Promise.all(names.map(name => new Promise(resolve => {
      const request = indexedDB.deleteDatabase(name);
      request.onsuccess = request.onerror = request.onblocked = () => resolve();
    })));
  }

  document.documentElement.dataset.storageCleared = 'true';
})();

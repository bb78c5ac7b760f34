// The browser's storage as the pages use it (Mijn selectie, the editor's draft): a cache of what the visitor
// typed that may be full (QuotaExceededError), switched off (reading `localStorage` itself throws) or changed by
// hand. Nothing here throws: a page that cannot store says so and goes on without.

/** The browser's localStorage, or null when it is switched off for this page. */
function localStore() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The text stored under `key` as `{ text, available }`: `text` null when nothing is stored there, `available`
 *  false when this browser stores nothing for the page (then `text` is null too). */
export function readStored(key) {
  try {
    const store = localStore();
    return store ? { text: store.getItem(key), available: true } : { text: null, available: false };
  } catch {
    return { text: null, available: false };
  }
}

/** Store `text` under `key`; false when the browser refused (storage full or switched off). */
export function writeStored(key, text) {
  try {
    const store = localStore();
    store?.setItem(key, text);
    return Boolean(store);
  } catch {
    return false;
  }
}

/** Forget what is stored under `key`, if the browser lets us. */
export function removeStored(key) {
  try {
    localStore()?.removeItem(key);
  } catch {
    // switched off: there is nothing to forget
  }
}

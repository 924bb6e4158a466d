// Repbook's service worker: keeps the app's files and the pages a workout needs, so the workout
// page opens and logs sets with the network gone. Written for Repbook; no library.
//
// Pages: the network first (always the latest), the kept copy when it fails, and Repbook's own
// "You are offline" page for a page never kept. Static files: the kept copy first (their cache is
// renamed whenever one changes). The API and every POST: the network only; a set logged while
// offline waits in the outbox (offline.js), which the page sends when the network is back.
"use strict";

const VERSION = "{{ cache_version }}";
const SHELL_CACHE = `repbook-shell-${VERSION}`;
const PAGES_CACHE = "repbook-pages";
const SHELL = {{ shell|safe }};
const OFFLINE_PAGE = "/offline/";
const PAGES_LIST = "/offline/pages.json";
// Marks the worker's own fetches of pages to keep: the server leaves the user's messages unread.
const KEEP_HEADERS = { "X-Repbook-Offline-Copy": "1" };

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(SHELL_CACHE);
    await cache.addAll(SHELL.map((url) => new Request(url, { headers: KEEP_HEADERS, cache: "reload" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith("repbook-shell-") && name !== SHELL_CACHE)
      .map((name) => caches.delete(name)));
    await self.clients.claim();
  })());
});

// Fetch the pages the user's workout needs (the list comes from the server) and keep them.
async function keepPages() {
  let urls;
  try {
    const answer = await fetch(PAGES_LIST, { credentials: "same-origin", cache: "no-store" });
    if (!answer.ok || answer.redirected) return 0;
    urls = (await answer.json()).urls;
  } catch (error) {
    return 0;  // offline: keep what is kept
  }
  const cache = await caches.open(PAGES_CACHE);
  let kept = 0;
  for (const url of urls) {  // one at a time: a phone's server is often a small machine
    try {
      const page = await fetch(url, { credentials: "same-origin", headers: KEEP_HEADERS });
      if (page.ok && !page.redirected) { await cache.put(url, page); kept += 1; }
    } catch (error) {
      break;
    }
  }
  return kept;
}

self.addEventListener("message", (event) => {
  const kind = event.data && event.data.type;
  if (kind === "keep-pages") {
    event.waitUntil(keepPages().then((kept) => event.source && event.source.postMessage({ type: "kept", kept })));
  } else if (kind === "forget-pages") {
    // Logging out: the pages of this account are not left on the phone.
    event.waitUntil(caches.delete(PAGES_CACHE));
  }
});

async function page(request) {
  const cache = await caches.open(PAGES_CACHE);
  try {
    const answer = await fetch(request);
    const url = new URL(answer.url);
    if (answer.redirected && url.pathname === "/login/") {
      await caches.delete(PAGES_CACHE);  // logged out (or the session ended): forget the pages
    } else if (answer.ok && !answer.redirected) {
      await cache.put(request, answer.clone());
    }
    return answer;
  } catch (error) {
    const kept = await cache.match(request, { ignoreSearch: request.url.includes("?source=") })
      || await caches.match(OFFLINE_PAGE);
    return kept || new Response("You are offline.", { status: 503, headers: { "Content-Type": "text/plain" } });
  }
}

// A set form sent while the phone believed it was online but the server could not be reached:
// the set goes into the outbox like one logged offline (offline.js claims it for the user who is
// logged in and sends it), and the browser goes back to the workout page.
const SET_FORM = /^\/workouts\/(\d+)\/entries\/(\d+)\/sets\/$/;

function keepSet(workout, entry, form) {
  const text = (name) => (form.get(name) || "").toString().trim();
  const record = {
    user: null, workout: Number(workout), entry: Number(entry), exercise: text("exercise"),
    client_id: text("client_id"), performed_at: new Date().toISOString(), refused: null,
    fields: {
      unit: text("unit") || "kg", weight: text("weight"), reps: text("reps"), rpe: text("rpe"),
      rir: text("rir"), set_type: text("set_type") || "working", side: text("side") || "both",
      duration_s: text("duration_s"), distance_m: text("distance_m"), notes: text("notes"),
      felt_pain: form.get("felt_pain") !== null,
    },
  };
  if (!record.exercise || !record.client_id) return Promise.resolve(false);
  return new Promise((resolve) => {
    const opening = indexedDB.open("repbook", 1);
    opening.onupgradeneeded = () => {
      opening.result.createObjectStore("outbox", { keyPath: "seq", autoIncrement: true }).createIndex("user", "user");
    };
    opening.onerror = () => resolve(false);
    opening.onsuccess = () => {
      const transaction = opening.result.transaction("outbox", "readwrite");
      transaction.objectStore("outbox").add(record);
      transaction.oncomplete = () => { opening.result.close(); resolve(true); };
      transaction.onerror = () => { opening.result.close(); resolve(false); };
    };
  });
}

async function notSent(request) {
  // A form sent with the network gone: kept when it logs a set, and said plainly on Repbook's
  // page, not the browser's error.
  const copy = request.clone();
  try {
    return await fetch(request);
  } catch (error) {
    const setForm = new URL(request.url).pathname.match(SET_FORM);
    if (setForm && await keepSet(setForm[1], setForm[2], await copy.formData())) {
      return Response.redirect(`/workouts/${setForm[1]}/#entry-${setForm[2]}`, 303);
    }
    const offline = await caches.match(OFFLINE_PAGE);
    return offline || new Response("You are offline: nothing was sent.", { status: 503 });
  }
}

async function staticFile(request) {
  const kept = await caches.match(request);
  if (kept) return kept;
  const answer = await fetch(request);
  if (answer.ok) (await caches.open(SHELL_CACHE)).put(request, answer.clone());
  return answer;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/") || url.pathname.startsWith("/admin/")) {
    return;  // the network, as without a worker
  }
  if (request.mode === "navigate") {
    event.respondWith(request.method === "GET" ? page(request) : notSent(request));
  } else if (request.method === "GET" && (url.pathname.startsWith("/static/") || SHELL.includes(url.pathname))) {
    event.respondWith(staticFile(request));
  }
});

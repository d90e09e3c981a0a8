// CoupleConnect's service worker (ADR 0043): it makes the app installable, shows a calm offline page when a page can't
// be reached, and shows reminders that arrive by Web Push. It keeps nothing of anyone: the only things it caches are the
// offline page and the icons (the "shell"); every page, answer and API response goes to the network, never to a cache.
//
// The page registers /sw.js?v=<shell version> (js/install.js); the version changes whenever a shell file changes, so the
// browser installs the new worker, which takes over at once and deletes the caches of older versions.

const version = new URL(self.location.href).searchParams.get("v") || "unversioned";
const shellCachePrefix = "cc-shell-";
const shellCache = shellCachePrefix + version;
const offlinePage = "/offline.html";
const shell = [offlinePage, "/js/offline.js", "/icons/icon-192.png", "/icons/badge-96.png"];

const genericReminder = { title: "A gentle reminder from CoupleConnect", body: undefined, url: "/", tag: undefined };

self.addEventListener("install", event => {
    event.waitUntil((async () => {
        const cache = await caches.open(shellCache);
        // "reload": straight from the server, not from the HTTP cache, so a new version never keeps an old file.
        await cache.addAll(shell.map(path => new Request(path, { cache: "reload" })));
        // Safe to take over at once: this worker caches no page, so no open page depends on the older one's cache.
        await self.skipWaiting();
    })());
});

self.addEventListener("activate", event => {
    event.waitUntil((async () => {
        const names = await caches.keys();
        await Promise.all(names
            .filter(name => name.startsWith(shellCachePrefix) && name !== shellCache)
            .map(name => caches.delete(name)));
        await self.clients.claim();
    })());
});

self.addEventListener("fetch", event => {
    const request = event.request;
    const url = new URL(request.url);
    if (request.method !== "GET" || url.origin !== self.location.origin) {
        return; // not ours: the browser fetches it as if there were no worker
    }

    if (request.mode === "navigate") {
        // Network only; the offline page only when the network can't be reached at all (an error page is still an answer).
        event.respondWith(fetch(request).catch(() => caches.match(offlinePage, { cacheName: shellCache })));
    } else if (shell.includes(url.pathname)) {
        // The offline page's own script and icons: fresh when online, from the shell cache when not.
        event.respondWith(fetch(request).catch(() => caches.match(url.pathname, { cacheName: shellCache })));
    }
    // Anything else is left to the network, uncached.
});

// A reminder by Web Push. The payload: {"title": string, "body": string|null, "url": "/same-origin/path", "tag": string}.
self.addEventListener("push", event => {
    const reminder = reminderFrom(event.data);
    event.waitUntil(self.registration.showNotification(reminder.title, {
        body: reminder.body,
        tag: reminder.tag,
        icon: "/icons/icon-192.png",
        badge: "/icons/badge-96.png",
        data: { url: reminder.url },
    }));
});

self.addEventListener("notificationclick", event => {
    event.notification.close();
    event.waitUntil(openAt(sameOriginPath(event.notification.data && event.notification.data.url)));
});

/** The reminder in a push message, or the generic one when the message is missing, not JSON or has no title. */
function reminderFrom(data) {
    let payload;
    try {
        payload = data ? data.json() : null;
    } catch {
        payload = null;
    }

    if (!payload || typeof payload.title !== "string" || payload.title.trim() === "") {
        return genericReminder;
    }

    return {
        title: payload.title,
        body: typeof payload.body === "string" ? payload.body : undefined,
        url: sameOriginPath(payload.url),
        tag: typeof payload.tag === "string" && payload.tag !== "" ? payload.tag : undefined,
    };
}

/** A path on this origin ("/today", "/rituals?x=1"); anything else (another site, "//host", "javascript:") becomes "/". */
function sameOriginPath(candidate) {
    if (typeof candidate !== "string" || !candidate.startsWith("/") || candidate.startsWith("//") || candidate.startsWith("/\\")) {
        return "/";
    }

    try {
        const url = new URL(candidate, self.location.origin);
        return url.origin === self.location.origin ? url.pathname + url.search + url.hash : "/";
    } catch {
        return "/";
    }
}

/** Brings an open CoupleConnect window forward at the path, or opens one there. */
async function openAt(path) {
    const target = new URL(path, self.location.origin).href;
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    const open = windows.find(client => new URL(client.url).origin === self.location.origin);
    if (open) {
        await open.focus().catch(() => undefined);
        // navigate() works on a window this worker controls; an uncontrolled one gets a new window instead.
        if (await open.navigate(target).catch(() => null)) {
            return;
        }
    }

    await self.clients.openWindow(target);
}

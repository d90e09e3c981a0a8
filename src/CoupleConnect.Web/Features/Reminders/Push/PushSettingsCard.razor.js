// Notifications on this device (docs/adr/0044). The browser's permission prompt is asked for from the tap itself:
// Safari allows it only inside the user's gesture, and a round trip through the circuit would lose that. So the button
// is wired here, and the circuit hears only the outcome. Never asked on page load.

let onClick = null;

function base64UrlToBytes(text) {
    const base64 = (text + "=".repeat((4 - (text.length % 4)) % 4)).replace(/-/g, "+").replace(/_/g, "/");
    return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}

function sameKey(buffer, bytes) {
    if (!buffer) return false;
    const key = new Uint8Array(buffer);
    return key.length === bytes.length && key.every((value, index) => value === bytes[index]);
}

async function registration() {
    // The app's service worker (registered on every page); waiting on it for at most a few seconds.
    const existing = await navigator.serviceWorker.getRegistration("/");
    const ready = existing ?? await navigator.serviceWorker.register("/sw.js", { scope: "/" });
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error("The app's service worker did not start.")), 10000));
    await Promise.race([navigator.serviceWorker.ready, timeout]);
    return ready;
}

/** What this browser can do, and whether it is subscribed already (its endpoint, compared by the server with the person's devices). */
export async function state() {
    const standalone = window.matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
    const ios = /iPhone|iPad|iPod/.test(navigator.userAgent);
    const supported = "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;
    let endpoint = null;
    if (supported) {
        const existing = await navigator.serviceWorker.getRegistration("/");
        const subscription = existing ? await existing.pushManager.getSubscription() : null;
        endpoint = subscription?.endpoint ?? null;
    }
    return {
        supported,
        // On iPhone and iPad, notifications work only from the app added to the Home Screen (iOS 16.4+).
        needsHomeScreen: ios && !standalone,
        permission: supported ? Notification.permission : "unsupported",
        endpoint,
    };
}

export function wire(dotnet, publicKey) {
    unwire();
    onClick = async event => {
        const button = event.target.closest("[data-cc-push-on]");
        if (!button) return;
        event.preventDefault();
        try {
            const permission = await Notification.requestPermission();
            if (permission !== "granted") {
                await dotnet.invokeMethodAsync("PushRefused", permission);
                return;
            }
            const key = base64UrlToBytes(publicKey);
            const reg = await registration();
            let subscription = await reg.pushManager.getSubscription();
            if (subscription && !sameKey(subscription.options?.applicationServerKey, key)) {
                // Subscribed for another server key (the server's key changed): start again with this one.
                await subscription.unsubscribe();
                subscription = null;
            }
            subscription ??= await reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
            const json = subscription.toJSON();
            await dotnet.invokeMethodAsync("PushSubscribed", json.endpoint, json.keys?.p256dh ?? null, json.keys?.auth ?? null, navigator.userAgent);
        } catch (error) {
            await dotnet.invokeMethodAsync("PushFailed", String(error?.message ?? error));
        }
    };
    document.addEventListener("click", onClick);
}

export function unwire() {
    if (onClick) document.removeEventListener("click", onClick);
    onClick = null;
}

/** Ends this browser's subscription; returns its endpoint so the server forgets it too. */
export async function unsubscribe() {
    const existing = await navigator.serviceWorker.getRegistration("/");
    const subscription = existing ? await existing.pushManager.getSubscription() : null;
    if (!subscription) return null;
    const endpoint = subscription.endpoint;
    await subscription.unsubscribe();
    return endpoint;
}

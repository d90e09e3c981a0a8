// The app's own reconnect banner (see ReconnectBanner.razor). Blazor tells the element how the connection is doing:
//   show / retrying   the connection dropped and Blazor is retrying on its own: the banner says so, nothing to do
//   failed            Blazor gave up its own retries: we keep retrying quietly (every few seconds, and at once when
//                     the phone comes back online or the tab is looked at again)
//   rejected          the server is back but no longer has this page's circuit (e.g. it restarted): reload the same
//                     address, so the person lands where they were
//   paused            the server paused the circuit: resume when asked; a circuit that can't resume reloads
//   hide              connected again
const banner = document.getElementById("components-reconnect-modal");
const quietRetryMilliseconds = 5000;
let quietRetry = null;

banner.addEventListener("components-reconnect-state-changed", event => {
    switch (event.detail.state) {
        case "failed":
            keepTryingQuietly();
            break;
        case "rejected":
            location.reload();
            break;
        case "hide":
            stopTrying();
            break;
    }
});

// Whether the phone has a connection at all: the banner words it differently (see the .cc-offline rules).
const showOffline = () => banner.classList.toggle("cc-offline", !navigator.onLine);
window.addEventListener("offline", showOffline);
window.addEventListener("online", showOffline);
showOffline();

document.getElementById("cc-reconnect-now").addEventListener("click", reconnect);
document.getElementById("cc-reconnect-resume").addEventListener("click", resume);

function keepTryingQuietly() {
    if (quietRetry === null) {
        quietRetry = setInterval(reconnect, quietRetryMilliseconds);
        document.addEventListener("visibilitychange", reconnectWhenVisible);
        window.addEventListener("online", reconnect);
    }
}

function stopTrying() {
    if (quietRetry !== null) {
        clearInterval(quietRetry);
        quietRetry = null;
        document.removeEventListener("visibilitychange", reconnectWhenVisible);
        window.removeEventListener("online", reconnect);
    }
}

async function reconnect() {
    try {
        // true: connected again; false: the server answered but no longer knows this circuit; throws: not reachable yet.
        if (await Blazor.reconnect()) {
            stopTrying();
            return;
        }

        // The circuit's state may have been saved on the way down (.NET 10): try to pick it up, else start afresh here.
        if (await Blazor.resumeCircuit()) {
            stopTrying();
        } else {
            location.reload();
        }
    } catch {
        // The server isn't reachable yet: the next quiet retry tries again.
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        location.reload();
    }
}

function reconnectWhenVisible() {
    if (document.visibilityState === "visible") {
        reconnect();
    }
}

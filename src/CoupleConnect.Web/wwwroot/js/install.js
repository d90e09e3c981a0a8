// On every page (Features/Install/InstallHead.razor): registers the service worker and keeps what the "Add to your
// home screen" card (Features/Install/InstallHint.razor) asks about. ADR 0043.
(() => {
    const dismissedKey = "cc-install-hint-dismissed";
    const version = document.querySelector('meta[name="cc-shell-version"]')?.content;
    let savedPrompt = null;
    let promptReady = null;

    if ("serviceWorker" in navigator && version) {
        // The version in the address: a new shell is a new script, which the browser installs in place of the old one.
        navigator.serviceWorker
            .register(`/sw.js?v=${encodeURIComponent(version)}`, { scope: "/", updateViaCache: "none" })
            .catch(() => { /* the app works without it: just not offline, installable or with push */ });
    }

    // Chromium offers to install through this event; keep it for the card's Install button instead of its own mini bar.
    window.addEventListener("beforeinstallprompt", event => {
        event.preventDefault();
        savedPrompt = event;
        promptReady?.invokeMethodAsync("PromptReady");
    });

    window.addEventListener("appinstalled", () => {
        savedPrompt = null;
        localStorage.setItem(dismissedKey, "installed");
    });

    const installed = () => matchMedia("(display-mode: standalone)").matches || navigator.standalone === true;
    const phoneSized = () => matchMedia("(max-width: 600px)").matches
        || matchMedia("(max-height: 600px) and (pointer: coarse)").matches;
    const onIos = () => /iPhone|iPad|iPod/.test(navigator.userAgent)
        || (navigator.platform === "MacIntel" && navigator.maxTouchPoints > 1);

    window.ccInstall = {
        /** Which card to show: "none", "ios" (Share, then Add to Home Screen), "prompt" (an Install button) or "generic". */
        hint() {
            if (installed() || !phoneSized() || localStorage.getItem(dismissedKey) !== null) {
                return "none";
            }

            return onIos() ? "ios" : savedPrompt ? "prompt" : "generic";
        },

        /** Tells the card (a .NET object reference) when Chromium offers to install after the card has rendered. */
        watch(card) {
            promptReady = card;
        },

        unwatch() {
            promptReady = null;
        },

        /** Chromium's own install dialog; true when the person installed. */
        async prompt() {
            if (!savedPrompt) {
                return false;
            }

            const offered = savedPrompt;
            savedPrompt = null; // a prompt can be shown once
            await offered.prompt();
            const { outcome } = await offered.userChoice;
            return outcome === "accepted";
        },

        dismiss() {
            localStorage.setItem(dismissedKey, "dismissed");
        },
    };
})();

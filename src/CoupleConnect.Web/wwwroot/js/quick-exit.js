// Quick exit (docs/adr/0037): the "Quick exit" link on every page, or Shift pressed three times, replaces the page with
// a neutral site and takes the app's pages out of this tab's back history as far as the browser allows.
//
// A page cannot delete history entries. What it can do: step back to the first app page of this visit and replace
// *that* entry with the neutral site, so everything before it is what came before the app. The app pages after it are
// left as "forward" entries; a note in sessionStorage (per tab) sends any of them straight on to the neutral site if
// someone goes forward into one. Loaded in <head>, so that check runs before anything is painted.
(function () {
    'use strict';

    var pendingKey = 'cc-quick-exit';
    var fallbackUrl = 'https://www.bbc.com/weather';
    var shiftPresses = [];

    function neutralUrl() {
        var meta = document.querySelector('meta[name="cc-quick-exit"]');
        return meta && meta.content ? meta.content : fallbackUrl;
    }

    function pending() {
        try { return sessionStorage.getItem(pendingKey); } catch (e) { return null; }
    }

    function hide() {
        document.documentElement.style.visibility = 'hidden';
    }

    function goTo(url) {
        hide();
        window.location.replace(url);
    }

    // How many app pages of this visit lie behind this one. The Navigation API (Chromium, and newer Safari and Firefox)
    // lists exactly this tab's contiguous same-site entries; without it, only the current page can be replaced.
    function appPagesBehind() {
        var navigation = window.navigation;
        return navigation && navigation.currentEntry && typeof navigation.currentEntry.index === 'number'
            ? navigation.currentEntry.index
            : 0;
    }

    function leave() {
        var url = neutralUrl();
        try { sessionStorage.setItem(pendingKey, url); } catch (e) { /* private mode: the replace below still happens */ }
        hide();
        var behind = appPagesBehind();
        if (behind <= 0) {
            goTo(url);
            return;
        }

        // Arriving on the first page replaces it (popstate below, or the check on load for another document). Should
        // the step back not happen at all, replace this page anyway.
        window.history.go(-behind);
        window.setTimeout(function () { goTo(url); }, 600);
    }

    // A page reached by going back or forward while an exit is pending goes straight on; a fresh visit (the person came
    // back on purpose, by typing the address or a bookmark) clears the note.
    function onArrival(traversed) {
        var url = pending();
        if (!url) {
            return;
        }
        if (traversed) {
            goTo(url);
        } else {
            try { sessionStorage.removeItem(pendingKey); } catch (e) { /* nothing to clear */ }
        }
    }

    var navigationEntry = window.performance && performance.getEntriesByType ? performance.getEntriesByType('navigation')[0] : null;
    onArrival(!!navigationEntry && navigationEntry.type === 'back_forward');

    window.addEventListener('pageshow', function (event) {
        if (event.persisted) {
            onArrival(true);
        }
    });

    // Captured before Blazor's own listener: a step back within the same document (Blazor navigation) lands here.
    window.addEventListener('popstate', function () {
        var url = pending();
        if (url) {
            goTo(url);
        }
    }, true);

    document.addEventListener('click', function (event) {
        var link = event.target instanceof Element ? event.target.closest('[data-quick-exit]') : null;
        if (link && event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey && !event.altKey) {
            event.preventDefault();
            leave();
        }
    }, true);

    // Shift three times within two seconds, with no other key between (GOV.UK's "Exit this page" uses the same
    // gesture): it cannot clash with a dialog's Escape or with typing, where Shift always comes with another key.
    document.addEventListener('keydown', function (event) {
        if (event.key !== 'Shift') {
            shiftPresses = [];
            return;
        }
        if (event.repeat) {
            return;
        }
        var now = Date.now();
        shiftPresses = shiftPresses.filter(function (at) { return now - at < 2000; });
        shiftPresses.push(now);
        if (shiftPresses.length >= 3) {
            shiftPresses = [];
            leave();
        }
    }, true);
})();

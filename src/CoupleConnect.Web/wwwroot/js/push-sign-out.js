// Signing out on a device also ends its notifications (docs/adr/0044): otherwise the next person to use this browser
// (a shared tablet, a phone that changed hands) would keep seeing the previous person's reminders. The form carries
// this browser's push endpoint so the server forgets exactly this device.
(function () {
    var handled = new WeakSet();

    function endpointThenUnsubscribe() {
        if (!("serviceWorker" in navigator)) return Promise.resolve(null);
        var work = navigator.serviceWorker.getRegistration("/").then(function (registration) {
            return registration ? registration.pushManager.getSubscription() : null;
        }).then(function (subscription) {
            if (!subscription) return null;
            var endpoint = subscription.endpoint;
            return subscription.unsubscribe().then(function () { return endpoint; }, function () { return endpoint; });
        });
        // Signing out must never hang on the browser's push service.
        var timeout = new Promise(function (resolve) { setTimeout(function () { resolve(null); }, 2000); });
        return Promise.race([work, timeout]).catch(function () { return null; });
    }

    document.addEventListener("submit", function (event) {
        var form = event.target;
        if (!(form instanceof HTMLFormElement) || handled.has(form) || !/\/?Account\/Logout$/i.test(form.getAttribute("action") || "")) return;
        event.preventDefault();
        handled.add(form);
        endpointThenUnsubscribe().then(function (endpoint) {
            if (endpoint) {
                var field = document.createElement("input");
                field.type = "hidden";
                field.name = "PushEndpoint";
                field.value = endpoint;
                form.appendChild(field);
            }
            form.submit();
        });
    }, true);
})();

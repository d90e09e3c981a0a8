// Static account pages: fill the time zone picker from the browser when nothing was chosen yet.
// Runs on first load and after Blazor's enhanced navigation swaps the page in.
(function () {
    function detectTimeZone() {
        var zone;
        try {
            zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
        } catch (e) {
            return;
        }
        if (!zone) {
            return;
        }
        document.querySelectorAll('select[data-detect-timezone]').forEach(function (select) {
            if (select.value) {
                return; // the person (or the server, redisplaying the form) already chose one
            }
            var match = Array.prototype.find.call(select.options, function (option) { return option.value === zone; });
            if (match) {
                select.value = zone;
            }
        });
    }

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', detectTimeZone);
    } else {
        detectTimeZone();
    }
    if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
        window.Blazor.addEventListener('enhancedload', detectTimeZone);
    } else {
        document.addEventListener('DOMContentLoaded', function () {
            if (window.Blazor && typeof window.Blazor.addEventListener === 'function') {
                window.Blazor.addEventListener('enhancedload', detectTimeZone);
            }
        });
    }
})();

// Static account pages: fill the time zone picker from the browser when nothing was chosen yet.
// Runs on first load and after Blazor's enhanced navigation swaps the page in.
(function () {
    // Browsers still report some zones by their old names (Chrome: "Asia/Calcutta"); the picker lists the current
    // ones. Each pair is tried both ways, so it works whichever name this server's time zone data uses.
    var aliases = {
        'Asia/Calcutta': 'Asia/Kolkata',
        'Asia/Saigon': 'Asia/Ho_Chi_Minh',
        'Asia/Katmandu': 'Asia/Kathmandu',
        'Asia/Rangoon': 'Asia/Yangon',
        'Europe/Kiev': 'Europe/Kyiv',
        'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
        'America/Indianapolis': 'America/Indiana/Indianapolis',
        'America/Louisville': 'America/Kentucky/Louisville',
        'Atlantic/Faeroe': 'Atlantic/Faroe',
        'Pacific/Ponape': 'Pacific/Pohnpei',
        'Pacific/Truk': 'Pacific/Chuuk',
        'Asia/Ulan_Bator': 'Asia/Ulaanbaatar',
        'Africa/Asmera': 'Africa/Asmara',
        'America/Godthab': 'America/Nuuk'
    };

    function candidatesFor(zone) {
        var names = [zone];
        Object.keys(aliases).forEach(function (old) {
            if (old === zone) { names.push(aliases[old]); }
            if (aliases[old] === zone) { names.push(old); }
        });
        return names;
    }

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
            var names = candidatesFor(zone);
            var match = Array.prototype.find.call(select.options, function (option) { return names.indexOf(option.value) >= 0; });
            if (match) {
                select.value = match.value;
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

// The static pages' app bar menus are <details> elements, open until tapped again: like the app's own menus, a tap
// elsewhere or Escape closes them.
(function () {
    function closeMenus(except) {
        document.querySelectorAll('details.acc-menu[open]').forEach(function (menu) {
            if (menu !== except) {
                menu.removeAttribute('open');
            }
        });
    }

    document.addEventListener('click', function (event) {
        closeMenus(event.target.closest ? event.target.closest('details.acc-menu') : null);
    });
    document.addEventListener('keydown', function (event) {
        if (event.key === 'Escape') {
            closeMenus(null);
        }
    });
})();

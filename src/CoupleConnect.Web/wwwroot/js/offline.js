// The offline page (offline.html) stands in for the page someone asked for, at its address: trying again is a reload,
// by the button or by itself once the phone says it is back online.
document.getElementById("offline-retry").addEventListener("click", () => location.reload());
window.addEventListener("online", () => location.reload());

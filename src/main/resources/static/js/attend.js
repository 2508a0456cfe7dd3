// The attendance page: where the activity checks position, ask the phone for it before sending. The server decides
// (distance against the activity's radius plus the reported accuracy); a refused or failed lookup still submits, so
// the volunteer sees the server's reason instead of nothing.
(function () {
    var form = document.getElementById('attend-form');
    if (!form || form.dataset.geofenced !== 'true' || !navigator.geolocation) {
        return;
    }
    form.addEventListener('submit', function (event) {
        if (form.dataset.located) {
            return;
        }
        event.preventDefault();
        var send = function () {
            form.dataset.located = 'true';
            form.submit();
        };
        navigator.geolocation.getCurrentPosition(function (where) {
            form.elements.lat.value = where.coords.latitude;
            form.elements.lon.value = where.coords.longitude;
            form.elements.accuracy.value = Math.round(where.coords.accuracy);
            send();
        }, send, {enableHighAccuracy: true, timeout: 10000, maximumAge: 30000});
    });
})();

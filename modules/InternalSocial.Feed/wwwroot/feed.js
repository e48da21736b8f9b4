// Enhancements only: the pages work without this script. Uses window.signalR when the theme provides it.
(function () {
    "use strict";

    // Character counters: <textarea data-counter="id-of-the-hint" maxlength="n">.
    document.querySelectorAll("textarea[data-counter]").forEach(function (area) {
        var output = document.getElementById(area.getAttribute("data-counter"));
        var max = parseInt(area.getAttribute("maxlength"), 10);
        if (!output || !max) {
            return;
        }
        var template = output.getAttribute("data-template") || output.textContent;
        output.setAttribute("data-template", template);
        var update = function () {
            output.textContent = area.value.length + " / " + max;
        };
        area.addEventListener("input", update);
        update();
    });

    // "n new posts": the hub says only that something changed; the count comes from the API, which applies visibility.
    var live = document.querySelector("[data-feed-since]");
    if (!live || !window.signalR || !window.fetch) {
        return;
    }
    var link = live.querySelector(".feed-new");
    var since = live.getAttribute("data-feed-since");
    var countUrl = live.getAttribute("data-feed-count-url");
    var refresh = function () {
        fetch(countUrl + "?since=" + encodeURIComponent(since), { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (body) {
                if (body && body.count > 0) {
                    link.textContent = live.getAttribute("data-feed-new-template").replace("{0}", body.count);
                    link.hidden = false;
                }
            })
            .catch(function () { /* offline: try again on the next tick */ });
    };
    var connection = new window.signalR.HubConnectionBuilder()
        .withUrl(live.getAttribute("data-feed-hub"))
        .withAutomaticReconnect()
        .build();
    connection.on("feedChanged", refresh);
    connection.start().catch(function () { /* the page still works without live updates */ });
})();

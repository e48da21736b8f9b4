// Enhancements only: the polls' pages work without this script (the form's "add" and "remove" buttons post and
// redraw it; the results are counted by the server). Uses window.signalR for live counts when the page loaded it.
(function () {
    "use strict";

    var format = function (template, value) {
        return (template || "").replace("{0}", value);
    };
    var plural = function (element, count, one, other) {
        var form = window.Intl ? new Intl.PluralRules(document.documentElement.lang).select(count) : (count === 1 ? "one" : "other");
        return format(element.getAttribute(form === "one" ? one : other), count.toLocaleString(document.documentElement.lang));
    };

    // The new poll form: option rows are added and removed here, numbered again after each change.
    var rows = document.querySelector(".poll-option-rows");
    if (rows) {
        var list = rows.querySelector(".poll-option-list");
        var add = rows.querySelector(".poll-add");
        var max = parseInt(rows.getAttribute("data-max-rows"), 10);
        var renumber = function () {
            list.querySelectorAll(".poll-option-row").forEach(function (row, i) {
                var id = "Options_" + i + "_";
                row.querySelector("label").setAttribute("for", id);
                row.querySelector("label").textContent = format(rows.getAttribute("data-label-template"), i + 1);
                row.querySelector("input").id = id;
                row.querySelector("input").name = "Options[" + i + "]";
                var remove = row.querySelector(".poll-remove");
                if (remove) {
                    remove.value = i;
                    remove.setAttribute("aria-label", format(rows.getAttribute("data-remove-template"), i + 1));
                }
            });
            if (add) {
                add.hidden = list.children.length >= max;
            }
        };
        rows.addEventListener("click", function (event) {
            var remove = event.target.closest(".poll-remove");
            if (remove) {
                event.preventDefault();
                var row = remove.closest(".poll-option-row");
                var next = row.nextElementSibling || row.previousElementSibling;
                row.remove();
                renumber();
                (next ? next.querySelector("input") : add).focus();
            } else if (event.target.closest(".poll-add")) {
                event.preventDefault();
                var last = list.lastElementChild;
                var copy = last.cloneNode(true);
                copy.querySelector("input").value = "";
                if (!copy.querySelector(".poll-remove")) {
                    var button = document.createElement("button");
                    button.type = "submit";
                    button.name = "remove";
                    button.className = "button link poll-remove";
                    button.formNoValidate = true;
                    button.textContent = rows.getAttribute("data-remove-text");
                    copy.appendChild(button);
                }
                list.appendChild(copy);
                renumber();
                copy.querySelector("input").focus();
            }
        });
        var multiple = document.getElementById("Multiple");
        var limit = document.querySelector(".poll-max");
        if (multiple && limit) {
            var toggle = function () { limit.hidden = !multiple.checked; };
            multiple.addEventListener("change", toggle);
            toggle();
        }
    }

    // Several choices with a maximum: once it is reached, the other boxes wait until one is unticked.
    document.querySelectorAll(".poll-vote[data-poll-max]").forEach(function (form) {
        var most = parseInt(form.getAttribute("data-poll-max"), 10);
        var boxes = form.querySelectorAll("input[type=checkbox][name=choices]");
        if (!boxes.length || !(most < boxes.length)) {
            return;
        }
        var update = function () {
            var chosen = form.querySelectorAll("input[type=checkbox][name=choices]:checked").length;
            boxes.forEach(function (box) { box.disabled = !box.checked && chosen >= most; });
        };
        form.addEventListener("change", update);
        update();
    });

    // Live counts: the hub sends a poll's counts to the pages of people who may see them (never who voted).
    var poll = document.querySelector("[data-poll-hub]");
    var bars = poll && document.getElementById("poll-results-" + poll.getAttribute("data-poll-id"));
    if (!bars || !window.signalR) {
        return;
    }
    var participants = document.querySelector("[data-poll-participants]");
    var show = function (results) {
        participants.textContent = plural(participants, results.participants, "data-label-one", "data-label-other");
        results.options.forEach(function (option) {
            var item = bars.querySelector("[data-option-id='" + option.id + "']");
            if (!item) {
                return;
            }
            item.querySelector("[data-poll-votes]").textContent = plural(bars, option.votes, "data-vote-one", "data-vote-other");
            item.querySelector("[data-poll-percent]").textContent = format(bars.getAttribute("data-percent"), option.percent.toLocaleString(document.documentElement.lang, { maximumFractionDigits: 1 }));
            item.querySelector("progress").value = option.percent;
            item.setAttribute("data-chart-value", option.votes);
        });
    };
    var id = parseInt(poll.getAttribute("data-poll-id"), 10);
    var connection = new window.signalR.HubConnectionBuilder().withUrl(poll.getAttribute("data-poll-hub")).withAutomaticReconnect().build();
    connection.on("results", function (results) {
        if (results.pollId === id) {
            show(results);
        }
    });
    // Votes cast between the page's rendering and the connection sent their counts to nobody: joining answers them.
    var join = function () {
        return connection.invoke("Join", id).then(function (results) {
            if (results) {
                show(results);
                poll.setAttribute("data-poll-connected", "true");
            }
        });
    };
    connection.onreconnected(join);
    connection.start().then(join).catch(function () { /* the page still works without live counts */ });
})();

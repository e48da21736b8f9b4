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

    var format = function (template, value) {
        return (template || "").replace("{0}", value);
    };
    var tokenOf = function (element) {
        var form = element.closest("form");
        var token = (form && form.querySelector("input[name='__RequestVerificationToken']")) || document.querySelector("input[name='__RequestVerificationToken']");
        return token ? token.value : "";
    };

    // Attachments: each chosen file goes up at once (POST /api/v1/attachments); the form then carries only the ids.
    // Without this script, the files go with the form itself.
    document.querySelectorAll(".feed-files[data-upload-url]").forEach(function (box) {
        var input = box.querySelector("input[type='file']");
        var list = box.querySelector(".feed-uploads");
        var error = box.querySelector(".field-error");
        var max = parseInt(box.getAttribute("data-max"), 10) || 10;
        if (!input || !list || !error || !window.fetch || !window.FormData) {
            return;
        }
        var problemOf = function (body) {
            var errors = body && body.errors && body.errors.attachments;
            return errors ? [].concat(errors).join(" ") : (body && (body.detail || body.title)) || "";
        };
        var removeButton = function (fileName) {
            var button = document.createElement("button");
            button.type = "button";
            button.className = "button link";
            button.setAttribute("data-remove-upload", "");
            button.textContent = box.getAttribute("data-text-remove");
            var hidden = document.createElement("span");
            hidden.className = "visually-hidden";
            hidden.textContent = " " + fileName;
            button.appendChild(hidden);
            return button;
        };
        // The form waits for the uploads in progress: posting meanwhile would leave them out.
        var submits = box.closest("form") ? box.closest("form").querySelectorAll("button[type='submit']") : [];
        var pending = 0;
        var busy = function (delta) {
            pending += delta;
            Array.prototype.forEach.call(submits, function (button) {
                button.disabled = pending > 0;
            });
        };
        var upload = function (file) {
            if (list.querySelectorAll("input[name='Composer.Attachments']").length + list.querySelectorAll(".uploading").length >= max) {
                error.textContent = box.getAttribute("data-text-too-many");
                return;
            }
            var item = document.createElement("li");
            item.className = "feed-upload uploading";
            var name = document.createElement("span");
            name.className = "feed-upload-name";
            name.textContent = format(box.getAttribute("data-text-uploading"), file.name);
            item.appendChild(name);
            list.appendChild(item);
            var body = new FormData();
            body.append("file", file);
            busy(1);
            fetch(box.getAttribute("data-upload-url"), {
                method: "POST",
                body: body,
                credentials: "same-origin",
                headers: { "Accept": "application/json", "RequestVerificationToken": tokenOf(box) }
            })
                .then(function (response) {
                    return response.json().catch(function () { return null; }).then(function (json) { return { ok: response.ok, body: json }; });
                })
                .then(function (result) {
                    if (!result.ok || !result.body || !result.body.id) {
                        item.remove();
                        error.textContent = file.name + ": " + (problemOf(result.body) || format(box.getAttribute("data-text-failed"), file.name));
                        return;
                    }
                    var stored = result.body;
                    item.className = "feed-upload";
                    item.textContent = "";
                    var id = document.createElement("input");
                    id.type = "hidden";
                    id.name = "Composer.Attachments";
                    id.value = stored.id;
                    item.appendChild(id);
                    if (stored.isImage) {
                        var image = document.createElement("img");
                        image.src = box.getAttribute("data-file-url") + stored.id;
                        image.alt = stored.fileName;
                        image.width = 64;
                        image.height = 64;
                        item.appendChild(image);
                    }
                    var label = document.createElement("span");
                    label.className = "feed-upload-name";
                    label.textContent = stored.fileName;
                    item.appendChild(label);
                    item.appendChild(removeButton(stored.fileName));
                })
                .catch(function () {
                    item.remove();
                    error.textContent = format(box.getAttribute("data-text-failed"), file.name);
                })
                .then(function () {
                    busy(-1);
                });
        };
        input.addEventListener("change", function () {
            error.textContent = "";
            var files = Array.prototype.slice.call(input.files || []);
            // The files go up now, not a second time with the form.
            input.value = "";
            files.forEach(upload);
        });
        list.addEventListener("click", function (event) {
            var button = event.target.closest("[data-remove-upload]");
            if (!button) {
                return;
            }
            var item = button.closest("li");
            var neighbour = item.nextElementSibling || item.previousElementSibling;
            item.remove();
            var next = neighbour && neighbour.querySelector("[data-remove-upload]");
            (next || input).focus();
        });
    });

    // Mentions: typing @ and two characters in a text area offers people (ARIA combobox with a listbox); Enter or Tab
    // inserts @userName, the syntax the feed links when the text is saved.
    var mentionTexts = document.getElementById("feed-mention-texts");
    var mentionStatus = document.getElementById("feed-mention-status");
    var mentionCount = 0;
    document.querySelectorAll("textarea[data-mentions]").forEach(function (area) {
        if (!mentionTexts || !window.fetch) {
            return;
        }
        var url = area.getAttribute("data-mentions");
        var listId = (area.id || "feed-mention-" + (++mentionCount)) + "-people";
        var list = document.createElement("ul");
        list.id = listId;
        list.className = "feed-mention-list";
        list.setAttribute("role", "listbox");
        list.setAttribute("aria-label", mentionTexts.getAttribute("data-label"));
        list.hidden = true;
        area.insertAdjacentElement("afterend", list);
        area.setAttribute("role", "combobox");
        area.setAttribute("aria-autocomplete", "list");
        area.setAttribute("aria-expanded", "false");
        area.setAttribute("aria-controls", listId);
        var people = [];
        var active = -1;
        var start = -1;
        var timer = 0;
        var sequence = 0;
        var announce = function (text) {
            if (mentionStatus) {
                mentionStatus.textContent = text;
            }
        };
        var close = function () {
            list.hidden = true;
            list.textContent = "";
            people = [];
            active = -1;
            area.setAttribute("aria-expanded", "false");
            area.removeAttribute("aria-activedescendant");
        };
        var select = function (index) {
            active = index;
            Array.prototype.forEach.call(list.children, function (option, i) {
                option.setAttribute("aria-selected", i === index ? "true" : "false");
            });
            area.setAttribute("aria-activedescendant", list.children[index].id);
            list.children[index].scrollIntoView({ block: "nearest" });
        };
        var choose = function (index) {
            var person = people[index];
            var caret = area.selectionStart;
            var text = "@" + person.userName + " ";
            area.value = area.value.slice(0, start) + text + area.value.slice(caret);
            var position = start + text.length;
            close();
            area.focus();
            area.setSelectionRange(position, position);
            area.dispatchEvent(new Event("input", { bubbles: true }));
        };
        var render = function (found) {
            list.textContent = "";
            people = found;
            if (found.length === 0) {
                close();
                announce(mentionTexts.getAttribute("data-none"));
                return;
            }
            found.forEach(function (person, i) {
                var option = document.createElement("li");
                option.id = listId + "-" + i;
                option.className = "feed-mention-option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                var name = document.createElement("span");
                name.className = "feed-mention-name";
                name.textContent = person.displayName || person.userName;
                var handle = document.createElement("span");
                handle.className = "hint";
                handle.textContent = " @" + person.userName;
                option.appendChild(name);
                option.appendChild(handle);
                // mousedown, not click: the text area must keep the focus and the caret.
                option.addEventListener("mousedown", function (event) {
                    event.preventDefault();
                    choose(i);
                });
                list.appendChild(option);
            });
            list.hidden = false;
            area.setAttribute("aria-expanded", "true");
            select(0);
            announce(found.length === 1 ? mentionTexts.getAttribute("data-one") : format(mentionTexts.getAttribute("data-many"), found.length));
        };
        var query = function () {
            var caret = area.selectionStart;
            var match = /(^|[^\w@./])@([A-Za-z0-9][A-Za-z0-9._-]{0,63})$/.exec(area.value.slice(0, caret));
            if (!match || match[2].length < 2) {
                close();
                return;
            }
            start = caret - match[2].length - 1;
            var mine = ++sequence;
            fetch(url + "?prefix=" + encodeURIComponent(match[2]), { credentials: "same-origin", headers: { "Accept": "application/json" } })
                .then(function (response) { return response.ok ? response.json() : []; })
                .then(function (found) {
                    if (mine === sequence && document.activeElement === area) {
                        render(found || []);
                    }
                })
                .catch(close);
        };
        area.addEventListener("input", function () {
            window.clearTimeout(timer);
            timer = window.setTimeout(query, 150);
        });
        area.addEventListener("keydown", function (event) {
            if (list.hidden || people.length === 0) {
                return;
            }
            if (event.key === "ArrowDown") {
                event.preventDefault();
                select((active + 1) % people.length);
            } else if (event.key === "ArrowUp") {
                event.preventDefault();
                select((active - 1 + people.length) % people.length);
            } else if ((event.key === "Enter" || event.key === "Tab") && active >= 0) {
                event.preventDefault();
                choose(active);
            } else if (event.key === "Escape") {
                event.preventDefault();
                close();
            }
        });
        area.addEventListener("blur", function () {
            window.setTimeout(function () {
                if (document.activeElement !== area) {
                    close();
                }
            }, 150);
        });
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
                    var one = window.Intl && new Intl.PluralRules(document.documentElement.lang).select(body.count) === "one";
                    link.textContent = live.getAttribute(one ? "data-feed-new-template-one" : "data-feed-new-template").replace("{0}", body.count);
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
    // Posts published between the page's rendering and the connection (or during a reconnection) sent their tick to
    // nobody: ask for the count once connected.
    connection.onreconnected(refresh);
    connection.start()
        .then(function () { live.setAttribute("data-feed-connected", "true"); refresh(); })
        .catch(function () { /* the page still works without live updates */ });
})();

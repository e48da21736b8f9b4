// Enhancements only: the survey pages work without this script (the server hides the questions whose condition is on
// an earlier page, and refuses an answer to a hidden one). Here, questions whose condition is on the same page follow
// the answers as they are given, and a hidden question's fields are disabled so that they are not sent.
(function () {
    "use strict";

    var form = document.querySelector(".survey-form");
    if (form) {
        // A condition names one option or several ("1 2"): any of them shows the question.
        var chosen = function (name, options) {
            var wanted = options.split(" ");
            return Array.prototype.some.call(form.querySelectorAll("[name='" + name + "']"), function (input) {
                var given = input.type === "radio" || input.type === "checkbox" ? input.checked : true;
                return given && !input.disabled && wanted.indexOf(input.value) >= 0;
            });
        };
        // Razor writes data- attributes even when empty: an unconditional question has an empty one.
        var conditional = form.querySelectorAll("[data-show-when-question]:not([data-show-when-question=\"\"])");
        var update = function () {
            // In page order: a question shown by a hidden one is hidden too (its source's fields are disabled by then).
            conditional.forEach(function (question) {
                var shown = chosen(question.getAttribute("data-show-when-question"), question.getAttribute("data-show-when-option"));
                question.hidden = !shown;
                question.disabled = !shown;
            });
        };
        form.addEventListener("change", update);
        update();

        // Several choices with a maximum: once it is reached, the other boxes wait until one is unticked.
        form.querySelectorAll("ul[data-max]").forEach(function (list) {
            var most = parseInt(list.getAttribute("data-max"), 10);
            var boxes = list.querySelectorAll("input[type=checkbox]");
            if (!boxes.length || !(most < boxes.length)) {
                return;
            }
            var limit = function () {
                var count = list.querySelectorAll("input[type=checkbox]:checked").length;
                boxes.forEach(function (box) { box.disabled = !box.checked && count >= most; });
            };
            list.addEventListener("change", limit);
            limit();
        });
    }

    // The new survey form: each question shows the fields its kind uses.
    document.querySelectorAll(".survey-editor").forEach(function (editor) {
        var kind = editor.querySelector("[data-survey-kind]");
        if (!kind) {
            return;
        }
        var show = function () {
            editor.querySelectorAll("[data-survey-for]").forEach(function (field) {
                field.hidden = field.getAttribute("data-survey-for").split(" ").indexOf(kind.value) < 0;
            });
        };
        kind.addEventListener("change", show);
        show();
    });
})();

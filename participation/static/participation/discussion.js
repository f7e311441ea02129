// Enhancements only: every action below also works without JavaScript (links and forms).
// No inline script, no inline style, no event handler attribute: it runs under a strict
// Content-Security-Policy (script-src 'self'; style-src 'self').
(function () {
    "use strict";
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }

    var discussion = document.querySelector("[data-discussion]");
    if (!discussion || !window.fetch) { return; }

    // One status message for the whole discussion (WCAG 4.1.3), e.g. a support's new count:
    // it exists before anything is written to it, so screen readers announce the change.
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    discussion.appendChild(status);

    function announce(text) {
        status.textContent = text;
    }

    // Reply in place: the one comment form moves under the comment being answered.
    var form = discussion.querySelector("[data-comment-form]");
    var home = form && form.parentNode;
    var homeNext = form && form.nextSibling;
    var text = form && form.querySelector("textarea");
    var describedBy = text && text.getAttribute("aria-describedby");
    var cancel = null;

    function resetForm() {
        form.querySelector("[name=parent]").value = "";
        var target = form.querySelector("[name=target]");
        if (target) { target.closest(".field").hidden = false; }
        var context = form.querySelector(".comment-form__context");
        if (context) { context.remove(); }
        if (describedBy) {
            text.setAttribute("aria-describedby", describedBy);
        } else {
            text.removeAttribute("aria-describedby");
        }
        if (cancel) { cancel.remove(); cancel = null; }
        home.insertBefore(form, homeNext);
    }

    discussion.addEventListener("click", function (event) {
        var link = event.target.closest("[data-reply-to]");
        if (!link || !form) { return; }
        event.preventDefault();
        resetForm();
        var comment = link.closest(".comment");
        form.querySelector("[name=parent]").value = link.getAttribute("data-reply-to");
        var target = form.querySelector("[name=target]");
        if (target) { target.closest(".field").hidden = true; }
        // The field says whom it answers: its label is "Your comment", the context names them.
        var context = document.createElement("p");
        context.className = "comment-form__context";
        context.id = "comment-form-context";
        context.textContent = link.getAttribute("data-reply-label");
        form.insertBefore(context, form.firstChild.nextSibling);
        text.setAttribute("aria-describedby",
            (context.id + " " + (describedBy || "")).trim());
        cancel = document.createElement("button");
        cancel.type = "button";
        cancel.className = "button button--secondary";
        cancel.textContent = link.getAttribute("data-cancel-label");
        cancel.addEventListener("click", function () {
            resetForm();
            link.focus();
        });
        form.querySelector("button[type=submit]").after(cancel);
        comment.querySelector(".comment__body").after(form);
        text.focus();
    });

    // Support without reload.
    discussion.addEventListener("submit", function (event) {
        var support = event.target.closest("[data-support-form]");
        if (!support) { return; }
        event.preventDefault();
        fetch(support.action, {
            method: "POST",
            body: new FormData(support),
            headers: { "Accept": "application/json" },
            credentials: "same-origin"
        }).then(function (response) {
            return response.json().then(function (data) { return { ok: response.ok, data: data }; });
        }).then(function (result) {
            if (!result.ok) { support.submit(); return; }
            var button = support.querySelector("button");
            support.querySelector("[name=support]").value = result.data.supported ? "0" : "1";
            button.textContent = button.getAttribute(
                result.data.supported ? "data-label-withdraw" : "data-label-support");
            button.classList.toggle("button--secondary", !result.data.supported);
            support.querySelector("[data-support-count]").textContent = result.data.label;
            announce(result.data.label);
        }).catch(function () { support.submit(); });
    });

    // More comments in place.
    discussion.addEventListener("click", function (event) {
        var more = event.target.closest("a[data-more-url]");
        if (!more) { return; }
        event.preventDefault();
        fetch(more.getAttribute("data-more-url"), { credentials: "same-origin" })
            .then(function (response) {
                if (!response.ok) { throw new Error(response.status); }
                return response.text();
            })
            .then(function (html) {
                var fragment = new DOMParser().parseFromString(html, "text/html");
                var list = discussion.querySelector("[data-comment-list]");
                var first = null;
                fragment.querySelectorAll("[data-comment-list] > li").forEach(function (item) {
                    var node = document.importNode(item, true);
                    list.appendChild(node);
                    first = first || node;
                });
                // The fragment brings the next pager, or none when this was the last page.
                var pager = more.closest("[data-comment-pager]");
                var next = fragment.querySelector("[data-comment-pager]");
                if (next) {
                    pager.replaceWith(document.importNode(next, true));
                } else {
                    pager.remove();
                }
                if (first) {
                    var body = first.querySelector(".comment__body");
                    body.setAttribute("tabindex", "-1");
                    body.focus();
                }
            })
            .catch(function () { window.location = more.href; });
    });
})();

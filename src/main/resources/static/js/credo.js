// Sends the CSRF token with every htmx request, and asks before destructive actions.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener("submit", function (event) {
  var message = event.target.getAttribute("data-confirm");
  if (message && !window.confirm(message)) {
    event.preventDefault();
  }
});
// A "select all" checkbox ticks every checkbox of its form named in data-select-all.
document.addEventListener("change", function (event) {
  var name = event.target.getAttribute && event.target.getAttribute("data-select-all");
  if (name && event.target.form) {
    event.target.form.querySelectorAll('input[type="checkbox"][name="' + name + '"]').forEach(function (box) {
      box.checked = event.target.checked;
    });
  }
});
// After a failed submit the form's error summary takes focus, so that a screen reader reads it at once and a keyboard
// user can follow its links to the fields (ADR 30). htmx answers that carry a summary get the same.
function focusErrorSummary(root) {
  var summary = root && root.querySelector && root.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
}
document.addEventListener("DOMContentLoaded", function () {
  focusErrorSummary(document);
});
// An htmx answer replaces only part of the page: the fields its summary links to are marked invalid here, and
// unmarked when a later answer has no problem with them.
document.addEventListener("htmx:afterSwap", function (event) {
  document.querySelectorAll("[data-marked-invalid]").forEach(function (field) {
    field.setAttribute("aria-invalid", "false");
    field.classList.remove("is-invalid");
    field.removeAttribute("data-marked-invalid");
  });
  var summary = event.detail.target.querySelector("[data-error-summary]");
  if (!summary) {
    return;
  }
  summary.querySelectorAll("a[href^='#']").forEach(function (link) {
    var field = document.getElementById(link.getAttribute("href").slice(1));
    if (field && field.getAttribute("aria-invalid") !== "true") {
      field.setAttribute("aria-invalid", "true");
      field.classList.add("is-invalid");
      field.setAttribute("data-marked-invalid", "");
    }
  });
  summary.focus();
});
// A summary link moves focus to its field (a link to a group of fields, such as check boxes, to the group's first
// field): following a link to an id only scrolls there in some browsers.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("[data-error-summary] a[href^='#']");
  var target = link && document.getElementById(link.getAttribute("href").slice(1));
  if (!target) {
    return;
  }
  var field = target.matches("input, select, textarea")
    ? target
    : target.querySelector("input:not([type=hidden]), select, textarea");
  if (field) {
    event.preventDefault();
    // A field folded away (under "Advanced") is unfolded first: a closed details element hides it from focus.
    for (var fold = field.closest("details"); fold; fold = fold.parentElement.closest("details")) {
      fold.open = true;
    }
    field.focus();
    field.scrollIntoView({block: "center"});
  }
});

// "Select all" / "Select none" for a list of checkboxes in the same form (the suggested F1 of a case).
// A file of its own, not an inline script: the Content-Security-Policy allows scripts from the app only.
(() => {
  "use strict";
  document.querySelectorAll("[data-bulk-tools]").forEach((tools) => {
    const form = tools.closest("form") || tools.parentElement;
    tools.hidden = false;
    tools.querySelectorAll("[data-select]").forEach((button) =>
      button.addEventListener("click", () => {
        const on = button.getAttribute("data-select") === "all";
        form.querySelectorAll("input[type=checkbox][name='Decision.Picks']").forEach((box) => { box.checked = on; });
      }));
  });
})();

// The phone drawer: the menu button opens the sidebar, the close button, the backdrop, Escape or a link close it.
// A file of its own, not an inline script: the Content-Security-Policy allows scripts from the app only.
(() => {
  "use strict";
  function setUp() {
    const sidebar = document.getElementById("sidebar");
    const opener = document.querySelector(".drawer-button");
    if (!sidebar || !opener) return;
    const backdrop = document.querySelector(".drawer-backdrop");
    const closer = sidebar.querySelector(".drawer-close");

    function open() {
      sidebar.classList.add("open");
      document.body.classList.add("drawer-open");
      opener.setAttribute("aria-expanded", "true");
      if (backdrop) backdrop.hidden = false;
      (sidebar.querySelector("[aria-current=page]") || closer || sidebar).focus();
    }
    function close() {
      if (!sidebar.classList.contains("open")) return;
      sidebar.classList.remove("open");
      document.body.classList.remove("drawer-open");
      opener.setAttribute("aria-expanded", "false");
      if (backdrop) backdrop.hidden = true;
      opener.focus();
    }
    opener.addEventListener("click", () => (sidebar.classList.contains("open") ? close() : open()));
    if (closer) closer.addEventListener("click", close);
    if (backdrop) backdrop.addEventListener("click", close);
    document.addEventListener("keydown", (e) => { if (e.key === "Escape") close(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();

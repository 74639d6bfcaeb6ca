/* A table wider than the page scrolls sideways inside the theme's wrapper. A region that scrolls must be
   reachable by keyboard (WCAG 2.1.1), so a wrapper that overflows becomes a named, focusable region; one
   that fits stays out of the tab order. No third-party code. */
(function () {
  function name(wrap) {
    var heading = null;
    for (var node = wrap.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) { heading = node; break; }
    }
    var title = heading ? heading.textContent.replace(/¶/g, "").trim() : "";
    return (title ? title + ": " : "") + "table (scrolls sideways)";
  }
  function mark() {
    document.querySelectorAll(".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", name(wrap));
      } else {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }
  // The theme wraps tables when the document is ready; look once it has, and again when the window resizes.
  document.addEventListener("DOMContentLoaded", function () { mark(); window.requestAnimationFrame(mark); });
  window.addEventListener("resize", mark);
})();

/* Glossary definitions (.ms-term__def): CSS shows one while its term is hovered or focused (a tap focuses it).
   This script keeps an open definition inside the screen, and closes it on Escape or on a tap elsewhere,
   as WCAG 1.4.13 asks of content shown on hover or focus. No third-party code. */
(function () {
  var MARGIN = 16; // px kept free at the screen's edges

  function place(term) {
    var def = term.querySelector(".ms-term__def");
    if (!def) return;
    term.style.removeProperty("--ms-def-x");
    term.style.removeProperty("--ms-def-y");
    var box = def.getBoundingClientRect();
    if (box.width <= 1) return; // not shown (closed, or another rule hides it)
    var shift = 0;
    if (box.right > window.innerWidth - MARGIN) shift = window.innerWidth - MARGIN - box.right;
    if (box.left + shift < MARGIN) shift = MARGIN - box.left;
    if (shift) term.style.setProperty("--ms-def-x", shift + "px");
    var below = box.bottom > window.innerHeight - MARGIN;
    var room = term.getBoundingClientRect().top - box.height;
    if (below && room > MARGIN) term.style.setProperty("--ms-def-y", -box.height + "px");
  }

  function closeAll() {
    document.querySelectorAll(".ms-term:hover, .ms-term:focus").forEach(function (term) {
      term.setAttribute("data-closed", "");
    });
  }

  document.addEventListener("mouseover", function (event) {
    var term = event.target.closest && event.target.closest(".ms-term");
    if (term && !term.contains(event.relatedTarget)) place(term);
  });
  document.addEventListener("focusin", function (event) {
    var term = event.target.closest && event.target.closest(".ms-term");
    if (term) place(term);
  });
  // Open again once the pointer or the focus has left and come back.
  document.addEventListener("mouseout", function (event) {
    var term = event.target.closest && event.target.closest(".ms-term");
    if (term && !term.contains(event.relatedTarget) && document.activeElement !== term) {
      term.removeAttribute("data-closed");
    }
  });
  document.addEventListener("focusout", function (event) {
    var term = event.target.closest && event.target.closest(".ms-term");
    if (term) term.removeAttribute("data-closed");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") closeAll();
  });
  // A tap or click elsewhere closes an open definition (a tap on the term itself toggles it).
  document.addEventListener("pointerdown", function (event) {
    var term = event.target.closest && event.target.closest(".ms-term");
    document.querySelectorAll(".ms-term:focus").forEach(function (open) {
      if (open !== term) open.blur();
    });
    if (term && document.activeElement === term && !term.hasAttribute("data-closed")) {
      event.preventDefault(); // keep the focus, close it
      term.setAttribute("data-closed", "");
    } else if (term) {
      term.removeAttribute("data-closed");
    }
  });
  window.addEventListener("resize", function () {
    document.querySelectorAll(".ms-term:hover, .ms-term:focus").forEach(place);
  });
})();

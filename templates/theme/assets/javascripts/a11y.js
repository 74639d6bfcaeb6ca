/* Fixes to the theme's markup that no stylesheet can make: Material's search is a role="dialog" without a
   name (axe and Lighthouse: aria-dialog-name), so it is named as its search box is. Zensical's search dialog
   is named already and has no .md-search: nothing happens there. No third-party code. */
(function () {
  document.querySelectorAll('.md-search[role="dialog"]:not([aria-label]):not([aria-labelledby])').forEach(
    function (dialog) {
      var box = dialog.querySelector("input[aria-label]");
      dialog.setAttribute("aria-label", box ? box.getAttribute("aria-label") : "Search");
    }
  );
})();

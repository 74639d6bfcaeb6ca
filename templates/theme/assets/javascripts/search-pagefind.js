/* Hosted search with Pagefind (site.yml's pagefind_articles): loaded before Material's bundle, only on pages
   the plugin built for it (main.html), it points Material's search worker at search-pagefind-worker.js.

   Opened from disk (the classroom copy, file://) Pagefind cannot load its chunks, so nothing changes there
   and Material searches with lunr, from the search_index.js the copy carries. When a query finds more pages
   than the worker lists, the line above the results says how many were found in all. */
(function () {
  "use strict";
  if (location.protocol !== "http:" && location.protocol !== "https:") return;
  var script = document.currentScript;
  var element = document.getElementById("__config");
  if (!script || !element) return;
  var config = JSON.parse(element.textContent);
  var worker = new URL(script.getAttribute("data-worker"), location.href);
  worker.searchParams.set("lang", document.documentElement.lang || "en");
  config.search = worker.href;
  element.textContent = JSON.stringify(config);

  if (typeof BroadcastChannel !== "function" || typeof MutationObserver !== "function") return;
  var last = null;
  var count = (config.translations || {})["search.result.other"] || "# matching documents";
  function tell() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta || !last || last.total <= last.shown) return;
    // Only Material's own count of these results ("20 matching documents") is replaced, never its other
    // lines ("Type to start searching"), which the next query's results may follow before their count.
    if (meta.textContent.trim() !== count.replace("#", String(last.shown))) return;
    meta.textContent = "The first " + last.shown + " of " + last.total.toLocaleString("en") + " matching documents";
  }
  new BroadcastChannel("microsite-search").onmessage = function (event) {
    last = event.data;
    tell();
  };
  document.addEventListener("DOMContentLoaded", function () {
    var meta = document.querySelector(".md-search-result__meta");
    if (meta) new MutationObserver(tell).observe(meta, { childList: true, characterData: true, subtree: true });
  });
})();

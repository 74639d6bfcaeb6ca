/* A source page's marks in layers: the buttons above the article (.ms-layers) show or hide the word-choice
   marks, the people links, the history links and the glossary words. The page opens with what each button's
   data-shown says, until the reader chooses; the choice is kept in this browser (localStorage, key
   "ms-layers") for every source page. Nothing is sent anywhere. Without this script every mark is shown and
   the buttons stay hidden. A hidden layer is hidden from everyone: its links and terms leave the tab order,
   and a link without its address is plain text to a screen reader too. No third-party code. */
(function () {
  var KEY = "ms-layers";
  var group = document.querySelector(".ms-layers");
  if (!group) return;
  var root = document.documentElement;

  function saved() {
    try {
      return JSON.parse(localStorage.getItem(KEY) || "{}") || {};
    } catch (e) {
      return {}; // storage blocked or unreadable: the page's defaults
    }
  }

  function store(choices) {
    try {
      localStorage.setItem(KEY, JSON.stringify(choices));
    } catch (e) {
      /* storage blocked: the choice lasts for this page only */
    }
  }

  function links(shown) {
    document.querySelectorAll(".ms-para a.ms-actor").forEach(function (a) {
      if (shown && a.hasAttribute("data-href")) {
        a.setAttribute("href", a.getAttribute("data-href"));
        a.removeAttribute("data-href");
      } else if (!shown && a.hasAttribute("href")) {
        a.setAttribute("data-href", a.getAttribute("href"));
        a.removeAttribute("href");
      }
    });
  }

  function terms(shown) {
    document.querySelectorAll(".ms-para .ms-term").forEach(function (term) {
      if (shown) term.setAttribute("tabindex", "0");
      else term.removeAttribute("tabindex");
    });
  }

  function apply(button, shown) {
    var layer = button.getAttribute("data-layer");
    button.setAttribute("aria-pressed", shown ? "true" : "false");
    root.classList.toggle("ms-hide-" + layer, !shown);
    if (layer === "actors") links(shown);
    if (layer === "terms") terms(shown);
  }

  var choices = saved();
  var buttons = group.querySelectorAll(".ms-layers__toggle");
  buttons.forEach(function (button) {
    var layer = button.getAttribute("data-layer");
    var shown = layer in choices ? !!choices[layer] : button.getAttribute("data-shown") === "yes";
    apply(button, shown);
    button.addEventListener("click", function () {
      var now = button.getAttribute("aria-pressed") !== "true";
      apply(button, now);
      var current = saved();
      current[layer] = now;
      store(current);
    });
  });
  group.hidden = false;
})();

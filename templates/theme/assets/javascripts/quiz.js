/* Self-check quizzes: a student chooses an answer and presses Check; the feedback (right or not, why, and a
   link to the paragraph that shows it) is written into a live region, so screen readers announce it.
   Nothing is stored or sent; no third-party code; works from file:// (the offline classroom copy).
   The feedback texts come from the page's own data attributes and are written as text, never as HTML. */
(function () {
  function check(question) {
    var out = question.querySelector(".ms-quiz__feedback");
    var chosen = question.querySelector("input[type=radio]:checked");
    out.textContent = "";
    question.classList.remove("ms-quiz__q--right", "ms-quiz__q--wrong");
    if (!chosen) {
      out.textContent = "Choose an answer first.";
      return;
    }
    var right = chosen.getAttribute("data-right") === "yes";
    question.classList.add(right ? "ms-quiz__q--right" : "ms-quiz__q--wrong");
    var verdict = document.createElement("strong");
    verdict.textContent = right ? "Right. " : "Not quite. ";
    out.appendChild(verdict);
    out.appendChild(document.createTextNode(chosen.getAttribute("data-why") + " "));
    var href = question.getAttribute("data-href");
    if (href) {
      var link = document.createElement("a");
      link.href = href;
      link.textContent = question.getAttribute("data-link");
      out.appendChild(link);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".ms-quiz__q").forEach(function (question) {
      var button = question.querySelector(".ms-quiz__check");
      if (!button) return;
      button.hidden = false;  // hidden in the HTML: without this script there is nothing to check with
      button.addEventListener("click", function () { check(question); });
      // A new choice clears the last feedback, so it never describes another answer.
      question.addEventListener("change", function () {
        question.querySelector(".ms-quiz__feedback").textContent = "";
        question.classList.remove("ms-quiz__q--right", "ms-quiz__q--wrong");
      });
    });
  });
})();

/* "Assign this page": show each page's full address and copy it with one click. No third-party code;
   works offline and from file://. */
(function () {
  function fullAddresses() {
    document.querySelectorAll("a.ms-address").forEach(function (a) {
      a.textContent = a.href;  // the browser resolves the relative link: the page's own address
    });
  }
  function copy(text, status) {
    function done(ok) {
      status.textContent = ok ? "Link copied." : "Select the address above and copy it.";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { done(fallback(text)); });
    } else {
      done(fallback(text));
    }
  }
  function fallback(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "absolute";
    field.style.left = "-9999px";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
    document.body.removeChild(field);
    return ok;
  }
  document.addEventListener("DOMContentLoaded", function () {
    fullAddresses();
    document.querySelectorAll(".ms-assign").forEach(function (box) {
      var button = box.querySelector(".ms-copy");
      var link = box.querySelector("a.ms-address");
      var status = box.querySelector(".ms-copy__status");
      if (button && link && status) {
        button.addEventListener("click", function () { copy(link.href, status); });
      }
    });
  });
})();

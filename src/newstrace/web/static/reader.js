// Document reader: when a link points at a mark inside the collapsed comment thread, open the
// thread first, otherwise the browser cannot scroll to it.
(function () {
  "use strict";
  function reveal() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) { return; }
    var target = document.getElementById(id);
    if (!target) { return; }
    var thread = target.closest("details");
    if (thread) { thread.open = true; }
    target.classList.add("focus");
    target.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", reveal);
  reveal();
})();

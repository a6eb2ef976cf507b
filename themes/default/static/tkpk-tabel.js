/* tkpk: a table wider than its frame scrolls inside it (style.css draws shadows at the edges
   that can be scrolled to); this script also says so in words above the frame, and keeps that
   true as the window is resized. Without JavaScript the table still scrolls. */
(function () {
  "use strict";
  var teks = document.body.getAttribute("data-geser") || "";
  function periksa() {
    var bingkai = document.querySelectorAll(".gulir");
    for (var i = 0; i < bingkai.length; i++) {
      var g = bingkai[i];
      var meluap = g.scrollWidth > g.clientWidth + 1;
      if (meluap) {
        g.setAttribute("data-geser", teks);
        g.classList.add("meluap");
      } else {
        g.classList.remove("meluap");
      }
    }
  }
  periksa();
  window.addEventListener("resize", periksa);
  window.addEventListener("load", periksa);
})();

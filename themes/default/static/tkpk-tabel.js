/* tkpk: a table wider than its frame scrolls inside it (style.css draws shadows at the edges
   that can be scrolled to); this script also says so in words above the frame, and keeps that
   true as the window is resized. Without JavaScript the table still scrolls. It also sorts
   and filters the tables that ask for it (the home page's list of a large site). */
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

  /* A table marked data-urut sorts by a column when its heading is clicked (again: the other
     way); numbers sort by their data-nilai, text in the page's language. An input with
     data-saring="ID" hides the rows of table ID that do not hold its words. */
  var bahasa = document.documentElement.lang || "id";
  document.querySelectorAll("table[data-urut]").forEach(function (tabel) {
    var badan = tabel.tBodies[0];
    tabel.querySelectorAll("thead th").forEach(function (th, kolom) {
      var tombol = document.createElement("button");
      tombol.type = "button";
      tombol.className = "urut";
      while (th.firstChild) {
        tombol.appendChild(th.firstChild);
      }
      th.appendChild(tombol);
      tombol.addEventListener("click", function () {
        var naik = th.getAttribute("aria-sort") !== "ascending";
        tabel.querySelectorAll("thead th").forEach(function (lain) {
          lain.removeAttribute("aria-sort");
        });
        th.setAttribute("aria-sort", naik ? "ascending" : "descending");
        var baris = Array.prototype.slice.call(badan.rows);
        var kunci = function (tr) {
          var sel = tr.cells[kolom];
          var nilai = sel && sel.getAttribute("data-nilai");
          return nilai !== null && nilai !== undefined ? parseFloat(nilai) : (sel ? sel.textContent.trim() : "");
        };
        baris.sort(function (a, b) {
          var x = kunci(a), y = kunci(b), hasil;
          if (typeof x === "number" && typeof y === "number") {
            hasil = x - y;
          } else if (typeof x === "number") {
            hasil = -1;
          } else if (typeof y === "number") {
            hasil = 1;
          } else {
            hasil = x.localeCompare(y, bahasa);
          }
          return naik ? hasil : -hasil;
        });
        baris.forEach(function (tr) {
          badan.appendChild(tr);
        });
      });
    });
  });
  document.querySelectorAll("input[data-saring]").forEach(function (kotak) {
    var tabel = document.getElementById(kotak.getAttribute("data-saring"));
    if (!tabel) {
      return;
    }
    // Only the columns named in data-saring-kolom (the region's and the province's names),
    // and each word typed as the start of a word there ("contoh 1" finds Contoh 1 and 10–19,
    // not 21).
    var kolom = (kotak.getAttribute("data-saring-kolom") || "0").split(" ").map(Number);
    kotak.addEventListener("input", function () {
      var kata = kotak.value.toLocaleLowerCase(bahasa).split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(tabel.tBodies[0].rows, function (tr) {
        var ada = [];
        kolom.forEach(function (k) {
          if (tr.cells[k]) {
            ada = ada.concat(tr.cells[k].textContent.toLocaleLowerCase(bahasa).split(/\s+/));
          }
        });
        tr.hidden = !kata.every(function (k) {
          return ada.some(function (a) {
            return a.indexOf(k) === 0;
          });
        });
      });
      periksa();
    });
  });
})();

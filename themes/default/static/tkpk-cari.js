/* tkpk: the search box in every page's header, over regions, provinces, reports and
 * evaluation sheets. The index is a script (cari-indeks.js sets window.TKPK_CARI), so the box
 * works from file:// and offline: nothing is fetched. A national site's index is large, so it
 * is loaded only when the box is first used. Without JavaScript the box stays hidden.
 * `?cari=WORDS` in a page's address fills the box and searches (a search link to share). */
(function () {
  "use strict";
  var box = document.getElementById("tkpk-cari");
  if (!box) {
    return;
  }
  var input = box.querySelector("input");
  var list = box.querySelector("ul");
  var status = box.querySelector("[role=status]");
  // The path from this page to the site root ("", "../", "../../"), set by the template.
  var root = box.getAttribute("data-akar") || "";
  var LIMIT = 20;
  var word = function (name) {
    return box.getAttribute("data-" + name) || "";
  };
  var kinds = {
    wilayah: word("jenis-wilayah"),
    provinsi: word("jenis-provinsi"),
    laporan: word("jenis-laporan"),
    penilaian: word("jenis-penilaian"),
  };

  // Case and accents do not matter: "Kulon Progo" is found by "kulon progo", "Sumenep" by "SUMENEP".
  function fold(text) {
    return String(text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase();
  }
  // The index, loaded once with a script element (a plain script runs from file://, where a
  // fetch is refused); `then` runs when it is there.
  var index = null;
  var waiting = null;
  function withIndex(then) {
    if (!index && Array.isArray(window.TKPK_CARI)) {
      index = window.TKPK_CARI;
    }
    if (index) {
      then();
      return;
    }
    if (!waiting) {
      var script = document.createElement("script");
      script.src = box.getAttribute("data-indeks");
      script.onload = function () {
        index = Array.isArray(window.TKPK_CARI) ? window.TKPK_CARI : [];
        waiting();
      };
      script.onerror = function () {
        box.hidden = true;
      };
      document.head.appendChild(script);
    }
    waiting = then;
  }

  // What a query is matched against: the title and the kind shown beside it, folded once.
  var haystacks = null;
  function haystack(i) {
    if (!haystacks) {
      haystacks = index.map(function (e) {
        return fold(e.judul + " " + (kinds[e.jenis] || ""));
      });
    }
    return haystacks[i];
  }

  // Entries holding every word of the query, in index order (places first, then reports).
  function search(query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    var found = [];
    if (!words.length) {
      return found;
    }
    for (var i = 0; i < index.length; i++) {
      var text = haystack(i);
      if (words.every(function (w) { return text.indexOf(w) !== -1; })) {
        found.push(index[i]);
      }
    }
    return found;
  }

  function note(text) {
    var item = document.createElement("li");
    item.className = "cari-catatan";
    item.setAttribute("aria-hidden", "true");
    item.textContent = text;
    list.appendChild(item);
  }

  function show() {
    withIndex(render);
  }

  function render() {
    var found = search(input.value);
    list.textContent = "";
    if (!input.value.trim()) {
      list.hidden = true;
      status.textContent = "";
      return;
    }
    found.slice(0, LIMIT).forEach(function (entry) {
      var link = document.createElement("a");
      link.href = root + entry.alamat;
      link.textContent = entry.judul;
      var kind = document.createElement("span");
      kind.className = "cari-jenis";
      kind.textContent = kinds[entry.jenis] || entry.jenis;
      link.appendChild(document.createTextNode(" "));
      link.appendChild(kind);
      var item = document.createElement("li");
      item.appendChild(link);
      list.appendChild(item);
    });
    var summary;
    if (!found.length) {
      summary = word("tidak-ada");
      note(summary);
    } else if (found.length > LIMIT) {
      summary = word("hasil") + ": " + LIMIT + " " + word("dari") + " " + found.length;
      note(summary);
    } else {
      summary = word("hasil") + ": " + found.length;
    }
    status.textContent = summary;
    list.hidden = false;
  }

  function links() {
    return Array.prototype.slice.call(list.querySelectorAll("a"));
  }

  input.addEventListener("input", show);
  input.addEventListener("focus", show);
  input.addEventListener("keydown", function (event) {
    var all = links();
    if (event.key === "Enter" && all.length) {
      event.preventDefault();
      window.location.href = all[0].href;
    } else if (event.key === "ArrowDown" && all.length) {
      event.preventDefault();
      all[0].focus();
    } else if (event.key === "Escape") {
      input.value = "";
      show();
    }
  });
  // Arrow keys move between the results; Escape goes back to the box. Enter follows a link.
  list.addEventListener("keydown", function (event) {
    var all = links();
    var at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < all.length - 1) {
      event.preventDefault();
      all[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    } else if (event.key === "Escape") {
      event.preventDefault();
      input.focus();
    }
  });
  // The list closes when a click or the Tab key leaves the box, and opens again on its focus.
  // (A click on a result may not focus the link first, so a focusout with nowhere to go
  // keeps the list open for the click to land.)
  function close(target) {
    if (target && !box.contains(target)) {
      list.hidden = true;
    }
  }
  box.addEventListener("focusout", function (event) {
    close(event.relatedTarget);
  });
  document.addEventListener("pointerdown", function (event) {
    close(event.target);
  });

  box.hidden = false;
  var shared = new URLSearchParams(window.location.search).get("cari");
  if (shared) {
    input.value = shared;
    show();
  }
})();

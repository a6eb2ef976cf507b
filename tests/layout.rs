//! Nothing cut off, on a screen or on paper: every page of the sample and the largest pages of
//! a generated national site opened at a phone's, a tablet's and a desktop's width reach no
//! further than the screen, except tables inside a frame that scrolls and says so, and draw
//! every chart as SVG with all its category labels and quadrant words; printed,
//! no word lies outside the page's margins and every column heading of every table is on
//! paper.
//!
//! They need Debian's `chromium` and `poppler-utils`, so `cargo test` lists them as ignored;
//! `.ci/run` runs them with `cargo test -- --include-ignored`.

#[path = "../examples/gen_national.rs"]
#[allow(dead_code)]
mod gen_national;

mod common;

use common::TestSite;
use common::browser::{headless, print_to_pdf};
use std::path::Path;
use std::process::Command;

/// The measuring page: loads each page in an iframe of the given width, one after the other,
/// and lists the elements that reach past the iframe's viewport, unless they sit in a table
/// frame (`.gulir`) that is itself inside the viewport, is marked as overflowing and shows
/// the line that says it scrolls. Chart internals are left to the chart tests.
const HARNESS: &str = r##"<!DOCTYPE html>
<html><head><meta charset="utf-8"></head><body>
<pre id="hasil"></pre>
<script>
var PAGES = __PAGES__, WIDTH = __WIDTH__, out = {};
function describe(e) {
  var s = e.tagName.toLowerCase();
  if (e.id) s += "#" + e.id;
  if (e.className && typeof e.className === "string") s += "." + e.className.trim().split(/\s+/).join(".");
  return s + " \"" + (e.textContent || "").replace(/\s+/g, " ").trim().slice(0, 40) + "\"";
}
function measure(w) {
  var d = w.document, W = d.documentElement.clientWidth, bad = [];
  var hint = d.body.getAttribute("data-geser") || "";
  if (d.documentElement.scrollWidth > W + 1) {
    bad.push("the page scrolls sideways: " + d.documentElement.scrollWidth + " px > " + W + " px");
  }
  var all = d.body.querySelectorAll("*");
  for (var i = 0; i < all.length && bad.length < 6; i++) {
    var e = all[i], r = e.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (e.closest("svg") && e.tagName.toLowerCase() !== "svg") continue;
    if (r.right <= W + 1 && r.left >= -1) continue;
    var cs = w.getComputedStyle(e);
    if (cs.clip && cs.clip !== "auto") continue;
    var g = e.parentElement && e.parentElement.closest(".gulir");
    if (g) {
      var gr = g.getBoundingClientRect();
      var says = g.classList.contains("meluap") && hint !== "" &&
        w.getComputedStyle(g, "::before").content.indexOf(hint) >= 0;
      if (gr.right <= W + 1 && gr.left >= -1 && says) continue;
      bad.push(describe(e) + " reaches " + Math.round(r.right) + " of " + W +
        " px in a frame that " + (says ? "is itself too wide" : "does not say it scrolls"));
      continue;
    }
    bad.push(describe(e) + " reaches " + Math.round(r.right) + " of " + W + " px");
  }
  return bad;
}
// Every chart is drawn as SVG with every category label (wrapped, never skipped), every line
// named (at its end or in the legend) where the lines are few and have a key, its reference lines and, on a quadrant chart, each quadrant's words (its numeral alone where the
// chart is narrow). A component missing from the chart runtime's build fails here.
function charts(d, bad) {
  var els = d.querySelectorAll(".grafik-kanvas");
  for (var i = 0; i < els.length; i++) {
    var el = els[i], id = el.getAttribute("data-opsi");
    var svg = el.querySelector("svg");
    if (!svg) { bad.push("chart " + id + " is not drawn as SVG"); continue; }
    var drawn = Array.prototype.map.call(svg.querySelectorAll("text"), function (t) {
      return t.textContent;
    }).join("").replace(/\s+/g, "");
    var option = JSON.parse(d.getElementById(id).textContent);
    var axes = [].concat(option.xAxis || [], option.yAxis || []);
    axes.forEach(function (axis) {
      if (axis.type !== "category") return;
      (axis.data || []).forEach(function (label) {
        if (drawn.indexOf(String(label).replace(/\s+/g, "")) < 0) {
          bad.push("chart " + id + " at " + el.clientWidth + " px: the category \"" + label + "\" is not drawn");
        }
      });
    });
    var lines = (option.series || []).filter(function (s) { return s.type === "line"; });
    // Only words inside the chart's box count here: a scrolling legend keeps the names of its
    // hidden pages in the SVG, outside the box.
    var box = svg.getBoundingClientRect();
    var seen = Array.prototype.filter.call(svg.querySelectorAll("text"), function (t) {
      var r = t.getBoundingClientRect();
      return r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1
        && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    }).map(function (t) { return t.textContent; }).join("").replace(/\s+/g, "");
    if (option.legend && lines.length && lines.length === option.series.length && lines.length <= 5) {
      lines.forEach(function (series) {
        if (series.name && seen.indexOf(String(series.name).replace(/\s+/g, "")) < 0) {
          bad.push("chart " + id + " at " + el.clientWidth + " px: the line \"" + series.name + "\" is not named");
        }
      });
    }
    (option.series || []).forEach(function (series) {
      var line = series.markLine;
      if (line && (line.data || []).length && line.lineStyle && line.lineStyle.color) {
        var colour = line.lineStyle.color.toLowerCase();
        var stroked = Array.prototype.some.call(svg.querySelectorAll("[stroke]"), function (e) {
          return e.getAttribute("stroke").toLowerCase() === colour;
        });
        if (!stroked) bad.push("chart " + id + ": the reference line (" + colour + ") is not drawn");
      }
      ((series.markArea || {}).data || []).forEach(function (pair) {
        var name = String(pair[0].name);
        var want = el.clientWidth < 560 ? name.split(" · ")[0] : name;
        if (drawn.indexOf(want.replace(/\s+/g, "")) < 0) {
          bad.push("chart " + id + " at " + el.clientWidth + " px: the quadrant \"" + want + "\" is not drawn");
        }
      });
    });
  }
}
function next(i) {
  if (i >= PAGES.length) { document.getElementById("hasil").textContent = JSON.stringify(out); return; }
  var f = document.createElement("iframe");
  f.style.width = WIDTH + "px"; f.style.height = "800px"; f.style.border = "0";
  f.onload = function () {
    setTimeout(function () {
      try {
        var bad = measure(f.contentWindow);
        charts(f.contentWindow.document, bad);
        out[PAGES[i]] = bad;
      }
      catch (err) { out[PAGES[i]] = ["not measured: " + err]; }
      f.remove(); next(i + 1);
    }, 300);
  };
  f.src = PAGES[i];
  document.body.appendChild(f);
}
next(0);
</script></body></html>
"##;

/// Per page (relative to the output folder), what reaches past a screen `width` px wide.
fn overflows(output: &Path, pages: &[String], width: u32) -> Vec<(String, Vec<String>)> {
    let harness = output.join(format!("uji-lebar-{width}.html"));
    std::fs::write(
        &harness,
        HARNESS
            .replace("__PAGES__", &serde_json::to_string(pages).unwrap())
            .replace("__WIDTH__", &width.to_string()),
    )
    .unwrap();
    let profile = tempfile::tempdir().unwrap();
    let out = headless(profile.path())
        .args([
            "--allow-file-access-from-files",
            "--window-size=1400,1000",
            "--virtual-time-budget=600000",
            "--dump-dom",
        ])
        .arg(format!("file://{}", harness.display()))
        .output()
        .unwrap();
    std::fs::remove_file(&harness).unwrap();
    let dom = scraper::Html::parse_document(&String::from_utf8_lossy(&out.stdout));
    let result = common::texts(&dom, "#hasil").concat();
    let measured: std::collections::BTreeMap<String, Vec<String>> = serde_json::from_str(&result)
        .unwrap_or_else(|e| {
            panic!(
                "no measurement ({e}): {}",
                String::from_utf8_lossy(&out.stderr)
            )
        });
    assert_eq!(measured.len(), pages.len(), "not every page was measured");
    measured
        .into_iter()
        .filter(|(_, bad)| !bad.is_empty())
        .collect()
}

fn pages_of(output: &Path) -> Vec<String> {
    let mut pages: Vec<String> = walkdir::WalkDir::new(output)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .map(|e| {
            e.path()
                .strip_prefix(output)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    pages.sort();
    pages
}

const WIDTHS: [u32; 3] = [390, 768, 1280];

#[test]
#[ignore = "needs chromium (apt-get install chromium); run with --include-ignored"]
fn no_page_of_the_sample_is_wider_than_a_phone_a_tablet_or_a_desktop() {
    let site = TestSite::built_sample();
    let pages = pages_of(&site.output());
    assert!(pages.len() > 40, "{pages:?}");
    for width in WIDTHS {
        let bad = overflows(&site.output(), &pages, width);
        assert!(bad.is_empty(), "at {width} px: {bad:#?}");
    }
}

/// A generated national site (514 kab/kota, ten years): its home page lists all of them, its
/// largest province page ranks the most, a region page holds ten years side by side.
fn national() -> (TestSite, Vec<String>) {
    let dir = tempfile::tempdir().unwrap();
    gen_national::generate(dir.path(), 514, 10);
    let site = TestSite { dir };
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let output = site.output();
    let largest_province = std::fs::read_dir(output.join("provinsi"))
        .unwrap()
        .filter_map(Result::ok)
        .max_by_key(|e| {
            std::fs::metadata(e.path().join("index.html"))
                .unwrap()
                .len()
        })
        .unwrap()
        .file_name()
        .to_string_lossy()
        .into_owned();
    let pages = vec![
        "index.html".to_string(),
        format!("provinsi/{largest_province}/index.html"),
        "kabupaten-contoh-1/index.html".to_string(),
        "kabupaten-contoh-1/2025/index.html".to_string(),
    ];
    (site, pages)
}

/// The A4 page's left and right margins of the default theme (`@page`), in points.
const MARGIN_PT: f64 = 18.0 / 25.4 * 72.0;

/// What of `page` does not make it onto paper: words printed outside the margins (or cut at
/// the edge, where Chromium drops them), and column headings of the page's tables that are
/// nowhere in the PDF's text (those in `.penulis`, the author's column, are screen-only).
fn lost_on_paper(site: &TestSite, page: &str) -> Vec<String> {
    let (pdf, _) = print_to_pdf(site, page);
    let bbox = Command::new("pdftotext")
        .args(["-bbox"])
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    let bbox = String::from_utf8_lossy(&bbox.stdout).into_owned();
    let mut lost = Vec::new();
    let (mut page_no, mut width) = (0, 0.0_f64);
    let number = |line: &str, key: &str| -> f64 {
        let at = line.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        line[at..at + line[at..].find('"').unwrap()]
            .parse()
            .unwrap()
    };
    let mut words = String::new();
    for line in bbox.lines() {
        let line = line.trim();
        if line.starts_with("<page ") {
            page_no += 1;
            width = number(line, "width");
        } else if line.starts_with("<word ") {
            let (x_min, x_max) = (number(line, "xMin"), number(line, "xMax"));
            let word = &line[line.find('>').unwrap() + 1..line.rfind("</word>").unwrap()];
            words.push_str(word);
            words.push(' ');
            if x_min < MARGIN_PT - 1.0 || x_max > width - MARGIN_PT + 1.0 {
                lost.push(format!(
                    "page {page_no}: \"{word}\" at {x_min:.0}–{x_max:.0} pt of {width:.0}"
                ));
            }
        }
    }
    // Every word of every column heading is on paper at least as often as the headings hold
    // it (a heading runs over two lines in a narrow column, so words, not phrases, are
    // counted; a repeated header row only adds).
    let html = site.page(page);
    let heading = scraper::Selector::parse("table thead th:not(.penulis)").unwrap();
    let mut wanted: std::collections::BTreeMap<String, usize> = Default::default();
    for th in html.select(&heading) {
        for word in th.text().flat_map(str::split_whitespace) {
            *wanted.entry(word.to_string()).or_default() += 1;
        }
    }
    let words = words.replace("&amp;", "&");
    for (word, count) in wanted {
        let printed = words.split(' ').filter(|w| *w == word).count();
        if printed < count {
            lost.push(format!(
                "the heading word \"{word}\" is printed {printed} times, the tables have it {count} times"
            ));
        }
    }
    lost
}

#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn every_table_of_the_sample_prints_within_its_page() {
    let site = TestSite::built_sample();
    // Every kind of table: the home page, a province page, the region page with the most
    // years, the report with programme details and every other section, a sheet, and a
    // narrative with a table of its own.
    for page in [
        "index.html",
        "provinsi/jawa-timur/index.html",
        "kabupaten-blora/index.html",
        "kabupaten-blora/2025/index.html",
        "kabupaten-blora/2025/penilaian/index.html",
        "kabupaten-blitar/2025/index.html",
    ] {
        let lost = lost_on_paper(&site, page);
        assert!(lost.is_empty(), "{page}: {lost:#?}");
    }
}

/// One test for both, so that the national site is generated and built once.
#[test]
#[ignore = "needs chromium and poppler-utils; run with --include-ignored"]
fn the_largest_pages_of_a_national_site_fit_every_screen_and_their_page() {
    let (site, pages) = national();
    for width in WIDTHS {
        let bad = overflows(&site.output(), &pages, width);
        assert!(bad.is_empty(), "at {width} px: {bad:#?}");
    }
    for page in &pages {
        let lost = lost_on_paper(&site, page);
        assert!(lost.is_empty(), "{page}: {lost:#?}");
    }
}

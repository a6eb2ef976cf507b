//! The rebuild `tkpk serve` does after one regency's file changes, timed in process.
//!
//!     cargo bench --bench rebuild -- SITE [RUNS]
//!
//! SITE is a site folder (for example one written by `gen_national`). Three edits to the first
//! regency, each timed RUNS times as `tkpk serve` does them, from the watcher's event to the
//! new pages in memory (`Watched::changes` on the path the event names, then
//! `Live::rebuild_after` with the changed files): a narrative paragraph (its own pages and downloads only), a figure of its
//! latest year (also the reports of the regencies of its province, which rank it), and, for
//! comparison, the full rebuild. Prints min, median and max of each; the files are restored.

use std::path::{Path, PathBuf};
use std::time::Instant;
use tkpk::serve::{Live, Watched};

fn time(runs: usize, mut run: impl FnMut(usize) -> f64) -> (f64, f64, f64) {
    let mut times: Vec<f64> = (0..runs).map(&mut run).collect();
    times.sort_by(f64::total_cmp);
    (times[0], times[times.len() / 2], times[times.len() - 1])
}

fn rebuild(live: &Live, root: &Path, watched: &mut Watched, event: Option<&Path>) -> f64 {
    let started = Instant::now();
    let changed: Option<Vec<PathBuf>> = event.map(|e| watched.changes(root, &[root.join(e)]));
    if let Some(changed) = &changed {
        assert_eq!(changed.len(), 1, "{changed:?}");
    }
    let outcome = live.rebuild_after(root, changed.as_deref());
    let ms = started.elapsed().as_secs_f64() * 1000.0;
    assert!(outcome.ok, "{}", outcome.diagnostics.render(outcome.lang));
    ms
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let Some(root) = args.first().map(PathBuf::from) else {
        eprintln!("usage: cargo bench --bench rebuild -- SITE [RUNS]");
        return;
    };
    let runs: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(11);
    let regency = std::fs::read_dir(root.join("content"))
        .expect("SITE/content")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("indikator.yaml").is_file())
        .min()
        .expect("a regency folder");
    let slug = regency.file_name().unwrap().to_string_lossy().into_owned();
    let figures = PathBuf::from(format!("content/{slug}/indikator.yaml"));
    let narrative = std::fs::read_dir(&regency)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .max()
        .and_then(|year| {
            std::fs::read_dir(year)
                .ok()?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "md"))
                .min()
        })
        .expect("a narrative in the regency's latest year")
        .strip_prefix(&root)
        .unwrap()
        .to_path_buf();
    let live = Live::default();
    let mut watched = Watched::scan(&root);
    let first = live.rebuild(&root);
    assert!(
        first.ok,
        "the site does not build: {}",
        first.diagnostics.render(first.lang)
    );
    let originals: Vec<(PathBuf, String)> = [&narrative, &figures]
        .iter()
        .map(|p| {
            (
                p.to_path_buf(),
                std::fs::read_to_string(root.join(p)).unwrap(),
            )
        })
        .collect();
    let report = |what: &str, (min, median, max): (f64, f64, f64)| {
        println!("{what} ({runs} runs): median {median:.1} ms, min {min:.1} ms, max {max:.1} ms");
    };
    let text = &originals[0].1;
    report(
        &format!(
            "one-regency rebuild, narrative edited ({} pages served)",
            first.pages
        ),
        time(runs, |i| {
            std::fs::write(root.join(&narrative), format!("{text}\nParagraf {i}.\n")).unwrap();
            rebuild(&live, &root, &mut watched, Some(&narrative))
        }),
    );
    let text = &originals[1].1;
    let last = text
        .lines()
        .rfind(|l| l.contains("{p0: "))
        .expect("a p0 figure")
        .to_string();
    report(
        "one-regency rebuild, latest P0 edited (its province's reports too)",
        time(runs, |i| {
            let (head, tail) = last.split_once("{p0: ").unwrap();
            let rest = &tail[tail.find(',').unwrap()..];
            let edited = format!("{head}{{p0: 10.{:02}{rest}", i % 100);
            std::fs::write(root.join(&figures), text.replace(&last, &edited)).unwrap();
            rebuild(&live, &root, &mut watched, Some(&figures))
        }),
    );
    report(
        "full rebuild in memory",
        time(runs.min(5), |_| rebuild(&live, &root, &mut watched, None)),
    );
    for (path, text) in originals {
        std::fs::write(root.join(path), text).unwrap();
    }
}

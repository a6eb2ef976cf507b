//! The rebuild `tkpk serve` does after one regency's file changes, timed in process.
//!
//!     cargo bench --bench rebuild -- SITE [RUNS]
//!
//! SITE is a site folder (for example one written by `gen_national`). Each run edits a comment
//! in the first regency's indikator.yaml, rebuilds, and times it; prints min, median and max.
//! The file is restored at the end.

use std::path::PathBuf;
use std::time::Instant;

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
    let file = regency.join("indikator.yaml");
    let original = std::fs::read_to_string(&file).unwrap();
    let live = tkpk::serve::Live::default();
    let first = live.rebuild(&root);
    assert!(
        first.ok,
        "the site does not build: {}",
        first.diagnostics.render(first.lang)
    );
    let mut times = Vec::with_capacity(runs);
    for i in 0..runs {
        std::fs::write(&file, format!("{original}# bench {i}\n")).unwrap();
        let started = Instant::now();
        let outcome = live.rebuild(&root);
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        assert!(outcome.ok);
    }
    std::fs::write(&file, original).unwrap();
    times.sort_by(f64::total_cmp);
    println!(
        "one-regency rebuild ({} pages, {runs} runs): median {:.1} ms, min {:.1} ms, max {:.1} ms",
        first.pages,
        times[times.len() / 2],
        times[0],
        times[times.len() - 1]
    );
}

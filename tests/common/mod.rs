//! A small harness: copy a fixture site into a temporary folder, change files, run the real
//! `tkpk` binary on it, and read what it wrote (files, stderr, exit code).
#![allow(dead_code)]

pub mod browser;
pub mod matrix;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).sort_by_file_name() {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The file in a case folder of `tests/fixtures/invalid/` that holds the whole stderr expected
/// of the case's build (see `tests/invalid.rs`); it is not part of the site.
pub const EXPECTED_STDERR: &str = "expected.stderr";

/// The result of one run of the binary.
pub struct Run {
    pub code: i32,
    pub stderr: String,
    pub stdout: String,
}

impl From<std::process::Output> for Run {
    fn from(out: std::process::Output) -> Run {
        Run {
            code: out.status.code().unwrap_or(-1),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        }
    }
}

/// A site in a temporary folder.
pub struct TestSite {
    pub dir: tempfile::TempDir,
}

impl TestSite {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(&fixtures().join(name), dir.path());
        TestSite { dir }
    }

    /// A copy of the repository's own sample site (site.yaml and content/).
    pub fn sample() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(repo.join("site.yaml"), dir.path().join("site.yaml")).unwrap();
        copy_dir(&repo.join("content"), &dir.path().join("content"));
        TestSite { dir }
    }

    /// The sample site, built; a failed build fails the test with its messages.
    pub fn built_sample() -> Self {
        let site = Self::sample();
        let run = site.build();
        assert_eq!(run.code, 0, "{}", run.stderr);
        site
    }

    /// Writes what a final print asks of each report of the `dasar` fixture (2023 to 2025): the
    /// lembar pengesahan and the required chapters (README: "Bagian-bagian LP2KD").
    #[allow(dead_code)]
    pub fn with_final_parts(self) -> Self {
        for year in [2023, 2024, 2025] {
            let folder = format!("content/kabupaten-contoh/{year}");
            self.write(
                &format!("{folder}/pengesahan.yaml"),
                format!(
                    "tempat: Contoh\ntanggal: {}-03-16\njabatan: Bupati Contoh\nnama: Nama Penanda Tangan\n",
                    year + 1
                ),
            );
            for (file, key, title) in [
                ("00-kata-pengantar.md", "kata_pengantar", "Kata Pengantar"),
                ("00-pendahuluan.md", "pendahuluan", "Pendahuluan"),
                ("07-program.md", "program", "Program dan Anggaran"),
                ("08-kelembagaan.md", "kelembagaan", "Kelembagaan TKPK"),
                ("09-penutup.md", "penutup", "Penutup"),
            ] {
                self.write(
                    &format!("{folder}/{file}"),
                    format!("---\njudul: {title}\nbab: {key}\n---\nUraian {title} {year}.\n"),
                );
            }
        }
        self
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn output(&self) -> PathBuf {
        self.root().join("output")
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) -> &Self {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel)).unwrap()
    }

    /// Lays every file of the folder `case` (a case of `tests/fixtures/invalid/`) over the
    /// site, same relative paths, except the case's own [`EXPECTED_STDERR`]; returns how many
    /// files it laid.
    pub fn overlay(&self, case: &Path) -> usize {
        let mut laid = 0;
        for entry in walkdir::WalkDir::new(case).sort_by_file_name() {
            let entry = entry.unwrap();
            let rel = entry.path().strip_prefix(case).unwrap();
            if entry.file_type().is_file() && rel != Path::new(EXPECTED_STDERR) {
                self.write(&rel.to_string_lossy(), std::fs::read(entry.path()).unwrap());
                laid += 1;
            }
        }
        laid
    }

    pub fn remove(&self, rel: &str) -> &Self {
        let path = self.root().join(rel);
        if path.is_dir() {
            std::fs::remove_dir_all(path).unwrap();
        } else {
            std::fs::remove_file(path).unwrap();
        }
        self
    }

    /// Runs `tkpk ARGS…` in the site folder.
    pub fn run(&self, args: &[&str]) -> Run {
        Command::new(env!("CARGO_BIN_EXE_tkpk"))
            .args(args)
            .current_dir(self.root())
            .output()
            .unwrap()
            .into()
    }

    /// `run` with these variables set in tkpk's environment.
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        Command::new(env!("CARGO_BIN_EXE_tkpk"))
            .args(args)
            .envs(env.iter().copied())
            .current_dir(self.root())
            .output()
            .unwrap()
            .into()
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    /// An output page parsed as HTML.
    pub fn page(&self, rel: &str) -> scraper::Html {
        let text = std::fs::read_to_string(self.output().join(rel))
            .unwrap_or_else(|e| panic!("output/{rel}: {e}"));
        scraper::Html::parse_document(&text)
    }
}

/// Every file below `dir` with its bytes, keyed by relative path.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.unwrap();
        if entry.file_type().is_file() {
            let rel = entry
                .path()
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// The trimmed text of every element matching `selector`.
pub fn texts(html: &scraper::Html, selector: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(selector).unwrap();
    html.select(&sel)
        .map(|e| {
            e.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

/// The text of the cell `column` (0-based, among `td`) in the table row whose header is `row`.
pub fn cell(html: &scraper::Html, table: &str, row: &str, column: usize) -> Option<String> {
    let tr = scraper::Selector::parse(&format!("{table} tbody tr")).unwrap();
    let th = scraper::Selector::parse("th").unwrap();
    let td = scraper::Selector::parse("td").unwrap();
    html.select(&tr)
        .find(|r| {
            r.select(&th)
                .next()
                .is_some_and(|h| h.text().collect::<String>().trim() == row)
        })
        .and_then(|r| r.select(&td).nth(column))
        .map(|c| {
            c.text()
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
}

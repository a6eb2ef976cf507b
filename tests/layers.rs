//! The pipeline runs one way (ARCHITECTURE.md, "Layers"): every path in `src/` that starts at
//! `crate::`, `super::` or `self::` is resolved from the file it is in, and must go from a
//! module to one of a lower layer. A module of the library that is missing from [`LAYERS`]
//! fails too, so a new module is placed on purpose. Inside a module, its parts (files and
//! folders) use each other without a cycle.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The library's top-level modules from the bottom up; a module may use those of the layers
/// before its own, never one of its own layer or above.
const LAYERS: &[&[&str]] = &[
    // base: words and numbers every stage shares
    &["lang"],
    &["indicators", "markdown"],
    &["format"],
    &["messages"],
    &["diagnostics", "suggest"],
    // where files go, whatever wrote them
    &["output"],
    // load: the site folder as raw documents
    &["content"],
    // model: the validated site
    &["model"],
    // analyses: figures derived from the model, language-neutral
    &["analysis"],
    &["evaluation"],
    // one Report per region and year: every figure its pages show
    &["report"],
    // projections of the report: its charts, and its words for every page and download
    &["charts", "words"],
    &["downloads"],
    &["render"],
    // the pipeline strung together, then the commands that use it
    &["site"],
    &["bundle", "import", "pdf", "scaffold", "serve"],
];

/// The folder that holds the base layer's modules (`src/base/lang.rs` is the module `lang`).
const FOLDER: &str = "base";

fn layer(module: &str) -> Option<usize> {
    if module == FOLDER {
        return Some(0);
    }
    LAYERS.iter().position(|l| l.contains(&module))
}

/// The source without comments, string and char literals (their text is kept out, so a
/// `crate::` in a doc comment or a message is not an edge).
fn code_only(src: &str) -> String {
    let b = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'/' if b.get(i + 1) == Some(&b'/') => {
                while i < b.len() && b[i] != b'\n' {
                    i += 1;
                }
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let mut depth = 0;
                while i < b.len() {
                    if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                        depth += 1;
                        i += 2;
                    } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                        depth -= 1;
                        i += 2;
                        if depth == 0 {
                            break;
                        }
                    } else {
                        i += 1;
                    }
                }
            }
            b'r' if matches!(b.get(i + 1), Some(b'"') | Some(b'#'))
                && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_')) =>
            {
                // r"…", r#"…"#
                let mut j = i + 1;
                let mut hashes = 0;
                while b.get(j) == Some(&b'#') {
                    hashes += 1;
                    j += 1;
                }
                if b.get(j) != Some(&b'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                j += 1;
                loop {
                    if j >= b.len() {
                        break;
                    }
                    if b[j] == b'"' && (0..hashes).all(|k| b.get(j + 1 + k) == Some(&b'#')) {
                        j += 1 + hashes;
                        break;
                    }
                    j += 1;
                }
                out.push_str("\"\"");
                i = j;
            }
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    if b[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
                out.push_str("\"\"");
            }
            b'\'' => {
                // A char literal ('x', '\n', '\u{..}') or a lifetime ('a).
                let end = if b.get(i + 1) == Some(&b'\\') {
                    src[i + 2..].find('\'').map(|k| i + 2 + k)
                } else {
                    src[i + 1..]
                        .char_indices()
                        .nth(1)
                        .filter(|(_, c)| *c == '\'')
                        .map(|(k, _)| i + 1 + k)
                };
                match end {
                    Some(e) => {
                        out.push_str("' '");
                        i = e + 1;
                    }
                    None => {
                        out.push('\'');
                        i += 1;
                    }
                }
            }
            _ => {
                let c = src[i..].chars().next().unwrap();
                out.push(c);
                i += c.len_utf8();
            }
        }
    }
    out
}

fn ident(s: &str) -> &str {
    let end = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(s.len());
    &s[..end]
}

/// The module a file of `src/` is: `model/programs.rs` → `model::programs`, `model/mod.rs` →
/// `model`, `base/lang.rs` → `base::lang`, `lib.rs` → the crate itself.
fn module_path(rel: &Path) -> Vec<String> {
    let mut out: Vec<String> = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().to_string())
        .collect();
    let last = out.pop().unwrap_or_default();
    let stem = last.strip_suffix(".rs").unwrap_or(&last);
    if !matches!(stem, "mod" | "lib") {
        out.push(stem.to_string());
    }
    out
}

/// Reads one use-tree at the start of `s` (`a::b`, `a::{b, c::d}`, `*`), each branch appended
/// to `base`; stops where the path ends.
fn tree(s: &str, base: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let t = s.trim_start();
    let skipped = s.len() - t.len();
    if let Some(group) = t.strip_prefix('{') {
        let mut used = 1;
        let mut rest = group;
        loop {
            let n = tree(rest, base, out);
            rest = &rest[n..];
            used += n;
            let trimmed = rest.trim_start();
            used += rest.len() - trimmed.len();
            rest = trimmed;
            match rest.chars().next() {
                Some(',') => {
                    rest = &rest[1..];
                    used += 1;
                }
                Some('}') => return skipped + used + 1,
                _ => return skipped + used,
            }
            if rest.trim_start().starts_with('}') {
                let trimmed = rest.trim_start();
                return skipped + used + (rest.len() - trimmed.len()) + 1;
            }
        }
    }
    let name = ident(t);
    if name.is_empty() {
        // A glob names everything in the module it ends: that module is used.
        if t.starts_with('*') {
            out.push(base.to_vec());
            return skipped + 1;
        }
        return skipped;
    }
    let mut path = base.to_vec();
    if name != "self" {
        path.push(name.to_string());
    }
    let after = &t[name.len()..];
    if let Some(next) = after.strip_prefix("::") {
        return skipped + name.len() + 2 + tree(next, &path, out);
    }
    out.push(path);
    skipped + name.len()
}

/// The inline modules of `code` (`mod tests { … }`): each one's name and the byte range of
/// its body.
fn inline_modules(code: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let mut open: Vec<(Option<String>, usize)> = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        match bytes[i] {
            b'{' => {
                // `mod name {`: the last two words before the brace.
                let before = code[..i].trim_end();
                let name = ident(
                    before
                        .rsplit(|c: char| !(c.is_alphanumeric() || c == '_'))
                        .next()
                        .unwrap_or(""),
                );
                let head = before[..before.len() - name.len()].trim_end();
                let is_mod = !name.is_empty()
                    && head.ends_with("mod")
                    && !head[..head.len() - 3].ends_with(|c: char| c.is_alphanumeric() || c == '_');
                open.push((is_mod.then(|| name.to_string()), i));
            }
            b'}' => {
                if let Some((Some(name), start)) = open.pop() {
                    out.push((name, start..i));
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

/// Every path in `code` that starts at `crate::`, `super::` or `self::`, resolved to a path
/// from the crate's root, for code of the file whose module is `file` (inline modules in it
/// are one level down).
fn paths(code: &str, file: &[String]) -> Vec<Vec<String>> {
    let modules = inline_modules(code);
    let here_at = |i: usize| {
        let mut here = file.to_vec();
        let mut inside: Vec<&(String, std::ops::Range<usize>)> =
            modules.iter().filter(|(_, r)| r.contains(&i)).collect();
        inside.sort_by_key(|(_, r)| r.start);
        here.extend(inside.iter().map(|(n, _)| n.clone()));
        here
    };
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < code.len() {
        let rest = &code[i..];
        let starts = ["crate::", "super::", "self::"]
            .iter()
            .find(|p| rest.starts_with(**p));
        let boundary = i == 0 || {
            let b = bytes[i - 1];
            !(b.is_ascii_alphanumeric() || b == b'_' || b == b':')
        };
        let (Some(_), true) = (starts, boundary) else {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        };
        // The prefix: `crate::`, or `self::`, or `super::` repeated.
        let mut base: Vec<String> = here_at(i);
        let mut at = rest;
        if let Some(r) = at.strip_prefix("crate::") {
            base.clear();
            at = r;
        }
        loop {
            if let Some(r) = at.strip_prefix("self::") {
                at = r;
            } else if let Some(r) = at.strip_prefix("super::") {
                base.pop();
                at = r;
            } else {
                break;
            }
        }
        let used = rest.len() - at.len();
        let n = tree(at, &base, &mut out);
        i += used + n.max(1);
    }
    out
}

/// The library module a path names: its first segment, or the second under `base/`.
fn module_named(path: &[String]) -> Option<&str> {
    match path {
        [first, second, ..] if first == FOLDER => Some(second),
        [first] if first == FOLDER => Some(FOLDER),
        [first, ..] => Some(first),
        [] => None,
    }
}

/// The part of its module a path names (`model::values::count` → `values`).
fn part_named(path: &[String]) -> Option<&str> {
    let skip = if path.first().is_some_and(|f| f == FOLDER) {
        2
    } else {
        1
    };
    path.get(skip).map(String::as_str)
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

/// The source before its unit tests (`#[cfg(test)] mod tests`, at the end by custom), and the
/// tests.
fn split_tests(text: &str) -> (&str, &str) {
    let at = [
        "#[cfg(test)]\nmod tests",
        "#[cfg(test)]\npub(crate) mod tests",
    ]
    .iter()
    .filter_map(|m| text.find(m))
    .min()
    .unwrap_or(text.len());
    text.split_at(at)
}

/// One file of the library: its module path and every path it names, resolved.
struct Source {
    file: PathBuf,
    module: Vec<String>,
    paths: Vec<Vec<String>>,
    /// The paths of the code before the unit tests.
    code_paths: Vec<Vec<String>>,
}

fn source(file: PathBuf, rel: &Path, text: &str) -> Source {
    let module = module_path(rel);
    let (code, _) = split_tests(text);
    let code_paths = paths(&code_only(code), &module);
    let all = paths(&code_only(text), &module);
    Source {
        file,
        module,
        paths: all,
        code_paths,
    }
}

/// The library's sources (the binary, `main.rs`, `cli.rs` and `cmd/`, is the top and may use
/// everything).
fn library_sources() -> Vec<Source> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&src).unwrap().to_path_buf();
            let first = module_path(&rel).first().cloned().unwrap_or_default();
            if matches!(first.as_str(), "main" | "cli" | "cmd" | "") {
                return None;
            }
            let text = std::fs::read_to_string(&p).unwrap();
            Some(source(p, &rel, &text))
        })
        .collect()
}

/// Every edge of one file against the layers, as `from -> to` lines.
fn violations(s: &Source) -> Vec<String> {
    let Some(from) = module_named(&s.module) else {
        return Vec::new();
    };
    let Some(from_layer) = layer(from) else {
        return vec![format!(
            "{from}: not in LAYERS (place it in tests/layers.rs)"
        )];
    };
    let mut out = Vec::new();
    for path in &s.paths {
        let Some(to) = module_named(path) else {
            continue;
        };
        if to == from || to == "tests" {
            continue;
        }
        match layer(to) {
            Some(l) if l < from_layer => {}
            Some(_) => out.push(format!("{from} -> {to}")),
            None => out.push(format!("{from} -> {to}: {to} not in LAYERS")),
        }
    }
    out.sort();
    out.dedup();
    out
}

/// A source made from a text, for the tests of this file.
fn planted(rel: &str, text: &str) -> Source {
    source(PathBuf::from(rel), Path::new(rel), text)
}

#[test]
fn every_path_in_src_goes_down_the_layers() {
    let sources = library_sources();
    assert!(sources.len() > 40, "found only {} files", sources.len());
    let mut bad = Vec::new();
    for s in &sources {
        for v in violations(s) {
            bad.push(format!("{v}   ({})", s.file.display()));
        }
    }
    bad.sort();
    bad.dedup();
    assert!(
        bad.is_empty(),
        "imports against the layers (see ARCHITECTURE.md):\n{}",
        bad.join("\n")
    );
}

#[test]
fn a_planted_back_edge_is_found() {
    // `model` using `analysis`, a layer above it, in each shape a path takes.
    let shapes = [
        ("model/mod.rs", "use crate::analysis::round_to;"),
        ("model/mod.rs", "use crate::{content::RawSite, analysis};"),
        ("model/mod.rs", "use crate::{base::format, analysis};"),
        (
            "model/mod.rs",
            "fn f() { crate::analysis::round_to(1.0, 2); }",
        ),
        (
            "model/mod.rs",
            "use crate::{\n    content::{self, RawSite},\n    analysis::Band,\n};",
        ),
        ("model/mod.rs", "pub(crate) use super::analysis::Band;"),
        ("model/programs.rs", "use super::super::analysis::Band;"),
        (
            "model/programs.rs",
            "fn f() { super::super::analysis::round_to(1.0, 2); }",
        ),
        ("model/mod.rs", "use self::super::analysis::Band;"),
        (
            "model/mod.rs",
            "#[cfg(test)]\nmod tests { use super::super::analysis::Band; }",
        ),
        (
            "base/format.rs",
            "use crate::base::diagnostics::Diagnostic;",
        ),
        ("base/format.rs", "use super::messages::Words;"),
        ("model/mod.rs", "use crate::analysis::*;"),
        (
            "model/mod.rs",
            "use crate::{content::RawSite, analysis::*};",
        ),
    ];
    for (file, shape) in shapes {
        let found = violations(&planted(file, shape));
        assert_eq!(found.len(), 1, "{file}: {shape}: {found:?}");
    }
    // Text that only looks like a path is not an edge.
    for not_code in [
        "// use crate::analysis::round_to;",
        "/// see [`crate::analysis`]",
        "let s = \"crate::analysis\";",
        "let s = r#\"crate::render\"#;",
        "/* crate::render */",
        "use tkpk_crate::analysis;",
    ] {
        assert!(
            violations(&planted("model/mod.rs", not_code)).is_empty(),
            "{not_code}"
        );
    }
    // Downward edges and a module's own paths are fine; an unknown module is not.
    let fine = "use crate::content::RawSite; use crate::model::Site; use super::validate::x;
        use super::super::base::lang::Lang; mod tests { use super::*; }";
    assert!(violations(&planted("model/programs.rs", fine)).is_empty());
    assert_eq!(
        violations(&planted("grabbag.rs", "")),
        vec!["grabbag: not in LAYERS (place it in tests/layers.rs)".to_string()]
    );
}

/// Inside one module, the edges between its parts (`model::values` used by
/// `model::programs`). A module's own file may hold types its parts share; what a part needs
/// of another part, such as the page paths that views and search both use, is a part of its
/// own.
fn part_edges(module: &str, sources: &[&Source]) -> BTreeSet<(String, String)> {
    let part_of = |path: &[String]| {
        (module_named(path) == Some(module))
            .then(|| part_named(path))
            .flatten()
            .map(str::to_string)
    };
    let parts: BTreeSet<String> = sources.iter().filter_map(|s| part_of(&s.module)).collect();
    let mut edges = BTreeSet::new();
    for s in sources {
        let Some(from) = part_of(&s.module) else {
            continue;
        };
        // Unit tests may reach their module any way they like.
        for path in &s.code_paths {
            if let Some(to) = part_of(path).filter(|to| parts.contains(to) && *to != from) {
                edges.insert((from.clone(), to));
            }
        }
    }
    edges
}

/// One cycle of `edges`, if any, as `a -> b -> … -> a`.
fn cycle(edges: &BTreeSet<(String, String)>) -> Option<String> {
    fn visit(
        node: &str,
        edges: &BTreeSet<(String, String)>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<String> {
        if let Some(i) = path.iter().position(|n| n == node) {
            let mut c = path[i..].to_vec();
            c.push(node.to_string());
            return Some(c.join(" -> "));
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for (_, to) in edges.iter().filter(|(from, _)| from == node) {
            if let Some(c) = visit(to, edges, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    edges
        .iter()
        .find_map(|(from, _)| visit(from, edges, &mut Vec::new(), &mut done))
}

#[test]
fn no_module_has_a_cycle_between_its_parts() {
    let sources = library_sources();
    let modules: BTreeSet<&str> = sources
        .iter()
        .filter_map(|s| module_named(&s.module))
        .collect();
    let found: Vec<String> = modules
        .iter()
        .filter_map(|m| {
            let mine: Vec<&Source> = sources
                .iter()
                .filter(|s| module_named(&s.module) == Some(*m))
                .collect();
            cycle(&part_edges(m, &mine)).map(|c| format!("{m}: {c}"))
        })
        .collect();
    assert!(
        found.is_empty(),
        "cycles inside modules:\n{}",
        found.join("\n")
    );
}

#[test]
fn two_parts_using_each_other_are_a_cycle() {
    let edges = |files: &[(&str, &str)]| {
        let sources: Vec<Source> = files.iter().map(|(f, t)| planted(f, t)).collect();
        let refs: Vec<&Source> = sources.iter().collect();
        cycle(&part_edges("import", &refs))
    };
    // Two siblings using each other, by `crate::` or by `super::`.
    assert!(
        edges(&[
            ("import/matrix.rs", "use crate::import::program_file::x;"),
            ("import/program_file.rs", "use super::matrix::y;"),
        ])
        .is_some()
    );
    // One way only is fine, and a unit test may use anything.
    assert_eq!(
        edges(&[
            ("import/matrix.rs", "use crate::import::program_file::x;"),
            (
                "import/program_file.rs",
                "use crate::content::RawProgram;\n#[cfg(test)]\nmod tests { use crate::import::matrix::y; }",
            ),
        ]),
        None
    );
    // Three in a ring, one of them a folder.
    assert_eq!(
        edges(&[
            ("import/a.rs", "use super::b::x;"),
            ("import/b/mod.rs", "use crate::import::c::x;"),
            ("import/c.rs", "use super::a::x;"),
        ])
        .as_deref(),
        Some("a -> b -> c -> a")
    );
}

#[test]
fn paths_are_resolved_from_the_file_they_are_in() {
    let p = |rel: &str, code: &str| paths(code, &module_path(Path::new(rel)));
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<_>>();
    assert_eq!(
        p("model/programs.rs", "use super::values::count;"),
        vec![s(&["model", "values", "count"])]
    );
    assert_eq!(
        p("model/mod.rs", "use super::content::X;"),
        vec![s(&["content", "X"])]
    );
    assert_eq!(
        p(
            "base/format.rs",
            "use crate::base::{lang::Lang, indicators::{self, Unit}};"
        ),
        vec![
            s(&["base", "lang", "Lang"]),
            s(&["base", "indicators"]),
            s(&["base", "indicators", "Unit"]),
        ]
    );
    assert_eq!(
        p("render/views/report.rs", "use super::super::paths::x;"),
        vec![s(&["render", "paths", "x"])]
    );
}

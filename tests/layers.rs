//! The pipeline runs one way (ARCHITECTURE.md, "Layers"): every `crate::` path in `src/` goes
//! from a module to one of a lower layer. A module of the library that is missing from
//! [`LAYERS`] fails too, so a new module is placed on purpose. Inside a module, its parts
//! (files and folders) use each other without a cycle, and none uses its parent's own items.

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
    &["import", "pdf", "scaffold", "serve"],
];

/// Edges the layering does not allow yet, each with the step of the report-stage issue that
/// removes it. Empty is the goal; an edge that no longer exists must be taken off the list.
const NOT_YET: &[(&str, &str)] = &[];

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

/// The top-level modules named by `crate::` paths in `code`, with `crate::{a, b::c}` groups.
fn crate_paths(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        rest = &rest[at + "crate::".len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue; // `tkpk_crate::`, not `crate::`
        }
        let mut rest_trim = rest.trim_start();
        // `base` is a folder of modules: `crate::base::lang` names `lang`.
        if let Some(inner) = rest_trim
            .strip_prefix(FOLDER)
            .and_then(|r| r.strip_prefix("::"))
        {
            rest_trim = inner;
        }
        if let Some(group) = rest_trim.strip_prefix('{') {
            // Top-level items of a balanced group.
            let mut depth = 0;
            let mut item_start = true;
            for (k, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => item_start = true,
                    c if item_start && (c.is_alphanumeric() || c == '_') => {
                        let name = ident(&group[k..]);
                        let after = &group[k + name.len()..];
                        match after.strip_prefix("::").filter(|_| name == FOLDER) {
                            Some(inner) if !inner.starts_with('{') => {
                                out.insert(ident(inner).to_string())
                            }
                            _ => out.insert(name.to_string()),
                        };
                        item_start = false;
                    }
                    _ => {}
                }
            }
        } else {
            let name = ident(rest_trim);
            if !name.is_empty() {
                out.insert(name.to_string());
            }
        }
    }
    out
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

/// The library module a file of `src/` belongs to; `None` for the binary (main.rs, cli.rs,
/// cmd/), which is the top and may use everything.
fn module_of(rel: &Path) -> Option<String> {
    let mut parts = rel
        .components()
        .map(|c| c.as_os_str().to_str().unwrap_or(""));
    let mut first = parts.next()?;
    if first == FOLDER {
        first = parts.next()?;
    }
    let name = first.strip_suffix(".rs").unwrap_or(first);
    match name {
        "main" | "cli" | "cmd" | "lib" => None,
        // The folder's own file only declares its modules.
        "mod" => Some(FOLDER.to_string()),
        _ => Some(name.to_string()),
    }
}

/// Every edge against the layers, as `from -> to (file)` lines.
fn violations(files: &[(String, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (module, code) in files {
        let Some(from) = layer(module) else {
            out.push(format!(
                "{module}: not in LAYERS (place it in tests/layers.rs)"
            ));
            continue;
        };
        for to in crate_paths(code) {
            if &to == module || NOT_YET.contains(&(module.as_str(), to.as_str())) {
                continue;
            }
            match layer(&to) {
                Some(l) if l < from => {}
                Some(_) => out.push(format!("{module} -> {to}")),
                None => out.push(format!("{module} -> {to}: {to} not in LAYERS")),
            }
        }
    }
    out
}

fn library_sources() -> Vec<(String, String, PathBuf)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files
        .into_iter()
        .filter_map(|p| {
            let module = module_of(p.strip_prefix(&src).unwrap())?;
            let code = code_only(&std::fs::read_to_string(&p).unwrap());
            Some((module, code, p))
        })
        .collect()
}

#[test]
fn every_crate_path_in_src_goes_down_the_layers() {
    let sources = library_sources();
    assert!(sources.len() > 40, "found only {} files", sources.len());
    let mut bad = Vec::new();
    for (module, code, path) in &sources {
        for v in violations(&[(module.clone(), code.clone())]) {
            bad.push(format!("{v}   ({})", path.display()));
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
fn every_edge_not_yet_allowed_still_exists() {
    let sources = library_sources();
    for (from, to) in NOT_YET {
        assert!(
            sources
                .iter()
                .any(|(m, code, _)| m == from && crate_paths(code).contains(*to)),
            "{from} -> {to} is gone: take it off NOT_YET in tests/layers.rs"
        );
    }
}

#[test]
fn a_planted_back_edge_is_found() {
    // model importing the report stage, in each shape a path takes.
    let shapes = [
        "use crate::analysis::round_to;",
        "use crate::{content::RawSite, analysis};",
        "use crate::{base::format, analysis};",
        "fn f() { crate::analysis::round_to(1.0, 2); }",
        "use crate::{\n    content::{self, RawSite},\n    evaluation::Sheet,\n};",
    ];
    for shape in shapes {
        let found = violations(&[("model".to_string(), code_only(shape))]);
        assert_eq!(found.len(), 1, "{shape}: {found:?}");
    }
    // Text that only looks like a path is not an edge.
    for not_code in [
        "// use crate::analysis::round_to;",
        "/// see [`crate::analysis`]",
        "let s = \"crate::analysis\";",
        "let s = r#\"crate::render\"#;",
        "/* crate::render */",
    ] {
        assert!(
            violations(&[("model".to_string(), code_only(not_code))]).is_empty(),
            "{not_code}"
        );
    }
    // Downward edges and a module's own paths are fine; an unknown module is not.
    assert!(
        violations(&[(
            "model".into(),
            code_only("use crate::content::RawSite; use crate::model::Site;")
        )])
        .is_empty()
    );
    assert_eq!(
        violations(&[("grabbag".into(), String::new())]),
        vec!["grabbag: not in LAYERS (place it in tests/layers.rs)".to_string()]
    );
}

/// The first-level parts of a module folder (`src/render/views/…` → `views`), or `None` for
/// the module's own file.
fn part_of(rel: &Path) -> Option<String> {
    let skip = if rel.starts_with(FOLDER) { 2 } else { 1 };
    let mut parts = rel.components().skip(skip);
    let first = parts.next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (name != "mod").then(|| name.to_string())
}

/// Inside one module, the edges between its parts named by `crate::<module>::<part>` paths. (A
/// module's own file may hold types its parts share; what a part needs of another part, such
/// as the page paths views and search both use, is a part of its own.)
fn part_edges(module: &str, files: &[(Option<String>, String)]) -> BTreeSet<(String, String)> {
    let parts: BTreeSet<&str> = files.iter().filter_map(|(p, _)| p.as_deref()).collect();
    let mut edges = BTreeSet::new();
    let prefix = format!("crate::{module}::");
    for (part, code) in files {
        let Some(part) = part else { continue };
        let mut rest = code.as_str();
        while let Some(at) = rest.find(&prefix) {
            let before = rest[..at].chars().last();
            rest = &rest[at + prefix.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let to = ident(rest);
            if parts.contains(to) && to != part {
                edges.insert((part.clone(), to.to_string()));
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
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut by_module: std::collections::BTreeMap<String, Vec<(Option<String>, String)>> =
        Default::default();
    for p in files {
        let rel = p.strip_prefix(&src).unwrap();
        let Some(module) = module_of(rel) else {
            continue;
        };
        // Unit tests may reach their module any way they like.
        let text = std::fs::read_to_string(&p).unwrap();
        let code = code_only(without_tests(&text));
        by_module
            .entry(module)
            .or_default()
            .push((part_of(rel), code));
    }
    let found: Vec<String> = by_module
        .iter()
        .filter_map(|(m, files)| cycle(&part_edges(m, files)))
        .collect();
    assert!(
        found.is_empty(),
        "cycles inside modules:\n{}",
        found.join("\n")
    );
}

/// The source before its unit tests (`#[cfg(test)] mod tests`, at the end by custom).
fn without_tests(text: &str) -> &str {
    [
        "#[cfg(test)]\nmod tests",
        "#[cfg(test)]\npub(crate) mod tests",
    ]
    .iter()
    .filter_map(|m| text.find(m))
    .min()
    .map_or(text, |at| &text[..at])
}

#[test]
fn two_parts_using_each_other_are_a_cycle() {
    let code = |s: &str| code_only(s);
    // Two siblings using each other.
    let files = vec![
        (
            Some("matrix".to_string()),
            code("use crate::import::program_file::x;"),
        ),
        (
            Some("program_file".to_string()),
            code("use crate::import::matrix::y;"),
        ),
    ];
    assert!(cycle(&part_edges("import", &files)).is_some());
    // One way only is fine.
    let files = vec![
        (
            Some("matrix".to_string()),
            code("use crate::import::program_file::x;"),
        ),
        (
            Some("program_file".to_string()),
            code("use crate::content::RawProgram;"),
        ),
    ];
    assert_eq!(cycle(&part_edges("import", &files)), None);
    // Three in a ring, and a test module that is not looked at.
    let files = vec![
        (Some("a".to_string()), code("use crate::m::b::x;")),
        (Some("b".to_string()), code("use crate::m::c::x;")),
        (Some("c".to_string()), code("use crate::m::a::x;")),
    ];
    assert_eq!(
        cycle(&part_edges("m", &files)).as_deref(),
        Some("a -> b -> c -> a")
    );
    let with_test = "use crate::m::b::x;\n#[cfg(test)]\nmod tests { use crate::m::a::y; }";
    assert_eq!(without_tests(with_test), "use crate::m::b::x;\n");
}

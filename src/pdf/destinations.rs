//! The printed page of every element with an `id`, read back from a PDF that Chromium wrote.
//!
//! Chromium (through Skia) gives every `id` of the page a named destination: the catalog's
//! `/Dests` dictionary maps `/bab-profil` to `[18 0 R /XYZ …]`, a page object, and the page
//! tree (`/Type /Pages`, `/Kids`) orders the page objects. Skia writes these objects plainly
//! (not in compressed object streams), so a small reader is enough; anything it cannot follow
//! gives no pages rather than wrong ones.

use std::collections::{BTreeMap, HashMap};

/// The objects of a PDF by number: each object's text up to its stream, if any.
fn objects(pdf: &[u8]) -> HashMap<u32, &[u8]> {
    let mut found = HashMap::new();
    let mut at = 0;
    while let Some(start) = find(&pdf[at..], b" 0 obj").map(|i| i + at) {
        // The number before " 0 obj", at the start of its line.
        let line_start = pdf[..start]
            .iter()
            .rposition(|b| *b == b'\n' || *b == b'\r')
            .map_or(0, |i| i + 1);
        let body_start = start + b" 0 obj".len();
        let end = find(&pdf[body_start..], b"endobj").map_or(pdf.len(), |i| i + body_start);
        // A stream starts after its dictionary: `>>`, white space, `stream`, a line end. Only
        // that is a stream; the word inside a name or a string is not.
        let stream = stream_start(&pdf[body_start..end]).map(|i| i + body_start);
        let body_end = stream.unwrap_or(end);
        if let Some(number) = std::str::from_utf8(&pdf[line_start..start])
            .ok()
            .and_then(|n| n.trim().parse::<u32>().ok())
        {
            found.insert(number, &pdf[body_start..body_end]);
        }
        // A stream's bytes are not searched for objects.
        at = match stream {
            Some(s) => find(&pdf[s..], b"endstream").map_or(pdf.len(), |i| i + s),
            None => end.max(body_start),
        };
    }
    found
}

/// Where `stream` begins in an object's text, when it holds one.
fn stream_start(object: &[u8]) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = find(&object[from..], b"stream").map(|i| i + from) {
        let before = object[..i].trim_ascii_end();
        let after = object.get(i + b"stream".len());
        if before.ends_with(b">>") && matches!(after, Some(b'\r' | b'\n')) {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The object numbers of the references `N 0 R` in `text`, in order.
fn references(text: &str) -> Vec<u32> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .windows(3)
        .filter(|w| w[1] == "0" && w[2].starts_with('R'))
        .filter_map(|w| w[0].trim_start_matches('[').parse().ok())
        .collect()
}

/// The text after `key` in a dictionary, up to the next key at the same level (roughly: the
/// next `/` that starts a line).
fn value<'a>(dictionary: &'a str, key: &str) -> Option<&'a str> {
    let at = dictionary.find(&format!("{key} ")).or_else(|| {
        dictionary
            .find(&format!("{key}["))
            .or_else(|| dictionary.find(&format!("{key}\n")))
    })?;
    let rest = &dictionary[at + key.len()..];
    let end = rest.find("\n/").unwrap_or(rest.len());
    Some(&rest[..end])
}

/// A PDF name as written (`bab#2Dprofil`), decoded.
fn name(written: &str) -> String {
    let bytes = written.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'#'
            && let Some(byte) = written
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    // Chromium writes the id percent-encoded (`bab-%C3%A9` for `bab-é`).
    let mut decoded = Vec::with_capacity(out.len());
    let mut i = 0;
    while i < out.len() {
        if out[i] == b'%'
            && let Some(byte) = std::str::from_utf8(out.get(i + 1..i + 3).unwrap_or_default())
                .ok()
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            decoded.push(byte);
            i += 3;
        } else {
            decoded.push(out[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}

/// The page (from 1) of every named destination of `pdf`; empty when the PDF has none or is
/// not written as this reader expects.
pub fn named_pages(pdf: &[u8]) -> BTreeMap<String, usize> {
    let objects = objects(pdf);
    let text = |n: u32| objects.get(&n).map(|b| String::from_utf8_lossy(b));
    let Some(catalog) = objects
        .values()
        .map(|b| String::from_utf8_lossy(b))
        .find(|t| t.contains("/Type /Catalog"))
    else {
        return BTreeMap::new();
    };
    let first = |key: &str| value(&catalog, key).and_then(|v| references(v).first().copied());
    let (Some(pages), Some(dests)) = (first("/Pages"), first("/Dests")) else {
        return BTreeMap::new();
    };
    // The page objects in order: the page tree walked depth first.
    let mut order: HashMap<u32, usize> = HashMap::new();
    let mut stack = vec![pages];
    let mut seen = 0;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > objects.len() {
            return BTreeMap::new();
        }
        let Some(node) = text(n) else {
            return BTreeMap::new();
        };
        if node.contains("/Type /Pages") {
            let kids = value(&node, "/Kids").map(references).unwrap_or_default();
            stack.extend(kids.into_iter().rev());
        } else {
            let next = order.len() + 1;
            order.insert(n, next);
        }
    }
    let Some(dests) = text(dests) else {
        return BTreeMap::new();
    };
    let mut named = BTreeMap::new();
    for entry in dests.split('\n') {
        let entry = entry.trim().trim_start_matches("<<");
        let Some(rest) = entry.strip_prefix('/') else {
            continue;
        };
        let Some((written, target)) = rest.split_once('[') else {
            continue;
        };
        if let Some(page) = references(&format!("[{target}"))
            .first()
            .and_then(|p| order.get(p))
        {
            named.insert(name(written.trim()), *page);
        }
    }
    named
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A PDF as Skia writes one: a two-level page tree and a `/Dests` dictionary.
    const PDF: &str = "%PDF-1.4\n%\u{e2}\n\
2 0 obj\n<</Type /Page\n/Parent 47 0 R>>\nendobj\n\
16 0 obj\n<</Type /Page\n/Parent 47 0 R>>\nendobj\n\
18 0 obj\n<</Type /Page\n/Contents 19 0 R\n/Parent 48 0 R>>\nendobj\n\
19 0 obj\n<</Length 10>> stream\n7 0 obj\n<</Type /Page>>\nendstream\nendobj\n\
47 0 obj\n<</Type /Pages\n/Count 2\n/Kids [2 0 R 16 0 R]\n/Parent 49 0 R>>\nendobj\n\
48 0 obj\n<</Type /Pages\n/Count 1\n/Kids [18 0 R]\n/Parent 49 0 R>>\nendobj\n\
49 0 obj\n<</Type /Pages\n/Count 3\n/Kids [47 0 R 48 0 R]>>\nendobj\n\
50 0 obj\n<</bab-ringkasan [2 0 R /XYZ 0 502.16998 0]\n/bab#2Dprofil [18 0 R /XYZ 0 814.91998 0]\n/grafik-p0 [16 0 R /XYZ 0 1 0]\n/bab-upstream [18 0 R /XYZ 0 1 0]\n/bab-#25C3#25A9 [16 0 R /XYZ 0 1 0]>>\nendobj\n\
901 0 obj\n<</Type /Catalog\n/Pages 49 0 R\n/Dests 50 0 R>>\nendobj\n\
trailer\n<</Root 901 0 R>>\n%%EOF\n";

    #[test]
    fn every_named_destination_gets_its_page() {
        let pages = named_pages(PDF.as_bytes());
        assert_eq!(
            pages.into_iter().collect::<Vec<_>>(),
            [
                ("bab-profil".to_string(), 3),
                ("bab-ringkasan".to_string(), 1),
                ("bab-upstream".to_string(), 3),
                ("bab-é".to_string(), 2),
                ("grafik-p0".to_string(), 2)
            ]
        );
    }

    #[test]
    fn a_pdf_it_cannot_follow_gives_no_pages() {
        assert!(named_pages(b"%PDF-1.4\n").is_empty());
        assert!(named_pages(PDF.replace("/Dests 50 0 R", "").as_bytes()).is_empty());
        // A page tree that points at an object that is not there.
        assert!(
            named_pages(PDF.replace("[47 0 R 48 0 R]", "[47 0 R 77 0 R]").as_bytes()).is_empty()
        );
        // A tree that loops does not hang.
        assert!(named_pages(PDF.replace("[18 0 R]", "[49 0 R]").as_bytes()).is_empty());
        assert!(named_pages(b"").is_empty());
    }
}

//! Chromium's PDFs made byte-stable: the same page printed twice gives the same bytes.
//!
//! A print differs from the last in three places only: the document's `/CreationDate` and
//! `/ModDate` (the time of printing), the ids Blink gives the structure elements of a tagged
//! PDF (`/ID (node00000051)`, referred to by `/Headers [(node00000051)]`: a counter of the
//! browser, so they depend on what else it printed before), and, where a browser writes one,
//! the trailer's `/ID [<hex> <hex>]`. Each is rewritten in place to a value of the same length,
//! so that every byte offset (the cross-reference table, `startxref`) stays right:
//!
//! - a date's digits become those of the given date at midnight, in its own format
//!   (`D:20251105000000+00'00'`);
//! - the node ids are numbered in the order they first appear, as wide as before;
//! - the trailer's ids become a SHA-256 of the rest of the file, as many hex digits as before.

use crate::model::institution::Date;
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::path::Path;

/// Rewrites `pdf` (see the module) for `date`; its length never changes.
pub fn stabilise(pdf: &mut [u8], date: Date) {
    let digits = format!("{:04}{:02}{:02}", date.year, date.month, date.day);
    for key in [&b"/CreationDate"[..], b"/ModDate"] {
        for at in find_all(pdf, key) {
            if let Some((start, end)) = string_after(pdf, at + key.len())
                && pdf[start..end].starts_with(b"D:")
            {
                let mut wanted = digits.bytes().chain(std::iter::repeat(b'0'));
                for b in &mut pdf[start + 2..end] {
                    if b.is_ascii_digit() {
                        *b = wanted.next().unwrap_or(b'0');
                    }
                }
            }
        }
    }
    renumber_nodes(pdf);
    let ids = trailer_ids(pdf);
    for &(start, end) in &ids {
        pdf[start..end].fill(b'0');
    }
    let whole = Sha256::digest(&*pdf);
    for (i, &(start, end)) in ids.iter().enumerate() {
        let mut hex = String::new();
        let mut round = 0u8;
        while hex.len() < end - start {
            let mut h = Sha256::new();
            h.update(whole);
            h.update([u8::try_from(i).unwrap_or(u8::MAX), round]);
            hex.extend(h.finalize().iter().map(|b| format!("{b:02X}")));
            round = round.wrapping_add(1);
        }
        pdf[start..end].copy_from_slice(&hex.as_bytes()[..end - start]);
    }
}

/// [`stabilise`] on a file, replaced by a rename (never left half-written).
pub fn stabilise_file(path: &Path, date: Date) -> std::io::Result<()> {
    let mut bytes = std::fs::read(path)?;
    stabilise(&mut bytes, date);
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".tkpk-pdf-")
        .tempfile_in(folder)?;
    std::io::Write::write_all(&mut temp, &bytes)?;
    // The PDF keeps the permissions it was written with (a temporary file's are private).
    temp.as_file()
        .set_permissions(std::fs::metadata(path)?.permissions())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Every offset at which `needle` starts.
fn find_all(hay: &[u8], needle: &[u8]) -> Vec<usize> {
    hay.windows(needle.len())
        .enumerate()
        .filter(|(_, w)| *w == needle)
        .map(|(i, _)| i)
        .collect()
}

/// The inside of the literal string `( … )` that follows `from` after blanks (no nesting or
/// escapes: a date has none).
fn string_after(pdf: &[u8], from: usize) -> Option<(usize, usize)> {
    let open = from + pdf[from..].iter().position(|b| !b.is_ascii_whitespace())?;
    if pdf[open] != b'(' {
        return None;
    }
    let close = open + pdf[open..].iter().position(|b| *b == b')')?;
    Some((open + 1, close))
}

/// `(node<digits>)` strings numbered by first appearance, each as wide as it was.
fn renumber_nodes(pdf: &mut [u8]) {
    let mut seen: HashMap<Vec<u8>, usize> = HashMap::new();
    for at in find_all(pdf, b"(node") {
        let start = at + 5;
        let width = pdf[start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if width == 0 || pdf.get(start + width) != Some(&b')') {
            continue;
        }
        let next = seen.len();
        let n = *seen
            .entry(pdf[start..start + width].to_vec())
            .or_insert(next);
        let text = format!("{n:0width$}");
        if text.len() == width {
            pdf[start..start + width].copy_from_slice(text.as_bytes());
        }
    }
}

/// The hex strings of every `/ID [<…> <…>]` array (the trailer's or an xref stream's).
fn trailer_ids(pdf: &[u8]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for at in find_all(pdf, b"/ID") {
        let mut i = at + 3;
        while pdf.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if pdf.get(i) != Some(&b'[') {
            continue;
        }
        i += 1;
        loop {
            while pdf.get(i).is_some_and(u8::is_ascii_whitespace) {
                i += 1;
            }
            if pdf.get(i) != Some(&b'<') {
                break;
            }
            let Some(len) = pdf[i + 1..].iter().position(|b| *b == b'>') else {
                break;
            };
            if !pdf[i + 1..i + 1 + len].iter().all(u8::is_ascii_hexdigit) {
                break;
            }
            out.push((i + 1, i + 1 + len));
            i += len + 2;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A print as Chromium writes one, with the variable parts given.
    fn print(stamp: &str, nodes: [u32; 2], id: &str) -> Vec<u8> {
        format!(
            "%PDF-1.4\n1 0 obj\n<</Creator (Chromium)\n/CreationDate (D:{stamp}+00'00')\n\
             /ModDate (D:{stamp}+00'00')>>\nendobj\n2 0 obj\n<</S /TD /ID (node{:08})>>\nendobj\n\
             3 0 obj\n<</A [<</O /Table /Headers [(node{:08}) (node{:08})]>>]>>\nendobj\n\
             4 0 obj\n<</Title (see node 12 \\(node12\\))>>\nendobj\n\
             trailer\n<</Size 5 /Root 1 0 R /ID [<{id}> <{id}>]>>\nstartxref\n123\n%%EOF\n",
            nodes[0], nodes[1], nodes[0]
        )
        .into_bytes()
    }

    const DATE: Date = Date {
        year: 2025,
        month: 11,
        day: 5,
    };

    #[test]
    fn two_prints_become_the_same_bytes_of_the_same_length() {
        let mut a = print(
            "20261205054930",
            [51, 52],
            "0123456789ABCDEF0123456789ABCDEF",
        );
        let mut b = print(
            "20261205060102",
            [9041, 9042],
            "FEDCBA9876543210FEDCBA9876543210",
        );
        let (la, lb) = (a.len(), b.len());
        assert_ne!(a, b);
        stabilise(&mut a, DATE);
        stabilise(&mut b, DATE);
        assert_eq!((a.len(), b.len()), (la, lb));
        assert_eq!(a, b);
        let text = String::from_utf8(a.clone()).unwrap();
        assert!(
            text.contains("/CreationDate (D:20251105000000+00'00')"),
            "{text}"
        );
        assert!(text.contains("/ModDate (D:20251105000000+00'00')"));
        assert!(text.contains("/ID (node00000000)"), "{text}");
        assert!(
            text.contains("/Headers [(node00000001) (node00000000)]"),
            "{text}"
        );
        // A title that only looks like an id is left alone.
        assert!(text.contains("(see node 12 \\(node12\\))"), "{text}");
        // The ids are hex of the same length, from the rest of the file.
        let ids = trailer_ids(&a);
        assert_eq!(ids.len(), 2);
        for (s, e) in ids {
            assert_eq!(e - s, 32);
            assert!(a[s..e].iter().all(u8::is_ascii_hexdigit));
            assert_ne!(&a[s..e], b"00000000000000000000000000000000");
        }
        // Another date, other bytes; running it again changes nothing more.
        let mut c = a.clone();
        stabilise(
            &mut c,
            Date {
                year: 2026,
                month: 1,
                day: 31,
            },
        );
        assert_ne!(a, c);
        let before = a.clone();
        stabilise(&mut a, DATE);
        assert_eq!(a, before);
    }

    #[test]
    fn every_byte_outside_the_rewritten_values_stays() {
        let original = print(
            "20261205054930",
            [51, 52],
            "0123456789ABCDEF0123456789ABCDEF",
        );
        let mut rewritten = original.clone();
        stabilise(&mut rewritten, DATE);
        let changed: Vec<usize> = (0..original.len())
            .filter(|i| original[*i] != rewritten[*i])
            .collect();
        // Digits only (dates, node numbers, hex ids): no delimiter, key or offset moved.
        assert!(changed.iter().all(|i| original[*i].is_ascii_hexdigit()));
        let text = String::from_utf8(rewritten).unwrap();
        assert!(text.ends_with("startxref\n123\n%%EOF\n"));
    }

    #[cfg(unix)]
    #[test]
    fn a_file_is_replaced_whole_with_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.pdf");
        std::fs::write(&path, print("20261205054930", [1, 2], "AB")).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        stabilise_file(&path, DATE).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains("(D:20251105000000+00'00')"), "{text}");
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o644);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_pdf_without_the_fields_is_left_as_it_is() {
        let mut plain = b"%PDF-1.4\n1 0 obj\n<</Type /Catalog /ID 5>>\nendobj\n".to_vec();
        let before = plain.clone();
        stabilise(&mut plain, DATE);
        assert_eq!(plain, before);
    }
}

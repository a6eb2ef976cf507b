//! The page numbers of a printed document's contents lists, for both ways of printing: a script
//! run in the page writes the page of each entry (`[data-halaman-untuk]`), found in an earlier
//! print's named destinations, and the page is printed again until the numbers it shows are
//! where the entries fell.

use std::collections::BTreeMap;

/// How many times a page is printed at most with numbers in its contents.
pub(crate) const MAX_PASSES: u8 = 3;

/// Writes `numbers` (id → page in the PDF) into every `[data-halaman-untuk]` element of the
/// page and gives back the ids it wrote for. A link to another file of the site loses its
/// address (its text stays): in a PDF it would be a `file://` address of this computer's
/// output folder, useless to a reader and a different PDF in every folder. An element marked `data-romawi` (the front
/// matter) gets the page in Roman numerals; the others count from the page of the id that
/// `[data-halaman-awal]` names (BAB I is page 1), as the printed footers do.
///
/// `finding`: the next print only finds where things fall, so a page with contents is hidden
/// for it (`visibility` leaves the layout as it is: the pages and the named destinations stay,
/// and nothing is painted, which takes a third off that print); any other fill shows it again.
pub(crate) fn fill_script(numbers: &BTreeMap<String, usize>, finding: bool) -> String {
    // `<` written as \u003c: an id can never end the script it is written into (a page's copy
    // carries this script in a <script> element).
    let numbers = serde_json::to_string(numbers)
        .unwrap_or_else(|_| "{}".into())
        .replace('<', "\\u003c");
    format!(
        "(function (p) {{ var has = function (k) {{ return Object.prototype.hasOwnProperty.call(p, k); }}; \
         document.querySelectorAll('a[href]').forEach(function (a) {{ if (!/^(#|https?:|mailto:)/i.test(a.getAttribute('href'))) {{ a.removeAttribute('href'); }} }}); \
         var roman = function (n) {{ var r = ''; [[1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']].forEach(function (x) {{ while (n >= x[0]) {{ r += x[1]; n -= x[0]; }} }}); return r; }}; \
         var start = document.querySelector('[data-halaman-awal]'); var first = start && start.getAttribute('data-halaman-awal'); var off = first && has(first) ? p[first] - 1 : 0; \
         var ids = []; document.querySelectorAll('[data-halaman-untuk]').forEach(function (e) {{ var id = e.getAttribute('data-halaman-untuk'); e.textContent = has(id) ? (e.hasAttribute('data-romawi') ? roman(p[id]) : String(p[id] - off)) : ''; ids.push(id); }}); \
         if (first) {{ ids.push(first); }} \
         var hidden = document.getElementById('tkpk-cari-halaman'); if (hidden) {{ hidden.remove(); }} \
         if ({finding} && ids.length) {{ hidden = document.createElement('style'); hidden.id = 'tkpk-cari-halaman'; hidden.textContent = '*, *::before, *::after {{ visibility: hidden !important; }}'; document.head.appendChild(hidden); }} \
         return ids; }})({numbers})"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_id_can_end_the_script_it_is_written_into() {
        let numbers = BTreeMap::from([("a</script><!--<script>".to_string(), 3)]);
        let script = fill_script(&numbers, false);
        assert!(!script.contains('<'), "{script}");
        assert!(script.contains("\\u003c/script>"), "{script}");
    }
}

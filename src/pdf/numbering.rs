//! The page numbers of a printed document's contents lists, for both ways of printing: a script
//! run in the page writes the page of each entry (`[data-halaman-untuk]`), found in an earlier
//! print's named destinations, and the page is printed again until the numbers it shows are
//! where the entries fell. [`Numbering`] says what to write before each print and when a print
//! is the PDF; the DevTools tabs and the browser-per-page path both follow it.

use crate::pdf::destinations::named_pages;
use std::collections::BTreeMap;

/// How many times a page is printed at most with numbers in its contents.
const MAX_PASSES: u8 = 3;

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
fn fill_script(numbers: &BTreeMap<String, usize>, finding: bool) -> String {
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

/// One page's numbering, from its first print to the PDF.
///
/// A page with places for page numbers is first printed only to find where things fall (hidden,
/// untagged: [`Numbering::final_print`] is false), then with the numbers that print found, until
/// the numbers it shows are where its entries are; after [`MAX_PASSES`] prints with numbers it
/// is printed once more without any (no numbers rather than wrong ones). A page without such
/// places is printed once.
#[derive(Debug, Default)]
pub(crate) struct Numbering {
    /// The ids that get a page number; `None` until the page says (then every named
    /// destination must hold), empty for a page printed once.
    wanted: Option<Vec<String>>,
    /// The numbers written for the next print.
    numbers: BTreeMap<String, usize>,
    /// Prints with numbers so far.
    passes: u8,
    /// The next print is the PDF, whatever it shows.
    last: bool,
}

impl Numbering {
    /// For a page whose script cannot answer (a browser per page): numbered when its HTML has
    /// a place for a page number, printed once otherwise.
    pub(crate) fn for_html(html: &str) -> Numbering {
        if html.contains("data-halaman-untuk") {
            Numbering::default()
        } else {
            Numbering {
                wanted: Some(Vec::new()),
                last: true,
                ..Numbering::default()
            }
        }
    }

    /// What the page's first script answered: the ids with a place for a page number. A page
    /// without any is printed once, as it is.
    pub(crate) fn learn(&mut self, ids: Vec<String>) {
        if self.wanted.is_none() {
            self.last = ids.is_empty();
            self.wanted = Some(ids);
        }
    }

    /// The script to run in the page before its next print ([`fill_script`]).
    pub(crate) fn script(&self) -> String {
        fill_script(&self.numbers, !self.final_print())
    }

    /// The next print may be the PDF (tagged, with bookmarks), not only a search for where
    /// things fall.
    pub(crate) fn final_print(&self) -> bool {
        self.last || self.passes > 0
    }

    /// A print came back: `true` when `pdf` is the page's PDF, `false` when the page is to be
    /// printed again after [`Numbering::script`].
    pub(crate) fn printed(&mut self, pdf: &[u8]) -> bool {
        if self.last {
            return true;
        }
        let found = named_pages(pdf);
        let settled = self.passes > 0
            && match &self.wanted {
                Some(ids) => ids.iter().all(|id| self.numbers.get(id) == found.get(id)),
                None => found == self.numbers,
            };
        if settled {
            return true;
        }
        self.passes += 1;
        if self.passes > MAX_PASSES {
            self.last = true;
            self.numbers.clear();
        } else {
            self.numbers = found;
        }
        false
    }
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

    /// A PDF of `pages` pages whose named destinations are `at` (id → page), as the browser
    /// writes them.
    fn pdf(pages: usize, at: &[(&str, usize)]) -> Vec<u8> {
        let mut text = String::from("%PDF-1.4\n");
        for n in 1..=pages {
            text += &format!("{n} 0 obj\n<</Type /Page>>\nendobj\n");
        }
        let kids: Vec<String> = (1..=pages).map(|n| format!("{n} 0 R")).collect();
        let dests: Vec<String> = at
            .iter()
            .map(|(id, page)| format!("/{id} [{page} 0 R /XYZ 0 0 0]"))
            .collect();
        text += &format!(
            "100 0 obj\n<</Type /Pages\n/Kids [{}]>>\nendobj\n101 0 obj\n<<{}>>\nendobj\n102 0 obj\n<</Type /Catalog\n/Pages 100 0 R\n/Dests 101 0 R>>\nendobj\n",
            kids.join(" "),
            dests.join("\n")
        );
        text.into_bytes()
    }

    /// Prints `prints` in turn until one is the PDF; gives back how many prints that took and
    /// the scripts run before each.
    fn drive(numbering: &mut Numbering, prints: &[Vec<u8>]) -> (usize, Vec<String>) {
        let mut scripts = Vec::new();
        for (n, bytes) in prints.iter().enumerate() {
            scripts.push(numbering.script());
            if numbering.printed(bytes) {
                return (n + 1, scripts);
            }
        }
        panic!("not settled after {} prints", prints.len());
    }

    #[test]
    fn a_page_with_contents_is_found_then_printed_with_its_numbers() {
        // As a tab drives it: the first script runs before the page says what it numbers.
        let mut numbering = Numbering::default();
        assert!(!numbering.final_print());
        let first = numbering.script();
        numbering.learn(vec!["bab-1".into()]);
        assert_eq!(numbering.script(), first);
        let at = pdf(3, &[("bab-1", 2), ("lain", 3)]);
        let (prints, scripts) = drive(&mut numbering, &[at.clone(), at.clone(), at]);
        assert_eq!(prints, 2);
        // The first print only finds (the page hidden), the second shows the numbers.
        assert!(
            scripts[0].contains("if (true && ids.length)"),
            "{}",
            scripts[0]
        );
        assert!(
            scripts[1].contains(r#"{"bab-1":2,"lain":3}"#),
            "{}",
            scripts[1]
        );
        assert!(
            scripts[1].contains("if (false && ids.length)"),
            "{}",
            scripts[1]
        );
        assert!(numbering.final_print());
    }

    #[test]
    fn numbers_that_move_an_entry_are_printed_again_and_never_wrong() {
        // The numbers push the chapter a page on: printed again with the new page.
        let mut numbering = Numbering::default();
        numbering.learn(vec!["bab-1".into()]);
        let (two, three) = (pdf(3, &[("bab-1", 2)]), pdf(3, &[("bab-1", 3)]));
        let (prints, scripts) = drive(&mut numbering, &[two.clone(), three.clone(), three.clone()]);
        assert_eq!(prints, 3);
        assert!(scripts[2].contains(r#"{"bab-1":3}"#), "{}", scripts[2]);
        // Numbers that never hold: after MAX_PASSES prints with numbers, one without any.
        let mut numbering = Numbering::default();
        numbering.learn(vec!["bab-1".into()]);
        let flapping: Vec<Vec<u8>> = (0..10)
            .map(|n| {
                if n % 2 == 0 {
                    two.clone()
                } else {
                    three.clone()
                }
            })
            .collect();
        let (prints, scripts) = drive(&mut numbering, &flapping);
        assert_eq!(prints, usize::from(MAX_PASSES) + 2);
        let last = scripts.last().unwrap();
        assert!(last.contains("})({})"), "{last}");
        assert!(last.contains("if (false && ids.length)"), "{last}");
    }

    #[test]
    fn only_the_numbered_entries_must_hold_when_the_page_names_them() {
        // Told by the page (DevTools): another destination may move.
        let mut told = Numbering::default();
        told.learn(vec!["bab-1".into()]);
        let moving = [
            pdf(3, &[("bab-1", 2), ("x", 2)]),
            pdf(3, &[("bab-1", 2), ("x", 3)]),
        ];
        assert_eq!(drive(&mut told, &moving).0, 2);
        // Not told (a browser per page): every destination must hold.
        let mut untold = Numbering::for_html("<p data-halaman-untuk=\"bab-1\"></p>");
        let moving = [moving[0].clone(), moving[1].clone(), moving[1].clone()];
        assert_eq!(drive(&mut untold, &moving).0, 3);
    }

    #[test]
    fn a_page_without_contents_is_printed_once() {
        let at = pdf(1, &[("bab-1", 1)]);
        let mut told = Numbering::default();
        // Its first script (a finding one) hides nothing where no id answers.
        assert!(told.script().contains("if (true && ids.length)"));
        told.learn(Vec::new());
        assert!(told.final_print());
        assert_eq!(drive(&mut told, std::slice::from_ref(&at)).0, 1);
        let mut untold = Numbering::for_html("<p>Lembar penilaian</p>");
        assert!(untold.final_print());
        let (prints, scripts) = drive(&mut untold, &[at]);
        assert_eq!(prints, 1);
        // Its script still runs: links lose their file address.
        assert!(
            scripts[0].contains("removeAttribute('href')"),
            "{}",
            scripts[0]
        );
    }
}

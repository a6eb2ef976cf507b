//! Narrative markdown → safe HTML: pulldown-cmark (tables, footnotes, strikethrough, heading
//! ids) and then ammonia, so raw HTML, event handlers and `javascript:` links never reach a
//! page. Ids carry a per-narrative prefix so that several narratives share a page safely.

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};
use std::collections::{HashMap, HashSet};

/// A narrative sits under its chapter (h2) and its own title (h3), so its top heading level,
/// whatever it is (`#` or `##`), becomes h4 and the others follow.
const TOP_LEVEL: usize = 4;

fn shift(level: HeadingLevel, top: usize) -> HeadingLevel {
    let n = (level as usize + TOP_LEVEL)
        .saturating_sub(top)
        .clamp(TOP_LEVEL, 6);
    HeadingLevel::try_from(n).unwrap_or(HeadingLevel::H6)
}

/// A lowercase ASCII slug of a heading text, for ids.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
            dash = false;
        } else if !dash && !out.is_empty() {
            out.push('-');
            dash = true;
        }
    }
    out.trim_end_matches('-').to_string()
}

/// The tags whose raw HTML block runs until their closing tag (CommonMark, start condition 1).
const RAW_TEXT_TAGS: [&[u8]; 4] = [b"script", b"style", b"pre", b"textarea"];

/// pulldown-cmark ends a `<script>`, `<style>`, `<pre>` or `<textarea>` block only at a
/// lowercase closing tag, although CommonMark matches it in any case: a pasted
/// `<SCRIPT>…</SCRIPT>` would swallow (and so silently drop) the rest of the narrative. The
/// closing tags of those four are lowercased first; raw HTML is dropped anyway.
fn lowercase_raw_end_tags(markdown: &str) -> std::borrow::Cow<'_, str> {
    let bytes = markdown.as_bytes();
    let mut out: Option<Vec<u8>> = None;
    let mut i = 0;
    while let Some(found) = bytes[i..].windows(2).position(|w| w == b"</") {
        let name_at = i + found + 2;
        for tag in RAW_TEXT_TAGS {
            let Some(name) = bytes.get(name_at..name_at + tag.len()) else {
                continue;
            };
            if name.eq_ignore_ascii_case(tag) && name != tag {
                let copy = out.get_or_insert_with(|| bytes.to_vec());
                copy[name_at..name_at + tag.len()].copy_from_slice(tag);
            }
        }
        i = name_at;
    }
    match out {
        // Only ASCII letters were replaced by ASCII letters: still UTF-8.
        Some(copy) => String::from_utf8(copy)
            .map(std::borrow::Cow::Owned)
            .unwrap_or(std::borrow::Cow::Borrowed(markdown)),
        None => std::borrow::Cow::Borrowed(markdown),
    }
}

/// The deepest nesting of lists and block quotes a narrative may have. Real narratives nest a
/// few levels; the sanitiser's time grows with the square of the depth (a 16,000-deep list of
/// one line took 1,8 s, 200 KB of it minutes), so deeper text is refused before it is rendered.
pub const MAX_NESTING: usize = 16;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// The byte offset of the first list or block quote nested deeper than [`MAX_NESTING`], if
/// any. Linear in the text (one parse, no rendering).
pub fn too_deep(markdown: &str) -> Option<usize> {
    let markdown = &*lowercase_raw_end_tags(markdown);
    let mut depth = 0usize;
    for (event, range) in Parser::new_ext(markdown, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_)) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(range.start);
                }
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_)) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// The words that make a paragraph next to a table its caption (Pandoc's convention, in both
/// languages): `Tabel: Jumlah penduduk miskin per kecamatan`.
const CAPTION_MARKS: [&str; 2] = ["Tabel:", "Table:"];

/// A paragraph's text when it is a table caption (`Tabel: …`): the text after the mark.
fn caption_text(events: &[Event], start: usize) -> Option<(String, usize)> {
    if !matches!(events.get(start), Some(Event::Start(Tag::Paragraph))) {
        return None;
    }
    let mut text = String::new();
    let mut j = start + 1;
    while j < events.len() && !matches!(events[j], Event::End(TagEnd::Paragraph)) {
        match &events[j] {
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
        j += 1;
    }
    let rest = CAPTION_MARKS
        .iter()
        .find_map(|m| text.trim_start().strip_prefix(m))?;
    Some((rest.trim().to_string(), j))
}

/// Names a narrative's tables: given the caption its author wrote (`Tabel: …` just before or
/// after the table), the table's id and its whole caption (`Tabel 4.1 …`).
pub type TableNamer<'a> = &'a mut dyn FnMut(Option<&str>) -> (String, String);

/// Renders one narrative. `prefix` makes every id of this narrative unique on its page;
/// `table_label` names the frame of each of its tables for screen readers; `name_table` gives
/// each table its id and caption, in order.
pub fn to_html(markdown: &str, prefix: &str, table_label: &str, name_table: TableNamer) -> String {
    let markdown = &*lowercase_raw_end_tags(markdown);
    let events: Vec<Event> = Parser::new_ext(markdown, options()).collect();
    let top = events
        .iter()
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { level, .. }) => Some(*level as usize),
            _ => None,
        })
        .min()
        .unwrap_or(1);
    // Each table's caption paragraph (before it, else after it), and the events it spans.
    let mut captions: HashMap<usize, String> = HashMap::new();
    let mut dropped: HashSet<usize> = HashSet::new();
    for (i, e) in events.iter().enumerate() {
        if !matches!(e, Event::Start(Tag::Table(_))) {
            continue;
        }
        let before = events[..i]
            .iter()
            .rposition(|e| matches!(e, Event::Start(Tag::Paragraph)))
            .and_then(|p| {
                caption_text(&events, p)
                    .filter(|(_, end)| end + 1 == i)
                    .map(|c| (p, c))
            });
        let after = || {
            let end = i + events[i..]
                .iter()
                .position(|e| matches!(e, Event::End(TagEnd::Table)))?;
            // A caption between two tables is the second's (captions stand above tables in
            // Indonesian reports).
            caption_text(&events, end + 1)
                .filter(|(_, p_end)| {
                    !matches!(events.get(p_end + 1), Some(Event::Start(Tag::Table(_))))
                })
                .map(|c| (end + 1, c))
        };
        if let Some((p, (text, end))) = before.or_else(after)
            && !dropped.contains(&p)
        {
            dropped.extend(p..=end);
            captions.insert(i, text);
        }
    }
    let mut out_events: Vec<Event> = Vec::with_capacity(events.len());
    let mut used_ids: HashSet<String> = HashSet::new();
    let mut i = 0;
    while i < events.len() {
        if dropped.contains(&i) {
            i += 1;
            continue;
        }
        match &events[i] {
            // The caption carries the id (the writer gives a table none), which the lists of
            // tables link to.
            Event::Start(Tag::Table(_)) => {
                let (id, caption) = name_table(captions.get(&i).map(String::as_str));
                out_events.push(events[i].clone());
                out_events.push(Event::Html(CowStr::from(format!(
                    "<caption id=\"{}\">{}</caption>",
                    escape(&id),
                    escape(&caption)
                ))));
            }
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                let mut text = String::new();
                let mut j = i + 1;
                while j < events.len() && !matches!(events[j], Event::End(TagEnd::Heading(_))) {
                    if let Event::Text(t) | Event::Code(t) = &events[j] {
                        text.push_str(t);
                    }
                    j += 1;
                }
                let base = format!("{prefix}-{}", slugify(&text));
                let mut id = base.clone();
                let mut n = 2;
                while !used_ids.insert(id.clone()) {
                    id = format!("{base}-{n}");
                    n += 1;
                }
                out_events.push(Event::Start(Tag::Heading {
                    level: shift(*level, top),
                    id: Some(CowStr::from(id)),
                    classes: classes.clone(),
                    attrs: attrs.clone(),
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                out_events.push(Event::End(TagEnd::Heading(shift(*level, top))));
            }
            Event::FootnoteReference(label) => {
                out_events.push(Event::FootnoteReference(CowStr::from(format!(
                    "{prefix}-fn-{label}"
                ))));
            }
            Event::Start(Tag::FootnoteDefinition(label)) => {
                out_events.push(Event::Start(Tag::FootnoteDefinition(CowStr::from(
                    format!("{prefix}-fn-{label}"),
                ))));
            }
            // Raw HTML never reaches a page: not as markup, not as text of a tag.
            Event::Html(_) | Event::InlineHtml(_) => {}
            other => out_events.push(other.clone()),
        }
        i += 1;
    }
    let mut raw = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut raw, out_events.into_iter());
    frame_tables(sanitize(&raw), table_label)
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The sanitiser's rules, built once: making a `Builder` fills a dozen hash sets, which cost
/// more than cleaning a short narrative.
static SANITIZER: std::sync::LazyLock<ammonia::Builder<'static>> = std::sync::LazyLock::new(|| {
    let mut builder = ammonia::Builder::default();
    builder
        .add_tag_attributes("h4", &["id"])
        .add_tag_attributes("h5", &["id"])
        .add_tag_attributes("h6", &["id"])
        .add_tag_attributes("div", &["id", "class"])
        .add_tag_attributes("caption", &["id"])
        .add_tag_attributes("sup", &["id", "class"])
        .add_tag_attributes("li", &["id"])
        .add_tag_attributes("td", &["style"])
        .add_tag_attributes("th", &["style"])
        .filter_style_properties(["text-align"].into_iter().collect())
        .url_schemes(["http", "https", "mailto"].into_iter().collect())
        // An image would load from outside the site; pages work offline.
        .rm_tags(["img"]);
    builder
});

fn sanitize(html: &str) -> String {
    SANITIZER.clean(html).to_string()
}

/// Puts each table of sanitised narrative HTML in the theme's scrolling frame (`.gulir`), so
/// that a wide table scrolls inside the column instead of being cut at the page's edge. The
/// sanitiser has escaped every `<` of the text, so each `<table>`/`</table>` left is a tag;
/// a markdown table has no table inside it.
fn frame_tables(html: String, label: &str) -> String {
    if !html.contains("<table") {
        return html;
    }
    let label = escape(label);
    html.replace(
        "<table",
        &format!(r#"<div class="gulir" role="region" tabindex="0" aria-label="{label}"><table"#),
    )
    .replace("</table>", "</table></div>")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn to_html(markdown: &str, prefix: &str) -> String {
        let mut n = 0;
        super::to_html(
            markdown,
            prefix,
            "Tabel dalam narasi \"A\"",
            &mut |caption| {
                n += 1;
                (
                    format!("{prefix}-tabel-{n}"),
                    format!("Tabel 1.{n} {}", caption.unwrap_or("A")),
                )
            },
        )
    }

    #[test]
    fn every_table_sits_in_a_labelled_scrolling_frame() {
        let html = to_html(
            "| a | b |\n|---|---|\n| 1 | 2 |\n\nTeks.\n\n| c |\n|---|\n| 3 |\n",
            "n",
        );
        assert_eq!(html.matches(r#"<div class="gulir" role="region" tabindex="0" aria-label="Tabel dalam narasi &quot;A&quot;"><table>"#).count(), 2, "{html}");
        assert_eq!(html.matches("</table></div>").count(), 2, "{html}");
        // Text that reads like a tag is escaped, never framed.
        let text = to_html("Tulis `<table>` atau &lt;table&gt; di teks.\n", "n");
        assert!(!text.contains("gulir"), "{text}");
    }

    #[test]
    fn tables_are_numbered_with_the_caption_written_before_or_after_them() {
        let html = to_html(
            "Tabel: Penduduk miskin per kecamatan\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nTeks.\n\n| c |\n|---|\n| 3 |\n\nTabel: Desa <b>prioritas</b>\n\n| d |\n|---|\n| 4 |\n\n| e |\n|---|\n| 5 |\n\nTable: Last one\n",
            "n",
        );
        assert!(
            html.contains(r#"<table><caption id="n-tabel-1">Tabel 1.1 Penduduk miskin per kecamatan</caption>"#),
            "{html}"
        );
        // A caption between two tables is the second's; the last table's stands after it.
        assert!(
            html.contains(r#"<caption id="n-tabel-2">Tabel 1.2 A</caption>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<caption id="n-tabel-3">Tabel 1.3 Desa prioritas</caption>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<caption id="n-tabel-4">Tabel 1.4 Last one</caption>"#),
            "{html}"
        );
        assert!(
            !html.contains("Tabel:"),
            "caption paragraphs are not repeated: {html}"
        );
        assert!(html.contains("<p>Teks.</p>"), "{html}");
    }

    #[test]
    fn tables_footnotes_and_strikethrough() {
        let html = to_html(
            "| a | b |\n|---|--:|\n| 1 | 2 |\n\nTeks[^1] ~~lama~~\n\n[^1]: Catatan.\n",
            "n1",
        );
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>lama</del>"));
        assert!(html.contains("href=\"#n1-fn-1\""));
        assert!(html.contains("id=\"n1-fn-1\""));
    }

    #[test]
    fn footnotes_of_two_narratives_do_not_collide() {
        let a = to_html("A[^1]\n\n[^1]: x\n", "n1");
        let b = to_html("B[^1]\n\n[^1]: y\n", "n2");
        assert!(a.contains("id=\"n1-fn-1\"") && b.contains("id=\"n2-fn-1\""));
    }

    #[test]
    fn headings_are_shifted_and_get_unique_ids() {
        let html = to_html("# Latar Belakang\n\n# Latar Belakang\n", "n1");
        assert!(html.contains("<h4 id=\"n1-latar-belakang\">"));
        assert!(html.contains("<h4 id=\"n1-latar-belakang-2\">"));
        let html = to_html("## Bagian\n\n### Sub\n\n###### Kecil\n", "n2");
        assert!(html.contains("<h4 id=\"n2-bagian\">") && html.contains("<h5 id=\"n2-sub\">"));
        assert!(html.contains("<h6 id=\"n2-kecil\">"));
    }

    #[test]
    fn scripts_handlers_and_javascript_links_are_removed() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html,x)\n\n<iframe src=x></iframe><style>p{}</style>",
            "n1",
        );
        let lower = html.to_ascii_lowercase();
        for bad in [
            "<script",
            "onerror",
            "javascript:",
            "data:",
            "<iframe",
            "<style",
        ] {
            assert!(!lower.contains(bad), "{bad} survived in {html}");
        }
    }

    /// `<SCRIPT>…</SCRIPT>` (any case) ends where it closes: the text after it stays.
    #[test]
    fn an_uppercase_raw_block_does_not_swallow_the_rest() {
        for block in [
            "<SCRIPT SRC=x></SCRIPT>",
            "<Style>p{}</Style>",
            "<script>a()</ScRiPt>",
            "<PRE>x</PRE>",
            "<textarea>x</TEXTAREA>",
        ] {
            let html = to_html(&format!("{block}\n\nSesudah satu.\n\nSesudah dua.\n"), "n");
            assert!(
                html.contains("<p>Sesudah satu.</p>") && html.contains("<p>Sesudah dua.</p>"),
                "{block}: {html}"
            );
            assert!(!html.to_ascii_lowercase().contains("<script"), "{html}");
        }
        assert_eq!(lowercase_raw_end_tags("a </Pre b"), "a </pre b");
        assert!(matches!(
            lowercase_raw_end_tags("biasa </b> </script>"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(lowercase_raw_end_tags("é</STYLE>ü</"), "é</style>ü</");
    }

    #[test]
    fn raw_html_cannot_take_an_id_of_the_page() {
        let html = to_html(
            "<div id=\"grafik-p0-opsi\">bajak</div>\n\nTeks <b>tebal</b>.\n",
            "n1",
        );
        assert!(
            !html.contains("grafik-p0-opsi") && !html.contains("<b>"),
            "{html}"
        );
        assert!(html.contains("Teks tebal."), "{html}");
    }

    #[test]
    fn slugs() {
        assert_eq!(slugify("Profil Kemiskinan 2025!"), "profil-kemiskinan-2025");
        assert_eq!(slugify("Posisi — Relatif"), "posisi-relatif");
    }
}

//! What an import checks in each translation before anything is written:
//! that the parts of the text that are not for translation (link
//! destinations, code, `{{ … }}` marks, footnote marks) came back as they
//! were, that nothing was added that changes the page (raw HTML, an open
//! `**`, a line that starts a list), and that the text is in the
//! language's script.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Parser, Tag};

use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::exchange::Message;
use crate::exchange::segment::Kind;
use crate::model::icon;
use crate::render::markdown;
use crate::resolve::lang_parts;

/// The parts of a text that must come back from translation unchanged,
/// each counted, plus what must not be added.
#[derive(Debug, Default, PartialEq, Eq)]
struct Fixed {
    destinations: BTreeMap<String, usize>,
    code: BTreeMap<String, usize>,
    marks: BTreeMap<String, usize>,
    footnotes: BTreeMap<String, usize>,
    html: BTreeMap<String, usize>,
    /// Pictograms (`:phone:`).
    icons: BTreeMap<String, usize>,
    /// `*` and `~` left as text: emphasis that does not close.
    stray_stars: usize,
    /// Words outside code, for the script check.
    prose: String,
}

fn fixed(text: &str) -> Fixed {
    let mut f = Fixed::default();
    let bump = |map: &mut BTreeMap<String, usize>, key: &str| {
        *map.entry(key.to_string()).or_default() += 1;
    };
    // Words inside `<span lang>` are in another language on purpose.
    let mut marked = 0usize;
    for event in Parser::new_ext(text, markdown::options()) {
        match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                bump(&mut f.destinations, &dest_url);
            }
            Event::Code(code) => bump(&mut f.code, &code),
            Event::FootnoteReference(name) => bump(&mut f.footnotes, &name),
            Event::InlineHtml(html) | Event::Html(html) => {
                // `<span lang>` is how a passage in another language is
                // marked, and may be added by a translator.
                let tag = html.trim();
                match lang_parts::lang_span(tag) {
                    Some(true) => marked += 1,
                    Some(false) => marked = marked.saturating_sub(1),
                    None => bump(&mut f.html, tag),
                }
            }
            Event::Text(t) => {
                f.stray_stars += t.matches(['*', '~']).count();
                let mut words = t.to_string();
                for (at, found) in icon::shortcodes(&t).into_iter().rev() {
                    if found.is_ok() {
                        bump(&mut f.icons, &t[at.clone()]);
                        words.replace_range(at, " ");
                    }
                }
                if marked == 0 {
                    f.prose.push_str(&words);
                    f.prose.push(' ');
                }
            }
            _ => {}
        }
    }
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start..].find("}}") else {
            bump(&mut f.marks, &rest[start..]);
            break;
        };
        bump(&mut f.marks, &rest[start..start + len + 2]);
        rest = &rest[start + len + 2..];
    }
    f
}

/// Problems in the translation of `message`, located in the exchange file
/// `file`. `kind` is the block the text is, `script` the ISO 15924 script
/// of the target language.
pub fn check(message: &Message, kind: Kind, script: &str, file: &SourceFile) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let text = message.translation.as_str();
    if text.is_empty() {
        return problems;
    }
    let source_place = message
        .references
        .first()
        .map_or(String::new(), |r| format!(" ({r})"));
    let mut problem = |what: String, help: &str| {
        problems.push(
            file.at_line_col(
                message.line.max(1),
                1,
                Severity::Error,
                format!(
                    "{what}, in the translation of “{}”{source_place}",
                    abbreviate(&message.source)
                ),
            )
            .with_help(help.to_string()),
        );
    };
    let src = fixed(&message.source);
    let dst = fixed(text);
    let differs = |a: &BTreeMap<String, usize>, b: &BTreeMap<String, usize>| -> Option<String> {
        let missing: Vec<&str> = a
            .iter()
            .filter(|(k, n)| b.get(*k).unwrap_or(&0) < *n)
            .map(|(k, _)| k.as_str())
            .collect();
        let added: Vec<&str> = b
            .iter()
            .filter(|(k, n)| a.get(*k).unwrap_or(&0) < *n)
            .map(|(k, _)| k.as_str())
            .collect();
        let list = |items: &[&str]| format!("`{}`", items.join("`, `"));
        match (missing.is_empty(), added.is_empty()) {
            (true, true) => None,
            (false, true) => Some(format!("{} is missing", list(&missing))),
            (true, false) => Some(format!("{} was added", list(&added))),
            (false, false) => Some(format!("{} instead of {}", list(&added), list(&missing))),
        }
    };
    if let Some(d) = differs(&src.destinations, &dst.destinations) {
        problem(
            format!("a link or picture goes somewhere else ({d})"),
            "keep the part in (brackets) after a link exactly as in the source; only the text in [square brackets] is translated. If a link goes to a heading, give the heading an id in the source (`## Heading {#id}`) so the same link works in every language",
        );
    }
    if let Some(d) = differs(&src.code, &dst.code) {
        problem(
            format!("text in `backticks` changed ({d})"),
            "text between backticks is code, a number or an address: copy it exactly as in the source",
        );
    }
    // A translator may add `{{ … }}` marks (to keep a name from being
    // transliterated into Serbian Latin), but not lose the source's.
    let kept_marks: BTreeMap<String, usize> = dst
        .marks
        .iter()
        .filter(|(k, _)| src.marks.contains_key(*k))
        .map(|(k, n)| (k.clone(), *n))
        .collect();
    if let Some(d) = differs(&src.marks, &kept_marks) {
        problem(
            format!("a `{{{{ … }}}}` mark changed ({d})"),
            "copy `{{ … }}` marks and what is inside them exactly as in the source",
        );
    }
    if let Some(d) = differs(&src.footnotes, &dst.footnotes) {
        problem(
            format!("a footnote mark changed ({d})"),
            "copy footnote marks such as `[^1]` exactly as in the source",
        );
    }
    if let Some(d) = differs(&src.html, &dst.html) {
        problem(
            format!("HTML was added or changed ({d})"),
            "remove the HTML: pages do not take HTML from translations (except `<span lang=\"…\">`)",
        );
    }
    if let Some(d) = differs(&src.icons, &dst.icons) {
        problem(
            format!("a pictogram changed ({d})"),
            "copy pictograms such as `:phone:` exactly as in the source: they are pictures, not words, and are the same in every language",
        );
    }
    if dst.stray_stars > src.stray_stars {
        problem(
            "a `*` or `~~` does not close, so it would show as a star".to_string(),
            "put the same marks around the translated words as in the source: `**word**`, `*word*`",
        );
    }
    if kind.is_one_line() && text.contains('\n') {
        problem(
            format!("a {} must stay on one line", kind.describe()),
            "remove the line breaks from the translation",
        );
    } else if let Some(line) = text.split('\n').find(|l| starts_block(l)) {
        problem(
            format!(
                "the line “{}” would start a new list, heading, quote or code block",
                abbreviate(line)
            ),
            "do not start a line of the translation with `-`, `*`, `+`, `#`, `>`, a number and a dot, or four spaces; join it to the line before",
        );
    }
    if kind == Kind::Heading && ends_with_attributes(text) {
        problem(
            "a heading's translation ends with `{…}`, which would give the heading another id"
                .to_string(),
            "remove the `{…}` part: a heading keeps the id of the source, so links to it work in every language",
        );
    }
    if kind == Kind::TableCell && has_unescaped_pipe(text) {
        problem(
            "a `|` would split the table cell in two".to_string(),
            "write `\\|` for a `|` inside a table cell",
        );
    }
    let foreign: Vec<String> = lang_parts::foreign_runs(&dst.prose, script)
        .into_iter()
        .map(|(_, s, words)| format!("{words} ({})", script_name(s)))
        .collect();
    if let Some(run) = foreign.first() {
        problem(
            format!(
                "“{}” is not in the language's script ({})",
                abbreviate(run),
                script_name(script)
            ),
            "check the text is translated into this language; a passage meant to be in another language is marked `<span lang=\"en\">…</span>`",
        );
    }
    problems
}

/// Whether a line, put into a paragraph, would start a block of its own.
fn starts_block(line: &str) -> bool {
    if line.trim().is_empty() {
        return true; // an empty line ends the paragraph
    }
    if line.starts_with("    ") || line.starts_with('\t') {
        return true;
    }
    let t = line.trim_start();
    let marker =
        |m: &str| t.starts_with(m) && (t.len() == m.len() || t[m.len()..].starts_with([' ', '\t']));
    if marker("-") || marker("*") || marker("+") || t.starts_with('#') || t.starts_with('>') {
        return true;
    }
    if t.starts_with("```") || t.starts_with("~~~") || t.chars().all(|c| c == '=' || c == '-') {
        return true;
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && digits < 10 && {
        let rest = &t[digits..];
        rest.starts_with(". ") || rest.starts_with(") ") || rest == "." || rest == ")"
    }
}

/// Whether a heading text ends with an attribute block such as `{#id}`.
fn ends_with_attributes(text: &str) -> bool {
    let t = text.trim_end();
    t.ends_with('}')
        && t.rfind('{')
            .is_some_and(|i| !t[..i].ends_with('{') && !t[i..].starts_with("{{"))
}

fn has_unescaped_pipe(text: &str) -> bool {
    let mut escaped = false;
    for c in text.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => return true,
            _ => escaped = false,
        }
    }
    false
}

fn script_name(code: &str) -> &'static str {
    match code {
        "Latn" => "Latin",
        "Cyrl" => "Cyrillic",
        "Arab" => "Arabic",
        _ => "another script",
    }
}

/// At most 60 characters of a text, on one line, for messages.
pub fn abbreviate(text: &str) -> String {
    let one_line: String = text
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let mut chars = one_line.chars();
    let short: String = chars.by_ref().take(60).collect();
    if chars.next().is_some() {
        format!("{short}…")
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(source: &str, translation: &str, kind: Kind, script: &str) -> Vec<String> {
        let message = Message {
            context: "p".into(),
            source: source.into(),
            translation: translation.into(),
            line: 3,
            ..Message::default()
        };
        let file = SourceFile::new("translations/c/sq.po", "a\nb\nmsgid \"x\"\n");
        check(&message, kind, script, &file)
            .into_iter()
            .map(|d| {
                assert_eq!(d.line, Some(3));
                d.message
            })
            .collect()
    }

    #[test]
    fn a_faithful_translation_passes() {
        let p = problems(
            "Call **now**: see [rights](your-rights.md#work), `+000` and {{NGO}}[^1].",
            "Telefononi **tani**: shihni [të drejtat](your-rights.md#work), `+000` dhe {{NGO}}[^1].",
            Kind::Paragraph,
            "Latn",
        );
        assert!(p.is_empty(), "{p:?}");
    }

    #[test]
    fn each_fixed_part_is_checked() {
        let p = problems("[a](x.md)", "[a](y.md)", Kind::Paragraph, "Latn");
        assert!(p[0].contains("goes somewhere else"), "{p:?}");
        let p = problems("Dial `112`", "Thirrni `113`", Kind::Paragraph, "Latn");
        assert!(p[0].contains("backticks"), "{p:?}");
        let p = problems("See {{NGO}}", "Shih NGO", Kind::Paragraph, "Latn");
        assert!(p[0].contains("mark changed"), "{p:?}");
        assert!(p[0].contains("`{{NGO}}` is missing"), "{p:?}");
        assert!(
            problems(
                "Call Astra",
                "Позовите {{НВО Астра}}",
                Kind::Paragraph,
                "Cyrl"
            )
            .is_empty()
        );
        let p = problems(
            "Call",
            "<span lang=\"sq\" onmouseover=\"alert(1)\">Telefononi</span>",
            Kind::Paragraph,
            "Latn",
        );
        assert!(
            p[0].contains("HTML"),
            "an event handler is not a language mark: {p:?}"
        );
        let p = problems("Text", "Tekst <script>x</script>", Kind::Paragraph, "Latn");
        assert!(p[0].contains("HTML"), "{p:?}");
        let p = problems("**Bold** text", "**Bold tekst", Kind::Paragraph, "Latn");
        assert!(p[0].contains("does not close"), "{p:?}");
        let p = problems("One line", "Një\nrresht", Kind::Heading, "Latn");
        assert!(p[0].contains("one line"), "{p:?}");
        let p = problems("A b", "Një\n- listë", Kind::Paragraph, "Latn");
        assert!(p[0].contains("would start a new list"), "{p:?}");
        let p = problems("Help", "Ndihmë {#ndihme}", Kind::Heading, "Latn");
        assert!(p[0].contains("another id"), "{p:?}");
        assert!(problems("{{NGO}} help", "Ndihmë {{NGO}}", Kind::Heading, "Latn").is_empty());
        let p = problems("a", "a | b", Kind::TableCell, "Latn");
        assert!(p[0].contains("table cell"), "{p:?}");
        let p = problems("Help is free", "Help is free", Kind::Paragraph, "Arab");
        assert!(p[0].contains("not in the language's script"), "{p:?}");
        // Pictograms are kept as written, and are not words in Latin script.
        assert!(
            problems(
                ":phone: Call us",
                ":phone: اتصلوا بنا",
                Kind::Heading,
                "Arab"
            )
            .is_empty()
        );
        let p = problems(
            ":phone: Call us",
            ":telefon: Telefononi",
            Kind::Heading,
            "Latn",
        );
        assert!(
            p[0].contains("pictogram changed (`:phone:` is missing)"),
            "{p:?}"
        );
    }

    #[test]
    fn a_span_lang_may_be_added_and_paragraph_lines_may_wrap() {
        let p = problems(
            "Ask for help.",
            "<span lang=\"en\">Help</span> kërkoni\nndihmë.",
            Kind::Paragraph,
            "Latn",
        );
        assert!(p.is_empty(), "{p:?}");
    }
}

//! "Language of parts" (WCAG 3.1.2): a passage in another language must say
//! so, or screen readers read it with the wrong voice. No browser audit
//! checks this, so outreach warns when a run of words is written in a
//! different script from its page's language (Arabic words in an Albanian
//! page, say) and is not inside `<span lang="…">`.
//!
//! `<span lang="xx">` and `<span lang="xx" dir="rtl">` (and `</span>`) are
//! the one piece of HTML allowed in Markdown even without
//! `allow_raw_html`: they carry no risk and are how authors mark a passage.

/// A run needs this many words in another script to be reported: single
/// words are usually names or acronyms (UNHCR, WhatsApp), which WCAG exempts.
pub const MIN_WORDS: usize = 2;

/// The ISO 15924 code of the script a letter belongs to, for the scripts
/// the campaigns use.
pub fn script_of(c: char) -> Option<&'static str> {
    match c as u32 {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Some("Latn"),
        0x400..=0x52F => Some("Cyrl"),
        0x600..=0x6FF | 0x750..=0x77F | 0x8A0..=0x8FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Some("Arab")
        }
        _ => None,
    }
}

/// Runs of at least [`MIN_WORDS`] words in a script other than `expected`:
/// (byte offset in `text`, script, the run's words).
pub fn foreign_runs(text: &str, expected: &str) -> Vec<(usize, &'static str, String)> {
    let mut runs = Vec::new();
    if !may_contain_other_script(text, expected) {
        return runs; // almost all text: checked by bytes, without splitting words
    }
    let mut current: Option<(usize, &'static str, Vec<&str>)> = None;
    let mut flush = |current: &mut Option<(usize, &'static str, Vec<&str>)>| {
        if let Some((at, script, words)) = current.take()
            && words.len() >= MIN_WORDS
        {
            runs.push((at, script, words.join(" ")));
        }
    };
    let mut offset = 0;
    for word in text.split_inclusive(char::is_whitespace) {
        let at = offset;
        offset += word.len();
        let word = word.trim();
        let script = word.chars().find_map(script_of);
        match script {
            // Digits and punctuation neither start nor break a run.
            None => continue,
            Some(s) if s == expected => flush(&mut current),
            Some(s) => match &mut current {
                Some((_, run_script, words)) if *run_script == s => words.push(word),
                _ => {
                    flush(&mut current);
                    current = Some((at, s, vec![word]));
                }
            },
        }
    }
    flush(&mut current);
    runs
}

/// A quick look at the UTF-8 lead bytes: `false` when `text` certainly has
/// no letter of another script than `expected`.
fn may_contain_other_script(text: &str, expected: &str) -> bool {
    // Looked at in blocks without stopping early, which the compiler turns
    // into vector instructions: a page's text is read here byte by byte.
    fn any_byte(text: &str, hit: impl Fn(u8) -> bool) -> bool {
        text.as_bytes()
            .chunks(64)
            .any(|block| block.iter().fold(false, |found, &b| found | hit(b)))
    }
    match expected {
        // Latin letters are ASCII or have lead bytes 0xC3–0xC9 (and 0xE1 for
        // Latin Extended Additional, which `script_of` also counts as Latin);
        // Cyrillic and Arabic start at 0xD0.
        "Latn" => any_byte(text, |b| {
            (0xD0..=0xDD).contains(&b) || b == 0xE0 || b == 0xEF
        }),
        "Cyrl" => any_byte(text, |b| {
            b.is_ascii_alphabetic()
                || (0xC3..=0xC9).contains(&b)
                || (0xD8..=0xDD).contains(&b)
                // 0xE2 and 0xE3 start punctuation (dashes, quotes), never letters.
                || matches!(b, 0xE0 | 0xE1 | 0xEF)
        }),
        "Arab" => any_byte(text, |b| {
            b.is_ascii_alphabetic()
                || (0xC3..=0xC9).contains(&b)
                || (0xD0..=0xD4).contains(&b)
                || b == 0xE1
        }),
        _ => true,
    }
}

/// `Some(true)` for `<span lang="…">` (optionally with `dir`), `Some(false)`
/// for `</span>`, `None` for any other HTML.
pub fn lang_span(html: &str) -> Option<bool> {
    let html = html.trim();
    if html == "</span>" {
        return Some(false);
    }
    let inner = html.strip_prefix("<span ")?.strip_suffix('>')?;
    let mut has_lang = false;
    for attr in inner.split_whitespace() {
        let (name, value) = attr.split_once('=')?;
        let value = value.strip_prefix('"')?.strip_suffix('"')?;
        let ok = match name {
            "lang" => {
                has_lang = true;
                !value.is_empty() && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            }
            "dir" => matches!(value, "ltr" | "rtl" | "auto"),
            _ => false,
        };
        if !ok {
            return None;
        }
    }
    has_lang.then_some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_in_another_script_are_found() {
        let runs = foreign_runs(
            "Thirrni numrin. اتصل بخط المساعدة الآن. Faleminderit.",
            "Latn",
        );
        assert_eq!(runs, [(16, "Arab", "اتصل بخط المساعدة الآن.".to_string())]);
        assert!(foreign_runs("Pyetni UNHCR ose IOM për ndihmë.", "Latn").is_empty());
        assert!(
            foreign_runs("اتصل بـ UNHCR أو IOM.", "Arab").is_empty(),
            "single names are fine"
        );
        assert_eq!(
            foreign_runs("اتصل بـ International Organization for Migration.", "Arab").len(),
            1
        );
        assert!(foreign_runs("Телефон: +389 2 3103 570", "Cyrl").is_empty());
    }

    #[test]
    fn only_plain_lang_spans_are_recognised() {
        assert_eq!(lang_span(r#"<span lang="ar">"#), Some(true));
        assert_eq!(lang_span(r#"<span lang="ar" dir="rtl">"#), Some(true));
        assert_eq!(lang_span("</span>"), Some(false));
        assert_eq!(lang_span(r#"<span lang="ar" onclick="x()">"#), None);
        assert_eq!(lang_span(r#"<span style="x">"#), None);
        assert_eq!(lang_span(r#"<span dir="rtl">"#), None);
        assert_eq!(lang_span("<b>"), None);
    }
}

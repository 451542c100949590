//! Serbian Cyrillic → Latin transliteration, for campaigns that list both
//! `sr` and `sr-Latn` but write only the Cyrillic pages.
//!
//! One letter each, except Љ → Lj, Њ → Nj, Џ → Dž (Ђ → Đ); an upper-case
//! Љ, Њ or Џ next to another upper-case letter becomes LJ, NJ, DŽ
//! (ЉУБАВ → LJUBAV, Љубав → Ljubav). The compatibility digraphs
//! U+01C4–U+01CC are never produced. Web and e-mail addresses are left as
//! written, and so is text the author marks with `{{` and `}}`; the marks
//! themselves are never shown. (Latin → Cyrillic is ambiguous, as in
//! "konjunkcija", and is not done.)

/// Opens text that stays as written in the Latin pages.
pub const KEEP_OPEN: &str = "{{";
/// Closes text that stays as written.
pub const KEEP_CLOSE: &str = "}}";

pub use crate::model::page::Script;

/// What a page's text needs: Serbian Cyrillic is transliterated for
/// generated Latin pages; in Cyrillic pages only the keep-as-written marks
/// are removed; other pages are left alone.
pub fn script_for(page: &crate::model::Page) -> Option<Script> {
    use crate::model::page::Origin;
    match (&page.origin, page.lang.as_str()) {
        (Origin::Transliterated { .. }, _) => Some(Script::Latin),
        (Origin::Written, "sr") => Some(Script::AsWritten),
        (Origin::Untranslated { from }, _) if from == "sr" => Some(Script::AsWritten),
        _ => None,
    }
}

/// Converts `text` for `script`. `keeping` carries an open `{{` from one
/// call to the next, since Markdown splits text into runs.
pub fn convert(text: &str, script: Script, keeping: &mut bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        let marker = if *keeping { KEEP_CLOSE } else { KEEP_OPEN };
        let (run, after) = match rest.find(marker) {
            Some(at) => (&rest[..at], Some(&rest[at + marker.len()..])),
            None => (rest, None),
        };
        if *keeping || script == Script::AsWritten {
            out.push_str(run);
        } else {
            prose_to_latin(run, &mut out);
        }
        match after {
            Some(after) => {
                *keeping = !*keeping;
                rest = after;
            }
            None => return out,
        }
    }
}

/// Transliterates prose word by word, leaving addresses alone.
fn prose_to_latin(text: &str, out: &mut String) {
    let mut start = 0;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        if c.is_whitespace() {
            let word = &text[start..at];
            if is_address(word) {
                out.push_str(word);
            } else {
                word_to_latin(word, out);
            }
            if at < text.len() {
                out.push(c);
            }
            start = at + c.len_utf8();
        }
    }
}

/// Web addresses and e-mail addresses, which must keep their letters.
fn is_address(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '<', '"', '«', '„']);
    w.starts_with("http://")
        || w.starts_with("https://")
        || w.starts_with("www.")
        || (w.contains('@') && w.contains('.'))
}

fn word_to_latin(word: &str, out: &mut String) {
    let chars: Vec<char> = word.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let digraph = match c {
            'Љ' => Some(("Lj", "LJ")),
            'Њ' => Some(("Nj", "NJ")),
            'Џ' => Some(("Dž", "DŽ")),
            _ => None,
        };
        if let Some((title, upper)) = digraph {
            let upper_near = |j: Option<usize>| {
                j.and_then(|j| chars.get(j))
                    .is_some_and(|n| n.is_uppercase())
            };
            let all_caps = upper_near(i.checked_sub(1)) || upper_near(Some(i + 1));
            out.push_str(if all_caps { upper } else { title });
            continue;
        }
        match letter(c) {
            Some(latin) => out.push_str(latin),
            None => out.push(c),
        }
    }
}

fn letter(c: char) -> Option<&'static str> {
    Some(match c {
        'А' => "A",
        'Б' => "B",
        'В' => "V",
        'Г' => "G",
        'Д' => "D",
        'Ђ' => "Đ",
        'Е' => "E",
        'Ж' => "Ž",
        'З' => "Z",
        'И' => "I",
        'Ј' => "J",
        'К' => "K",
        'Л' => "L",
        'М' => "M",
        'Н' => "N",
        'О' => "O",
        'П' => "P",
        'Р' => "R",
        'С' => "S",
        'Т' => "T",
        'Ћ' => "Ć",
        'У' => "U",
        'Ф' => "F",
        'Х' => "H",
        'Ц' => "C",
        'Ч' => "Č",
        'Ш' => "Š",
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'ђ' => "đ",
        'е' => "e",
        'ж' => "ž",
        'з' => "z",
        'и' => "i",
        'ј' => "j",
        'к' => "k",
        'л' => "l",
        'љ' => "lj",
        'м' => "m",
        'н' => "n",
        'њ' => "nj",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'ћ' => "ć",
        'у' => "u",
        'ф' => "f",
        'х' => "h",
        'ц' => "c",
        'ч' => "č",
        'џ' => "dž",
        'ш' => "š",
        _ => return None,
    })
}

/// A title or description: transliterated as one run.
pub fn to_latin(text: &str) -> String {
    convert(text, Script::Latin, &mut false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_and_digraphs() {
        let cases = [
            ("ЉУБАВ", "LJUBAV"),
            ("Љубав", "Ljubav"),
            ("љубав", "ljubav"),
            ("ЏЕП", "DŽEP"),
            ("Џеп", "Džep"),
            ("Ђорђе", "Đorđe"),
            ("КРАЉ", "KRALJ"),
            ("Њ", "Nj"),
            ("ЊИВА", "NJIVA"),
            ("Ћирилица и латиница", "Ćirilica i latinica"),
            ("Шта ћеш, чича?", "Šta ćeš, čiča?"),
        ];
        for (cyrillic, latin) in cases {
            assert_eq!(to_latin(cyrillic), latin, "{cyrillic}");
        }
    }

    #[test]
    fn never_compatibility_digraphs() {
        let all: String =
            "АБВГДЂЕЖЗИЈКЛЉМНЊОПРСТЋУФХЦЧЏШ абвгдђежзијклљмнњопрстћуфхцчџш ЉЊЏ".to_string();
        let latin = to_latin(&all);
        assert!(
            !latin
                .chars()
                .any(|c| ('\u{01C4}'..='\u{01CC}').contains(&c)),
            "{latin}"
        );
        assert!(
            !latin
                .chars()
                .any(|c| ('\u{0400}'..='\u{04FF}').contains(&c)),
            "{latin}"
        );
    }

    #[test]
    fn addresses_and_marked_text_stay() {
        assert_eq!(
            to_latin("Пишите на pomoc@primer.org или https://primer.org/помоћ"),
            "Pišite na pomoc@primer.org ili https://primer.org/помоћ"
        );
        assert_eq!(
            to_latin("Организација {{НВО Астра}} помаже."),
            "Organizacija НВО Астра pomaže."
        );
        // Marks are removed in the Cyrillic page too.
        assert_eq!(
            convert("Организација {{НВО}} ради.", Script::AsWritten, &mut false),
            "Организација НВО ради."
        );
        // A mark may close in a later run of text.
        let mut keeping = false;
        assert_eq!(convert("а {{б", Script::Latin, &mut keeping), "a б");
        assert!(keeping);
        assert_eq!(convert("в}} г", Script::Latin, &mut keeping), "в g");
        assert!(!keeping);
    }
}

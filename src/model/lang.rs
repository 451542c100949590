//! Languages: the built-in registry and what a page needs to know about one.
//!
//! The registry holds the languages of the Western Balkans campaigns, so that
//! an author writes `languages: [ar, sq]` and gets the right autonym, script
//! and direction with no further configuration. Any other valid BCP 47 tag
//! works when the campaign supplies the autonym and direction itself.

use serde::Serialize;

/// Text direction of a language's script.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic script).
    Rtl,
}

impl Direction {
    /// The value of an HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// A language a campaign is published in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Language {
    /// The tag as the author wrote it in `languages:`; also the name of the
    /// content folder, the output folder and the HTML `lang` attribute.
    pub tag: String,
    /// The tag used in `hreflang`, naming the script where a language is
    /// written in more than one (`sr` is published as `sr-Cyrl`).
    pub hreflang: String,
    /// The language's name for itself, as shown in the language chooser.
    pub autonym: String,
    /// ISO 15924 script code, e.g. `Latn`, `Cyrl`, `Arab`.
    pub script: String,
    /// Direction of the script.
    pub dir: Direction,
}

/// (tag, hreflang, autonym, script, direction) of the built-in languages.
const BUILTIN: &[(&str, &str, &str, &str, Direction)] = &[
    ("sq", "sq", "shqip", "Latn", Direction::Ltr),
    ("bs", "bs", "bosanski", "Latn", Direction::Ltr),
    ("sr", "sr-Cyrl", "српски", "Cyrl", Direction::Ltr),
    ("sr-Latn", "sr-Latn", "srpski", "Latn", Direction::Ltr),
    ("mk", "mk", "македонски", "Cyrl", Direction::Ltr),
    ("rom", "rom", "romani čhib", "Latn", Direction::Ltr),
    ("ar", "ar", "العربية", "Arab", Direction::Rtl),
    ("ps", "ps", "پښتو", "Arab", Direction::Rtl),
    ("fa", "fa", "فارسی", "Arab", Direction::Rtl),
    ("en", "en", "English", "Latn", Direction::Ltr),
];

/// Tags of the built-in languages, in registry order.
pub fn builtin_tags() -> impl Iterator<Item = &'static str> {
    BUILTIN.iter().map(|b| b.0)
}

/// A built-in language by its tag, if there is one.
pub fn builtin(tag: &str) -> Option<Language> {
    BUILTIN
        .iter()
        .find(|b| b.0 == tag)
        .map(|&(tag, hreflang, autonym, script, dir)| Language {
            tag: tag.to_string(),
            hreflang: hreflang.to_string(),
            autonym: autonym.to_string(),
            script: script.to_string(),
            dir,
        })
}

/// For a language whose pages can be made from another's by changing
/// script, the language they are made from: `sr-Latn` from `sr`.
pub fn generated_from(tag: &str) -> Option<&'static str> {
    match tag {
        "sr-Latn" => Some("sr"),
        _ => None,
    }
}

/// gettext's `Plural-Forms` for a language: the CLDR cardinal categories
/// that the interface strings use, as a C expression (translation exchange
/// files must name them, though outreach's page texts have no plurals).
pub fn gettext_plural_forms(tag: &str) -> &'static str {
    // Plural rules belong to the language, not its script or region.
    let language = tag.split(['-', '_']).next().unwrap_or(tag);
    match language {
        "bs" | "sr" | "hr" => {
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
        }
        "mk" => "nplurals=2; plural=(n%10==1 && n%100!=11 ? 0 : 1);",
        "ar" => {
            "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
        }
        // Persian counts 0 and 1 as "one".
        "fa" => "nplurals=2; plural=(n > 1);",
        _ => "nplurals=2; plural=(n != 1);",
    }
}

/// The built-in language an author probably meant by a code outreach does
/// not know: a country code (`al`), an ISO 639-2/3 code (`alb`, `srp`), an
/// English or own name (`farsi`), a region added (`fa-IR`), or another case.
pub fn likely_meant(written: &str) -> Option<&'static str> {
    let lower = written.trim().to_ascii_lowercase().replace('_', "-");
    let known = |tag: &str| {
        BUILTIN
            .iter()
            .map(|b| b.0)
            .find(|b| b.eq_ignore_ascii_case(tag))
    };
    if let Some(tag) = known(&lower) {
        return Some(tag);
    }
    let alias = match lower.as_str() {
        "al" | "alb" | "sqi" | "albanian" | "shqip" => "sq",
        "ba" | "bos" | "bosnian" | "bosanski" => "bs",
        "rs" | "srb" | "srp" | "serbian" | "srpski" | "sr-cyrl" | "sr-rs" | "me" | "cnr" => "sr",
        "sr-latin" | "sr-lat" => "sr-Latn",
        "mac" | "mkd" | "macedonian" | "makedonski" => "mk",
        "rmn" | "rmy" | "rmc" | "romani" | "roma" => "rom",
        "ara" | "arabic" => "ar",
        "pus" | "pashto" | "pushto" | "af" => "ps",
        "farsi" | "persian" | "fas" | "per" | "ir" | "prs" | "dari" => "fa",
        "eng" | "english" | "uk" | "gb" | "us" => "en",
        _ => "",
    };
    if !alias.is_empty() {
        return BUILTIN.iter().map(|b| b.0).find(|b| *b == alias);
    }
    // A region added to a language outreach knows (`fa-IR`, `sq-AL`).
    let (base, region) = lower.split_once('-')?;
    (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
        .then(|| known(base))
        .flatten()
}

/// Why a tag written by an author cannot be used, with the fix.
#[derive(Debug, PartialEq, Eq)]
pub struct TagProblem {
    /// What is wrong.
    pub message: String,
    /// What to write instead, when we know.
    pub help: Option<String>,
}

/// Checks a language tag as written in a campaign and returns its canonical
/// spelling. Tags that would work but mislead (`bs-Latn`, `sr-Cyrl`) are
/// refused with the spelling to use, so that folder names stay predictable.
pub fn check_tag(tag: &str) -> Result<String, TagProblem> {
    let parsed: unic_langid::LanguageIdentifier = tag.parse().map_err(|_| TagProblem {
        message: format!("`{tag}` is not a valid language tag (BCP 47)"),
        help: Some(
            "use a short code such as `sq`, `bs`, `sr`, `sr-Latn`, `mk`, `rom`, `ar`, `ps`, `fa` or `en`"
                .into(),
        ),
    })?;
    let canonical = parsed.to_string();
    let preferred = match canonical.as_str() {
        "bs-Latn" => Some("bs"),
        "sr-Cyrl" => Some("sr"),
        "ro" => {
            return Err(TagProblem {
                message: "`ro` is Romanian, not Romani".into(),
                help: Some("write `rom` for Romani (or `rmn`, `rmy` for a dialect)".into()),
            });
        }
        _ => None,
    };
    if let Some(preferred) = preferred {
        return Err(TagProblem {
            message: format!("write `{preferred}` instead of `{tag}`: it means the same"),
            help: Some(format!("replace `{tag}` with `{preferred}`")),
        });
    }
    if canonical != tag {
        return Err(TagProblem {
            message: format!("the language tag `{tag}` should be written `{canonical}`"),
            help: Some(format!("replace `{tag}` with `{canonical}`")),
        });
    }
    Ok(canonical)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic_script_languages_are_right_to_left() {
        for tag in ["ar", "ps", "fa"] {
            assert_eq!(builtin(tag).unwrap().dir, Direction::Rtl, "{tag}");
        }
        for tag in ["sq", "bs", "sr", "sr-Latn", "mk", "rom", "en"] {
            assert_eq!(builtin(tag).unwrap().dir, Direction::Ltr, "{tag}");
        }
    }

    #[test]
    fn serbian_scripts_have_their_own_hreflang() {
        assert_eq!(builtin("sr").unwrap().hreflang, "sr-Cyrl");
        assert_eq!(builtin("sr-Latn").unwrap().hreflang, "sr-Latn");
        assert_eq!(builtin("sr-Latn").unwrap().autonym, "srpski");
    }

    #[test]
    fn likely_languages_are_suggested() {
        for (written, meant) in [
            ("al", "sq"),
            ("farsi", "fa"),
            ("fa-IR", "fa"),
            ("srb", "sr"),
            ("rs", "sr"),
            ("mac", "mk"),
            ("bos", "bs"),
            ("rmn", "rom"),
            ("rmy", "rom"),
            ("EN", "en"),
            ("sr-latn", "sr-Latn"),
        ] {
            assert_eq!(likely_meant(written), Some(meant), "{written}");
        }
        assert_eq!(likely_meant("tr"), None);
    }

    #[test]
    fn tags_are_checked() {
        assert_eq!(check_tag("sr-Latn"), Ok("sr-Latn".into()));
        assert_eq!(check_tag("rom"), Ok("rom".into()));
        assert_eq!(check_tag("tr"), Ok("tr".into()));
        assert!(check_tag("not a tag").is_err());
        assert!(check_tag("").is_err());
        assert!(check_tag("bs-Latn").unwrap_err().message.contains("`bs`"));
        assert!(check_tag("ro").unwrap_err().message.contains("Romani"));
        assert!(
            check_tag("sr-latn")
                .unwrap_err()
                .message
                .contains("sr-Latn")
        );
    }
}

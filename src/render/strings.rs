//! Interface strings ("Skip to main content", "Languages", "3 pages") in
//! the reader's language, from Fluent files, for templates to call as
//! `t(key=..., count=...)`.
//!
//! A string is looked up along a chain, so a reader never sees a raw key:
//! the campaign's own file for the language, the project's or built-in
//! file for it, then the language's declared fallbacks (Bosnian readers
//! understand Serbian in Latin script), then English, then the campaign's
//! default language.

use std::collections::{BTreeMap, HashMap};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use unic_langid::LanguageIdentifier;

use crate::diag::{Diagnostic, Severity, SourceFile};

/// The language whose strings are complete: the reference for what keys
/// exist, and the last resort before the campaign's default language.
pub const REFERENCE: &str = "en";

/// Languages whose readers usually understand another one better than
/// English. Used when a campaign declares no fallbacks of its own.
pub const BUILTIN_FALLBACKS: &[(&str, &[&str])] = &[
    ("bs", &["sr-Latn"]),
    ("sr-Latn", &["bs"]),
    ("sr", &["mk"]),
    ("mk", &["sr"]),
    ("ps", &["fa"]),
    ("rom", &["sr-Latn", "sq"]),
];

/// Every Fluent source the strings come from.
#[derive(Debug, Default, Clone)]
pub struct StringSources {
    /// Per language: the built-in file, then the project's `i18n/<lang>.ftl`
    /// (whose messages replace built-in ones of the same name).
    pub languages: BTreeMap<String, Vec<SourceFile>>,
    /// Per (campaign, language): `i18n/<campaign>/<lang>.ftl`.
    pub campaigns: BTreeMap<(String, String), SourceFile>,
}

type Bundle = FluentBundle<FluentResource>;

/// Parsed interface strings.
pub struct Strings {
    languages: HashMap<String, Bundle>,
    campaigns: HashMap<(String, String), Bundle>,
    /// The keys of the reference language, sorted.
    reference_keys: Vec<String>,
}

impl std::fmt::Debug for Strings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Strings")
            .field("languages", &self.languages.keys())
            .finish()
    }
}

/// One lookup: which string, for whom.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The campaign being built.
    pub campaign: &'a str,
    /// The reader's language.
    pub lang: &'a str,
    /// The message id.
    pub key: &'a str,
    /// A number for plural forms and `{ $count }`.
    pub count: Option<i64>,
    /// Extra named arguments (`{ $language }`).
    pub args: &'a [(&'a str, &'a str)],
    /// Write digits in the language's own script (Persian ۱۲۳ for `fa`, `ps`).
    pub native_digits: bool,
    /// Fallback languages declared by the campaign for `lang`, if any.
    pub fallbacks: &'a [String],
    /// The campaign's default language: the last resort.
    pub default_language: &'a str,
}

impl Strings {
    /// Parses every Fluent file; syntax problems are reported with their line.
    pub fn parse(sources: &StringSources, problems: &mut Vec<Diagnostic>) -> Strings {
        let mut languages = HashMap::new();
        for (tag, files) in &sources.languages {
            let mut bundle = new_bundle(tag);
            for file in files {
                if let Some(resource) = parse_file(file, problems) {
                    bundle.add_resource_overriding(resource);
                }
            }
            languages.insert(tag.clone(), bundle);
        }
        let mut campaigns = HashMap::new();
        for ((campaign, tag), file) in &sources.campaigns {
            let mut bundle = new_bundle(tag);
            if let Some(resource) = parse_file(file, problems) {
                bundle.add_resource_overriding(resource);
            }
            campaigns.insert((campaign.clone(), tag.clone()), bundle);
        }
        let mut reference_keys: Vec<String> = sources
            .languages
            .get(REFERENCE)
            .into_iter()
            .flatten()
            .flat_map(|f| message_ids(f.text()))
            .collect();
        reference_keys.sort();
        reference_keys.dedup();
        Strings {
            languages,
            campaigns,
            reference_keys,
        }
    }

    /// The keys every language should have.
    pub fn reference_keys(&self) -> &[String] {
        &self.reference_keys
    }

    /// Whether `lang` itself (not a fallback) has `key` for `campaign`.
    pub fn has_own(&self, campaign: &str, lang: &str, key: &str) -> bool {
        self.campaigns
            .get(&(campaign.to_string(), lang.to_string()))
            .is_some_and(|b| b.has_message(key))
            || self.languages.get(lang).is_some_and(|b| b.has_message(key))
    }

    /// The string for `request`, from the first language of the chain that
    /// has it; `None` when none has it.
    pub fn get(&self, request: &Request) -> Option<String> {
        let builtin: &[&str] = BUILTIN_FALLBACKS
            .iter()
            .find(|(tag, _)| *tag == request.lang)
            .map_or(&[], |(_, f)| f);
        let declared: Vec<&str> = if request.fallbacks.is_empty() {
            builtin.to_vec()
        } else {
            request.fallbacks.iter().map(String::as_str).collect()
        };
        let chain = std::iter::once(request.lang)
            .chain(declared)
            .chain([REFERENCE, request.default_language]);
        for tag in chain {
            let campaign = self
                .campaigns
                .get(&(request.campaign.to_string(), tag.to_string()));
            for bundle in campaign.into_iter().chain(self.languages.get(tag)) {
                if let Some(text) = format(bundle, request) {
                    return Some(if request.native_digits {
                        native_digits(tag, &text)
                    } else {
                        text
                    });
                }
            }
        }
        None
    }
}

fn format(bundle: &Bundle, request: &Request) -> Option<String> {
    let pattern = bundle.get_message(request.key)?.value()?;
    let mut args = FluentArgs::new();
    if let Some(count) = request.count {
        args.set("count", FluentValue::from(count));
    }
    for (name, value) in request.args {
        args.set(*name, FluentValue::from(*value));
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
    // A pattern that refers to a missing variable or message would show
    // Fluent's `{$name}` placeholder: treat it as missing instead.
    errors.is_empty().then(|| text.into_owned())
}

fn new_bundle(tag: &str) -> Bundle {
    let mut bundle = FluentBundle::new_concurrent(vec![plural_locale(tag)]);
    // Strings go into text and attribute values alike; bidi isolation marks
    // around placeables would end up inside `aria-label`s. Templates isolate
    // what needs it with `<bdi>`.
    bundle.set_use_isolating(false);
    bundle
}

/// The locale whose CLDR plural rules a language uses.
///
/// The script and region are dropped: plural rules belong to the language,
/// and libraries that look up `sr-Latn` as a whole fall back to rules with
/// only `other` (ICU4X does). Romani has no CLDR rules; we use n = 1 → one,
/// anything else → other, which are English's rules, so Romani asks for `en`.
pub fn plural_locale(tag: &str) -> LanguageIdentifier {
    let language = tag.split(['-', '_']).next().unwrap_or(tag);
    let language = match language {
        "rom" | "rmn" | "rmy" => "en",
        other => other,
    };
    language.parse().unwrap_or_default()
}

/// ASCII digits written in the script of `lang`: Persian (۰–۹) for Persian
/// and Pashto, Arabic-Indic (٠–٩) for Arabic; other languages unchanged.
pub fn native_digits(lang: &str, text: &str) -> String {
    let zero = match plural_locale(lang).language.as_str() {
        "fa" | "ps" => '\u{06F0}',
        "ar" => '\u{0660}',
        _ => return text.to_string(),
    };
    text.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(zero as u32 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// `tenths` / 10 with one decimal, as `lang` writes decimals: `1.2` in
/// English, `1,2` in Albanian, the South Slavic languages and Romani
/// (whose readers read Serbian, Macedonian or Albanian numbers), `1٫2`
/// in Arabic, Persian and Pashto when they use their own digits (which
/// [`native_digits`] writes; with ASCII digits they write `1.2`).
pub fn one_decimal(lang: &str, tenths: u64, native_digits: bool) -> String {
    let language = plural_locale(lang).language;
    let separator = match (language.as_str(), lang.split(['-', '_']).next()) {
        ("ar" | "fa" | "ps", _) if native_digits => '\u{066B}',
        (_, Some("rom" | "rmn" | "rmy")) => ',',
        (
            "sq" | "bs" | "sr" | "mk" | "hr" | "sl" | "bg" | "ro" | "el" | "tr" | "de" | "fr"
            | "it" | "es" | "pt" | "nl" | "ru" | "uk" | "pl" | "cs" | "sk" | "hu",
            _,
        ) => ',',
        _ => '.',
    };
    format!("{}{separator}{}", tenths / 10, tenths % 10)
}

fn parse_file(file: &SourceFile, problems: &mut Vec<Diagnostic>) -> Option<FluentResource> {
    match FluentResource::try_new(file.text().to_string()) {
        Ok(resource) => Some(resource),
        Err((resource, errors)) => {
            for error in errors {
                problems.push(file.at(
                    error.pos.start,
                    Severity::Error,
                    format!("this interface string cannot be read: {}", error.kind),
                ));
            }
            Some(resource)
        }
    }
}

/// Message ids defined in a Fluent source (lines `id = ...`).
fn message_ids(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines().filter_map(|line| {
        let (id, _) = line.split_once('=')?;
        let id = id.trim_end();
        let valid = id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        valid.then(|| id.to_string())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(files: &[(&str, &str)]) -> Strings {
        let mut sources = StringSources::default();
        for (tag, text) in files {
            sources
                .languages
                .entry(tag.to_string())
                .or_default()
                .push(SourceFile::new(format!("{tag}.ftl"), *text));
        }
        let mut problems = Vec::new();
        let strings = Strings::parse(&sources, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        strings
    }

    fn request<'a>(lang: &'a str, key: &'a str, count: Option<i64>) -> Request<'a> {
        Request {
            campaign: "c",
            lang,
            key,
            count,
            args: &[],
            native_digits: false,
            fallbacks: &[],
            default_language: "en",
        }
    }

    const CATEGORIES: &str = "cat = { $count ->\n    [zero] zero\n    [one] one\n    [two] two\n    [few] few\n    [many] many\n   *[other] other\n}\n";

    /// CLDR cardinal plural categories, as tables per language.
    #[test]
    fn plural_categories_follow_cldr() {
        let tags = [
            "ar", "sr", "sr-Latn", "bs", "bs-Cyrl", "mk", "fa", "ps", "sq", "en", "rom",
        ];
        let files: Vec<(&str, &str)> = tags.iter().map(|t| (*t, CATEGORIES)).collect();
        let s = strings(&files);
        let category = |lang: &str, n: i64| s.get(&request(lang, "cat", Some(n))).unwrap();
        let table: &[(&str, &[(i64, &str)])] = &[
            (
                "ar",
                &[
                    (0, "zero"),
                    (1, "one"),
                    (2, "two"),
                    (3, "few"),
                    (10, "few"),
                    (11, "many"),
                    (99, "many"),
                    (100, "other"),
                    (101, "other"),
                    (102, "other"),
                ],
            ),
            (
                "sr",
                &[
                    (1, "one"),
                    (21, "one"),
                    (101, "one"),
                    (2, "few"),
                    (4, "few"),
                    (22, "few"),
                    (24, "few"),
                    (0, "other"),
                    (5, "other"),
                    (11, "other"),
                    (20, "other"),
                    (111, "other"),
                ],
            ),
            (
                "sr-Latn",
                &[
                    (1, "one"),
                    (21, "one"),
                    (2, "few"),
                    (24, "few"),
                    (5, "other"),
                    (111, "other"),
                ],
            ),
            (
                "bs",
                &[
                    (1, "one"),
                    (21, "one"),
                    (101, "one"),
                    (2, "few"),
                    (4, "few"),
                    (22, "few"),
                    (0, "other"),
                    (5, "other"),
                    (20, "other"),
                    (111, "other"),
                ],
            ),
            ("bs-Cyrl", &[(1, "one"), (3, "few"), (5, "other")]),
            (
                "mk",
                &[
                    (1, "one"),
                    (21, "one"),
                    (11, "other"),
                    (2, "other"),
                    (0, "other"),
                ],
            ),
            ("fa", &[(0, "one"), (1, "one"), (2, "other"), (10, "other")]),
            ("ps", &[(1, "one"), (0, "other"), (2, "other")]),
            ("sq", &[(1, "one"), (0, "other"), (2, "other")]),
            ("en", &[(1, "one"), (0, "other"), (2, "other")]),
            (
                "rom",
                &[(1, "one"), (0, "other"), (2, "other"), (21, "other")],
            ),
        ];
        for (lang, cases) in table {
            for (n, expected) in *cases {
                assert_eq!(category(lang, *n), *expected, "{lang} {n}");
            }
        }
    }

    #[test]
    fn lookup_falls_back_along_the_chain() {
        let s = strings(&[
            ("en", "a = A\nb = B\nc = C\n"),
            ("sr-Latn", "a = A-sr\nb = B-sr\n"),
            ("bs", "a = A-bs\n"),
        ]);
        assert_eq!(s.get(&request("bs", "a", None)).unwrap(), "A-bs");
        assert_eq!(
            s.get(&request("bs", "b", None)).unwrap(),
            "B-sr",
            "declared fallback"
        );
        assert_eq!(
            s.get(&request("bs", "c", None)).unwrap(),
            "C",
            "then English"
        );
        assert_eq!(s.get(&request("bs", "d", None)), None);
        let own = ["en".to_string()];
        let mut r = request("bs", "b", None);
        r.fallbacks = &own;
        assert_eq!(
            s.get(&r).unwrap(),
            "B",
            "a campaign's own fallbacks replace the built-in ones"
        );
    }

    #[test]
    fn campaign_strings_override_the_shared_ones() {
        let mut sources = StringSources::default();
        sources.languages.insert(
            "en".into(),
            vec![SourceFile::new("en.ftl", "home = Home\nskip = Skip\n")],
        );
        sources.campaigns.insert(
            ("c".into(), "en".into()),
            SourceFile::new("i18n/c/en.ftl", "home = Start here\n"),
        );
        let s = Strings::parse(&sources, &mut Vec::new());
        assert_eq!(s.get(&request("en", "home", None)).unwrap(), "Start here");
        assert_eq!(s.get(&request("en", "skip", None)).unwrap(), "Skip");
        let mut other = request("en", "home", None);
        other.campaign = "d";
        assert_eq!(s.get(&other).unwrap(), "Home");
    }

    #[test]
    fn a_missing_variable_is_not_shown_as_a_placeholder() {
        let s = strings(&[
            ("en", "x = Hello { $name }\n"),
            ("sq", "x = Tung { $emri }\n"),
        ]);
        let args = [("name", "Ana")];
        let mut r = request("sq", "x", None);
        r.args = &args;
        assert_eq!(
            s.get(&r).unwrap(),
            "Hello Ana",
            "sq's pattern errs, English is used"
        );
    }

    #[test]
    fn native_digits_only_where_asked() {
        let s = strings(&[
            ("fa", "n = { $count } صفحه\n"),
            ("ps", "n = { $count } پاڼې\n"),
            ("en", "n = { $count } pages\n"),
        ]);
        let mut r = request("fa", "n", Some(1204));
        assert_eq!(s.get(&r).unwrap(), "1204 صفحه");
        r.native_digits = true;
        assert_eq!(s.get(&r).unwrap(), "۱۲۰۴ صفحه");
        r.lang = "ps";
        assert_eq!(s.get(&r).unwrap(), "۱۲۰۴ پاڼې");
        r.lang = "en";
        assert_eq!(s.get(&r).unwrap(), "1204 pages");
        assert_eq!(native_digits("ar", "12"), "١٢");
    }

    #[test]
    fn decimals_are_written_as_each_language_writes_them() {
        assert_eq!(one_decimal("en", 12, false), "1.2");
        assert_eq!(one_decimal("sq", 12, false), "1,2");
        assert_eq!(one_decimal("sr-Latn", 105, false), "10,5");
        assert_eq!(one_decimal("rom", 3, false), "0,3");
        assert_eq!(one_decimal("fa", 12, false), "1.2");
        assert_eq!(native_digits("fa", &one_decimal("fa", 12, true)), "۱٫۲");
        assert_eq!(native_digits("ar", &one_decimal("ar", 12, true)), "١٫٢");
    }

    #[test]
    fn syntax_errors_are_located() {
        let mut sources = StringSources::default();
        sources.languages.insert(
            "en".into(),
            vec![SourceFile::new("i18n/en.ftl", "a = A\n!!! broken\n")],
        );
        let mut problems = Vec::new();
        Strings::parse(&sources, &mut problems);
        assert_eq!(problems[0].line, Some(2), "{problems:?}");
    }

    #[test]
    fn reference_keys_are_read() {
        let s = strings(&[(
            "en",
            "# comment\na = A\nb-c = B\n    .attr = x\nd =\n    multi\n",
        )]);
        assert_eq!(s.reference_keys(), ["a", "b-c", "d"]);
    }
}

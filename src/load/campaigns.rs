//! `campaigns/<id>.yaml`: read as written (`RawCampaign`), then checked and
//! turned into a [`Campaign`] once, so later stages never see unchecked data.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Severity, SourceFile, did_you_mean};
use crate::model::Campaign;
use crate::model::campaign::AT_RISK_AUDIENCES;
use crate::model::campaign::{Fallback, Partner, ShareImage};
use crate::model::contact::{self, Contact};
use crate::model::country;
use crate::model::lang::{self, Direction, Language};
use crate::model::leaflet::{Format, LeafletSpec, Printer};

/// A campaign file exactly as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCampaign {
    title: Spanned<BTreeMap<String, String>>,
    description: Spanned<BTreeMap<String, String>>,
    languages: Spanned<Vec<Spanned<String>>>,
    default_language: Spanned<String>,
    #[serde(default)]
    base_url: Option<Spanned<String>>,
    #[serde(default)]
    theme: Option<Spanned<String>>,
    #[serde(default)]
    audience: Vec<Spanned<String>>,
    #[serde(default)]
    allow_raw_html: bool,
    /// Autonym and direction for languages outside the built-in registry.
    #[serde(default)]
    language_info: BTreeMap<String, Spanned<RawLanguageInfo>>,
    /// What readers of a language get for a page not translated into it.
    #[serde(default)]
    fallback: Fallback,
    /// Digits in the script of the language (Persian ۱۲۳ for fa, ps; Arabic ١٢٣ for ar).
    #[serde(default)]
    native_digits: bool,
    /// Languages whose interface strings fill gaps, per language.
    #[serde(default)]
    string_fallbacks: BTreeMap<String, Vec<Spanned<String>>>,
    /// Helplines and organisations shown on every page.
    #[serde(default)]
    contacts: Vec<Spanned<RawContact>>,
    /// A contact not checked for this many days gets a warning.
    #[serde(default)]
    contacts_max_age_days: Option<u32>,
    /// The "Leave this site" button.
    #[serde(default)]
    quick_exit: Option<Spanned<RawQuickExit>>,
    /// The theme's accent colour (links, buttons), `#rrggbb`.
    #[serde(default)]
    accent: Option<Spanned<String>>,
    /// Pages heavier than this (HTML + CSS, gzip-compressed) get a warning.
    #[serde(default)]
    page_budget_kb: Option<u32>,
    /// Printable leaflets (PDF), one text file per leaflet and language.
    #[serde(default)]
    leaflets: Vec<Spanned<RawLeaflet>>,
    /// The picture link previews show: one path, or one per language.
    #[serde(default)]
    share_image: Option<Spanned<RawShareImage>>,
    /// Link previews show a card with the page's title.
    #[serde(default = "yes")]
    share_cards: bool,
    /// Pages whose pictures weigh more than this get a warning.
    #[serde(default)]
    image_budget_kb: Option<u32>,
    /// Recordings (`audio:` of pages) larger than this get a warning.
    #[serde(default)]
    audio_budget_kb: Option<u32>,
    /// Partner organisations, whose logos pages and leaflets show.
    #[serde(default)]
    partners: Vec<Spanned<RawPartner>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPartner {
    name: BTreeMap<String, String>,
    logo: Spanned<String>,
    #[serde(default)]
    link: Option<Spanned<String>>,
}

/// `share_image:` as written: one path, or paths by language (each with
/// where it was written, for problems).
#[derive(Debug)]
enum RawShareImage {
    One(String),
    PerLanguage(Vec<(String, Spanned<String>)>),
}

// By hand rather than `#[serde(untagged)]`: untagged enums buffer their
// input, and the positions of the per-language paths would be lost.
impl<'de> Deserialize<'de> for RawShareImage {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = RawShareImage;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a picture's path, or paths by language (`default: images/share.jpg`)")
            }
            fn visit_str<E: serde::de::Error>(self, path: &str) -> Result<RawShareImage, E> {
                Ok(RawShareImage::One(path.to_string()))
            }
            fn visit_map<M: serde::de::MapAccess<'de>>(
                self,
                mut map: M,
            ) -> Result<RawShareImage, M::Error> {
                let mut paths = Vec::new();
                while let Some(lang) = map.next_key::<String>()? {
                    paths.push((lang, map.next_value::<Spanned<String>>()?));
                }
                Ok(RawShareImage::PerLanguage(paths))
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLeaflet {
    id: Spanned<String>,
    format: Spanned<String>,
    /// `a6-card` only: four cards on an A4 sheet, with cut marks.
    #[serde(default)]
    sheet: bool,
    /// A QR code to the campaign's page in the leaflet's language.
    #[serde(default = "yes")]
    qr: bool,
    /// `office` (the default) or `shop`: bleed and crop marks.
    #[serde(default)]
    print: Printer,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContact {
    name: BTreeMap<String, String>,
    phone: Spanned<String>,
    #[serde(default)]
    whatsapp: Option<Spanned<String>>,
    #[serde(default)]
    viber: Option<Spanned<String>>,
    #[serde(default)]
    sms: Option<Spanned<String>>,
    #[serde(default)]
    email: Option<Spanned<String>>,
    #[serde(default)]
    hours: BTreeMap<String, String>,
    #[serde(default)]
    countries: Vec<Spanned<String>>,
    #[serde(default)]
    verified: Option<Spanned<String>>,
    #[serde(default)]
    example: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuickExit {
    #[serde(default = "yes")]
    enabled: bool,
    /// Where the button leads: a neutral site of the campaign's choosing.
    #[serde(default)]
    url: Option<String>,
}

fn yes() -> bool {
    true
}

/// Audience tags outreach knows besides the at-risk ones.
pub const OTHER_AUDIENCES: &[&str] = &[
    "youth",
    "children",
    "women",
    "men",
    "job-seekers",
    "workers",
    "students",
    "parents",
    "professionals",
    "general",
];

/// Where the quick exit leads unless the campaign chooses: a site that
/// looks ordinary on anyone's screen.
pub const DEFAULT_EXIT_URL: &str = "https://www.wikipedia.org/";

/// Days after which a contact's `verified` date is too old, by default.
pub const DEFAULT_CONTACT_MAX_AGE_DAYS: u32 = 180;

/// Default weight budget of a page, HTML + CSS gzip-compressed: what one
/// round trip of TCP's initial window carries (14 KB).
pub const DEFAULT_PAGE_BUDGET_KB: u32 = 14;

/// Default weight budget of a page's pictures, in the sizes a phone
/// downloads: about half a minute on 2G.
pub const DEFAULT_IMAGE_BUDGET_KB: u32 = 150;

/// Default size budget of a recording: 3000 KB is about 8 minutes of
/// speech as mono MP3 at 48 kbit/s, or 17 as Opus at 24 kbit/s; on 2G
/// (about 40 kbit/s) such a file plays as it downloads.
pub const DEFAULT_AUDIO_BUDGET_KB: u32 = 3000;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguageInfo {
    autonym: String,
    dir: RawDirection,
    #[serde(default)]
    script: Option<String>,
}

#[derive(Debug, Deserialize, Clone, Copy)]
#[serde(rename_all = "lowercase")]
enum RawDirection {
    Ltr,
    Rtl,
}

/// 1-based (line, column) where a value was written.
fn at<T>(span: &Spanned<T>) -> (usize, usize) {
    (
        span.referenced.line().max(1) as usize,
        span.referenced.column().max(1) as usize,
    )
}

/// Checks a campaign id (from the file name): it becomes a folder and part
/// of every URL, so it must be short ASCII.
pub fn check_id(id: &str) -> Result<(), String> {
    if super::content::is_windows_device_name(id) {
        return Err(format!(
            "`{id}` cannot be used as a campaign name: it names a device on Windows, so its folder could not be made there"
        ));
    }
    let ok = !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
        && !id.starts_with(['-', '_', '.']);
    if ok {
        Ok(())
    } else {
        Err(format!(
            "`{id}` cannot be used as a campaign name: use lower-case ASCII letters, digits and `-` (e.g. `safe-work`)"
        ))
    }
}

/// Parses and checks one campaign file. All problems found are returned,
/// not only the first.
/// The campaign is `None` when there is an error; warnings come with a campaign.
pub fn parse(id: &str, source: SourceFile) -> (Option<Campaign>, Vec<Diagnostic>) {
    let source = Arc::new(source);
    let raw: RawCampaign = match super::yaml::parse(&source, source.text(), 1) {
        Ok(raw) => raw,
        Err(d) => return (None, vec![d]),
    };
    let mut problems = Vec::new();
    let error = |(line, col): (usize, usize), message: String| {
        source.at_line_col(line, col, Severity::Error, message)
    };

    if let Err(message) = check_id(id) {
        problems.push(Diagnostic::in_file(&source.path, Severity::Error, message));
    }

    let mut languages: Vec<Language> = Vec::new();
    // Codes written wrongly, with the language meant: reported once, at
    // their line, and not again as missing or unexpected texts (issue 18).
    let mut wrong: Vec<(String, Option<&'static str>)> = Vec::new();
    for tag in &raw.languages.value {
        let position = at(tag);
        let meant = lang::likely_meant(&tag.value).filter(|m| *m != tag.value);
        if let Some(meant) = meant
            && !raw.language_info.contains_key(&tag.value)
        {
            problems.push(
                error(
                    position,
                    format!("`{}` is not the code outreach uses for this language", tag.value),
                )
                .with_help(format!(
                    "did you mean `{meant}` ({})? Write `{meant}` in `languages` and as the key of its texts",
                    lang::builtin(meant).map_or(String::new(), |l| l.autonym)
                )),
            );
            wrong.push((tag.value.clone(), Some(meant)));
            if let Some(builtin) = lang::builtin(meant)
                && !languages.iter().any(|l| l.tag == meant)
            {
                languages.push(builtin);
            }
            continue;
        }
        let canonical = match lang::check_tag(&tag.value) {
            Ok(canonical) => canonical,
            Err(problem) => {
                let mut d = error(position, problem.message);
                d.help = problem.help;
                problems.push(d);
                wrong.push((tag.value.clone(), None));
                continue;
            }
        };
        if languages.iter().any(|l| l.tag == canonical) {
            problems.push(error(
                position,
                format!("`{canonical}` is listed twice in `languages`"),
            ));
            continue;
        }
        let language = match (raw.language_info.get(&canonical), lang::builtin(&canonical)) {
            (Some(info), _) => Language {
                tag: canonical.clone(),
                hreflang: canonical.clone(),
                autonym: info.value.autonym.clone(),
                script: info.value.script.clone().unwrap_or_default(),
                dir: match info.value.dir {
                    RawDirection::Ltr => Direction::Ltr,
                    RawDirection::Rtl => Direction::Rtl,
                },
            },
            (None, Some(builtin)) => builtin,
            (None, None) => {
                problems.push(
                    error(
                        position,
                        format!(
                            "outreach does not know the language `{canonical}`: it needs its name and writing direction"
                        ),
                    )
                    .with_help(format!(
                        "add to this file:\nlanguage_info:\n  {canonical}:\n    autonym: \"(the language's name for itself)\"\n    dir: ltr   # or rtl"
                    )),
                );
                continue;
            }
        };
        languages.push(language);
    }
    if raw.languages.value.is_empty() {
        problems.push(error(
            at(&raw.languages),
            "`languages` is empty: list at least one language, e.g. `languages: [sq, en]`".into(),
        ));
    }
    for (tag, info) in &raw.language_info {
        if !raw.languages.value.iter().any(|l| &l.value == tag) {
            problems.push(source.at_line_col(
                at(info).0,
                1,
                Severity::Warning,
                format!("`language_info` describes `{tag}`, which is not in `languages`"),
            ));
        }
    }

    let tags: Vec<&str> = languages.iter().map(|l| l.tag.as_str()).collect();
    let default_language = raw.default_language.value.clone();
    let written_wrong = |tag: &str| wrong.iter().any(|(w, _)| w == tag);
    if !tags.contains(&default_language.as_str()) && !written_wrong(&default_language) {
        let mut d = error(
            at(&raw.default_language),
            format!("`default_language` is `{default_language}`, which is not one of `languages`"),
        );
        if let Some(near) = did_you_mean(&default_language, tags.iter().copied()) {
            d = d.with_help(format!("did you mean `{near}`?"));
        }
        problems.push(d);
    }

    for (key, map) in [("title", &raw.title), ("description", &raw.description)] {
        for language in &languages {
            // A `sr-Latn` title is made from the `sr` one when not given.
            let generated =
                lang::generated_from(&language.tag).is_some_and(|from| tags.contains(&from));
            // Its text under the wrong code was already said.
            let under_wrong_code = wrong.iter().any(|(_, m)| *m == Some(language.tag.as_str()));
            if !generated
                && !under_wrong_code
                && map
                    .value
                    .get(&language.tag)
                    .is_none_or(|t| t.trim().is_empty())
            {
                problems.push(
                    error(
                        at(map),
                        format!(
                            "`{key}` has no text for `{}`, which is in `languages`",
                            language.tag
                        ),
                    )
                    .with_help(format!(
                        "add a line `  {}: \"...\"` under `{key}:`",
                        language.tag
                    )),
                );
            }
        }
        for tag in map.value.keys() {
            if !tags.contains(&tag.as_str()) && !written_wrong(tag) && lang::check_tag(tag).is_ok()
            {
                problems.push(
                    error(
                        at(map),
                        format!("`{key}` has text for `{tag}`, which is not in `languages`"),
                    )
                    .with_help(format!("add `{tag}` to `languages`, or remove its line")),
                );
            }
        }
    }

    for (lang, tags) in &raw.string_fallbacks {
        for tag in tags {
            if let Err(problem) = lang::check_tag(&tag.value) {
                let mut d = error(
                    at(tag),
                    format!("in `string_fallbacks` for `{lang}`: {}", problem.message),
                );
                d.help = problem.help;
                problems.push(d);
            }
        }
    }

    let base_url = match &raw.base_url {
        Some(url) => match check_web_address(&url.value, Address::Site) {
            Ok(url) => Some(url),
            Err(message) => {
                problems.push(error(at(url), message));
                None
            }
        },
        None => None,
    };

    let theme = match &raw.theme {
        Some(theme) if check_id(&theme.value).is_err() => {
            problems.push(error(
                at(theme),
                format!(
                    "`{}` cannot be a theme name: use lower-case ASCII letters, digits and `-`",
                    theme.value
                ),
            ));
            String::new()
        }
        Some(theme) => theme.value.clone(),
        None => "default".to_string(),
    };

    let contacts_max_age_days = raw
        .contacts_max_age_days
        .unwrap_or(DEFAULT_CONTACT_MAX_AGE_DAYS);
    let mut contacts = check_contacts(
        &raw.contacts,
        contacts_max_age_days,
        &tags,
        &source,
        &mut problems,
    );
    for contact in &mut contacts {
        contact.name = with_generated(std::mem::take(&mut contact.name), &languages);
        contact.hours = with_generated(std::mem::take(&mut contact.hours), &languages);
    }

    let quick_exit = match &raw.quick_exit {
        Some(q) if !q.value.enabled => None,
        Some(q) => match &q.value.url {
            Some(url) => match check_web_address(url, Address::Exit) {
                Ok(url) => Some(url),
                Err(message) => {
                    problems.push(error(at(q), message));
                    None
                }
            },
            None => Some(DEFAULT_EXIT_URL.to_string()),
        },
        // On for every campaign unless turned off: a misspelt audience tag
        // must never remove the reader's way out (issue 18).
        None => Some(DEFAULT_EXIT_URL.to_string()),
    };
    let known = || AT_RISK_AUDIENCES.iter().chain(OTHER_AUDIENCES).copied();
    for tag in &raw.audience {
        if !known().any(|k| k == tag.value) {
            let (l, col) = at(tag);
            let mut d = source.at_line_col(
                l,
                col,
                Severity::Warning,
                format!("outreach does not know the audience `{}`", tag.value),
            );
            d = match did_you_mean(&tag.value, known()) {
                Some(known) => d.with_help(format!("did you mean `{known}`?")),
                None => d.with_help(format!(
                    "the audiences outreach knows are: {}",
                    known().collect::<Vec<_>>().join(", ")
                )),
            };
            problems.push(d);
        }
    }

    let accent = match &raw.accent {
        Some(accent) => match crate::model::color::check_accent(&accent.value) {
            Ok(color) => Some(color),
            Err(message) => {
                problems.push(error(at(accent), message));
                None
            }
        },
        None => None,
    };

    let leaflets = check_leaflets(&raw.leaflets, &source, &mut problems);
    if base_url.is_none() {
        for leaflet in leaflets.iter().filter(|l| l.qr) {
            problems.push(
                source
                    .at_line_col(
                        leaflet.line,
                        1,
                        Severity::Warning,
                        format!(
                            "the leaflet `{}` gets no QR code: the campaign has no `base_url`, so outreach does not know the address to put in it",
                            leaflet.id
                        ),
                    )
                    .with_help("add `base_url: \"https://...\"` with the campaign's address, or `qr: false` to the leaflet"),
            );
        }
    }

    let mut share_images = Vec::new();
    if let Some(share) = &raw.share_image {
        let (line, col) = at(share);
        match &share.value {
            RawShareImage::One(path) => share_images.push(ShareImage {
                lang: None,
                key: path.trim_start_matches("./").to_string(),
                line,
                col,
            }),
            RawShareImage::PerLanguage(paths) => {
                for (lang, path) in paths {
                    let (line, col) = at(path);
                    let lang = if lang == "default" {
                        None
                    } else if languages.iter().any(|l| &l.tag == lang) {
                        Some(lang.clone())
                    } else {
                        problems.push(
                            source
                                .at_line_col(line, col, Severity::Error, format!("`share_image` names `{lang}`, which is not one of the campaign's `languages`"))
                                .with_help("use a language tag from `languages`, or `default` for the picture of every other language"),
                        );
                        continue;
                    };
                    share_images.push(ShareImage {
                        lang,
                        key: path.value.trim_start_matches("./").to_string(),
                        line,
                        col,
                    });
                }
            }
        }
    }

    let partners = check_partners(
        &raw.partners,
        &languages,
        &default_language,
        &source,
        &mut problems,
    );

    if problems.iter().any(|p| p.severity == Severity::Error) {
        return (None, problems);
    }
    let campaign = Campaign {
        id: id.to_string(),
        source,
        title: with_generated(raw.title.value, &languages),
        description: with_generated(raw.description.value, &languages),
        languages,
        default_language,
        base_url,
        theme,
        audience: raw.audience.into_iter().map(|a| a.value).collect(),
        allow_raw_html: raw.allow_raw_html,
        fallback: raw.fallback,
        native_digits: raw.native_digits,
        contacts,
        contacts_max_age_days,
        quick_exit,
        accent,
        page_budget_kb: raw.page_budget_kb.unwrap_or(DEFAULT_PAGE_BUDGET_KB),
        image_budget_kb: raw.image_budget_kb.unwrap_or(DEFAULT_IMAGE_BUDGET_KB),
        audio_budget_kb: raw.audio_budget_kb.unwrap_or(DEFAULT_AUDIO_BUDGET_KB),
        share_images,
        share_cards: raw.share_cards,
        partners,
        leaflets,
        string_fallbacks: raw
            .string_fallbacks
            .into_iter()
            .map(|(lang, tags)| (lang, tags.into_iter().map(|t| t.value).collect()))
            .collect(),
    };
    (Some(campaign), problems)
}

/// Checks the `leaflets:` list: known formats, options that fit the
/// format, and ids that can name files.
fn check_leaflets(
    raw: &[Spanned<RawLeaflet>],
    source: &SourceFile,
    problems: &mut Vec<Diagnostic>,
) -> Vec<LeafletSpec> {
    let mut leaflets: Vec<LeafletSpec> = Vec::new();
    for item in raw {
        let leaflet = &item.value;
        let (line, col) = at(&leaflet.id);
        let error = |(line, col): (usize, usize), message: String| {
            source.at_line_col(line, col, Severity::Error, message)
        };
        let mut ok = true;
        if super::content::check_slug(&leaflet.id.value).is_err() {
            problems.push(error(
                (line, col),
                format!(
                    "`{}` cannot be a leaflet id: it names the leaflet's files, so use only lower-case ASCII letters, digits and `-` (e.g. `pocket-card`)",
                    leaflet.id.value
                ),
            ));
            ok = false;
        }
        if leaflets.iter().any(|l| l.id == leaflet.id.value) {
            problems.push(error(
                (line, col),
                format!("there are two leaflets with the id `{}`", leaflet.id.value),
            ));
            ok = false;
        }
        let format = Format::parse(&leaflet.format.value);
        if format.is_none() {
            let names = Format::ALL.map(Format::name);
            let mut d = error(
                at(&leaflet.format),
                format!(
                    "unknown leaflet format `{}`: outreach knows {}",
                    leaflet.format.value,
                    names.map(|n| format!("`{n}`")).join(", ")
                ),
            );
            if let Some(near) = did_you_mean(&leaflet.format.value, names) {
                d = d.with_help(format!("did you mean `{near}`?"));
            }
            problems.push(d);
        }
        if leaflet.sheet && format.is_some_and(|f| f != Format::A6Card) {
            problems.push(error(
                at(item),
                "`sheet: true` (four cards on an A4 sheet) is only for the `a6-card` format"
                    .to_string(),
            ));
            ok = false;
        }
        if let (Some(format), true) = (format, ok) {
            leaflets.push(LeafletSpec {
                id: leaflet.id.value.clone(),
                format,
                sheet: leaflet.sheet,
                qr: leaflet.qr,
                print: leaflet.print,
                line,
            });
        }
    }
    leaflets
}

/// Checks each contact: a dialable number, real dates, a name in the
/// default language; warns about contacts not checked recently.
fn check_contacts(
    raw: &[Spanned<RawContact>],
    max_age_days: u32,
    tags: &[&str],
    source: &SourceFile,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Contact> {
    let today = contact::today();
    let mut contacts = Vec::new();
    for item in raw {
        let c = &item.value;
        let (line, col) = at(item);
        let mut ok = true;
        let example = c.example;
        let mut number = |field: &str, value: &Spanned<String>| -> Option<String> {
            let found = contact::dialable(&value.value);
            let (l, col) = at(value);
            let Some(dial) = found else {
                problems.push(
                    source
                        .at_line_col(l, col, Severity::Error, format!("`{field}` is not a phone number: `{}`", value.value))
                        .with_help("write it with ASCII digits, a leading `+` and the country code, e.g. `+389 2 3103 570`"),
                );
                ok = false;
                return None;
            };
            // A placeholder, or a number only dialable in one country, must
            // never reach readers as a real helpline (issue 18).
            if !example && let Some(problem) = contact::placeholder_problem(&dial) {
                problems.push(
                        source
                            .at_line_col(l, col, Severity::Error, format!("`{field}: {}` {problem}", value.value))
                            .with_help("write the real number with `+` and the country code (e.g. `+381 11 123 4567`), or mark the contact `example: true` while it is an example: pages then say so"),
                    );
                ok = false;
            }
            Some(dial)
        };
        let tel = number("phone", &c.phone).unwrap_or_default();
        let mut messaging = |field: &str, value: &Option<Spanned<String>>| {
            let value = value.as_ref()?;
            number(field, value).map(|dial| contact::Number {
                written: value.value.trim().to_string(),
                dial,
            })
        };
        let whatsapp = messaging("whatsapp", &c.whatsapp);
        let viber = messaging("viber", &c.viber);
        let sms = messaging("sms", &c.sms);
        // Links are made from the checked address only (issue 13).
        let email = match &c.email {
            Some(email) => match contact::email_problem(&email.value) {
                None => Some(email.value.clone()),
                Some(problem) => {
                    let (l, col) = at(email);
                    problems.push(
                        source
                            .at_line_col(
                                l,
                                col,
                                Severity::Error,
                                format!("`email: {}` {problem}", email.value.escape_debug()),
                            )
                            .with_help("write the address alone, e.g. `help@example.org`"),
                    );
                    ok = false;
                    None
                }
            },
            None => None,
        };
        if !tags.iter().any(|t| c.name.contains_key(*t)) {
            problems.push(source.at_line_col(
                line,
                col,
                Severity::Error,
                "this contact has no `name` in any of the campaign's languages".to_string(),
            ));
            ok = false;
        }
        // A name or hours missing in a language show in another language
        // on its pages: said, so the author can translate them.
        let untranslated: Vec<&str> = tags
            .iter()
            .copied()
            .filter(|t| lang::generated_from(t).is_none())
            .filter(|t| {
                !c.name.contains_key(*t) || (!c.hours.is_empty() && !c.hours.contains_key(*t))
            })
            .collect();
        if !untranslated.is_empty() && tags.iter().any(|t| c.name.contains_key(*t)) {
            problems.push(
                source
                    .at_line_col(
                        line,
                        col,
                        Severity::Warning,
                        format!(
                            "the contact `{}` has no name or hours in {}: pages in {} show them in another language",
                            c.phone.value,
                            untranslated.join(", "),
                            if untranslated.len() == 1 { "that language" } else { "those languages" }
                        ),
                    )
                    .with_help(format!(
                        "add `{}: \"…\"` under `name:` (and `hours:`)",
                        untranslated[0]
                    )),
            );
        }
        let mut countries = Vec::new();
        for written in &c.countries {
            match country::check(&written.value) {
                Ok(code) => countries.push(code),
                Err(meant) => {
                    let (l, col) = at(written);
                    let d = source.at_line_col(
                        l,
                        col,
                        Severity::Error,
                        format!(
                            "`{}` is not a country code: pages for that country would show no helpline",
                            written.value
                        ),
                    );
                    problems.push(match meant {
                        Some(code) => d.with_help(format!(
                            "did you mean `{code}` ({})? Countries are written as two-letter ISO codes; Kosovo is `XK`",
                            country::name(code).unwrap_or(code)
                        )),
                        None => d.with_help("write the two-letter ISO 3166 code, e.g. `AL`, `RS`, `MK`; Kosovo is `XK`"),
                    });
                    ok = false;
                }
            }
        }
        let verified = match &c.verified {
            Some(date) => match contact::parse_date(&date.value) {
                Some(days) => {
                    let (l, col) = at(date);
                    if days > today {
                        problems.push(source.at_line_col(
                            l,
                            col,
                            Severity::Warning,
                            format!("`verified: {}` is in the future", date.value),
                        ));
                    } else if today - days > i64::from(max_age_days) {
                        problems.push(
                            source
                                .at_line_col(
                                    l,
                                    col,
                                    Severity::Warning,
                                    format!(
                                        "the contact `{}` was last checked {} days ago (more than {max_age_days}): readers may call a number that no longer works",
                                        c.phone.value,
                                        today - days
                                    ),
                                )
                                .with_help("call it, then set `verified:` to today's date"),
                        );
                    }
                    Some(days)
                }
                None => {
                    let (l, col) = at(date);
                    problems.push(source.at_line_col(
                        l,
                        col,
                        Severity::Error,
                        format!(
                            "`verified` must be a date written YYYY-MM-DD; found `{}`",
                            date.value
                        ),
                    ));
                    ok = false;
                    None
                }
            },
            None => {
                problems.push(
                    source
                        .at_line_col(line, col, Severity::Warning, format!("the contact `{}` has no `verified:` date: nobody has confirmed it works", c.phone.value))
                        .with_help("call it, then add `verified: YYYY-MM-DD` with today's date"),
                );
                None
            }
        };
        if ok {
            contacts.push(Contact {
                name: c.name.clone(),
                phone: c.phone.value.trim().to_string(),
                tel,
                whatsapp,
                viber,
                sms,
                email,
                hours: c.hours.clone(),
                countries,
                verified,
                example: c.example,
            });
        }
    }
    contacts
}

/// Checks `partners:`: a name in the default language (the logo's
/// alternative text; other languages fall back to it, with a warning), a
/// logo inside the campaign's content folder, and a link that is one
/// `https://` address.
fn check_partners(
    raw: &[Spanned<RawPartner>],
    languages: &[Language],
    default_language: &str,
    source: &SourceFile,
    problems: &mut Vec<Diagnostic>,
) -> Vec<Partner> {
    let tags: Vec<&str> = languages.iter().map(|l| l.tag.as_str()).collect();
    let mut partners = Vec::new();
    for item in raw {
        let p = &item.value;
        let (line, col) = at(item);
        let (logo_line, logo_col) = at(&p.logo);
        let mut ok = true;
        for tag in p.name.keys().filter(|t| !tags.contains(&t.as_str())) {
            problems.push(
                source
                    .at_line_col(line, col, Severity::Error, format!("this partner has a `name` in `{tag}`, which is not one of the campaign's `languages`"))
                    .with_help(format!("use the tags in `languages`: {}", tags.join(", "))),
            );
            ok = false;
        }
        if !p.name.contains_key(default_language) {
            problems.push(
                source
                    .at_line_col(line, col, Severity::Error, format!("this partner has no `name` in `{default_language}`, the default language"))
                    .with_help("the name is what screen readers say instead of the logo, and what every language without its own name shows"),
            );
            ok = false;
        } else {
            let untranslated: Vec<&str> = tags
                .iter()
                .copied()
                .filter(|t| lang::generated_from(t).is_none() && !p.name.contains_key(*t))
                .collect();
            if !untranslated.is_empty() {
                problems.push(
                    source
                        .at_line_col(
                            line,
                            col,
                            Severity::Warning,
                            format!(
                                "the partner `{}` has no name in {}: screen readers there read it in `{default_language}`",
                                p.name[default_language],
                                untranslated.join(", ")
                            ),
                        )
                        .with_help("add the name in each language under `name:`; a name that is the same everywhere may be written the same"),
                );
            }
        }
        let logo = p.logo.value.trim().trim_start_matches("./");
        let is_picture = logo
            .rsplit_once('.')
            .is_some_and(|(_, ext)| ["svg", "png"].iter().any(|e| e.eq_ignore_ascii_case(ext)));
        if logo.contains("://") || logo.starts_with('/') || logo.split('/').any(|s| s == "..") {
            problems.push(
                source
                    .at_line_col(logo_line, logo_col, Severity::Error, format!("the logo `{logo}` must be a file in the campaign's content folder"))
                    .with_help("logos are never loaded from another site (readers' phones would contact it); save the logo in `content/<campaign>/images/` and write `images/<name>.svg`"),
            );
            ok = false;
        } else if !is_picture {
            problems.push(
                source
                    .at_line_col(
                        logo_line,
                        logo_col,
                        Severity::Error,
                        format!("the logo `{logo}` must be an SVG or PNG file"),
                    )
                    .with_help(
                        "ask the partner for its logo as SVG (sharp at any size, small) or PNG",
                    ),
            );
            ok = false;
        }
        let link = match &p.link {
            Some(link) => match check_web_address(link.value.trim(), Address::Partner) {
                Ok(address) => Some(address),
                Err(message) => {
                    let (l, c) = at(link);
                    problems.push(source.at_line_col(l, c, Severity::Error, message));
                    ok = false;
                    None
                }
            },
            None => None,
        };
        if ok {
            partners.push(Partner {
                name: with_generated(p.name.clone(), languages),
                logo: logo.to_string(),
                link,
                line: logo_line,
                col: logo_col,
            });
        }
    }
    partners
}

/// Adds transliterated texts for script variants the author did not write.
fn with_generated(
    mut texts: BTreeMap<String, String>,
    languages: &[Language],
) -> BTreeMap<String, String> {
    let cyrillic = texts.get("sr").cloned();
    for language in languages {
        if let Some(from) = lang::generated_from(&language.tag)
            && !texts.contains_key(&language.tag)
            && let Some(source) = texts.get(from)
        {
            let latin = crate::resolve::translit::to_latin(source);
            texts.insert(language.tag.clone(), latin);
        }
    }
    // The keep-as-written marks are never shown, in either script.
    if let Some(text) = cyrillic {
        let shown = crate::resolve::translit::convert(
            &text,
            crate::resolve::translit::Script::AsWritten,
            &mut false,
        );
        texts.insert("sr".to_string(), shown);
    }
    texts
}

/// Which address a campaign file gives.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Address {
    /// `base_url`: where the site is; no `?` or `#`.
    Site,
    /// `quick_exit.url`: where the exit button sends readers.
    Exit,
    /// `partners[].link`: a partner's own site.
    Partner,
}

impl Address {
    fn field(self) -> &'static str {
        match self {
            Address::Site => "base_url",
            Address::Exit => "quick_exit.url",
            Address::Partner => "link",
        }
    }
}

/// Checks a web address of the campaign file: QR codes, the exit button,
/// host files and the sitemap send readers there or write it, so it must
/// be exactly one `https://` address, with nothing that could end a line
/// or a header in the files it is written to (issue 13). Returns it as
/// written to those files (`base_url` with the trailing `/` relative joins
/// need).
fn check_web_address(text: &str, kind: Address) -> Result<String, String> {
    let field = kind.field();
    let example = match kind {
        Address::Site => "https://example.org/safe-work/",
        Address::Exit => "https://www.wikipedia.org/",
        Address::Partner => "https://www.example.org/",
    };
    let expected = format!(
        "`{field}` must be one full web address starting with `https://`, such as `{example}`"
    );
    if let Some(c) = text
        .chars()
        .find(|c| c.is_control() || c.is_whitespace() || is_invisible(*c))
    {
        let what = match c {
            '\n' | '\r' => "a line break".to_string(),
            ' ' => "a space".to_string(),
            '\t' => "a tab".to_string(),
            c => format!("an invisible character (U+{:04X})", c as u32),
        };
        return Err(format!("{expected}; this one has {what} in it"));
    }
    let local = ["http://localhost", "http://127.0.0.1"].iter().any(|l| {
        text.strip_prefix(l)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
    });
    if !text.starts_with("https://") && !local {
        return Err(format!("{expected}; found `{text}`"));
    }
    let url =
        url::Url::parse(text).map_err(|e| format!("{expected}; `{text}` is not one ({e})"))?;
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!(
            "{expected}; `{text}` has a `@` before its site name, which hides where it really goes"
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("{expected}; `{text}` has no site name"));
    }
    if kind == Address::Site && (url.query().is_some() || url.fragment().is_some()) {
        return Err(format!("{expected}, without `?` or `#`; found `{text}`"));
    }
    let mut address = url.to_string();
    if kind == Address::Site && !address.ends_with('/') {
        address.push('/');
    }
    Ok(address)
}

/// Characters that change how text around them is shown without showing
/// themselves: direction overrides and isolates, zero-width characters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> (Option<Campaign>, Vec<Diagnostic>) {
        parse("demo", SourceFile::new("campaigns/demo.yaml", text))
    }

    const GOOD: &str = "title:\n  en: Safe work\n  ar: عمل آمن\ndescription:\n  en: D\n  ar: و\nlanguages: [en, ar]\ndefault_language: en\nbase_url: https://example.org/demo\n";

    #[test]
    fn a_valid_campaign_is_read() {
        let (campaign, problems) = parse_text(GOOD);
        assert!(problems.is_empty(), "{problems:?}");
        let campaign = campaign.unwrap();
        assert_eq!(campaign.theme, "default");
        assert_eq!(
            campaign.base_url.as_deref(),
            Some("https://example.org/demo/")
        );
        assert_eq!(campaign.language("ar").unwrap().dir, Direction::Rtl);
    }

    // Issue 13, item 10: a `base_url` with a line break wrote Apache
    // directives into `.htaccess`.
    #[test]
    fn web_addresses_are_one_https_address_and_nothing_else() {
        let site = |t: &str| check_web_address(t, Address::Site);
        let exit = |t: &str| check_web_address(t, Address::Exit);
        assert_eq!(
            site("https://example.org/x").unwrap(),
            "https://example.org/x/"
        );
        assert_eq!(site("https://Example.org").unwrap(), "https://example.org/");
        assert_eq!(
            site("https://пример.срб/кампања/").unwrap(),
            "https://xn--e1afmkfd.xn--90a3ac/%D0%BA%D0%B0%D0%BC%D0%BF%D0%B0%D1%9A%D0%B0/"
        );
        assert!(site("http://localhost:8000/").is_ok());
        assert_eq!(
            exit("https://www.google.com/search?q=weather").unwrap(),
            "https://www.google.com/search?q=weather"
        );
        for (bad, says) in [
            (
                "https://example.org/x\nHeader unset Content-Security-Policy",
                "a line break",
            ),
            ("https://example.org/x\rErrorDocument 404 /", "a line break"),
            ("https://example.org/ x", "a space"),
            ("https://example.org/\u{202E}gpj.exe", "U+202E"),
            ("http://example.org/", "starting with `https://`"),
            ("javascript:alert(1)", "starting with `https://`"),
            ("https://trusted.org@evil.example/", "`@`"),
            ("https://", "is not one"),
            ("https://example.org/?x=1", "without `?` or `#`"),
            ("https://example.org/#top", "without `?` or `#`"),
            ("http://localhost.evil.example/", "starting with `https://`"),
        ] {
            let message = site(bad).unwrap_err();
            assert!(message.contains(says), "{bad:?}: {message}");
        }
        assert!(exit("https://example.org/\nSet-Cookie: x").is_err());
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let text = "title:\n  en: T\ndescription:\n  en: D\nlanguages: [en, xx-!!, ar]\ndefault_language: fr\nbase_url: example.org\n";
        let (campaign, problems) = parse_text(text);
        assert!(campaign.is_none());
        let messages: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        let all = messages.join("\n");
        assert!(all.contains("`xx-!!` is not a valid language tag"), "{all}");
        assert!(all.contains("`default_language` is `fr`"), "{all}");
        assert!(all.contains("`title` has no text for `ar`"), "{all}");
        assert!(all.contains("`description` has no text for `ar`"), "{all}");
        assert!(
            all.contains("`base_url` must be one full web address"),
            "{all}"
        );
        assert!(problems.iter().all(|p| p.line.is_some()), "{all}");
        // The tag problem points at the tag's own line.
        assert!(all.contains("campaigns/demo.yaml:5:"), "{all}");
    }

    #[test]
    fn unknown_language_needs_its_name_and_direction() {
        let text = "title: {tr: T}\ndescription: {tr: D}\nlanguages: [tr]\ndefault_language: tr\n";
        let (campaign, problems) = parse_text(text);
        assert!(campaign.is_none());
        assert!(
            problems[0]
                .message
                .contains("does not know the language `tr`")
        );
        let text = format!("{text}language_info:\n  tr: {{autonym: Türkçe, dir: ltr}}\n");
        let (campaign, problems) = parse_text(&text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(campaign.unwrap().languages[0].autonym, "Türkçe");
    }

    #[test]
    fn unknown_key_gets_a_hint() {
        let text = format!("{GOOD}audiance: [roma]\n");
        let (_, problems) = parse_text(&text);
        assert_eq!(
            problems[0].help.as_deref(),
            Some("did you mean `audience`?")
        );
        assert_eq!(problems[0].line, Some(10));
    }
}

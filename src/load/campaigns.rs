//! `campaigns/<id>.yaml`: read as written (`RawCampaign`), then checked and
//! turned into a [`Campaign`] once, so later stages never see unchecked data.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diag::{Diagnostic, Severity, SourceFile, did_you_mean};
use crate::model::Campaign;
use crate::model::campaign::Fallback;
use crate::model::lang::{self, Direction, Language};

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
    audience: Vec<String>,
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
}

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
    let raw: RawCampaign = match super::yaml::parse(&source, &source.text, 1) {
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
    for tag in &raw.languages.value {
        let position = at(tag);
        let canonical = match lang::check_tag(&tag.value) {
            Ok(canonical) => canonical,
            Err(problem) => {
                let mut d = error(position, problem.message);
                d.help = problem.help;
                problems.push(d);
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
    if !tags.contains(&default_language.as_str()) {
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
            if !generated
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
            if !tags.contains(&tag.as_str()) && lang::check_tag(tag).is_ok() {
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
        Some(url) => match check_base_url(&url.value) {
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
        audience: raw.audience,
        allow_raw_html: raw.allow_raw_html,
        fallback: raw.fallback,
        native_digits: raw.native_digits,
        string_fallbacks: raw
            .string_fallbacks
            .into_iter()
            .map(|(lang, tags)| (lang, tags.into_iter().map(|t| t.value).collect()))
            .collect(),
    };
    (Some(campaign), problems)
}

/// Adds transliterated texts for script variants the author did not write.
fn with_generated(
    mut texts: BTreeMap<String, String>,
    languages: &[Language],
) -> BTreeMap<String, String> {
    for language in languages {
        if let Some(from) = lang::generated_from(&language.tag)
            && !texts.contains_key(&language.tag)
            && let Some(source) = texts.get(from)
        {
            let latin = crate::resolve::translit::to_latin(source);
            texts.insert(language.tag.clone(), latin);
        }
    }
    texts
}

/// Checks `base_url` and gives it the trailing `/` that relative joins need.
fn check_base_url(url: &str) -> Result<String, String> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(rest)
            if !rest.is_empty() && !rest.starts_with('/') && !url.contains([' ', '?', '#']) =>
        {
            Ok(if url.ends_with('/') {
                url.to_string()
            } else {
                format!("{url}/")
            })
        }
        _ => Err(format!(
            "`base_url` must be a full web address starting with `https://`, such as `https://example.org/safe-work/`; found `{url}`"
        )),
    }
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
            all.contains("`base_url` must be a full web address"),
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

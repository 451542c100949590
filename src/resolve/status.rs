//! Translation status: per campaign and language, which pages are there,
//! missing, or outdated (the default-language page changed since the
//! translation was made), and which interface strings are missing.
//!
//! "Outdated" works without version control: a translation records, in its
//! front matter, a stamp of the source text it was made from
//! (`source_hash`, written by `outreach stamp`), and the stamp is compared
//! with the source as it is now.

use serde::Serialize;

use crate::model::page::Origin;
use crate::model::{Page, Site, lang};
use crate::render::strings::Strings;

/// The status of one language of one campaign.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LanguageStatus {
    /// Campaign id.
    pub campaign: String,
    /// Language tag.
    pub language: String,
    /// Whether this is the campaign's default language (the source of translations).
    pub is_source: bool,
    /// Pages the default language has.
    pub source_pages: usize,
    /// Slugs translated by hand.
    pub present: Vec<String>,
    /// Slugs made by transliteration (`sr-Latn` from `sr`).
    pub generated: Vec<String>,
    /// Slugs the default language has and this language lacks.
    pub missing: Vec<String>,
    /// Slugs whose source changed after the translation was stamped.
    pub outdated: Vec<String>,
    /// Slugs never stamped: whether they are up to date is unknown.
    pub unstamped: Vec<String>,
    /// Slugs whose front matter says `review: needed`.
    pub review_needed: Vec<String>,
    /// Interface strings this language lacks.
    pub strings_missing: Vec<String>,
    /// Leaflet texts (their ids) the default language has and this language lacks.
    pub leaflets_missing: Vec<String>,
    /// Leaflet texts whose source changed after the translation was stamped.
    pub leaflets_outdated: Vec<String>,
    /// Texts whose source changed since they were translated, by page or
    /// leaflet (`leaflets/<id>`), as the translation exchange finds them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub to_check: Vec<(String, String)>,
    /// Texts (paragraphs, headings, …) translated, to check and to
    /// translate, as the translation exchange counts them; `None` for the
    /// source language and languages outreach makes itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub texts: Option<TextCounts>,
}

/// Texts of a language counted by the translation exchange.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TextCounts {
    /// Texts with a translation that needs no checking.
    pub translated: usize,
    /// Texts whose translation needs checking (the source changed).
    pub fuzzy: usize,
    /// Texts with no translation.
    pub untranslated: usize,
}

/// The stamp of a source page: what a translation is compared against.
/// Covers the title, description and text, not other front matter, so
/// reordering pages does not make every translation outdated.
pub fn source_hash(page: &Page) -> String {
    // Line ends as Git for Windows checks files out (`\r\n`) count as
    // `\n`, so a page stamped on one system is not outdated on another.
    let body = page.body().trim().replace("\r\n", "\n");
    let parts = [
        page.title.trim(),
        page.description.as_deref().unwrap_or("").trim(),
        body.as_str(),
    ];
    digest(&parts)
}

/// A stamp of some texts, as 16 hex digits: FNV-1a over their bytes, with
/// a separator between them. Stable across versions and platforms, unlike
/// std's hasher, since stamps are stored in files.
pub fn digest(parts: &[&str]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash = (hash ^ 0x1f).wrapping_mul(0x0100_0000_01b3);
        }
        for byte in part.bytes() {
            hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{hash:016x}")
}

/// The status of every language of every campaign in `site`.
pub fn status(site: &Site, strings: &Strings) -> Vec<LanguageStatus> {
    let pages = &super::add_script_variants(&site.campaigns, site.pages.clone());
    let mut all = Vec::new();
    for campaign in site.campaigns.values() {
        let default = &campaign.default_language;
        let sources: Vec<&Page> = pages
            .iter()
            .filter(|p| {
                p.campaign == campaign.id && &p.lang == default && p.origin == Origin::Written
            })
            .collect();
        for language in &campaign.languages {
            let mut s = LanguageStatus {
                campaign: campaign.id.clone(),
                language: language.tag.clone(),
                is_source: &language.tag == default,
                source_pages: sources.len(),
                present: Vec::new(),
                generated: Vec::new(),
                missing: Vec::new(),
                outdated: Vec::new(),
                unstamped: Vec::new(),
                review_needed: Vec::new(),
                strings_missing: strings
                    .reference_keys()
                    .iter()
                    .filter(|k| !strings.has_own(&campaign.id, &language.tag, k))
                    .cloned()
                    .collect(),
                texts: None,
                leaflets_missing: Vec::new(),
                leaflets_outdated: Vec::new(),
                to_check: Vec::new(),
            };
            // Leaflet texts, as `stamp` and the exchange treat them.
            if lang::generated_from(&language.tag).is_none() && !s.is_source {
                for source in site.leaflet_texts.iter().filter(|p| {
                    p.campaign == campaign.id && &p.lang == default && p.origin == Origin::Written
                }) {
                    match site.leaflet_texts.iter().find(|p| {
                        p.campaign == campaign.id && p.lang == language.tag && p.slug == source.slug
                    }) {
                        None => s.leaflets_missing.push(source.slug.clone()),
                        Some(t)
                            if t.source_hash
                                .as_ref()
                                .is_some_and(|stamp| *stamp != source_hash(source)) =>
                        {
                            s.leaflets_outdated.push(source.slug.clone())
                        }
                        Some(_) => {}
                    }
                }
            }
            for source in &sources {
                let translation = pages.iter().find(|p| {
                    p.campaign == campaign.id && p.lang == language.tag && p.slug == source.slug
                });
                let slug = source.slug.clone();
                match translation {
                    None => s.missing.push(slug),
                    Some(t) if matches!(t.origin, Origin::Transliterated { .. }) => {
                        s.generated.push(slug)
                    }
                    Some(t) => {
                        if t.review.as_deref() == Some("needed") {
                            s.review_needed.push(slug.clone());
                        }
                        if !s.is_source {
                            match &t.source_hash {
                                None => s.unstamped.push(slug.clone()),
                                Some(stamp) if *stamp != source_hash(source) => {
                                    s.outdated.push(slug.clone())
                                }
                                Some(_) => {}
                            }
                        }
                        s.present.push(slug);
                    }
                }
            }
            all.push(s);
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::SourceFile;
    use std::sync::Arc;

    fn page(title: &str, body: &str) -> Page {
        let text = format!("---\ntitle: {title}\nweight: 3\n---\n{body}");
        let body_start = text.find(body).unwrap_or(text.len());
        Page {
            campaign: "c".into(),
            lang: "en".into(),
            slug: "a".into(),
            source: Arc::new(SourceFile::new("a.md", text)),
            body_start,
            title: title.into(),
            description: None,
            weight: 3,
            review: None,
            source_hash: None,
            country: None,
            audio: None,
            cover: None,
            origin: Origin::Written,
            scan: None,
            draft: None,
        }
    }

    #[test]
    fn the_stamp_follows_text_not_order() {
        let a = page("Help", "Call us.\n");
        assert_eq!(source_hash(&a), source_hash(&page("Help", "Call us.\n")));
        assert_ne!(
            source_hash(&a),
            source_hash(&page("Help", "Call us today.\n"))
        );
        assert_ne!(
            source_hash(&a),
            source_hash(&page("Get help", "Call us.\n"))
        );
        let mut reordered = page("Help", "Call us.\n");
        reordered.weight = 9;
        assert_eq!(source_hash(&a), source_hash(&reordered));
        assert_eq!(source_hash(&a).len(), 16);
        // The same page checked out with Windows line ends (issue 16).
        let two_lines = page("Help", "Call us.\nAny time.\n");
        assert_eq!(
            source_hash(&two_lines),
            source_hash(&page("Help", "Call us.\r\nAny time.\r\n"))
        );
    }
}

//! A campaign: one site, deployed on its own, in several languages.

use std::collections::BTreeMap;
use std::sync::Arc;

use crate::diag::SourceFile;
use crate::model::Language;
use crate::model::contact::Contact;
use crate::model::leaflet::LeafletSpec;

/// A validated `campaigns/<id>.yaml`.
#[derive(Clone, Debug)]
pub struct Campaign {
    /// The file name without `.yaml`; also the output folder's name.
    pub id: String,
    /// The YAML source, kept to quote it in later problems.
    pub source: Arc<SourceFile>,
    /// Title per language tag; every published language has one.
    pub title: BTreeMap<String, String>,
    /// One-sentence description per language tag; every published language has one.
    pub description: BTreeMap<String, String>,
    /// Languages in the order the author listed them (the chooser's order).
    pub languages: Vec<Language>,
    /// The language readers get when theirs is not known; one of `languages`.
    pub default_language: String,
    /// Where the campaign will be online, ending in `/`; enables canonical
    /// links, absolute `hreflang` and `sitemap.xml`.
    pub base_url: Option<String>,
    /// Name of the theme in `themes/` (or the built-in `default`).
    pub theme: String,
    /// Who the campaign is for (`refugees`, `roma`, `youth`, ...): free tags.
    pub audience: Vec<String>,
    /// Whether raw HTML written in Markdown is kept (off by default: authors
    /// who paste HTML from elsewhere could bring in trackers or scripts).
    pub allow_raw_html: bool,
    /// What readers of a language get for a page not translated into it.
    pub fallback: Fallback,
    /// Whether numbers in interface strings use the language's own digits.
    pub native_digits: bool,
    /// Languages whose interface strings fill gaps, per language; replaces
    /// the built-in fallbacks for that language.
    pub string_fallbacks: BTreeMap<String, Vec<String>>,
    /// Helplines and organisations, shown in the same place on every page.
    pub contacts: Vec<Contact>,
    /// Contacts checked longer ago than this get a build warning.
    pub contacts_max_age_days: u32,
    /// Where the "Leave this site" button leads, when the campaign has one.
    pub quick_exit: Option<String>,
    /// The accent colour (`#rrggbb`), checked for contrast, if the campaign sets one.
    pub accent: Option<String>,
    /// Weight budget of a page, HTML + CSS gzip-compressed, in KB.
    pub page_budget_kb: u32,
    /// Printable leaflets, in the order declared.
    pub leaflets: Vec<LeafletSpec>,
    /// Weight budget of a page's pictures, in the sizes a phone downloads, in KB.
    pub image_budget_kb: u32,
    /// Size budget of a page's recording (`audio:`), in KB.
    pub audio_budget_kb: u32,
    /// Pictures for link previews (`share_image`), as declared.
    pub share_images: Vec<ShareImage>,
    /// Whether each page's link preview shows a card with its title
    /// (`share_cards`, on unless turned off), drawn with the share
    /// picture beside the title.
    pub share_cards: bool,
    /// Organisations behind the campaign (funders often require their
    /// logos on every item), in the order the author listed them.
    pub partners: Vec<Partner>,
}

/// A partner organisation: its logo in every page's footer and on the
/// back of every leaflet.
#[derive(Clone, Debug)]
pub struct Partner {
    /// Name per language tag; the logo's alternative text. Languages
    /// without one show the default language's.
    pub name: BTreeMap<String, String>,
    /// The logo, a path inside `content/<campaign>/` (`images/giz.svg`).
    pub logo: String,
    /// The partner's own site, checked like `base_url`, if given.
    pub link: Option<String>,
    /// Where `logo` was written in the campaign file.
    pub line: usize,
    /// Its column.
    pub col: usize,
}

/// The picture a link preview shows for pages in one language, or in
/// every language without a picture of its own (`lang: None`).
#[derive(Clone, Debug)]
pub struct ShareImage {
    /// The language, or `None` for the default picture.
    pub lang: Option<String>,
    /// Path inside `content/<campaign>/`, e.g. `images/share.jpg`.
    pub key: String,
    /// Where it was declared in the campaign file.
    pub line: usize,
    /// Column of the declaration.
    pub col: usize,
}

/// A campaign's policy for pages not translated into a language.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Fallback {
    /// Leave the page out of that language: no link to it in the
    /// language's navigation or in the page's language switcher.
    #[default]
    Omit,
    /// Build the page in the reader's language folder from the default
    /// language's text, with a notice in the reader's language.
    Show,
}

impl Campaign {
    /// A language of this campaign by tag.
    pub fn language(&self, tag: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.tag == tag)
    }

    /// The share picture of pages in `lang`, if the campaign has one.
    pub fn share_image(&self, lang: &str) -> Option<&ShareImage> {
        self.share_images
            .iter()
            .find(|s| s.lang.as_deref() == Some(lang))
            .or_else(|| self.share_images.iter().find(|s| s.lang.is_none()))
    }
}

/// Audience tags of readers who may be watched: the quick exit is on by default for them.
pub const AT_RISK_AUDIENCES: &[&str] = &[
    "at-risk",
    "victims",
    "survivors",
    "refugees",
    "migrants",
    "asylum-seekers",
    "roma",
    "lgbtiq",
];

//! The translation exchange: campaign texts out to translators as PO or
//! XLIFF files, and their translations back into Markdown.
//!
//! Markdown stays the truth. An exchange file is a list of [`Message`]s, one
//! per block of text (paragraph, heading, list item, table cell, alt text
//! …), with inline Markdown kept as the author wrote it, as po4a and
//! mdbook-i18n-helpers do. The modules follow the round trip:
//! [`segment`] cuts a page body into texts and puts other texts back into
//! its structure; [`document`] does the same for whole pages, leaflet
//! texts and the campaign file, and lines up a translation with its
//! source; [`catalog`] makes a campaign's messages and merges them with the
//! previous exchange file as `msgmerge` does; [`po`] and [`xliff`] read and
//! write the two file formats; [`check`] is what an import checks before
//! anything is written.
//!
//! [`project`] reads the exchange files a project keeps; `cmd::translate`
//! writes files. Everything else here is pure.

pub mod catalog;
pub mod check;
pub mod document;
pub mod po;
pub mod project;
pub mod segment;
pub mod similarity;
pub mod xliff;

/// One text to translate, as it travels in an exchange file: a PO entry or
/// an XLIFF `trans-unit`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Message {
    /// Where the text belongs (`msgctxt`): the page's slug, `leaflets/<id>`
    /// or `campaign`. The same sentence on two pages is two messages, so it
    /// can be translated differently on each.
    pub context: String,
    /// The source text (`msgid`), inline Markdown as written.
    pub source: String,
    /// The translation (`msgstr`); empty while untranslated.
    pub translation: String,
    /// The translation needs checking: the source changed since it was made
    /// (`#, fuzzy`; XLIFF `needs-review-translation`).
    pub fuzzy: bool,
    /// The source text the fuzzy translation was made for (`#| msgid`).
    pub previous_source: Option<String>,
    /// What the text is, for the translator (`#.` lines): "heading",
    /// "list item", "alt text of a picture", a `review:` note …
    pub notes: Vec<String>,
    /// Where the source text is (`#:` lines): `content/c/en/index.md:12`.
    pub references: Vec<String>,
    /// Comments translators wrote (`# ` lines); kept as they are.
    pub translator_comments: Vec<String>,
    /// The source text no longer exists (`#~` entries); kept so a text that
    /// comes back finds its translation, never imported.
    pub obsolete: bool,
    /// Line in the exchange file where the message starts (for problems);
    /// 0 for messages made by outreach.
    pub line: usize,
}

impl Message {
    /// A message with a context, a source text and a translation.
    pub fn new(context: &str, source: &str, translation: &str) -> Message {
        Message {
            context: context.to_string(),
            source: source.to_string(),
            translation: translation.to_string(),
            ..Message::default()
        }
    }

    /// Whether the message has a translation that needs no checking.
    pub fn is_translated(&self) -> bool {
        !self.translation.is_empty() && !self.fuzzy
    }
}

/// The messages of one campaign in one language: one exchange file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Catalog {
    /// The campaign's id (`X-Outreach-Campaign` in PO files).
    pub campaign: String,
    /// The source language's tag (the campaign's default language).
    pub source_language: String,
    /// The target language's tag; empty in a template (`.pot`).
    pub language: String,
    /// `Plural-Forms` for the target language (PO only; required by gettext tools).
    pub plural_forms: Option<String>,
    /// The messages, in the order of the campaign's texts; obsolete ones last.
    pub messages: Vec<Message>,
}

/// Which file format an exchange file is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// GNU gettext PO (Poedit, Weblate, Crowdin, OmegaT).
    Po,
    /// XLIFF 1.2 (memoQ, Trados, OmegaT).
    Xliff,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Po => "po",
            Format::Xliff => "xlf",
        }
    }

    /// The format of a file, by its extension.
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()? {
            "po" | "pot" => Some(Format::Po),
            "xlf" | "xliff" => Some(Format::Xliff),
            _ => None,
        }
    }
}

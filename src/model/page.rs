//! A page: one Markdown file in one language.

use std::sync::Arc;

use crate::diag::SourceFile;

/// The slug of a language's home page (`index.md`).
pub const HOME_SLUG: &str = "index";

/// The slug of the built-in "Staying safe online" page (campaigns with a quick exit).
pub const SAFETY_SLUG: &str = "safety";

/// `content/<campaign>/<lang>/<slug>.md`, with its front matter read.
#[derive(Clone, Debug)]
pub struct Page {
    /// Id of the campaign the page belongs to.
    pub campaign: String,
    /// Language tag (the folder name).
    pub lang: String,
    /// File name without `.md`; equal slugs in two languages are translations.
    pub slug: String,
    /// The whole file, kept to quote lines in problems found later.
    pub source: Arc<SourceFile>,
    /// Byte offset in `source.text` where the Markdown body starts.
    pub body_start: usize,
    /// `title` from the front matter (required).
    pub title: String,
    /// `description`, for search engines and link previews.
    pub description: Option<String>,
    /// `weight`: lower comes first in navigation; then by title.
    pub weight: i64,
    /// `review`: a translator's note such as `needed`; shown by status tools.
    pub review: Option<String>,
    /// `source_hash`: the stamp of the default-language page this
    /// translation was made from (see `outreach stamp`).
    pub source_hash: Option<String>,
    /// `country`: only contacts for this country (ISO 3166, upper case) are shown.
    pub country: Option<String>,
    /// Where the page's text comes from. For pages not written in their
    /// own language, `source` is the original's file.
    pub origin: Origin,
    /// What its Markdown offers and needs, when found while loading: a big
    /// site's pages are scanned as they are read and their text let go of
    /// (see `load::content`). Otherwise `resolve` scans it.
    pub scan: Option<Arc<Scan>>,
}

/// Where a page's text comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Written by an author in the page's language.
    Written,
    /// Made by transliterating the page of language `from` (`sr-Latn` from `sr`).
    Transliterated {
        /// The language transliterated from.
        from: String,
    },
    /// Not translated: the default language's page, shown under the
    /// reader's language with a notice (campaign setting `fallback: show`).
    Untranslated {
        /// The language of the text shown.
        from: String,
    },
}

impl Page {
    /// The Markdown after the front matter.
    pub fn body(&self) -> &str {
        // Empty if the text was let go of and the file changed since.
        self.source
            .text()
            .get(self.body_start..)
            .unwrap_or_default()
    }

    /// The Markdown after the front matter, read again from disk if the
    /// page's text was let go of (and not kept: see `load::content`).
    pub fn read_body(&self) -> Result<std::borrow::Cow<'_, str>, crate::diag::Diagnostic> {
        use std::borrow::Cow;
        let read = self.source.read_again().and_then(|text| match text {
            _ if !text.is_char_boundary(self.body_start) => {
                Err("this file changed while it was built".to_string())
            }
            Cow::Borrowed(text) => Ok(Cow::Borrowed(&text[self.body_start..])),
            Cow::Owned(mut text) => {
                text.drain(..self.body_start);
                Ok(Cow::Owned(text))
            }
        });
        match read {
            Ok(body) => Ok(body),
            Err(problem) => Err(crate::diag::Diagnostic::in_file(
                &self.source.path,
                crate::diag::Severity::Error,
                problem,
            )
            .with_help("build again: the site is built from the files as they are when it starts")),
        }
    }

    /// The script this page's text is checked against for passages in
    /// another script (`Cyrl` for a Macedonian page): its language's, and
    /// only for text written in that language (copies were checked as
    /// originals).
    pub fn checked_script<'a>(&self, campaign: &'a crate::model::Campaign) -> Option<&'a str> {
        (self.origin == Origin::Written)
            .then(|| campaign.language(&self.lang))
            .flatten()
            .map(|l| l.script.as_str())
            .filter(|s| !s.is_empty())
    }

    /// Whether this is the language's home page.
    pub fn is_home(&self) -> bool {
        self.slug == HOME_SLUG
    }

    /// The built page's file name, relative to its language folder.
    pub fn output_name(&self) -> String {
        format!("{}.html", self.slug)
    }
}

/// What [`crate::render::markdown::scan`] found in a page body. Offsets are bytes into the body.
#[derive(Debug, Default, PartialEq)]
pub struct Scan {
    /// Heading ids in order; the anchors other pages may link to.
    pub heading_ids: Vec<String>,
    /// Explicit ids (`{#id}`) written twice: (offset, id).
    pub duplicate_ids: Vec<(usize, String)>,
    /// Where `# headings` are: a second main heading, after the title.
    pub main_headings: Vec<usize>,
    /// Link destinations as written: (offset, destination).
    pub links: Vec<(usize, String)>,
    /// Pictures, in order.
    pub images: Vec<ImageUse>,
    /// Where raw HTML appears (other than `<span lang>`).
    pub raw_html: Vec<usize>,
    /// Runs of words in a script other than the page's, outside
    /// `<span lang>` and code: (offset, script, words).
    pub foreign_runs: Vec<(usize, &'static str, String)>,
}

/// A picture a page shows: `![alt](dest)`.
#[derive(Debug, Default, PartialEq)]
pub struct ImageUse {
    /// Byte offset into the body.
    pub offset: usize,
    /// The destination as written.
    pub dest: String,
    /// The alternative text (what the picture shows), as plain text.
    pub alt: String,
}

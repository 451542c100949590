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
    /// `audio`: a recorded reading of the page, next to it. Behind an
    /// `Arc`, so that pages without one (nearly all) pay a pointer, and
    /// copies share it.
    pub audio: Option<Arc<crate::model::audio::PageAudio>>,
    /// A leaflet's cover picture (`cover_image:`, `cover_alt:`).
    pub cover: Option<Arc<CoverImage>>,
    /// Where the page's text comes from. For pages not written in their
    /// own language, `source` is the original's file.
    pub origin: Origin,
    /// What its Markdown offers and needs, when found while loading: a big
    /// site's pages are scanned as they are read and their text let go of
    /// (see `load::content`). Otherwise `resolve` scans it.
    pub scan: Option<Arc<Scan>>,
    /// Its body rendered as it was read, by a build (see `load::content`).
    /// Copies made from the page share it; `render` uses it where it was
    /// rendered the way the copy needs, and renders anew otherwise.
    pub draft: Option<Arc<Draft>>,
}

/// A leaflet's cover picture, as its front matter gives it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CoverImage {
    /// `cover_image:`, written as a picture in the text is.
    pub dest: String,
    /// `cover_alt:`: what it shows, empty when not given.
    pub alt: String,
    /// Where `cover_image:`'s value is in the file: line.
    pub line: usize,
    /// Its column.
    pub col: usize,
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
    /// `:name:` where no pictogram has that name: (offset, name).
    pub unknown_icons: Vec<(usize, String)>,
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

/// What to do with a text run of a Serbian Cyrillic page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Script {
    /// Show it as written (minus the keep-as-written marks).
    AsWritten,
    /// Transliterate it to Latin.
    Latin,
}

/// How a body's HTML is made: whether the author's raw HTML is kept, and
/// the script its text is converted to (see `resolve::translit`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rendering {
    /// The campaign's `allow_raw_html`.
    pub allow_raw_html: bool,
    /// What `translit::script_for` says of the page.
    pub script: Option<Script>,
}

/// A page body rendered to HTML before `resolve` has checked its links and
/// `images` has made its pictures: each link's address and each picture is
/// a hole, filled by `Draft::fill` (in `render::markdown`). A build makes
/// it in the same pass as the [`Scan`], so each page's Markdown is parsed
/// once (issue 14).
#[derive(Debug)]
pub struct Draft {
    /// The HTML around the holes.
    pub(crate) html: DraftHtml,
    /// Where each hole is in `html`, in order.
    pub(crate) holes: Vec<(usize, Hole)>,
    /// How it was rendered.
    pub rendering: Rendering,
}

/// Where a [`Draft`]'s HTML is.
#[derive(Debug)]
pub(crate) enum DraftHtml {
    /// In memory.
    Held(String),
    /// Past the build's memory budget: in its temporary file, `len` bytes at `at`.
    Spilled {
        spill: Arc<crate::spill::Spill>,
        at: u64,
        len: usize,
    },
}

impl DraftHtml {
    /// The HTML, read back if it was spilled.
    pub(crate) fn text(&self) -> std::io::Result<std::borrow::Cow<'_, str>> {
        use std::borrow::Cow;
        match self {
            DraftHtml::Held(html) => Ok(Cow::Borrowed(html)),
            DraftHtml::Spilled { spill, at, len } => String::from_utf8(spill.get(*at, *len)?)
                .map(Cow::Owned)
                .map_err(|err| std::io::Error::new(std::io::ErrorKind::InvalidData, err)),
        }
    }
}

/// What goes into a [`Draft`]'s hole.
#[derive(Debug)]
pub(crate) enum Hole {
    /// A link's `href`, by its destination as written.
    Href(String),
    /// A picture, by its destination as written, and its alternative text.
    Picture { dest: String, alt: String },
}

impl Draft {
    /// Its HTML moved to `spill`, to hold less memory; `None` if the file
    /// cannot be written (the page is then rendered again from its file).
    pub fn spilled(self, spill: &Arc<crate::spill::Spill>) -> Option<Draft> {
        let Draft {
            html,
            holes,
            rendering,
        } = self;
        let html = match html {
            DraftHtml::Held(text) => DraftHtml::Spilled {
                spill: spill.clone(),
                at: spill.put(text.as_bytes()).ok()?,
                len: text.len(),
            },
            spilled => spilled,
        };
        Some(Draft {
            html,
            holes,
            rendering,
        })
    }

    /// Roughly the memory it holds, in bytes.
    pub fn size(&self) -> usize {
        let holes: usize = self
            .holes
            .iter()
            .map(|(_, hole)| match hole {
                Hole::Href(dest) => dest.len(),
                Hole::Picture { dest, alt } => dest.len() + alt.len(),
            })
            .sum();
        let html = match &self.html {
            DraftHtml::Held(html) => html.len(),
            DraftHtml::Spilled { .. } => 0,
        };
        html + holes + self.holes.len() * std::mem::size_of::<(usize, Hole)>()
    }
}

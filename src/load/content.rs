//! `content/<campaign>/<lang>/<slug>.md`: finding a campaign's pages and
//! reading their front matter.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diag::{Diagnostic, Severity};
use crate::model::audio::PageAudio;
use crate::model::campaign::AT_RISK_AUDIENCES;
use crate::model::image::{IMAGES_DIR, ImageFile, is_image_name};
use crate::model::page::CoverImage;
use crate::model::page::{HOME_SLUG, Origin, SAFETY_SLUG};
use crate::model::{Campaign, Page, country};

/// The folder in a language folder that holds leaflet texts.
pub const LEAFLETS_DIR: &str = "leaflets";

/// What a campaign's content folder holds.
#[derive(Default)]
pub struct Content {
    /// Its pages, drafts left out.
    pub pages: Vec<Page>,
    /// Its leaflet texts.
    pub leaflets: Vec<Page>,
    /// Its pictures, read but not decoded.
    pub images: Vec<ImageFile>,
}

/// How much page text (or, in a build, rendered pages) a command holds in
/// memory, in megabytes, unless the environment variable
/// `OUTREACH_TEXT_MB` says otherwise. Enough for about 8,000 pages of 7 KB.
pub const TEXT_BUDGET_MB: usize = 64;

/// Page text held in memory so far, against the budget. A build renders
/// each page as it reads it and holds that instead; past the budget, in a
/// temporary file ([`crate::spill`]), which costs almost nothing. The
/// preview holds the text; past the budget, each page is scanned as it is
/// read and its text let go of, to be read again when it is rendered.
pub struct TextBudget {
    limit: usize,
    held: std::sync::atomic::AtomicUsize,
    /// Whether pages are rendered as they are read (a build), and where
    /// the temporary file for those past the budget goes.
    rendering: Option<PathBuf>,
    /// Where rendered pages go past the budget, made when first needed
    /// (`None` if it cannot be: those pages are then rendered again).
    spill: std::sync::OnceLock<Option<Arc<crate::spill::Spill>>>,
}

impl TextBudget {
    /// A budget of `mb` megabytes. With `rendering`, what is held is each
    /// page rendered as it is read, instead of its text; past the budget,
    /// in a temporary file in that folder.
    pub fn new(mb: usize, rendering: Option<PathBuf>) -> TextBudget {
        TextBudget {
            limit: mb.saturating_mul(1 << 20),
            held: Default::default(),
            rendering,
            spill: Default::default(),
        }
    }

    /// `page`, or, once the budget is spent, the page scanned and its text
    /// let go of. `file` is where it was read.
    ///
    /// A build renders each page in the same parse as its scan and holds
    /// that instead of the text, while the budget lasts, and past it in a
    /// temporary file ([`crate::spill`]): one parse a page instead of two,
    /// in no more memory (issue 14).
    fn hold_or_release(&self, page: Page, campaign: &Campaign, file: &Path) -> Page {
        use crate::render::markdown::Rendering;
        use std::sync::atomic::Ordering::Relaxed;
        let checked_script = page.checked_script(campaign);
        if let Some(scratch) = &self.rendering {
            let rendering = Rendering::of(&page, campaign);
            let (scan, draft) =
                crate::render::markdown::parse(page.body(), checked_script, Some(rendering));
            // Held while the budget lasts, then spilled to a temporary file.
            let draft = draft.and_then(|draft| {
                let size = draft.size();
                if self.held.fetch_add(size, Relaxed) + size <= self.limit {
                    return Some(draft);
                }
                self.held.fetch_sub(size, Relaxed);
                let spill = self
                    .spill
                    .get_or_init(|| crate::spill::Spill::new_in(scratch).ok().map(Arc::new));
                spill.as_ref().and_then(|spill| draft.spilled(spill))
            });
            return Page {
                scan: Some(Arc::new(scan)),
                draft: draft.map(Arc::new),
                source: Arc::new(page.source.release(file)),
                ..page
            };
        }
        let len = page.source.text().len();
        let held = self.held.fetch_add(len, Relaxed) + len;
        if held <= self.limit {
            return page;
        }
        let scan = crate::render::markdown::scan(page.body(), checked_script);
        Page {
            scan: Some(Arc::new(scan)),
            source: Arc::new(page.source.release(file)),
            ..page
        }
    }
}

/// A page file found on disk, before it is read.
struct Found {
    /// Whether this is a leaflet text (`<lang>/leaflets/<id>.md`).
    leaflet: bool,
    lang: String,
    slug: String,
    path: PathBuf,
    shown: PathBuf,
}

/// Reads every page, leaflet text and picture of `campaign` under
/// `root/content/<id>/`. Problems are collected, never fatal: a bad page is
/// left out and reported. Pages that exist but cannot be read are reported
/// and named in `unreadable`.
pub fn load_pages(
    root: &Path,
    campaign: &Campaign,
    problems: &mut Vec<Diagnostic>,
    unreadable: &mut BTreeSet<String>,
    drafts: &mut BTreeSet<String>,
    budget: &TextBudget,
) -> Content {
    let dir = root.join("content").join(&campaign.id);
    let shown_dir = Path::new("content").join(&campaign.id);
    let on_disk = super::files::entry_in(&root.join("content"), &campaign.id);
    if let crate::diag::NameOnDisk::OtherCase(on_disk) = &on_disk {
        let message = crate::diag::other_case(
            "the campaign's folder",
            &crate::diag::shown(&shown_dir),
            &format!("content/{on_disk}"),
        );
        problems.push(
            Diagnostic::in_file(&campaign.source.path, Severity::Error, message).with_help(
                format!(
                    "rename the folder `content/{on_disk}` to `{}`, the campaign file's name",
                    crate::diag::shown(&shown_dir)
                ),
            ),
        );
        return Content::default();
    }
    if on_disk == crate::diag::NameOnDisk::Missing || !dir.is_dir() {
        problems.push(
            Diagnostic::in_file(
                &campaign.source.path,
                Severity::Error,
                format!(
                    "the campaign has no pages: the folder `{}` does not exist",
                    crate::diag::shown(&shown_dir)
                ),
            )
            .with_help(format!(
                "create `{}/{}/index.md` for the home page",
                crate::diag::shown(&shown_dir),
                campaign.default_language
            )),
        );
        return Content::default();
    }

    let mut found = Vec::new();
    let walk = WalkDir::new(&dir)
        .follow_links(true)
        .min_depth(1)
        .max_depth(3)
        .sort_by_file_name()
        // Only `<lang>/leaflets/` has files one level deeper.
        .into_iter()
        .filter_entry(|e| {
            e.depth() < 2 || !e.file_type().is_dir() || e.file_name() == LEAFLETS_DIR
        });
    let mut images = Vec::new();
    for entry in walk {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let shown = err
                    .path()
                    .and_then(|p| p.strip_prefix(root).ok())
                    .unwrap_or(&shown_dir)
                    .to_path_buf();
                let message = if err.loop_ancestor().is_some() {
                    "this folder link points back to a folder above it (a loop); it is skipped"
                        .to_string()
                } else {
                    format!("cannot read: {err}")
                };
                problems.push(Diagnostic::in_file(&shown, Severity::Error, message));
                continue;
            }
        };
        let name = entry.file_name().to_string_lossy();
        if name.starts_with('.') {
            continue; // editor swap files, .DS_Store
        }
        let shown = entry
            .path()
            .strip_prefix(root)
            .unwrap_or(entry.path())
            .to_path_buf();
        let is_dir = entry.file_type().is_dir();
        match (entry.depth(), is_dir) {
            (1, true) if name == IMAGES_DIR => {}
            (1, true) => {
                if campaign.language(&name).is_none() {
                    problems.push(Diagnostic::in_file(
                        &shown,
                        Severity::Warning,
                        format!(
                            "`{name}` is not in `languages` of {}: its pages are not built",
                            crate::diag::shown(&campaign.source.path)
                        ),
                    ));
                }
            }
            (1, false) => problems.push(Diagnostic::in_file(
                &shown,
                Severity::Warning,
                "files here are not used: pages go in a language folder, e.g. `en/`",
            )),
            (2, true) if name == LEAFLETS_DIR => {}
            (2, true) if in_images_dir(entry.path()) => problems.push(Diagnostic::in_file(
                &shown,
                Severity::Warning,
                format!("folders inside `{IMAGES_DIR}` are not used: put pictures directly in it"),
            )),
            (2, false) if in_images_dir(entry.path()) => {
                if is_image_name(&name) {
                    images.push(found_image(campaign, &format!("{IMAGES_DIR}/{name}"), entry.path(), shown));
                } else {
                    problems.push(Diagnostic::in_file(
                        &shown,
                        Severity::Warning,
                        format!("only pictures (.jpg, .png, .gif, .webp, .svg) are used from `{IMAGES_DIR}`; this file is not published"),
                    ));
                }
            }
            (3, true) => problems.push(Diagnostic::in_file(
                &shown,
                Severity::Warning,
                "folders inside `leaflets` are not used: put leaflet texts directly in it",
            )),
            (2, true) => problems.push(Diagnostic::in_file(
                &shown,
                Severity::Warning,
                "folders inside a language folder are not used: put pages directly in the language folder",
            )),
            (depth, _) => {
                let leaflet = depth == 3;
                let lang_dir = if leaflet {
                    entry.path().parent().and_then(|p| p.parent())
                } else {
                    entry.path().parent()
                };
                let lang = lang_dir
                    .and_then(|p| p.file_name())
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                if campaign.language(&lang).is_none() {
                    continue;
                }
                if depth == 2 && is_image_name(&name) {
                    let key = format!("{lang}/{name}");
                    images.push(found_image(campaign, &key, entry.path(), shown));
                    continue;
                }
                let Some(slug) = name.strip_suffix(".md") else {
                    continue; // other files are not published
                };
                if slug == SAFETY_SLUG && campaign.quick_exit.is_some() && !leaflet {
                    problems.push(
                        Diagnostic::in_file(
                            &shown,
                            Severity::Error,
                            "the page name `safety` is taken by the built-in \"Staying safe online\" page of campaigns with a quick exit",
                        )
                        .with_help("rename this file, e.g. `staying-safe.md`"),
                    );
                    continue;
                }
                if let Err(message) = check_slug(slug) {
                    problems.push(Diagnostic::in_file(&shown, Severity::Error, message));
                    continue;
                }
                found.push(Found {
                    leaflet,
                    lang,
                    slug: slug.to_string(),
                    path: entry.path().to_path_buf(),
                    shown,
                });
            }
        }
    }

    let homes_found: Vec<String> = found
        .iter()
        .filter(|f| f.slug == HOME_SLUG && !f.leaflet)
        .map(|f| f.lang.clone())
        .collect();
    let results: Vec<(bool, String, Result<Option<Page>, Diagnostic>)> = found
        .into_par_iter()
        .map(|f| {
            let key = format!("{}/{}/{}", campaign.id, f.lang, f.slug);
            let (leaflet, file) = (f.leaflet, f.path.clone());
            let page = read_page(campaign, f).map(|page| {
                // Leaflet texts are few, and printed from memory.
                page.map(|page| match leaflet {
                    true => page,
                    false => budget.hold_or_release(page, campaign, &file),
                })
            });
            (leaflet, key, page)
        })
        .collect();
    let mut pages = Vec::with_capacity(results.len());
    let mut leaflets = Vec::new();
    for (leaflet, key, result) in results {
        match result {
            Ok(Some(page)) if leaflet => leaflets.push(page),
            Ok(Some(page)) => pages.push(page),
            Ok(None) if !leaflet => {
                drafts.insert(key);
            }
            Ok(None) => {}
            // An empty translation: as if there were no file.
            Err(d) if d.severity == Severity::Warning => problems.push(d),
            Err(d) => {
                problems.push(d);
                if !leaflet {
                    unreadable.insert(key);
                }
            }
        }
    }
    // A translation of a draft is not published either: its source is not
    // ready, and the default language would have no page to switch to.
    pages.retain(|p| {
        let source = format!("{}/{}/{}", campaign.id, campaign.default_language, p.slug);
        if p.lang == campaign.default_language || !drafts.contains(&source) {
            return true;
        }
        problems.push(
            Diagnostic::in_file(
                &p.source.path,
                Severity::Warning,
                format!(
                    "this translation is not published: the page it translates, `{}/{}/{}.md`, is a draft (`draft: true`)",
                    crate::diag::shown(&shown_dir),
                    campaign.default_language,
                    p.slug
                ),
            )
            .with_help("remove `draft: true` from that page when it is ready; this one is then published with it"),
        );
        false
    });
    for language in &campaign.languages {
        // `sr-Latn` pages are made from `sr` ones when not written by hand.
        let generated = crate::model::lang::generated_from(&language.tag)
            .is_some_and(|from| campaign.language(from).is_some());
        let home = format!("{}/{}/{HOME_SLUG}", campaign.id, language.tag);
        let published = pages
            .iter()
            .any(|p| p.lang == language.tag && p.slug == HOME_SLUG);
        if generated || published || unreadable.contains(&home) {
            continue;
        }
        // The chooser, the host redirects and every page's title link lead
        // to the home page: a language cannot go without one.
        let draft = homes_found.contains(&language.tag);
        let message = if draft {
            format!(
                "the home page `{}/{}/index.md` is a draft (`draft: true`), but `{}` is in `languages`",
                crate::diag::shown(&shown_dir),
                language.tag,
                language.tag
            )
        } else {
            format!(
                "`{}` is in `languages` but has no home page `{}/{}/index.md`",
                language.tag,
                crate::diag::shown(&shown_dir),
                language.tag
            )
        };
        problems.push(
            Diagnostic::in_file(&campaign.source.path, Severity::Error, message)
                .with_help("publish the home page, or remove the language from `languages`"),
        );
    }
    Content {
        pages,
        leaflets,
        images,
    }
}

/// Whether `path` is a file or folder directly in a campaign's `images/`.
fn in_images_dir(path: &Path) -> bool {
    path.parent()
        .and_then(|p| p.file_name())
        .is_some_and(|n| n == IMAGES_DIR)
}

/// A picture as found: it is read and decoded only if a page shows it.
fn found_image(campaign: &Campaign, key: &str, path: &Path, shown: PathBuf) -> ImageFile {
    ImageFile {
        campaign: campaign.id.clone(),
        key: key.to_string(),
        shown,
        path: path.to_path_buf(),
    }
}

/// Reads one page again (the preview server, after an edit): `None` when
/// the file is gone or a draft.
pub fn reload_page(
    root: &Path,
    campaign: &Campaign,
    lang: &str,
    slug: &str,
) -> Result<Option<Page>, Diagnostic> {
    let shown = Path::new("content")
        .join(&campaign.id)
        .join(lang)
        .join(format!("{slug}.md"));
    let path = root.join(&shown);
    if !path.is_file() {
        return Ok(None);
    }
    read_page(
        campaign,
        Found {
            leaflet: false,
            lang: lang.to_string(),
            slug: slug.to_string(),
            path,
            shown,
        },
    )
}

fn read_page(campaign: &Campaign, found: Found) -> Result<Option<Page>, Diagnostic> {
    let source = super::files::read_text(&found.path, &found.shown)?;
    // A browser editor saves an empty file for each language of a page
    // made in it; such a file is a translation not written yet, which
    // readers get in another language, as if the file were not there.
    if !found.leaflet
        && found.lang != campaign.default_language
        && source
            .text()
            .trim_start_matches('\u{feff}')
            .trim()
            .is_empty()
    {
        return Err(Diagnostic::in_file(
            &found.shown,
            Severity::Warning,
            "this translation is empty, so it is not published: readers of this language get the page in another language",
        )
        .with_help("write the translation here (with its `title`), or delete the file"));
    }
    let (front, body_start) = super::front_matter::parse(&source)?;
    if front.draft {
        return Ok(None);
    }
    let country = match front.country.as_deref().map(country::check) {
        None => None,
        Some(Ok(code)) => Some(code),
        Some(Err(meant)) => {
            let line = super::front_matter::key_line(source.text(), "country");
            let d = source.at_line_col(
                line,
                1,
                Severity::Error,
                format!(
                    "`country: {}` is not a country code",
                    front.country.as_deref().unwrap_or_default()
                ),
            );
            return Err(match meant {
                Some(code) => d.with_help(format!(
                    "did you mean `country: {code}` ({})?",
                    country::name(code).unwrap_or(code)
                )),
                None => {
                    d.with_help("write the two-letter ISO 3166 code, e.g. `RS`; Kosovo is `XK`")
                }
            });
        }
    };
    // A page for one country shows only that country's contacts and those
    // for everywhere: for readers at risk, a page with none is an error.
    if let Some(code) = &country
        && !campaign.contacts.is_empty()
        && !campaign
            .contacts
            .iter()
            .any(|c| c.countries.is_empty() || c.countries.contains(code))
        && campaign
            .audience
            .iter()
            .any(|a| AT_RISK_AUDIENCES.contains(&a.as_str()))
    {
        return Err(source
            .at_line_col(
                super::front_matter::key_line(source.text(), "country"),
                1,
                Severity::Error,
                format!(
                    "this page is for `{code}`, but no help contact is for `{code}` or for every country: the page would show readers no helpline"
                ),
            )
            .with_help(format!(
                "add `{code}` to the `countries:` of a contact in `{}`, or remove `country:` here",
                crate::diag::shown(&campaign.source.path)
            )));
    }
    if !found.leaflet && (front.cover_image.is_some() || front.cover_alt.is_some()) {
        let key = if front.cover_image.is_some() {
            "cover_image"
        } else {
            "cover_alt"
        };
        let (line, col) = super::front_matter::value_at(source.text(), key);
        return Err(source
            .at_line_col(
                line,
                col,
                Severity::Error,
                format!("`{key}` is for leaflets: a page shows its pictures in its text"),
            )
            .with_help(
                "write `![what it shows](../images/photo.jpg)` where the picture goes in the page",
            ));
    }
    let audio = match front.audio {
        Some(written) => Some(Arc::new(page_audio(campaign, &found, &source, written)?)),
        None => None,
    };
    let cover = front.cover_image.map(|dest| {
        let (line, col) = super::front_matter::value_at(source.text(), "cover_image");
        Arc::new(CoverImage {
            dest: dest.trim().to_string(),
            alt: front.cover_alt.unwrap_or_default(),
            line,
            col,
        })
    });
    Ok(Some(Page {
        campaign: campaign.id.clone(),
        lang: found.lang,
        slug: found.slug,
        source: Arc::new(source),
        body_start,
        title: front.title,
        description: front.description,
        weight: front.weight.unwrap_or(0),
        review: front.review,
        source_hash: front.source_hash,
        country,
        audio,
        cover,
        origin: Origin::Written,
        scan: None,
        draft: None,
    }))
}

/// The recording a page's `audio:` names: a file next to the page. Only
/// its name is checked here; the file is read once the site is resolved
/// (`crate::audio::prepare`), which says if it is missing or not sound.
fn page_audio(
    campaign: &Campaign,
    found: &Found,
    source: &crate::diag::SourceFile,
    written: String,
) -> Result<PageAudio, Diagnostic> {
    let (line, col) = super::front_matter::value_at(source.text(), "audio");
    let error = |message: String| source.at_line_col(line, col, Severity::Error, message);
    let folder = Path::new("content").join(&campaign.id).join(&found.lang);
    if found.leaflet {
        return Err(error(
            "a leaflet is printed, so it cannot play a recording".to_string(),
        )
        .with_help("remove the `audio:` line; put it in the page of the same text instead (the leaflet's QR code leads to the site)"));
    }
    let name = written.trim();
    if name.is_empty() || matches!(name, "." | "..") || name.contains(['/', '\\']) {
        return Err(error(format!(
            "`audio: {written}` must be the name of a file next to this page"
        ))
        .with_help(format!(
            "save the recording in `{}/` beside the page and write only its file name, e.g. `audio: reading.mp3`",
            crate::diag::shown(&folder)
        )));
    }
    let page_folder = found.path.parent().unwrap_or(Path::new("."));
    Ok(PageAudio {
        at: (line, col),
        written: name.to_string(),
        key: format!("{}/{name}", found.lang),
        shown: folder.join(name),
        path: page_folder.join(name),
    })
}

/// Whether `name` (a page, leaflet or campaign name, without extension) is
/// one Windows keeps for a device (`con`, `nul`, `com1` …): a file or folder
/// of that name cannot be made there, with any extension. Refused on every
/// system, so that a project built on Linux also builds on an NGO's laptop.
pub fn is_windows_device_name(name: &str) -> bool {
    let base = name.split('.').next().unwrap_or(name).to_ascii_lowercase();
    matches!(base.as_str(), "con" | "prn" | "aux" | "nul")
        || (base.len() == 4
            && (base.starts_with("com") || base.starts_with("lpt"))
            && base.as_bytes()[3].is_ascii_digit()
            && base.as_bytes()[3] != b'0')
}

/// Page file names become URLs that people type and share, so they must be
/// short lower-case ASCII.
pub fn check_slug(slug: &str) -> Result<(), String> {
    if is_windows_device_name(slug) {
        return Err(format!(
            "the file name `{slug}.md` cannot be used: `{slug}` names a device on Windows, so the page could not be written or opened there"
        ));
    }
    let ok = !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        let suggestion: String = slug
            .to_lowercase()
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        Err(format!(
            "the file name `{slug}.md` cannot be used: page file names become web addresses, so they use only lower-case ASCII letters, digits and `-` (for example `{}.md`); the title can be in any language",
            if suggestion.trim_matches('-').is_empty() {
                "help"
            } else {
                suggestion.trim_matches('-')
            }
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_the_text_budget_pages_are_scanned_and_their_text_let_go_of() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let load = |mb| {
            let mut diags = crate::diag::Diagnostics::new();
            crate::load::load_site(root, Some("safe-work"), mb, &mut diags).unwrap()
        };
        let held =
            |page: &Page| matches!(page.source.read_again(), Ok(std::borrow::Cow::Borrowed(_)));
        use crate::load::PageText;
        let all = load(PageText::Hold);
        assert!(!all.pages.is_empty());
        assert!(all.pages.iter().all(|p| p.scan.is_none() && held(p)));
        let none = load(PageText::Budget(0));
        assert!(none.pages.iter().all(|p| p.scan.is_some() && !held(p)));
        // Leaflet texts are printed from memory.
        assert!(
            none.leaflet_texts
                .iter()
                .all(|p| p.scan.is_none() && held(p))
        );
        // What was let go of reads back the same.
        for (a, b) in all.pages.iter().zip(&none.pages) {
            assert_eq!(a.body(), b.read_body().unwrap());
        }
        // A build holds each page rendered instead of its text, while its
        // budget lasts, and past it in a temporary file.
        let spilled = |p: &Page| {
            matches!(
                p.draft.as_deref().map(|d| &d.html),
                Some(crate::model::page::DraftHtml::Spilled { .. })
            )
        };
        let rendered = load(PageText::Render(64, None));
        assert!(
            rendered
                .pages
                .iter()
                .all(|p| p.scan.is_some() && p.draft.is_some() && !spilled(p) && !held(p))
        );
        let scratch = tempfile::tempdir().unwrap();
        let over = load(PageText::Render(0, Some(scratch.path())));
        assert!(
            over.pages
                .iter()
                .all(|p| p.scan.is_some() && spilled(p) && !held(p))
        );
        let none_links = std::collections::HashMap::new();
        let fill = |p: &Page| {
            p.draft
                .as_ref()
                .unwrap()
                .fill(&none_links, &Default::default())
                .unwrap()
        };
        for (a, b) in rendered.pages.iter().zip(&over.pages) {
            assert_eq!(a.scan, b.scan, "{}", a.source.path.display());
            assert_eq!(fill(a), fill(b), "{}", a.source.path.display());
        }
        assert_eq!(std::fs::read_dir(scratch.path()).unwrap().count(), 0);
    }

    #[test]
    fn slugs_are_ascii() {
        assert!(check_slug("get-help").is_ok());
        assert!(check_slug("page_2").is_ok());
        assert!(
            check_slug("Get Help")
                .unwrap_err()
                .contains("`get-help.md`")
        );
        assert!(check_slug("помощ").is_err());
    }

    // Issue 16: names Windows keeps for devices cannot be files or folders
    // there; refused everywhere, with the reason.
    #[test]
    fn windows_device_names_are_refused() {
        for name in ["con", "nul", "aux", "prn", "com1", "lpt9", "con.backup"] {
            assert!(is_windows_device_name(name), "{name}");
        }
        for name in ["console", "com", "com0", "lpt10", "connect", "help"] {
            assert!(!is_windows_device_name(name), "{name}");
        }
        assert!(
            check_slug("con")
                .unwrap_err()
                .contains("names a device on Windows")
        );
        assert!(
            crate::load::campaigns::check_id("nul")
                .unwrap_err()
                .contains("names a device on Windows")
        );
    }
}

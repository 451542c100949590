//! Links between pages: authors link to Markdown files (`help.md#hotline`);
//! each such link is checked against the pages and headings that exist and
//! rewritten to the built page, relative so a campaign works anywhere.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use crate::diag::{Diagnostic, NameOnDisk, Severity, did_you_mean, name_on_disk, other_case};
use crate::model::campaign::Fallback;
use crate::model::image::{IMAGES_DIR, ImageFile, is_image_name};
use crate::model::page::Origin;
use crate::model::{Campaign, Page};
use crate::render::markdown::Scan;

/// Heading ids of every page, by (campaign, language, slug), and the
/// pictures there are.
pub struct PageIndex<'a> {
    /// Each page's heading ids, by (campaign, language, slug). Built on
    /// every run of the preview, so nothing is copied into it.
    pages: HashMap<(&'a str, &'a str, &'a str), &'a [String]>,
    /// Pages that exist but could not be read: already reported.
    unreadable: &'a BTreeSet<String>,
    /// Pages marked `draft: true`.
    drafts: &'a BTreeSet<String>,
    /// Pictures by (campaign, key).
    images: &'a BTreeMap<(String, String), ImageFile>,
}

impl<'a> PageIndex<'a> {
    /// Indexes `pages`; `scans[i]` belongs to `pages[i]`.
    pub fn new(
        pages: &'a [Page],
        scans: &'a [std::sync::Arc<Scan>],
        unreadable: &'a BTreeSet<String>,
        drafts: &'a BTreeSet<String>,
        images: &'a BTreeMap<(String, String), ImageFile>,
    ) -> PageIndex<'a> {
        let pages = pages
            .iter()
            .zip(scans)
            .map(|(p, s)| {
                (
                    (p.campaign.as_str(), p.lang.as_str(), p.slug.as_str()),
                    s.heading_ids.as_slice(),
                )
            })
            .collect();
        PageIndex {
            pages,
            unreadable,
            drafts,
            images,
        }
    }

    fn is_unreadable(&self, campaign: &str, lang: &str, slug: &str) -> bool {
        self.unreadable
            .contains(&format!("{campaign}/{lang}/{slug}"))
    }

    fn is_draft(&self, campaign: &str, lang: &str, slug: &str) -> bool {
        self.drafts.contains(&format!("{campaign}/{lang}/{slug}"))
    }

    fn ids(&self, campaign: &str, lang: &str, slug: &str) -> Option<&'a [String]> {
        self.pages.get(&(campaign, lang, slug)).copied()
    }

    fn slugs(&self, campaign: &str, lang: &str) -> Vec<&'a str> {
        let mut slugs: Vec<&str> = self
            .pages
            .keys()
            .filter(|(c, l, _)| *c == campaign && *l == lang)
            .map(|(_, _, slug)| *slug)
            .collect();
        slugs.sort();
        slugs
    }
}

/// Link schemes that only open something: a web page, an e-mail, a call,
/// a message. Others (`javascript:`, `data:`) can run code.
pub const SAFE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel", "sms", "viber", "whatsapp"];

/// Whether a destination leaves the site (`https:`, `mailto:`, `tel:`, `//host`).
pub fn is_external(dest: &str) -> bool {
    if dest.starts_with("//") {
        return true;
    }
    match dest.find(':') {
        Some(colon) => {
            let scheme = &dest[..colon];
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !dest[..colon].contains('/')
        }
        None => false,
    }
}

/// What [`check_page`] found: link rewrites and pictures for the renderer.
#[derive(Clone, Debug, Default)]
pub struct Checked {
    /// Link destinations as written → hrefs to emit. Shared: the preview
    /// keeps each page's check to reuse.
    pub links: Arc<HashMap<String, String>>,
    /// Picture destinations as written → the picture's key in the campaign.
    pub images: Arc<HashMap<String, String>>,
}

/// The language a passage in `script` is most likely in (issue 18: the
/// hint once suggested Arabic for English in a Persian page): English for
/// Latin letters when the campaign has it, else the campaign's first
/// language in that script, else a common one.
fn likely_language<'a>(campaign: &'a Campaign, script: &str) -> &'a str {
    let in_script =
        |l: &&crate::model::Language| l.script == script && l.tag != campaign.default_language;
    if script == "Latn" && campaign.language("en").is_some() {
        return "en";
    }
    campaign
        .languages
        .iter()
        .find(in_script)
        .or_else(|| campaign.languages.iter().find(|l| l.script == script))
        .map_or(
            match script {
                "Cyrl" => "sr",
                "Arab" => "ar",
                _ => "en",
            },
            |l| l.tag.as_str(),
        )
}

/// Checks the links and pictures of one page. Returns what the renderer
/// needs and the problems found.
pub fn check_page(
    page: &Page,
    scan: &Scan,
    campaign: &Campaign,
    index: &PageIndex,
) -> (Checked, Vec<Diagnostic>) {
    let mut rewrites = HashMap::new();
    let mut problems = Vec::new();
    let images = check_images(page, scan, index, &mut problems);
    let at = |offset: usize, severity, message: String| {
        page.source.at(page.body_start + offset, severity, message)
    };

    for (offset, id) in &scan.duplicate_ids {
        // The id as written, before the suffix that made it unique.
        let written = id
            .rsplit_once('-')
            .filter(|(_, n)| n.parse::<u32>().is_ok())
            .map_or(id.as_str(), |(base, _)| base);
        let message = if crate::render::markdown::THEME_IDS.contains(&written) {
            format!(
                "the heading id `{written}` is one the theme uses for its own part of every page; links to it would go there"
            )
        } else {
            format!(
                "the heading id `{written}` is used twice on this page; links to it would be ambiguous"
            )
        };
        problems.push(
            at(*offset, Severity::Error, message)
                .with_help("give the heading another id: `## Heading {#another-id}`"),
        );
    }
    // The page's title is its one main heading (issue 18): screen reader
    // users jump between headings by level.
    for offset in &scan.main_headings {
        problems.push(
            at(*offset, Severity::Warning, "this `#` heading is a second main heading: the page's title is already shown as its main heading".into())
                .with_help("start it with `##` instead (and use `###` for the headings under it)"),
        );
    }
    if !campaign.allow_raw_html {
        // One warning per line: `<b>text</b>` is two tags but one place to fix.
        let mut last_line = 0;
        for offset in &scan.raw_html {
            let (line, _) = page.source.line_col(page.body_start + offset);
            if line == last_line {
                continue;
            }
            last_line = line;
            problems.push(
                at(*offset, Severity::Warning, "raw HTML is not published: it is left out of the page".into())
                    .with_help("write it in Markdown instead, or set `allow_raw_html: true` in the campaign file if you trust this HTML"),
            );
        }
    }

    for (offset, name) in &scan.unknown_icons {
        let mut problem = at(
            *offset,
            Severity::Warning,
            format!("there is no pictogram called `{name}`: `:{name}:` is shown as text"),
        );
        problem = match crate::diag::did_you_mean(name, crate::model::icon::names()) {
            Some(near) => problem.with_help(format!("did you mean `:{near}:`?")),
            None => problem.with_help(format!(
                "the pictograms are {}",
                crate::model::icon::names()
                    .iter()
                    .map(|n| format!("`:{n}:`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        };
        problems.push(problem);
    }
    for (offset, script, words) in &scan.foreign_runs {
        let name = match *script {
            "Arab" => "Arabic",
            "Cyrl" => "Cyrillic",
            _ => "Latin",
        };
        problems.push(
            at(
                *offset,
                Severity::Warning,
                format!("\"{words}\" is in {name} script, unlike the rest of this `{}` page: screen readers will read it with the wrong voice", page.lang),
            )
            .with_help(format!(
                "say which language it is in, e.g. `<span lang=\"{}\"{}>{words}</span>` (allowed in any campaign)",
                likely_language(campaign, script),
                if *script == "Arab" { " dir=\"rtl\"" } else { "" },
            )),
        );
    }

    for (offset, dest) in &scan.links {
        if dest.is_empty() {
            continue;
        }
        if is_external(dest) {
            let scheme = dest
                .split(':')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            if !dest.starts_with("//") && !SAFE_SCHEMES.contains(&scheme.as_str()) {
                problems.push(
                    at(*offset, Severity::Error, format!("links starting with `{scheme}:` are not allowed: they can run code in the reader's browser"))
                        .with_help("link to a web address (`https://…`), an e-mail (`mailto:`) or a phone number (`tel:`)"),
                );
            }
            continue;
        }
        if dest.starts_with('/') {
            problems.push(
                at(
                    *offset,
                    Severity::Warning,
                    format!("the link `{dest}` starts with `/`: it breaks when the site is in a sub-folder or opened from disk"),
                )
                .with_help("link to the Markdown file instead, e.g. `get-help.md`"),
            );
            continue;
        }
        let (path, fragment) = match dest.split_once('#') {
            Some((path, fragment)) => (path, Some(fragment)),
            None => (dest.as_str(), None),
        };
        if path.is_empty() {
            // `#anchor` on this page.
            let fragment = fragment.unwrap_or_default();
            if let Some(problem) = missing_anchor(index, page, &page.lang, &page.slug, fragment) {
                problems.push(at(*offset, Severity::Error, problem.0).with_help(problem.1));
            }
            continue;
        }
        let Some(file) = path.strip_suffix(".md") else {
            // The two likeliest slips: a page without `.md`, a web address
            // without `https://` (issue 18).
            let looks_like_site = path.starts_with("www.")
                || path
                    .split('/')
                    .next()
                    .and_then(|host| host.rsplit_once('.'))
                    .is_some_and(|(name, tld)| {
                        !name.is_empty()
                            && (2..=6).contains(&tld.len())
                            && tld.chars().all(|c| c.is_ascii_alphabetic())
                            && !is_image_name(path)
                            && !["html", "htm", "pdf", "txt", "zip"].contains(&tld)
                    });
            let page_exists = target_of(&page.lang, path)
                .is_some_and(|(lang, slug)| index.ids(&page.campaign, &lang, &slug).is_some());
            let help = if is_image_name(path) {
                format!("to show the picture, write `![what it shows]({dest})`")
            } else if page_exists {
                format!(
                    "did you mean `{path}.md{}`? Links to pages name the Markdown file",
                    fragment.map_or(String::new(), |f| format!("#{f}"))
                )
            } else if looks_like_site {
                format!("did you mean `https://{dest}`? A web address starts with `https://`")
            } else {
                "link to a page, or to a full web address".to_string()
            };
            problems.push(
                at(*offset, Severity::Error, format!("the link `{dest}` leads to a file that is not published: outreach publishes pages (`.md` files) and the pictures they show"))
                    .with_help(help),
            );
            continue;
        };
        let Some((mut lang, slug)) = target_of(&page.lang, file) else {
            problems.push(at(
                *offset,
                Severity::Error,
                format!("the link `{dest}` points outside this campaign; every page a campaign links to must be in `content/{}/`", page.campaign),
            ));
            continue;
        };
        if index.is_unreadable(&page.campaign, &lang, &slug) {
            continue;
        }
        // An untranslated page shown in the reader's language links to the
        // reader's version of a page where it has the target, and to the
        // original language's otherwise. Its links were checked on the original.
        if let Origin::Untranslated { from } = &page.origin
            && lang == page.lang
            && (index.ids(&page.campaign, &lang, &slug).is_none()
                || fragment.is_some_and(|f| missing_anchor(index, page, &lang, &slug, f).is_some()))
        {
            lang = from.clone();
        }
        if index.ids(&page.campaign, &lang, &slug).is_none()
            && index.is_draft(&page.campaign, &lang, &slug)
        {
            problems.push(
                at(
                    *offset,
                    Severity::Error,
                    format!(
                        "the link `{dest}` points to a draft: `content/{}/{lang}/{slug}.md` has `draft: true`, so it is not published",
                        page.campaign
                    ),
                )
                .with_help("publish that page (remove `draft: true`), or remove the link until it is ready"),
            );
            continue;
        }
        if index.ids(&page.campaign, &lang, &slug).is_none() {
            // A page not translated yet, rather than a mistake: say where
            // it exists and the two ways on (issue 13).
            let translated = std::iter::once(campaign.default_language.as_str())
                .chain(campaign.languages.iter().map(|l| l.tag.as_str()))
                .find(|other| *other != lang && index.ids(&page.campaign, other, &slug).is_some());
            // `fallback: show` fills gaps from the default language only.
            let fallback_helps = |other: &str| {
                other == campaign.default_language && campaign.fallback != Fallback::Show
            };
            let problem = match translated {
                Some(other) => at(
                    *offset,
                    Severity::Error,
                    format!(
                        "the link `{dest}` points to a page that is not translated into `{lang}` yet: there is `content/{c}/{other}/{slug}.md` but no `content/{c}/{lang}/{slug}.md`",
                        c = page.campaign
                    ),
                )
                .with_help(if fallback_helps(other) {
                    format!(
                        "translate the page, or set `fallback: show` in the campaign file to show readers of `{lang}` the `{other}` page until it is translated"
                    )
                } else {
                    format!("translate the page into `{lang}`, or link to the `{other}` page")
                }),
                None => {
                    let problem = at(
                        *offset,
                        Severity::Error,
                        format!(
                            "the link `{dest}` points to a page that does not exist: `content/{}/{lang}/{slug}.md`",
                            page.campaign
                        ),
                    );
                    let slugs = index.slugs(&page.campaign, &lang);
                    match did_you_mean(&slug, slugs.iter().copied()) {
                        Some(near) => problem.with_help(format!("did you mean `{near}.md`?")),
                        None => problem,
                    }
                }
            };
            problems.push(problem);
            continue;
        }
        if let Some(fragment) = fragment
            && let Some(problem) = missing_anchor(index, page, &lang, &slug, fragment)
        {
            problems.push(at(*offset, Severity::Error, problem.0).with_help(problem.1));
            continue;
        }
        let mut href = if lang == page.lang {
            format!("{slug}.html")
        } else {
            format!("../{lang}/{slug}.html")
        };
        if let Some(fragment) = fragment {
            href.push('#');
            href.push_str(fragment);
        }
        rewrites.insert(dest.clone(), href);
    }
    let checked = Checked {
        links: Arc::new(rewrites),
        images: Arc::new(images),
    };
    (checked, problems)
}

/// Checks the pictures of a leaflet's text as a page's are checked (paths
/// are written as in pages: `../images/map.png`). Returns destination →
/// key for those that exist and say what they show.
pub fn check_leaflet_pictures(
    text: &Page,
    index: &PageIndex,
    problems: &mut Vec<Diagnostic>,
) -> HashMap<String, String> {
    let scan = crate::render::markdown::scan(text.body(), None);
    check_images(text, &scan, index, problems)
}

/// Checks a leaflet's cover picture (`cover_image:`, `cover_alt:` in its
/// front matter) as a picture in its text is checked, with problems at the
/// `cover_image:` line. Returns its key when it exists and says what it
/// shows.
pub fn check_cover_picture(
    text: &Page,
    cover: &crate::model::page::CoverImage,
    index: &PageIndex,
    problems: &mut Vec<Diagnostic>,
) -> Option<String> {
    let (dest, line, col) = (cover.dest.as_str(), cover.line, cover.col);
    // A copy (the Latin Serbian leaflet) was checked as its original.
    let report = text.origin == Origin::Written;
    let mut problem = |message: String, help: String| {
        if report {
            problems.push(
                text.source
                    .at_line_col(line, col, Severity::Error, message)
                    .with_help(help),
            );
        }
        None
    };
    if cover.alt.trim().is_empty() {
        return problem(
            format!("the cover picture `{dest}` has no description: readers who cannot see it would not know what it shows"),
            "add a line `cover_alt: \"A road at dusk, leading towards mountains\"` saying what it shows; `cover_alt: '\"\"'` if it is only decoration".to_string(),
        );
    }
    let folder = match &text.origin {
        Origin::Written => &text.lang,
        Origin::Transliterated { from } | Origin::Untranslated { from } => from,
    };
    let path = dest.split(['#', '?']).next().unwrap_or_default();
    let key = match target_of(folder, path) {
        Some((dir, name)) if !is_external(dest) && !dest.starts_with('/') => {
            format!("{dir}/{name}")
        }
        _ => {
            return problem(
                format!("the cover picture `{dest}` is not in this campaign's pictures"),
                format!(
                    "save it in `content/{}/{IMAGES_DIR}/` and write `cover_image: ../{IMAGES_DIR}/<its name>`",
                    text.campaign
                ),
            );
        }
    };
    if let Some(on_disk) = picture_in_other_case(index.images, &text.campaign, &key) {
        let on_disk = format!("content/{}/{on_disk}", text.campaign);
        return problem(
            other_case("the cover picture", dest, &on_disk),
            format!("write its name with the capital letters it has on disk: `{on_disk}`"),
        );
    }
    if !index
        .images
        .contains_key(&(text.campaign.clone(), key.clone()))
    {
        return problem(
            format!(
                "the cover picture `{dest}` does not exist: there is no `content/{}/{key}`",
                text.campaign
            ),
            "save the picture there, or correct the path (written as in pages, from the language folder)".to_string(),
        );
    }
    Some(key)
}

/// Checks that each picture of a page exists in the campaign and says
/// what it shows. Returns destination → key for those that do.
fn check_images(
    page: &Page,
    scan: &Scan,
    index: &PageIndex,
    problems: &mut Vec<Diagnostic>,
) -> HashMap<String, String> {
    let mut found = HashMap::new();
    // Paths are relative to the Markdown file the text was written in.
    let folder = match &page.origin {
        Origin::Written => &page.lang,
        Origin::Transliterated { from } | Origin::Untranslated { from } => from,
    };
    // Copies were checked as originals: only their keys are needed.
    let report = page.origin == Origin::Written;
    for image in &scan.images {
        let dest = &image.dest;
        let mut problem = |message: String, help: String| {
            if report {
                problems.push(
                    page.source
                        .at(page.body_start + image.offset, Severity::Error, message)
                        .with_help(help),
                );
            }
        };
        if is_external(dest) || dest.starts_with('/') {
            problem(
                format!(
                    "the picture `{dest}` is not in this campaign: readers' browsers would fetch it from elsewhere, which tells that site who reads, and breaks offline"
                ),
                format!(
                    "save the picture in `content/{}/{IMAGES_DIR}/` and write its path, e.g. `../{IMAGES_DIR}/photo.jpg`",
                    page.campaign
                ),
            );
            continue;
        }
        let path = dest.split(['#', '?']).next().unwrap_or_default();
        let Some(key) = target_of(folder, path).map(|(dir, name)| format!("{dir}/{name}")) else {
            let message = if path.split('/').any(|segment| segment == "..") {
                format!(
                    "the picture `{dest}` is outside this campaign's folder `content/{}/`",
                    page.campaign
                )
            } else {
                format!(
                    "the picture `{dest}` is in a sub-folder: pictures are read next to the pages and from `content/{}/{IMAGES_DIR}/` only",
                    page.campaign
                )
            };
            problem(
                message,
                format!(
                    "save it in `content/{}/{IMAGES_DIR}/` and write `../{IMAGES_DIR}/` before its name",
                    page.campaign
                ),
            );
            continue;
        };
        // An iPhone's photos (HEIC/HEIF), TIFF and BMP are not read: say
        // so, not that the file is missing (issue 18).
        let lower = path.to_ascii_lowercase();
        if [".heic", ".heif", ".tif", ".tiff", ".bmp", ".avif"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            problem(
                format!(
                    "the picture `{dest}` is in a format outreach does not read: pictures are JPEG, PNG, GIF, WebP or SVG"
                ),
                "open it and save it as JPEG (on an iPhone: Settings → Camera → Formats → Most Compatible takes JPEG photos from now on; on a computer, open it and \"Save as\" or \"Export\" JPEG), then link that file".to_string(),
            );
            continue;
        }
        if let Some(on_disk) = picture_in_other_case(index.images, &page.campaign, &key) {
            let on_disk = format!("content/{}/{on_disk}", page.campaign);
            problem(
                other_case("the picture", dest, &on_disk),
                format!("write its name with the capital letters it has on disk: `{on_disk}`"),
            );
            continue;
        }
        if !index
            .images
            .contains_key(&(page.campaign.clone(), key.clone()))
        {
            let shown = format!("content/{}/{key}", page.campaign);
            let names: Vec<&str> = index
                .images
                .keys()
                .filter(|(c, _)| *c == page.campaign)
                .map(|(_, k)| k.as_str())
                .collect();
            let help = match did_you_mean(&key, names.iter().copied()) {
                Some(near) => format!("did you mean `content/{}/{near}`?", page.campaign),
                None if is_image_name(path) => format!("save the picture as `{shown}`"),
                None => "pictures are .jpg, .png, .gif, .webp or .svg files".to_string(),
            };
            problem(
                format!("the picture `{dest}` does not exist: there is no `{shown}`"),
                help,
            );
            continue;
        }
        if image.alt.trim().is_empty() {
            problem(
                format!(
                    "the picture `{dest}` has no description: readers who cannot see it (blind readers, or anyone on a slow connection) would not know what it shows"
                ),
                format!(
                    "say what it shows between the brackets: `![A volunteer hands out leaflets]({dest})`; if it is only decoration, write `![\"\"]({dest})`"
                ),
            );
            continue;
        }
        found.insert(dest.clone(), key);
    }
    found
}

/// The name of the picture `key` of `campaign` when it is among `images`
/// only under other capital letters: the build would find it on Windows
/// and macOS, not on Linux (issue 16).
pub(crate) fn picture_in_other_case(
    images: &BTreeMap<(String, String), ImageFile>,
    campaign: &str,
    key: &str,
) -> Option<String> {
    let keys = images
        .keys()
        .filter(|(c, _)| c == campaign)
        .map(|(_, k)| k.as_str());
    match name_on_disk(keys, key) {
        NameOnDisk::OtherCase(on_disk) => Some(on_disk),
        NameOnDisk::Exact | NameOnDisk::Missing => None,
    }
}

/// (language, slug) of a link to a Markdown file, written relative to a
/// page in `lang`'s folder; `None` if it leaves the campaign's folder.
fn target_of(lang: &str, file: &str) -> Option<(String, String)> {
    let mut parts: Vec<&str> = vec![lang];
    for segment in file.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            other => parts.push(other),
        }
    }
    match parts.as_slice() {
        [lang, slug] => Some((lang.to_string(), slug.to_string())),
        _ => None,
    }
}

/// The slugs of the pages `page` links to (in any language): the pages
/// whose headings its check depends on, besides its own.
pub fn linked_slugs<'a>(page: &'a Page, scan: &'a Scan) -> impl Iterator<Item = String> + 'a {
    scan.links.iter().filter_map(|(_, dest)| {
        if is_external(dest) || dest.starts_with('/') {
            return None;
        }
        let path = dest.split_once('#').map_or(dest.as_str(), |(path, _)| path);
        let file = path.strip_suffix(".md")?;
        target_of(&page.lang, file).map(|(_, slug)| slug)
    })
}

fn missing_anchor(
    index: &PageIndex,
    page: &Page,
    lang: &str,
    slug: &str,
    fragment: &str,
) -> Option<(String, String)> {
    let ids = index.ids(&page.campaign, lang, slug)?;
    if ids.iter().any(|id| id == fragment) {
        return None;
    }
    let shown = format!("content/{}/{lang}/{slug}.md", page.campaign);
    let message = format!("there is no heading with the id `{fragment}` in `{shown}`");
    let help = match did_you_mean(fragment, ids.iter().map(String::as_str)) {
        Some(near) => format!("did you mean `#{near}`?"),
        None => format!(
            "give the heading an id by writing `{{#{fragment}}}` at the end of its line, e.g. `## Call for help {{#{fragment}}}`"
        ),
    };
    Some((message, help))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn external_links_are_recognised() {
        for dest in [
            "https://example.org",
            "mailto:a@b.c",
            "tel:+38970000000",
            "//cdn.example",
        ] {
            assert!(is_external(dest), "{dest}");
        }
        for dest in ["help.md", "help.md#a:b", "../ar/help.md", "#top"] {
            assert!(!is_external(dest), "{dest}");
        }
    }

    #[test]
    fn targets_stay_inside_the_campaign() {
        assert_eq!(target_of("en", "help"), Some(("en".into(), "help".into())));
        assert_eq!(
            target_of("en", "./help"),
            Some(("en".into(), "help".into()))
        );
        assert_eq!(
            target_of("en", "../ar/help"),
            Some(("ar".into(), "help".into()))
        );
        assert_eq!(target_of("en", "../../other/en/help"), None);
        assert_eq!(target_of("en", "sub/help"), None);
    }
}

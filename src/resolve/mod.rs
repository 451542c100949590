//! Pure functions over the loaded site: which pages translate which, the
//! order of navigation, and every internal link checked and rewritten to
//! the built page. No I/O: the preview server reruns this on edits.

pub mod lang_parts;
pub mod links;
pub mod status;
pub mod translit;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::diag::{Diagnostic, Severity, SourceFile};
use crate::model::campaign::Fallback;
use crate::model::leaflet::LeafletSpec;
use crate::model::page::Origin;
use crate::model::{Campaign, Page, Site, Theme};
use crate::render::markdown;

/// The checked site: the input of `render`.
#[derive(Debug)]
pub struct ResolvedSite {
    /// Campaigns in id order.
    pub campaigns: Vec<ResolvedCampaign>,
    /// Interface strings: the Fluent sources.
    pub strings: crate::render::strings::StringSources,
    /// Pictures by (campaign, key); pages refer to them by key.
    pub images: BTreeMap<(String, String), crate::model::image::ImageFile>,
}

/// One campaign, ready to render.
#[derive(Debug)]
pub struct ResolvedCampaign {
    /// The campaign's settings.
    pub campaign: Campaign,
    /// The theme it uses.
    pub theme: Theme,
    /// Pages per language tag, in navigation order (weight, then title);
    /// languages in the campaign's order.
    pub languages: Vec<(String, Vec<ResolvedPage>)>,
    /// Leaflets to print: each declared leaflet in each language that has
    /// its text, in declaration order, then language order.
    pub leaflets: Vec<ResolvedLeaflet>,
}

/// A declared leaflet with its text in one language.
#[derive(Debug, Clone)]
pub struct ResolvedLeaflet {
    /// The leaflet as declared in the campaign file.
    pub spec: LeafletSpec,
    /// Its text (`content/<campaign>/<lang>/leaflets/<id>.md`), read like a page.
    pub text: Page,
    /// Picture destinations as written → keys in the campaign.
    pub images: HashMap<String, String>,
    /// The cover picture (`cover_image:`), if it has one that was found:
    /// its destination as written (a key of `images`) and description.
    pub cover: Option<(String, String)>,
}

/// A page with what it needs from its neighbours.
#[derive(Debug)]
pub struct ResolvedPage {
    /// The page as loaded.
    pub page: Page,
    /// Tags of the languages this page exists in (itself included), in the
    /// campaign's language order: the language switcher. Shared by the
    /// page's translations.
    pub translations: Arc<[String]>,
    /// The subset of `translations` whose text is in that language (not an
    /// untranslated page shown with a notice): `hreflang` and the sitemap.
    pub alternates: Arc<[String]>,
    /// Link destinations as written → hrefs to emit.
    pub links: Arc<HashMap<String, String>>,
    /// Picture destinations as written → keys in the campaign.
    pub images: Arc<HashMap<String, String>>,
}

impl ResolvedSite {
    /// Every picture a campaign publishes, with the widths wanted, for
    /// [`crate::images::prepare`].
    pub fn pictures_used(&self) -> Vec<(&crate::model::image::ImageFile, &'static [u32])> {
        self.campaigns
            .iter()
            .flat_map(|rc| {
                rc.pictures_used().into_iter().filter_map(|(key, widths)| {
                    let file = self
                        .images
                        .get(&(rc.campaign.id.clone(), key.to_string()))?;
                    Some((file, widths))
                })
            })
            .collect()
    }
}

impl ResolvedSite {
    /// One page naming each recording the site publishes (a page written
    /// in its language before a copy of it, so that problems are said
    /// where the author wrote `audio:`), for [`crate::audio::prepare`].
    pub fn recordings_used(&self) -> Vec<&Page> {
        let mut seen: HashSet<(&str, &str)> = HashSet::new();
        let mut used = Vec::new();
        for rc in &self.campaigns {
            let mut pages: Vec<&Page> = rc
                .languages
                .iter()
                .flat_map(|(_, pages)| pages)
                .map(|rp| &rp.page)
                .filter(|page| page.audio.is_some())
                .collect();
            pages.sort_by_key(|page| page.origin != Origin::Written);
            for page in pages {
                if let Some(audio) = &page.audio
                    && seen.insert((&page.campaign, &audio.key))
                {
                    used.push(page);
                }
            }
        }
        used
    }
}

impl ResolvedCampaign {
    /// The pictures the campaign publishes, by key, with the widths
    /// wanted: those its pages show and its share pictures.
    pub fn pictures_used(&self) -> Vec<(&str, &'static [u32])> {
        let mut used: Vec<(&str, &'static [u32])> = Vec::new();
        for (_, pages) in &self.languages {
            for rp in pages {
                for key in rp.images.values() {
                    used.push((key, crate::model::image::PAGE_WIDTHS));
                }
            }
        }
        for share in &self.campaign.share_images {
            used.push((&share.key, &[crate::model::image::SHARE_WIDTH]));
        }
        for partner in &self.campaign.partners {
            used.push((&partner.logo, &[crate::model::image::LOGO_WIDTH]));
        }
        for leaflet in &self.leaflets {
            for key in leaflet.images.values() {
                used.push((key, leaflet.spec.format.picture_widths()));
            }
        }
        used.sort();
        used.dedup();
        used
    }
}

/// A page's source (by address), where its body starts, and whether its
/// text is checked against a script (the entry says which).
type ScanKey = (usize, usize, bool);

/// A page's scan: its source (kept alive, so that its address cannot be
/// reused by another file), the script it was checked against, the scan.
type ScanEntry = (Arc<SourceFile>, Option<String>, Arc<markdown::Scan>);

/// A page's last check: the scan checked, and what the check found.
type PriorCheck = (Arc<markdown::Scan>, links::Checked, Vec<Diagnostic>);

/// What a page's Markdown offers and needs ([`markdown::scan`]), and what
/// checking its links found, kept between runs by the preview server: a
/// page whose file was not read again is not parsed again, and its links
/// are not checked again unless they lead to a page that changed.
#[derive(Default)]
pub struct ScanCache {
    /// By the address of the page's source.
    entries: HashMap<ScanKey, ScanEntry>,
    /// By `campaign/lang/slug`.
    checks: HashMap<String, PriorCheck>,
    /// [`site_shape`] when the checks were made: they hold only for the
    /// same pages, drafts, pictures and campaign files.
    shape: u64,
}

fn scan_key(page: &Page, script: Option<&str>) -> ScanKey {
    (
        Arc::as_ptr(&page.source) as usize,
        page.body_start,
        script.is_some(),
    )
}

impl ScanCache {
    fn get_or_scan(&self, page: &Page, script: Option<&str>) -> Arc<markdown::Scan> {
        // Scanned while loading (a big site's page whose text was let go
        // of); a copy made from it shares the original's scan.
        if let Some(scan) = &page.scan {
            return scan.clone();
        }
        match self.entries.get(&scan_key(page, script)) {
            Some((source, scanned_for, scan))
                if Arc::ptr_eq(source, &page.source) && scanned_for.as_deref() == script =>
            {
                scan.clone()
            }
            _ => Arc::new(markdown::scan(page.body(), script)),
        }
    }

    /// The last check of the page `key`, if it checked this very scan in a
    /// site of the same shape.
    fn prior_check(
        &self,
        key: &str,
        scan: &Arc<markdown::Scan>,
        shape: u64,
    ) -> Option<&PriorCheck> {
        if shape != self.shape {
            return None;
        }
        self.checks
            .get(key)
            .filter(|(checked, _, _)| Arc::ptr_eq(checked, scan))
    }

    /// Keeps exactly the scans and checks of this run.
    fn replace(
        &mut self,
        pages: &[Page],
        keys: Vec<String>,
        scripts: &[Option<&str>],
        scans: &[Arc<markdown::Scan>],
        checked: &[(links::Checked, Vec<Diagnostic>)],
        shape: u64,
    ) {
        self.entries = pages
            .iter()
            .zip(scripts)
            .zip(scans)
            .map(|((page, script), scan)| {
                let entry = (
                    page.source.clone(),
                    script.map(str::to_string),
                    scan.clone(),
                );
                (scan_key(page, *script), entry)
            })
            .collect();
        self.checks = keys
            .into_iter()
            .zip(scans)
            .zip(checked)
            .map(|((key, scan), (links, found))| {
                (key, (scan.clone(), links.clone(), found.clone()))
            })
            .collect();
        self.shape = shape;
    }
}

fn page_key(page: &Page) -> String {
    format!("{}/{}/{}", page.campaign, page.lang, page.slug)
}

/// A fingerprint of what a page's link check depends on besides its own
/// text and the headings of the pages it links to: which pages exist (and
/// how), drafts, unreadable pages, pictures and the campaign files.
fn site_shape(
    campaigns: &BTreeMap<String, Campaign>,
    pages: &[Page],
    unreadable: &std::collections::BTreeSet<String>,
    drafts: &std::collections::BTreeSet<String>,
    images: &BTreeMap<(String, String), crate::model::image::ImageFile>,
) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for page in pages {
        (&page.campaign, &page.lang, &page.slug).hash(&mut hasher);
        match &page.origin {
            Origin::Written => 0.hash(&mut hasher),
            Origin::Transliterated { from } => (1, from).hash(&mut hasher),
            Origin::Untranslated { from } => (2, from).hash(&mut hasher),
        }
    }
    unreadable.hash(&mut hasher);
    drafts.hash(&mut hasher);
    for key in images.keys() {
        key.hash(&mut hasher);
    }
    for campaign in campaigns.values() {
        campaign.source.text().hash(&mut hasher);
    }
    hasher.finish()
}

/// Per slug: the languages a page exists in, and whether its text is in
/// that language.
type LanguagesBySlug<'a> = HashMap<&'a str, Vec<(&'a str, bool)>>;

/// A page's translations and alternates (see [`ResolvedPage`]).
type Switcher = (Arc<[String]>, Arc<[String]>);

/// Groups pages into campaigns and languages and checks every link.
pub fn resolve(site: Site, problems: &mut Vec<Diagnostic>) -> ResolvedSite {
    resolve_with(site, None, problems)
}

/// [`resolve`], reusing the scans and checks of unchanged pages from
/// `cache`, and keeping this run's there for the next. A build, which runs
/// once, keeps nothing (`None`).
pub fn resolve_with(
    site: Site,
    cache: Option<&mut ScanCache>,
    problems: &mut Vec<Diagnostic>,
) -> ResolvedSite {
    let no_cache = ScanCache::default();
    let prior = cache.as_deref().unwrap_or(&no_cache);
    let Site {
        campaigns,
        pages,
        leaflet_texts,
        mut themes,
        strings,
        unreadable_pages,
        draft_pages,
        images,
    } = site;
    for campaign in campaigns.values() {
        check_share_images(campaign, &images, problems);
        check_partner_logos(campaign, &images, problems);
    }

    let pages = with_script_variants(&campaigns, pages);
    let pages = add_untranslated(&campaigns, pages);
    let mut leaflets = leaflets_by_campaign(
        &campaigns,
        with_script_variants(&campaigns, leaflet_texts),
        problems,
    );

    // Scanning is the costly part (a Markdown parse per page): in parallel.
    let scripts: Vec<Option<&str>> = pages
        .iter()
        .map(|p| campaigns.get(&p.campaign).and_then(|c| p.checked_script(c)))
        .collect();
    let scans: Vec<Arc<markdown::Scan>> = pages
        .par_iter()
        .zip(scripts.par_iter())
        .map(|(p, script)| prior.get_or_scan(p, *script))
        .collect();
    // A check made last run still holds if the page's text is the same and
    // no page it links to changed (its headings may have): in the preview,
    // after an edit, only the edited page and those linking to it.
    let (keys, shape, priors): (Vec<String>, u64, Vec<Option<&PriorCheck>>) = match cache {
        Some(_) => {
            let keys: Vec<String> = pages.iter().map(page_key).collect();
            let shape = site_shape(&campaigns, &pages, &unreadable_pages, &draft_pages, &images);
            let priors = keys
                .iter()
                .zip(&scans)
                .map(|(key, scan)| prior.prior_check(key, scan, shape))
                .collect();
            (keys, shape, priors)
        }
        None => (Vec::new(), 0, vec![None; pages.len()]),
    };
    // Pages checked anew: what the preview's reused checks must not link to.
    let changed: HashSet<(&str, &str)> = match priors.iter().any(Option::is_some) {
        true => pages
            .iter()
            .zip(&priors)
            .filter(|(_, prior)| prior.is_none())
            .map(|(page, _)| (page.campaign.as_str(), page.slug.as_str()))
            .collect(),
        false => HashSet::new(),
    };
    let index = links::PageIndex::new(&pages, &scans, &unreadable_pages, &draft_pages, &images);
    for leaflet in leaflets.values_mut().flatten() {
        leaflet.images = links::check_leaflet_pictures(&leaflet.text, &index, problems);
        if let Some(cover) = leaflet.text.cover.clone()
            && let Some(key) = links::check_cover_picture(&leaflet.text, &cover, &index, problems)
        {
            let alt = match leaflet.text.origin {
                Origin::Transliterated { .. } => translit::to_latin(&cover.alt),
                _ => cover.alt.clone(),
            };
            leaflet.images.insert(cover.dest.clone(), key);
            leaflet.cover = Some((cover.dest.clone(), alt));
        }
    }
    let checked: Vec<(links::Checked, Vec<Diagnostic>)> = pages
        .par_iter()
        .zip(scans.par_iter())
        .zip(priors.par_iter())
        .map(|((page, scan), prior)| match prior {
            Some((_, links, found))
                if !links::linked_slugs(page, scan)
                    .any(|slug| changed.contains(&(page.campaign.as_str(), slug.as_str()))) =>
            {
                (links.clone(), found.clone())
            }
            _ => links::check_page(page, scan, &campaigns[&page.campaign], &index),
        })
        .collect();
    drop((index, changed, priors));
    if let Some(cache) = cache {
        cache.replace(&pages, keys, &scripts, &scans, &checked, shape);
    }
    // A page made from another by changing its script (`sr-Latn` from
    // `sr`) shares that page's source: a problem both report at the same
    // place is said once, for the original (issue 13); one only the copy
    // has (an anchor into a hand-written `sr-Latn` page) is kept.
    let said: HashSet<(Option<std::path::PathBuf>, Option<usize>, Option<usize>)> = pages
        .iter()
        .zip(&checked)
        .filter(|(page, _)| page.origin == Origin::Written)
        .flat_map(|(_, (_, found))| found.iter().map(|d| (d.path.clone(), d.line, d.col)))
        .collect();
    let checked: Vec<(links::Checked, Vec<Diagnostic>)> = pages
        .iter()
        .zip(checked)
        .map(|(page, (links, mut found))| {
            if matches!(page.origin, Origin::Transliterated { .. }) {
                found.retain(|d| !said.contains(&(d.path.clone(), d.line, d.col)));
            }
            (links, found)
        })
        .collect();

    // campaign → slug → (language, whether its text is in that language)
    let mut slugs_by_lang: HashMap<&str, LanguagesBySlug> = HashMap::new();
    for page in &pages {
        let own_text = !matches!(page.origin, Origin::Untranslated { .. });
        slugs_by_lang
            .entry(&page.campaign)
            .or_default()
            .entry(&page.slug)
            .or_default()
            .push((&page.lang, own_text));
    }
    // The language switcher's and `hreflang`'s languages, in the campaign's
    // order: the same for every language of a page, so made once per page.
    let mut switchers: HashMap<(&str, &str), Switcher> = HashMap::new();
    for (campaign_id, slugs) in &slugs_by_lang {
        let campaign = &campaigns[*campaign_id];
        for (slug, present) in slugs {
            let in_order = |only_own_text: bool| -> Arc<[String]> {
                campaign
                    .languages
                    .iter()
                    .filter(|l| {
                        present
                            .iter()
                            .any(|(tag, own)| *tag == l.tag && (*own || !only_own_text))
                    })
                    .map(|l| l.tag.clone())
                    .collect()
            };
            switchers.insert((*campaign_id, *slug), (in_order(false), in_order(true)));
        }
    }
    drop(slugs_by_lang);
    let page_switchers: Vec<Switcher> = pages
        .iter()
        .map(|page| {
            switchers
                .get(&(page.campaign.as_str(), page.slug.as_str()))
                .cloned()
                .unwrap_or_default()
        })
        .collect();
    drop(switchers);

    let mut by_campaign: BTreeMap<String, BTreeMap<String, Vec<ResolvedPage>>> = BTreeMap::new();
    for ((page, (checked, found)), (translations, alternates)) in
        pages.into_iter().zip(checked).zip(page_switchers)
    {
        // Problems in an untranslated page's text belong to the original,
        // which reports them itself.
        if !matches!(page.origin, Origin::Untranslated { .. }) {
            problems.extend(found);
        }
        let by_lang = match by_campaign.get_mut(&page.campaign) {
            Some(by_lang) => by_lang,
            None => by_campaign.entry(page.campaign.clone()).or_default(),
        };
        let list = match by_lang.get_mut(&page.lang) {
            Some(list) => list,
            None => by_lang.entry(page.lang.clone()).or_default(),
        };
        list.push(ResolvedPage {
            page,
            translations,
            alternates,
            links: checked.links,
            images: checked.images,
        });
    }

    let mut resolved = Vec::new();
    for (id, campaign) in campaigns {
        let Some(theme) = themes.get(&campaign.theme).cloned() else {
            continue; // reported by load
        };
        let mut by_lang = by_campaign.remove(&id).unwrap_or_default();
        let languages = campaign
            .languages
            .iter()
            .map(|l| {
                let mut pages = by_lang.remove(&l.tag).unwrap_or_default();
                pages.sort_by(|a, b| nav_order(&a.page, &b.page));
                (l.tag.clone(), pages)
            })
            .collect();
        resolved.push(ResolvedCampaign {
            leaflets: leaflets.remove(&id).unwrap_or_default(),
            campaign,
            theme,
            languages,
        });
    }
    themes.clear();
    ResolvedSite {
        campaigns: resolved,
        strings,
        images,
    }
}

/// Each `share_image` of the campaign file must be a picture in the
/// campaign's content folder.
fn check_share_images(
    campaign: &Campaign,
    images: &BTreeMap<(String, String), crate::model::image::ImageFile>,
    problems: &mut Vec<Diagnostic>,
) {
    for share in &campaign.share_images {
        if crate::images::is_drawing(&share.key) {
            problems.push(
                campaign
                    .source
                    .at_line_col(
                        share.line,
                        share.col,
                        Severity::Error,
                        format!("the share picture `{}` is an SVG drawing, which link previews do not show", share.key),
                    )
                    .with_help("export it as a JPEG or PNG of 1200 × 630 pixels"),
            );
            continue;
        }
        if images.contains_key(&(campaign.id.clone(), share.key.clone())) {
            continue;
        }
        if let Some(on_disk) = links::picture_in_other_case(images, &campaign.id, &share.key) {
            problems.push(picture_in_other_case(
                campaign,
                (share.line, share.col),
                "the share picture",
                &share.key,
                &on_disk,
            ));
            continue;
        }
        problems.push(
            campaign
                .source
                .at_line_col(
                    share.line,
                    share.col,
                    Severity::Error,
                    format!(
                        "the share picture `{}` does not exist: there is no `content/{}/{}`",
                        share.key, campaign.id, share.key
                    ),
                )
                .with_help(format!(
                    "save a JPEG or PNG picture (1200 × 630 pixels suits link previews) as `content/{}/{}`; the path is written from the campaign's content folder",
                    campaign.id, share.key
                )),
        );
    }
}

/// A picture the campaign file names (`written`, at `at`) that exists only
/// with other capital letters (`on_disk`).
fn picture_in_other_case(
    campaign: &Campaign,
    at: (usize, usize),
    what: &str,
    written: &str,
    on_disk: &str,
) -> Diagnostic {
    campaign
        .source
        .at_line_col(
            at.0,
            at.1,
            Severity::Error,
            crate::diag::other_case(what, written, on_disk),
        )
        .with_help(format!(
            "write it with the capital letters it has on disk: `{on_disk}`"
        ))
}

/// Each partner's logo must be a picture in the campaign's content folder.
fn check_partner_logos(
    campaign: &Campaign,
    images: &BTreeMap<(String, String), crate::model::image::ImageFile>,
    problems: &mut Vec<Diagnostic>,
) {
    for partner in &campaign.partners {
        if images.contains_key(&(campaign.id.clone(), partner.logo.clone())) {
            continue;
        }
        if let Some(on_disk) = links::picture_in_other_case(images, &campaign.id, &partner.logo) {
            problems.push(picture_in_other_case(
                campaign,
                (partner.line, partner.col),
                "the logo",
                &partner.logo,
                &on_disk,
            ));
            continue;
        }
        problems.push(
            campaign
                .source
                .at_line_col(
                    partner.line,
                    partner.col,
                    Severity::Error,
                    format!(
                        "the logo `{}` does not exist: there is no `content/{}/{}`",
                        partner.logo, campaign.id, partner.logo
                    ),
                )
                .with_help(format!(
                    "save the logo (SVG or PNG) as `content/{}/{}`; the path is written from the campaign's content folder",
                    campaign.id, partner.logo
                )),
        );
    }
}

/// `pages` with the Latin Serbian pages made from Cyrillic ones; the
/// Cyrillic titles then lose their keep-as-written marks (`{{…}}`), which
/// are never shown.
fn with_script_variants(campaigns: &BTreeMap<String, Campaign>, pages: Vec<Page>) -> Vec<Page> {
    let mut pages = add_script_variants(campaigns, pages);
    for page in pages
        .iter_mut()
        .filter(|p| p.lang == "sr" && p.origin == Origin::Written)
    {
        page.title = translit::convert(&page.title, translit::Script::AsWritten, &mut false);
        page.description = page
            .description
            .as_deref()
            .map(|d| translit::convert(d, translit::Script::AsWritten, &mut false));
    }
    pages
}

/// Pairs each declared leaflet with its text in every language that has
/// one. A declared leaflet without text in some language, and a text no
/// campaign declares, are reported: both are easy to miss.
fn leaflets_by_campaign(
    campaigns: &BTreeMap<String, Campaign>,
    texts: Vec<Page>,
    problems: &mut Vec<Diagnostic>,
) -> HashMap<String, Vec<ResolvedLeaflet>> {
    let mut by_campaign: HashMap<String, Vec<ResolvedLeaflet>> = HashMap::new();
    for text in &texts {
        let declared = campaigns
            .get(&text.campaign)
            .is_some_and(|c| c.leaflets.iter().any(|l| l.id == text.slug));
        if !declared && text.origin == Origin::Written {
            problems.push(
                Diagnostic::in_file(
                    &text.source.path,
                    Severity::Warning,
                    format!(
                        "the leaflet `{}` is not declared in `campaigns/{}.yaml`, so it is not printed",
                        text.slug, text.campaign
                    ),
                )
                .with_help(format!(
                    "add to the campaign file:\nleaflets:\n  - id: {}\n    format: a4-trifold   # or a5-flyer, a6-card",
                    text.slug
                )),
            );
        }
    }
    for campaign in campaigns.values() {
        for spec in &campaign.leaflets {
            let mut missing = Vec::new();
            for language in &campaign.languages {
                let text = texts.iter().find(|t| {
                    t.campaign == campaign.id && t.lang == language.tag && t.slug == spec.id
                });
                match text {
                    Some(text) => {
                        by_campaign
                            .entry(campaign.id.clone())
                            .or_default()
                            .push(ResolvedLeaflet {
                                spec: spec.clone(),
                                text: text.clone(),
                                images: HashMap::new(),
                                cover: None,
                            })
                    }
                    None => missing.push(language.tag.as_str()),
                }
            }
            if !missing.is_empty() {
                let first = missing[0];
                problems.push(
                    campaign
                        .source
                        .at_line_col(
                            spec.line,
                            1,
                            Severity::Warning,
                            format!(
                                "the leaflet `{}` has no text in {}, so it is not printed in {}",
                                spec.id,
                                missing.join(", "),
                                if missing.len() == 1 {
                                    "that language"
                                } else {
                                    "those languages"
                                }
                            ),
                        )
                        .with_help(format!(
                            "write `content/{}/{first}/leaflets/{}.md`",
                            campaign.id, spec.id
                        )),
                );
            }
        }
    }
    by_campaign
}

/// Adds the pages a campaign gets by transliteration: a `sr-Latn` page for
/// every `sr` page that has no hand-written Latin version.
pub(crate) fn add_script_variants(
    campaigns: &BTreeMap<String, Campaign>,
    mut pages: Vec<Page>,
) -> Vec<Page> {
    // Looked up only for campaigns with a generated language: a set of
    // every page's key is a cost for every big site otherwise.
    let any_generated = campaigns.values().any(|c| {
        c.languages
            .iter()
            .any(|l| crate::model::lang::generated_from(&l.tag).is_some())
    });
    if !any_generated {
        return pages;
    }
    let existing = page_keys(&pages);
    let mut generated = Vec::new();
    for campaign in campaigns.values() {
        for variant in &campaign.languages {
            let Some(from) = crate::model::lang::generated_from(&variant.tag) else {
                continue;
            };
            if campaign.language(from).is_none() {
                continue;
            }
            for page in pages
                .iter()
                .filter(|p| p.campaign == campaign.id && p.lang == from)
            {
                if existing.contains(&(campaign.id.clone(), variant.tag.clone(), page.slug.clone()))
                {
                    continue; // a hand-written Latin page wins
                }
                generated.push(Page {
                    lang: variant.tag.clone(),
                    title: translit::to_latin(&page.title),
                    description: page.description.as_deref().map(translit::to_latin),
                    origin: Origin::Transliterated {
                        from: from.to_string(),
                    },
                    ..page.clone()
                });
            }
        }
    }
    pages.extend(generated);
    pages
}

/// With `fallback: show`, adds for each language the default-language
/// pages it lacks, to be shown with a notice.
fn add_untranslated(campaigns: &BTreeMap<String, Campaign>, mut pages: Vec<Page>) -> Vec<Page> {
    let existing = page_keys(&pages);
    let mut added = Vec::new();
    for campaign in campaigns.values().filter(|c| c.fallback == Fallback::Show) {
        let default = &campaign.default_language;
        for language in campaign.languages.iter().filter(|l| &l.tag != default) {
            for page in pages
                .iter()
                .filter(|p| p.campaign == campaign.id && &p.lang == default)
            {
                if existing.contains(&(
                    campaign.id.clone(),
                    language.tag.clone(),
                    page.slug.clone(),
                )) {
                    continue;
                }
                added.push(Page {
                    lang: language.tag.clone(),
                    origin: Origin::Untranslated {
                        from: default.clone(),
                    },
                    ..page.clone()
                });
            }
        }
    }
    pages.extend(added);
    pages
}

/// (campaign, language, slug) of every page.
fn page_keys(pages: &[Page]) -> std::collections::HashSet<(String, String, String)> {
    pages
        .iter()
        .map(|p| (p.campaign.clone(), p.lang.clone(), p.slug.clone()))
        .collect()
}

/// Home first, then by weight, then by title, then by file name so the
/// order never depends on the file system.
fn nav_order(a: &Page, b: &Page) -> std::cmp::Ordering {
    (!a.is_home(), a.weight, &a.title, &a.slug).cmp(&(!b.is_home(), b.weight, &b.title, &b.slug))
}

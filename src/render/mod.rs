//! Resolved site → files: Markdown to HTML, HTML through the theme's
//! templates, tidied of their whitespace, plus each campaign's language chooser, 404 page,
//! `robots.txt`, `sitemap.xml` and the theme's static files. Pages render
//! in parallel; every file goes to a [`Sink`], never straight to disk.

pub mod assets;
pub mod host;
pub mod markdown;
pub mod sitemap;
pub mod strings;
pub mod templates;
pub mod tidy;
pub mod view;

use std::collections::HashMap;
use std::sync::Arc;

use anyhow::Context as _;
use rayon::prelude::*;
use tera::{Context, Value};

use crate::diag::{Diagnostic, Result, Severity};
use crate::images::{Picture, Pictures};
use crate::model::Campaign;
use crate::model::image::PAGE_WIDTHS;
use crate::model::leaflet::PrintedLeaflet;
use crate::model::page::{Origin, SAFETY_SLUG};
use crate::output::Sink;
use crate::resolve::{ResolvedCampaign, ResolvedPage, ResolvedSite};
use strings::{StringSources, Strings};
use templates::Templates;
use view::{
    AudioView, CampaignView, ChoiceView, ContactView, LangView, LeafletItem, NavItem, PageView,
    PartnerView, ShareView, TranslationView,
};

/// A page rendered (with its weight if over budget), or the problem that
/// stopped it.
type PageOutcome = Result<Option<(String, usize)>, Diagnostic>;

/// What a build made, for the summary line.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Campaigns built.
    pub campaigns: usize,
    /// Campaign languages built (a campaign in 4 languages counts 4).
    pub languages: usize,
    /// Content pages built.
    pub pages: usize,
    /// Files written in all (pages, chooser, 404, static files, ...).
    pub files: usize,
    /// Leaflets printed (a leaflet in 4 languages counts 4).
    pub leaflets: usize,
    /// Pictures published (each in several sizes).
    pub pictures: usize,
    /// Picture sizes encoded by this build.
    pub sizes_encoded: usize,
    /// Picture sizes taken from the cache of earlier builds.
    pub sizes_reused: usize,
    /// Recordings published (pages' `audio:`).
    pub recordings: usize,
}

/// A page by (campaign, language, slug).
pub type PageKey = (String, String, String);

/// What a render writes.
#[derive(Debug, Clone, Copy)]
pub enum Selection<'a> {
    /// Every file of the site.
    Everything,
    /// Only these pages (the preview server's rebuild after an edit); the
    /// other files are as the last full render made them.
    Pages(&'a std::collections::HashSet<PageKey>),
}

/// Renders every campaign into `sink`. Content and template problems go to
/// `problems`; only a failing sink (a full disk) stops rendering early.
pub fn render_site(
    site: &ResolvedSite,
    strings: &Arc<Strings>,
    made: Made,
    sink: &dyn Sink,
    problems: &mut Vec<Diagnostic>,
) -> Result<Counts> {
    render_selected(site, strings, made, Selection::Everything, sink, problems)
}

/// What earlier stages made for the pages to show: printed leaflets and
/// pictures in their published sizes.
#[derive(Clone, Copy)]
pub struct Made<'a> {
    /// Leaflets, linked from each language's home page with their size.
    pub leaflets: &'a [PrintedLeaflet],
    /// Pictures shown in pages and link previews.
    pub pictures: &'a Pictures,
    /// Recordings that pages offer (`audio:`).
    pub recordings: &'a crate::audio::Recordings,
    /// Whether the build writes `.gz` and `.br` copies of text files (the
    /// Apache rules then send them).
    pub precompressed: bool,
}

/// [`render_site`], limited to `selection`.
pub fn render_selected(
    site: &ResolvedSite,
    strings: &Arc<Strings>,
    made: Made,
    selection: Selection,
    sink: &dyn Sink,
    problems: &mut Vec<Diagnostic>,
) -> Result<Counts> {
    let mut counts = Counts::default();
    for campaign in &site.campaigns {
        let templates = match Templates::new(&campaign.theme, strings.clone()) {
            Ok(t) => t,
            Err(found) => {
                problems.extend(found);
                continue;
            }
        };
        if matches!(selection, Selection::Everything) {
            problems.extend(missing_strings(&campaign.campaign, strings, &site.strings));
            problems.extend(unknown_strings(
                &campaign.campaign,
                &campaign.theme,
                strings,
                &site.strings,
            ));
            problems.extend(assets::unpublished_references(&campaign.theme));
        }
        let c = render_campaign(campaign, &templates, made, selection, sink, problems)?;
        counts.campaigns += 1;
        counts.languages += c.languages;
        counts.pages += c.pages;
        counts.files += c.files;
        counts.pictures += c.pictures;
        counts.recordings += c.recordings;
    }
    Ok(counts)
}

/// What every file of one campaign's output shares, worked out once per
/// campaign, with the sink the files go to.
struct CampaignOutput<'a> {
    rc: &'a ResolvedCampaign,
    campaign: &'a Campaign,
    templates: &'a Templates,
    made: Made<'a>,
    selection: Selection<'a>,
    sink: &'a dyn Sink,
    /// This campaign's printed leaflets.
    printed: Vec<&'a PrintedLeaflet>,
    /// The theme's static files as published (fingerprinted names), with
    /// the accent colour's stylesheet.
    static_files: assets::Files,
    /// Published name of each static file, for templates.
    asset_names: std::collections::BTreeMap<String, String>,
    assets_value: Value,
    /// Compressed size of the stylesheets every page loads: they count
    /// towards each page's weight.
    css_weight: usize,
    /// The page weight budget, in bytes.
    budget: usize,
}

/// What the pages of a campaign found wrong, reported after all of them.
#[derive(Default)]
struct PageProblems {
    /// Pages over the weight budget: path and compressed weight.
    heavy: Vec<(String, usize)>,
    /// Pages whose pictures are over the picture budget.
    heavy_pictures: Vec<Diagnostic>,
    /// What authors should know about pages' recordings.
    recordings: Vec<Diagnostic>,
    /// Pages that failed to render.
    failures: Vec<Diagnostic>,
}

fn render_campaign(
    rc: &ResolvedCampaign,
    templates: &Templates,
    made: Made,
    selection: Selection,
    sink: &dyn Sink,
    problems: &mut Vec<Diagnostic>,
) -> Result<Counts> {
    let out = CampaignOutput::new(rc, templates, made, selection, sink);
    let mut counts = Counts {
        languages: rc.languages.len(),
        pictures: rc.pictures_used().len(),
        ..Counts::default()
    };
    let everything = out.everything();
    if everything {
        counts.files += out.write_pictures()?;
        counts.recordings = out.write_recordings()?;
        counts.files += counts.recordings;
    }
    let mut found = PageProblems::default();
    for (lang_tag, pages) in &rc.languages {
        out.render_language(lang_tag, pages, &mut counts, &mut found)?;
    }
    problems.extend(found.into_diagnostics(out.campaign));
    counts.files += counts.pages;
    if !everything {
        return Ok(counts);
    }
    counts.files += out.render_chooser_and_404(problems)?;
    counts.files += out.write_host_files()?;
    counts.files += out.write_static_files()?;
    Ok(counts)
}

impl<'a> CampaignOutput<'a> {
    fn new(
        rc: &'a ResolvedCampaign,
        templates: &'a Templates,
        made: Made<'a>,
        selection: Selection<'a>,
        sink: &'a dyn Sink,
    ) -> CampaignOutput<'a> {
        let campaign = &rc.campaign;
        let printed = made
            .leaflets
            .iter()
            .filter(|l| l.campaign == campaign.id)
            .collect();
        let accent_css = campaign
            .accent
            .as_ref()
            .map(|accent| format!(":root{{--accent:{accent}}}\n"));
        let (static_files, asset_names) =
            assets::published(&rc.theme.static_files, accent_css.as_deref());
        let css_weight = rc
            .theme
            .static_files
            .iter()
            .find(|(path, _)| path == "style.css")
            .map_or(0, |(_, bytes)| gzip_len(bytes, SERVER_GZIP))
            + accent_css
                .as_ref()
                .map_or(0, |css| gzip_len(css.as_bytes(), SERVER_GZIP));
        CampaignOutput {
            rc,
            campaign,
            templates,
            made,
            selection,
            sink,
            printed,
            static_files,
            assets_value: Value::from_serializable(&asset_names),
            asset_names,
            css_weight,
            budget: campaign.page_budget_kb as usize * 1024,
        }
    }

    fn everything(&self) -> bool {
        matches!(self.selection, Selection::Everything)
    }

    fn is_selected(&self, lang: &str, slug: &str) -> bool {
        match self.selection {
            Selection::Everything => true,
            Selection::Pages(keys) => {
                keys.contains(&(self.campaign.id.clone(), lang.to_string(), slug.to_string()))
            }
        }
    }

    /// Writes a file at `path` inside the campaign's folder.
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<()> {
        let path = format!("{}/{path}", self.campaign.id);
        self.sink
            .put(&path, bytes)
            .with_context(|| format!("failed to write `{path}`"))
    }

    /// Every size of every picture the campaign shows. Returns the number
    /// of files written.
    fn write_pictures(&self) -> Result<usize> {
        let mut files = 0;
        for picture in self.made.pictures.of_campaign(&self.campaign.id) {
            for variant in &picture.variants {
                self.put(&Picture::output_path(variant), variant.bytes.to_vec())?;
                files += 1;
            }
        }
        Ok(files)
    }

    /// Every recording the campaign's pages offer. Returns the number of
    /// files written.
    fn write_recordings(&self) -> Result<usize> {
        let recordings = self.made.recordings.of_campaign(&self.campaign.id);
        for recording in &recordings {
            self.put(&recording.output_path(), recording.bytes.to_vec())?;
        }
        Ok(recordings.len())
    }

    /// A language's pages, leaflets, web app manifest and safety page, as
    /// far as the selection asks for them.
    fn render_language(
        &self,
        lang_tag: &str,
        pages: &[ResolvedPage],
        counts: &mut Counts,
        found: &mut PageProblems,
    ) -> Result<()> {
        let campaign = self.campaign;
        let Some(language) = campaign.language(lang_tag) else {
            return Ok(());
        };
        // A partial render skips the languages it has nothing to do in.
        if let Selection::Pages(keys) = self.selection
            && !keys
                .iter()
                .any(|(c, l, _)| *c == campaign.id && l == lang_tag)
        {
            return Ok(());
        }
        let selected: Vec<&ResolvedPage> = pages
            .iter()
            .filter(|p| self.is_selected(lang_tag, &p.page.slug))
            .collect();
        let (leaflets, leaflet_files) = self.leaflets(lang_tag)?;
        counts.files += leaflet_files;
        let shared = self.language_values(language, pages, &leaflets);
        if self.everything() {
            self.put(
                &format!("{lang_tag}/{MANIFEST}"),
                web_manifest(campaign, language, &self.asset_names).into_bytes(),
            )?;
            counts.files += 1;
        } else {
            // A page may show a picture, or offer a recording, no page
            // did before.
            for rp in &selected {
                for picture in page_pictures(rp, self.made.pictures).values() {
                    for variant in &picture.variants {
                        self.put(&Picture::output_path(variant), variant.bytes.to_vec())?;
                    }
                }
                if let Some(recording) = page_recording(&rp.page, self.made.recordings) {
                    self.put(&recording.output_path(), recording.bytes.to_vec())?;
                }
            }
        }
        found.heavy_pictures.extend(picture_weights(
            selected.iter().copied(),
            campaign,
            self.made.pictures,
        ));
        for rp in selected
            .iter()
            .filter(|rp| rp.page.origin == Origin::Written)
        {
            if let Some(recording) = page_recording(&rp.page, self.made.recordings) {
                found
                    .recordings
                    .extend(crate::audio::warnings(&rp.page, campaign, recording));
            }
        }

        let results: Vec<Result<PageOutcome>> = selected
            .par_iter()
            .map(|page| self.write_page(lang_tag, page, shared.context()))
            .collect();
        for result in results {
            match result? {
                Ok(over) => {
                    counts.pages += 1;
                    found.heavy.extend(over);
                }
                Err(d) => found.failures.push(d),
            }
        }

        // The safety page lists the language's pages too.
        if campaign.quick_exit.is_some() && self.is_selected(lang_tag, SAFETY_SLUG) {
            match render_safety_page(campaign, language, self.templates, shared.context()) {
                Ok(html) => {
                    self.put(&format!("{lang_tag}/{SAFETY_SLUG}.html"), html)?;
                    counts.files += 1;
                }
                Err(d) => found.failures.push(d),
            }
        }
        Ok(())
    }

    /// The leaflets printed in a language, for its home page; in a full
    /// render their PDFs are written too (the count is returned).
    fn leaflets(&self, lang_tag: &str) -> Result<(Vec<LeafletItem<'a>>, usize)> {
        let mut items = Vec::new();
        let mut files = 0;
        for leaflet in self.rc.leaflets.iter().filter(|l| l.text.lang == lang_tag) {
            let Some(pdf) = self
                .printed
                .iter()
                .find(|p| p.lang == lang_tag && p.id == leaflet.spec.id)
            else {
                continue;
            };
            let url = PrintedLeaflet::output_name(&leaflet.spec.id);
            if self.everything() {
                self.put(&format!("{lang_tag}/{url}"), pdf.pdf.clone())?;
                files += 1;
            }
            items.push(LeafletItem {
                id: &leaflet.spec.id,
                format: leaflet.spec.format.name(),
                title: &leaflet.text.title,
                url,
                size_kb: pdf.pdf.len().div_ceil(1024),
            });
        }
        Ok((items, files))
    }

    /// Template values every page of a language shows.
    fn language_values(
        &self,
        language: &crate::model::Language,
        pages: &[ResolvedPage],
        leaflets: &[LeafletItem],
    ) -> LanguageValues {
        let campaign = self.campaign;
        let lang_tag = language.tag.as_str();
        let nav: Vec<NavItem> = pages
            .iter()
            .map(|p| NavItem {
                slug: &p.page.slug,
                title: &p.page.title,
                url: p.page.output_name(),
                description: p.page.description.as_deref(),
            })
            .collect();
        let contacts: Vec<ContactView> = campaign
            .contacts
            .iter()
            .map(|c| ContactView::new(c, lang_tag, campaign))
            .collect();
        LanguageValues {
            campaign: Value::from_serializable(&CampaignView::new(campaign, lang_tag)),
            lang: Value::from_serializable(&LangView::from(language)),
            nav: Value::from_serializable(&nav),
            contacts: Value::from_serializable(&contacts),
            partners: Value::from_serializable(&PartnerView::all(
                campaign,
                lang_tag,
                self.made.pictures,
            )),
            leaflets: Value::from_serializable(&leaflets),
            share: Value::from_serializable(&ShareView::new(
                campaign,
                lang_tag,
                None,
                self.made.pictures,
            )),
            assets: self.assets_value.clone(),
        }
    }

    /// Renders one page and writes it; says whether it is over the weight
    /// budget.
    fn write_page(
        &self,
        lang_tag: &str,
        page: &ResolvedPage,
        mut context: Context,
    ) -> Result<PageOutcome> {
        let campaign = self.campaign;
        if let Some(country) = &page.page.country {
            // Contacts for everywhere, and those for this country.
            let local: Vec<ContactView> = campaign
                .contacts
                .iter()
                .filter(|c| c.countries.is_empty() || c.countries.contains(country))
                .map(|c| ContactView::new(c, lang_tag, campaign))
                .collect();
            context.insert("contacts", &local);
        }
        // The page's own card, where one was drawn (the preview draws none).
        if campaign.share_cards && campaign.base_url.is_some() {
            let card = crate::model::image::card_key(lang_tag, &page.page.slug);
            if self
                .made
                .pictures
                .get(&campaign.id, &card, crate::model::image::CARD_WIDTHS)
                .is_some()
            {
                let share = ShareView::new(campaign, lang_tag, Some(&card), self.made.pictures);
                context.insert("share", &share);
            }
        }
        let html = match render_page(campaign, page, self.made, self.templates, context) {
            Ok(html) => html,
            Err(d) => return Ok(Err(d)),
        };
        let path = format!("{lang_tag}/{}", page.page.output_name());
        // Compressed size can only be over budget if the raw size is. The
        // fastest level compresses pages less than the one servers use
        // (on odd text it was up to 0.7 % better), so a page it brings 2 %
        // under the budget is under it (issue 14: most pages of a big site
        // are over the budget uncompressed).
        let css = self.css_weight;
        let over = (html.len() + css > self.budget)
            && (gzip_len(&html, flate2::Compression::fast()) + css) * 50 > self.budget * 49;
        let weight = over.then(|| gzip_len(&html, SERVER_GZIP) + css);
        self.put(&path, html)?;
        let over = weight.filter(|w| *w > self.budget);
        Ok(Ok(over.map(|w| (format!("{}/{path}", campaign.id), w))))
    }

    /// The language chooser at the campaign's root and its 404 page.
    /// Template problems go to `problems`. Returns the files counted.
    fn render_chooser_and_404(&self, problems: &mut Vec<Diagnostic>) -> Result<usize> {
        let campaign = self.campaign;
        let id = &campaign.id;
        let default = campaign
            .language(&campaign.default_language)
            .context("the default language is not one of the campaign's languages")?;
        let mut context = Context::new();
        context.insert("campaign", &CampaignView::new(campaign, &default.tag));
        context.insert("lang", &LangView::from(default));
        context.insert("languages", &language_choices(campaign, false));
        context.insert_value("assets", self.assets_value.clone());
        context.insert(
            "share",
            &ShareView::new(
                campaign,
                &default.tag,
                Some(crate::model::image::CHOOSER_CARD_KEY),
                self.made.pictures,
            ),
        );
        context.insert("canonical", &campaign.base_url);
        context.insert(
            "partners",
            &PartnerView::all(campaign, &default.tag, self.made.pictures),
        );
        context.insert("root", "");
        match self.templates.render(
            "chooser.html",
            &context,
            &format!("the language chooser of `{id}`"),
        ) {
            Ok(html) => self.put("index.html", tidy::tidy(&html))?,
            Err(d) => problems.push(d),
        }

        // A host shows 404.html at any address, however deep, where relative
        // links would break: it links absolutely when `base_url` is known.
        context.insert("languages", &language_choices(campaign, true));
        context.insert("root", campaign.base_url.as_deref().unwrap_or(""));
        match self
            .templates
            .render("404.html", &context, &format!("the 404 page of `{id}`"))
        {
            Ok(html) => self.put("404.html", tidy::tidy(&html))?,
            Err(d) => problems.push(d),
        }
        Ok(2)
    }

    /// Files for search engines and hosts: `robots.txt`, `sitemap.xml`
    /// (with a `base_url`), redirects and headers for Netlify and Apache,
    /// and `.nojekyll` for GitHub Pages. Returns the files written.
    fn write_host_files(&self) -> Result<usize> {
        let campaign = self.campaign;
        let mut files = 0;
        let mut robots = String::from("User-agent: *\nAllow: /\n");
        if let Some(base) = &campaign.base_url {
            robots.push_str(&format!("Sitemap: {base}sitemap.xml\n"));
            self.put("sitemap.xml", sitemap::sitemap(self.rc, base).into_bytes())?;
            files += 1;
        }
        let host_files = [
            ("robots.txt", robots),
            ("_redirects", host::netlify_redirects(campaign)),
            (
                ".htaccess",
                host::apache_htaccess(campaign, self.made.precompressed),
            ),
            ("_headers", host::netlify_headers()),
            // GitHub Pages: publish the folder as it is, without Jekyll.
            (".nojekyll", String::new()),
        ];
        for (name, text) in host_files {
            self.put(name, text.into_bytes())?;
            files += 1;
        }
        Ok(files)
    }

    /// The theme's static files, written last. Returns the files written.
    fn write_static_files(mut self) -> Result<usize> {
        let files = std::mem::take(&mut self.static_files);
        let count = files.len();
        for (path, bytes) in files {
            self.put(&path, bytes)?;
        }
        Ok(count)
    }
}

/// Template values shared by every page of a language, built once:
/// tera's arrays and maps are reference-counted, so each page's context
/// only clones pointers.
struct LanguageValues {
    campaign: Value,
    lang: Value,
    nav: Value,
    contacts: Value,
    partners: Value,
    leaflets: Value,
    share: Value,
    assets: Value,
}

impl LanguageValues {
    /// A fresh context holding the shared values.
    fn context(&self) -> Context {
        let mut context = Context::new();
        context.insert_value("campaign", self.campaign.clone());
        context.insert_value("lang", self.lang.clone());
        context.insert_value("nav", self.nav.clone());
        context.insert_value("contacts", self.contacts.clone());
        context.insert_value("partners", self.partners.clone());
        context.insert_value("leaflets", self.leaflets.clone());
        context.insert_value("share", self.share.clone());
        context.insert_value("assets", self.assets.clone());
        context
    }
}

impl PageProblems {
    fn into_diagnostics(self, campaign: &Campaign) -> Vec<Diagnostic> {
        let mut found: Vec<Diagnostic> = self
            .heavy
            .into_iter()
            .map(|(path, weight)| {
                Diagnostic::in_file(
                    &campaign.source.path,
                    Severity::Warning,
                    format!(
                        "`{path}` weighs {:.1} KB compressed (HTML and CSS), over the budget of {} KB: it loads slowly on 2G",
                        weight as f64 / 1024.0,
                        campaign.page_budget_kb
                    ),
                )
                .with_help("split the page, or raise `page_budget_kb` in the campaign file")
            })
            .collect();
        found.extend(self.heavy_pictures);
        found.extend(self.recordings);
        found.extend(collapse_repeats(self.failures));
        found
    }
}

/// The language chooser's entries, each linking to a language's home
/// page: relative, or `absolute` (for the 404 page) when `base_url` is
/// known.
fn language_choices(campaign: &Campaign, absolute: bool) -> Vec<ChoiceView<'_>> {
    campaign
        .languages
        .iter()
        .map(|l| {
            let url = format!("{}/index.html", l.tag);
            let href = absolute_url(campaign, &url).unwrap_or_else(|| url.clone());
            let view = CampaignView::new(campaign, &l.tag);
            ChoiceView {
                lang: LangView::from(l),
                url: if absolute { href.clone() } else { url },
                href,
                title: view.title,
                description: view.description,
            }
        })
        .collect()
}

/// File name of each language's web app manifest, in its folder.
pub const MANIFEST: &str = "manifest.webmanifest";

/// A minimal web app manifest for a language: name, language, icons.
/// `display: browser` keeps the browser's own buttons (and the quick exit
/// as on any page) if a reader adds the site to their home screen.
fn web_manifest(
    campaign: &Campaign,
    language: &crate::model::Language,
    assets: &std::collections::BTreeMap<String, String>,
) -> String {
    let view = CampaignView::new(campaign, &language.tag);
    let icons: Vec<serde_json::Value> = [("icon-192.png", "192x192"), ("icon-512.png", "512x512")]
        .iter()
        .filter_map(|(name, sizes)| {
            assets.get(*name).map(|path| {
                serde_json::json!({ "src": format!("../{path}"), "sizes": sizes, "type": "image/png" })
            })
        })
        .collect();
    let manifest = serde_json::json!({
        "name": view.title,
        "short_name": view.title,
        "description": view.description,
        "lang": language.tag,
        "dir": language.dir.as_str(),
        "start_url": "index.html",
        "scope": "../",
        "display": "browser",
        "background_color": "#ffffff",
        "theme_color": campaign.accent.as_deref().unwrap_or(crate::model::color::DEFAULT_ACCENT),
        "icons": icons,
    });
    serde_json::to_string_pretty(&manifest).unwrap_or_default()
}

/// The pictures a page shows, by destination as written.
fn page_pictures(rp: &ResolvedPage, pictures: &Pictures) -> HashMap<String, Arc<Picture>> {
    rp.images
        .iter()
        .filter_map(|(dest, key)| {
            pictures
                .get(&rp.page.campaign, key, PAGE_WIDTHS)
                .map(|p| (dest.clone(), p.clone()))
        })
        .collect()
}

/// The recording a page offers, if it has one and it was made.
fn page_recording<'a>(
    page: &crate::model::Page,
    recordings: &'a crate::audio::Recordings,
) -> Option<&'a crate::audio::Recording> {
    let audio = page.audio.as_ref()?;
    recordings
        .get(&page.campaign, &audio.key)
        .map(|r| r.as_ref())
}

/// A warning for each page (as written by its author) whose pictures,
/// in the size a phone downloads, weigh more than the campaign's budget.
fn picture_weights<'a>(
    pages: impl Iterator<Item = &'a ResolvedPage>,
    campaign: &Campaign,
    pictures: &Pictures,
) -> Vec<Diagnostic> {
    let budget = campaign.image_budget_kb as usize * 1024;
    let mut found = Vec::new();
    for rp in pages.filter(|rp| rp.page.origin == Origin::Written) {
        let mut keys: Vec<&String> = rp.images.values().collect();
        keys.sort();
        keys.dedup();
        let weight: usize = keys
            .iter()
            .filter_map(|key| pictures.get(&campaign.id, key, PAGE_WIDTHS))
            .map(|p| p.default_variant().bytes.len())
            .sum();
        if weight > budget {
            found.push(
                Diagnostic::in_file(
                    &rp.page.source.path,
                    Severity::Warning,
                    format!(
                        "the pictures on this page weigh {} KB (in the size a phone downloads), over the budget of {} KB: on 2G they take about {} seconds",
                        weight.div_ceil(1024),
                        campaign.image_budget_kb,
                        // 2G (EDGE) carries about 40 kbit/s in practice.
                        weight * 8 / 40_000
                    ),
                )
                .with_help("show fewer pictures, crop them, or raise `image_budget_kb` in the campaign file"),
            );
        }
    }
    found
}

fn render_page(
    campaign: &Campaign,
    rp: &ResolvedPage,
    made: Made,
    templates: &Templates,
    mut context: Context,
) -> Result<Vec<u8>, Diagnostic> {
    let page = &rp.page;
    let rendering = markdown::Rendering::of(page, campaign);
    let shown = page_pictures(rp, made.pictures);
    let content = match &page.draft {
        Some(draft) if draft.rendering == rendering => {
            draft.fill(&rp.links, &shown).map_err(|err| {
                Diagnostic::in_file(
                    &page.source.path,
                    Severity::Error,
                    format!("cannot read this page back from the build's temporary file: {err}"),
                )
                .with_help("build again; if it happens again, check that the disk is not full")
            })?
        }
        _ => {
            let body = page.read_body()?;
            markdown::to_html(
                &body,
                &rp.links,
                &shown,
                rendering.allow_raw_html,
                rendering.script,
            )
        }
    };
    let own_url = page.output_name();
    let translations = translation_views(campaign, &rp.translations, &page.lang, &own_url);
    // Most pages exist in every language, and then both lists are one.
    let own_alternates = (rp.alternates != rp.translations)
        .then(|| translation_views(campaign, &rp.alternates, &page.lang, &own_url));
    let alternates = own_alternates.as_ref().unwrap_or(&translations);
    let x_default = (alternates.len() > 1)
        .then(|| {
            alternates
                .iter()
                .find(|t| t.lang.tag == campaign.default_language)
        })
        .flatten()
        .map(|t| t.href.clone());
    let translations_value = Value::from_serializable(&translations);
    let alternates_value = match &own_alternates {
        Some(views) => Value::from_serializable(views),
        None => translations_value.clone(),
    };
    // An untranslated page shown in the reader's language: its text keeps
    // its own language, and search engines are sent to the original.
    let fallback = match &page.origin {
        Origin::Untranslated { from } => campaign.language(from),
        _ => None,
    };
    let canonical_lang = fallback.map_or(page.lang.as_str(), |l| l.tag.as_str());
    let mut view = PageView {
        slug: &page.slug,
        title: &page.title,
        description: page.description.as_deref(),
        content: &CONTENT_MARKER,
        url: own_url.clone(),
        canonical: absolute_url(campaign, &format!("{canonical_lang}/{own_url}")),
        is_home: page.is_home(),
        review: page.review.as_deref(),
        fallback: fallback.map(LangView::from),
        audio: page_recording(page, made.recordings)
            .map(|r| AudioView::new(r, &page.lang, campaign.native_digits)),
    };
    context.insert_value("translations", translations_value);
    context.insert_value("alternates", alternates_value);
    context.insert("x_default", &x_default);
    context.insert("root", "../");
    let template = if page.is_home() {
        "home.html"
    } else {
        "page.html"
    };
    let while_building = format!("`{}`", crate::diag::shown(&page.source.path));

    // The body is the author's, written by pulldown-cmark: tidying is for
    // the theme's whitespace. So the template is rendered with a marker
    // where the body goes, tidied, and the body put in place of the
    // marker. A theme that does more with `page.content` than print it (a
    // filter, say) gets its page rendered with the body and tidied whole.
    if templates.prints_content_verbatim {
        context.insert("page", &view);
        let shell = tidy::tidy(&templates.render(template, &context, &while_building)?);
        if let Some(html) = splice_once(&shell, CONTENT_MARKER.as_bytes(), content.as_bytes()) {
            return Ok(html);
        }
    }
    view.content = &content;
    context.insert("page", &view);
    Ok(tidy::tidy(&templates.render(
        template,
        &context,
        &while_building,
    )?))
}

/// Stands for a page's body in its template until after tidying: text
/// that tidying keeps, with a number drawn anew for every run, so that
/// no author text can contain it. (A fixed marker written in a title put
/// the body inside `<title>` and `<meta content>`: issue 13.)
static CONTENT_MARKER: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    use std::hash::BuildHasher;
    let random = std::collections::hash_map::RandomState::new();
    let (a, b) = (random.hash_one(1u8), random.hash_one(2u8));
    format!("\u{f8ff}outreach:{a:016x}{b:016x}\u{f8ff}")
});

/// `shell` with its one `marker` replaced by `body`; `None` unless the
/// marker appears exactly once, where the template prints the body.
fn splice_once(shell: &[u8], marker: &[u8], body: &[u8]) -> Option<Vec<u8>> {
    let at = memchr::memmem::find(shell, marker)?;
    let rest = &shell[at + marker.len()..];
    if memchr::memmem::find(rest, marker).is_some() {
        return None;
    }
    let mut out = Vec::with_capacity(shell.len() + body.len());
    out.extend_from_slice(&shell[..at]);
    out.extend_from_slice(body);
    out.extend_from_slice(rest);
    Some(out)
}

/// A warning for each interface string a campaign language lacks (readers
/// then get it in a fallback language), or one for a language with no
/// strings at all.
fn missing_strings(
    campaign: &Campaign,
    strings: &Strings,
    sources: &StringSources,
) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for language in &campaign.languages {
        let tag = &language.tag;
        let has_file = sources.languages.contains_key(tag)
            || sources
                .campaigns
                .contains_key(&(campaign.id.clone(), tag.clone()));
        if !has_file {
            found.push(
                Diagnostic::in_file(
                    &campaign.source.path,
                    Severity::Warning,
                    format!("there are no interface strings for `{tag}`: its readers see buttons and labels in another language"),
                )
                .with_help(format!("run `outreach theme copy i18n/en.ftl`, rename the copy to `i18n/{tag}.ftl` and translate it")),
            );
            continue;
        }
        let path = sources
            .campaigns
            .get(&(campaign.id.clone(), tag.clone()))
            .or_else(|| sources.languages.get(tag).and_then(|files| files.last()))
            .map(|f| f.path.clone())
            .unwrap_or_default();
        // Never a file the author cannot see: a built-in file's gap is said
        // on the campaign file, with the file to create (issue 18).
        let (path, help) = if path.starts_with("(built-in)") {
            (
                campaign.source.path.clone(),
                format!(
                    "add a line `KEY = ...` in `{tag}` to `i18n/{tag}.ftl` in your project (create the file if it is not there)"
                ),
            )
        } else {
            (
                path,
                "add a line `KEY = ...` in the language of this file".to_string(),
            )
        };
        for key in strings.reference_keys() {
            if !strings.has_own(&campaign.id, tag, key) {
                found.push(
                    Diagnostic::in_file(
                        &path,
                        Severity::Warning,
                        format!("the interface string `{key}` is missing for `{tag}`: readers see it in a fallback language"),
                    )
                    .with_help(help.replace("KEY", key)),
                );
            }
        }
    }
    found
}

/// An error for each string a project's Fluent file sets that no template
/// uses: a guessed name (`leave-site`) would otherwise change nothing, in
/// silence (issue 18).
fn unknown_strings(
    campaign: &Campaign,
    theme: &crate::model::Theme,
    strings: &Strings,
    sources: &StringSources,
) -> Vec<Diagnostic> {
    let known = |id: &str| {
        strings.reference_keys().iter().any(|k| k == id)
            || theme
                .templates
                .iter()
                .chain(&theme.leaflets)
                .any(|(_, t)| t.text().contains(&format!("\"{id}\"")))
    };
    let mut found = Vec::new();
    let own_files = campaign.languages.iter().flat_map(|l| {
        let project = sources
            .languages
            .get(&l.tag)
            .into_iter()
            .flatten()
            .filter(|f| !f.path.starts_with("(built-in)"));
        let for_campaign = sources.campaigns.get(&(campaign.id.clone(), l.tag.clone()));
        project.chain(for_campaign)
    });
    for file in own_files {
        let mut offset = 0;
        for line in file.text().split_inclusive('\n') {
            let at = offset;
            offset += line.len();
            let Some((id, _)) = line.split_once('=') else {
                continue;
            };
            let id = id.trim_end();
            let is_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if !is_id || known(id) {
                continue;
            }
            let mut d = file.at(
                at,
                Severity::Error,
                format!("there is no interface string `{id}`: this line changes nothing"),
            );
            // Only a near spelling: names that merely start alike
            // (`leave-site`, `leaflet-online`) mean different things.
            let near =
                crate::diag::did_you_mean(id, strings.reference_keys().iter().map(String::as_str))
                    .filter(|near| strsim::normalized_levenshtein(id, near) >= 0.7);
            d = match near {
                Some(near) => d.with_help(format!(
                    "did you mean `{near}`? `outreach theme list` shows every name"
                )),
                None => d.with_help("`outreach theme list` shows every name with its English text"),
            };
            found.push(d);
        }
    }
    found
}

/// One template mistake fails every page that uses the template: report it
/// once, saying how many other pages hit it.
fn collapse_repeats(failures: Vec<Diagnostic>) -> Vec<Diagnostic> {
    let mut kept: Vec<(Diagnostic, usize)> = Vec::new();
    for d in failures {
        let same = |k: &(Diagnostic, usize)| {
            (&k.0.path, k.0.line, k.0.col, &k.0.message) == (&d.path, d.line, d.col, &d.message)
        };
        match kept.iter_mut().find(|k| same(k)) {
            Some(k) => k.1 += 1,
            None => kept.push((d, 0)),
        }
    }
    kept.into_iter()
        .map(|(mut d, others)| {
            if others > 0
                && let Some(help) = &mut d.help
            {
                help.push_str(&format!(
                    " and {others} other {}",
                    if others == 1 { "page" } else { "pages" }
                ));
            }
            d
        })
        .collect()
}

/// The "Staying safe online" page of a language: what the quick exit
/// does and does not hide. Its text is interface strings, so it exists in
/// every language the theme has strings for.
fn render_safety_page(
    campaign: &Campaign,
    language: &crate::model::Language,
    templates: &Templates,
    mut context: Context,
) -> Result<Vec<u8>, Diagnostic> {
    let url = format!("{SAFETY_SLUG}.html");
    let all: Vec<String> = campaign.languages.iter().map(|l| l.tag.clone()).collect();
    let translations = translation_views(campaign, &all, &language.tag, &url);
    // The title is an interface string: the template writes it with `t()`.
    let view = PageView {
        slug: SAFETY_SLUG,
        title: "",
        description: None,
        content: "",
        url: url.clone(),
        canonical: absolute_url(campaign, &format!("{}/{url}", language.tag)),
        is_home: false,
        review: None,
        fallback: None,
        audio: None,
    };
    context.insert("page", &view);
    context.insert("translations", &translations);
    context.insert("alternates", &translations);
    context.insert(
        "x_default",
        &absolute_url(campaign, &format!("{}/{url}", campaign.default_language)),
    );
    context.insert("root", "../");
    let html = templates.render(
        "safety.html",
        &context,
        &format!("the safety page in `{}`", language.tag),
    )?;
    Ok(tidy::tidy(&html))
}

/// The language switcher's entries for a page `file` that exists in the
/// languages `tags`, seen from the page in `current`.
fn translation_views<'a>(
    campaign: &'a Campaign,
    tags: &[String],
    current: &str,
    file: &str,
) -> Vec<TranslationView<'a>> {
    tags.iter()
        .filter_map(|tag| campaign.language(tag))
        .map(|l| {
            let url = if l.tag == current {
                file.to_string()
            } else {
                format!("../{}/{file}", l.tag)
            };
            let href =
                absolute_url(campaign, &format!("{}/{file}", l.tag)).unwrap_or_else(|| url.clone());
            TranslationView {
                lang: LangView::from(l),
                url,
                href,
                current: l.tag == current,
            }
        })
        .collect()
}

/// How web servers compress pages: gzip level 6, which page weights are
/// measured with.
const SERVER_GZIP: flate2::Compression = flate2::Compression::new(6);

/// Size of `bytes` compressed with gzip at `level`.
pub fn gzip_len(bytes: &[u8], level: flate2::Compression) -> usize {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), level);
    let _ = encoder.write_all(bytes);
    encoder.finish().map_or(bytes.len(), |v| v.len())
}

/// `base_url` + `path`, when the campaign has a `base_url`.
pub fn absolute_url(campaign: &Campaign, path: &str) -> Option<String> {
    campaign
        .base_url
        .as_ref()
        .map(|base| format!("{base}{path}"))
}

//! Rebuilding after an edit. A change to one page re-reads that page,
//! checks links across the site again (reusing every other page's parsed
//! Markdown) and renders only the pages that show something of it: the
//! page itself, its Latin Serbian copy, its untranslated copies, and, when
//! its title, description or order changed, every page of its language
//! (their navigation lists it). Anything else — campaign files, themes,
//! interface strings, leaflets, a page added or deleted — rebuilds all.

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::audio::Recordings;
use crate::diag::{Diagnostic, Diagnostics, Result};
use crate::images::{Cache, Pictures};
use crate::model::Site;
use crate::model::campaign::Fallback;
use crate::model::leaflet::PrintedLeaflet;
use crate::model::page::SAFETY_SLUG;
use crate::output::MemorySink;
use crate::render::strings::Strings;
use crate::render::{Counts, Made, PageKey, Selection};
use crate::resolve::ScanCache;
use crate::{audio, images, load, print, render, resolve};

/// Built files by path. Values are shared so that a rebuild copies the map,
/// not the files.
pub type Files = BTreeMap<String, Arc<Vec<u8>>>;

/// What the last successful build knew, to rebuild from.
pub struct State {
    site: Site,
    scans: ScanCache,
    strings: Arc<Strings>,
    leaflets: Vec<PrintedLeaflet>,
    pictures: Pictures,
    recordings: Recordings,
    cache: Cache,
}

/// The result of a rebuild.
pub struct Outcome {
    /// The files, when the build succeeded.
    pub files: Option<Files>,
    /// Every problem found.
    pub diags: Diagnostics,
    /// What was built.
    pub counts: Counts,
    /// Whether only some pages were rendered.
    pub partial: bool,
}

/// Builds everything, keeping what a later partial rebuild needs.
pub fn full(root: &Path, campaign: Option<&str>) -> Result<(Outcome, Option<State>)> {
    let mut diags = Diagnostics::new();
    let site = load::load_site(
        root,
        campaign,
        load::PageText::Budget(load::build_text_mb()?),
        &mut diags,
    )?;
    let mut scans = ScanCache::default();
    let mut problems = Vec::new();
    let resolved = resolve::resolve_with(site.clone(), Some(&mut scans), &mut problems);
    let mut pictures = Pictures::default();
    let cache = Cache::in_project(root);
    images::prepare(
        resolved.pictures_used(),
        &mut pictures,
        &cache,
        &mut problems,
    );
    let mut recordings = Recordings::default();
    audio::prepare(resolved.recordings_used(), &mut recordings, &mut problems);
    diags.extend(problems);
    if diags.has_errors() {
        return Ok((failed(diags), None));
    }
    let mut problems = Vec::new();
    let strings = Arc::new(Strings::parse(&resolved.strings, &mut problems));
    let leaflets = print::print_site(&resolved, &strings, &pictures, &mut problems);
    print::card::draw(
        &resolved,
        &|_, _, _| true,
        &mut pictures,
        &cache,
        &mut problems,
    );
    let sink = MemorySink::default();
    let made = Made {
        leaflets: &leaflets,
        pictures: &pictures,
        recordings: &recordings,
        precompressed: false,
    };
    let mut counts = render::render_site(&resolved, &strings, made, &sink, &mut problems)?;
    counts.leaflets = leaflets.len();
    diags.extend(problems);
    if diags.has_errors() {
        return Ok((failed(diags), None));
    }
    let files = sink
        .into_files()
        .into_iter()
        .map(|(k, v)| (k, Arc::new(v)))
        .collect();
    let state = State {
        site,
        scans,
        strings,
        leaflets,
        pictures,
        recordings,
        cache,
    };
    let outcome = Outcome {
        files: Some(files),
        diags,
        counts,
        partial: false,
    };
    Ok((outcome, Some(state)))
}

fn failed(diags: Diagnostics) -> Outcome {
    Outcome {
        files: None,
        diags,
        counts: Counts::default(),
        partial: false,
    }
}

/// The page an edited file is, when the edit can be rebuilt alone:
/// (campaign, language, slug) of an existing page.
fn edited_page(root: &Path, path: &Path, site: &Site) -> Option<PageKey> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| match c {
            Component::Normal(p) => p.to_str(),
            _ => None,
        })
        .collect::<Option<_>>()?;
    let ["content", campaign, lang, name] = parts.as_slice() else {
        return None;
    };
    let slug = name.strip_suffix(".md")?;
    site.pages
        .iter()
        .any(|p| p.campaign == *campaign && p.lang == *lang && p.slug == slug)
        .then(|| (campaign.to_string(), lang.to_string(), slug.to_string()))
}

/// Rebuilds after `changed` files. `None` means "build everything": the
/// change is not one page's, or the page cannot be rebuilt alone.
pub fn partial(
    root: &Path,
    state: &mut State,
    files: &Files,
    changed: &[PathBuf],
) -> Result<Option<Outcome>> {
    let mut edited = Vec::new();
    for path in changed {
        match edited_page(root, path, &state.site) {
            Some(key) => edited.push(key),
            None => return Ok(None),
        }
    }
    let mut site = state.site.clone();
    let mut keys: HashSet<PageKey> = HashSet::new();
    for (campaign_id, lang, slug) in &edited {
        let Some(campaign) = site.campaigns.get(campaign_id) else {
            return Ok(None);
        };
        // A page that no longer reads, or became a draft, is a change to the
        // site's shape: the full build reports and handles it.
        let Ok(Some(page)) = load::content::reload_page(root, campaign, lang, slug) else {
            return Ok(None);
        };
        let Some(index) = site
            .pages
            .iter()
            .position(|p| &p.campaign == campaign_id && &p.lang == lang && &p.slug == slug)
        else {
            return Ok(None);
        };
        let old = std::mem::replace(&mut site.pages[index], page);
        let new = &site.pages[index];
        let listed_differently = old.title != new.title
            || old.description != new.description
            || old.weight != new.weight;
        // Languages that show this page's text.
        let mut langs = vec![lang.clone()];
        if lang == "sr" && campaign.language("sr-Latn").is_some() {
            langs.push("sr-Latn".to_string());
        }
        if lang == &campaign.default_language && campaign.fallback == Fallback::Show {
            langs.extend(campaign.languages.iter().map(|l| l.tag.clone()));
        }
        for l in langs {
            if listed_differently {
                keys.insert((campaign_id.clone(), l, String::new()));
            } else {
                keys.insert((campaign_id.clone(), l, slug.clone()));
            }
        }
    }

    let mut diags = Diagnostics::new();
    let mut problems = Vec::new();
    let resolved = resolve::resolve_with(site.clone(), Some(&mut state.scans), &mut problems);
    diags.extend(problems);
    if diags.has_errors() {
        return Ok(Some(failed(diags)));
    }
    // An empty slug stands for every page of that language.
    let mut selected: HashSet<PageKey> = HashSet::new();
    for rc in &resolved.campaigns {
        for (lang, pages) in &rc.languages {
            let whole = keys.contains(&(rc.campaign.id.clone(), lang.clone(), String::new()));
            if whole {
                // The built-in safety page has the navigation too.
                selected.insert((
                    rc.campaign.id.clone(),
                    lang.clone(),
                    SAFETY_SLUG.to_string(),
                ));
            }
            for rp in pages {
                let key = (rc.campaign.id.clone(), lang.clone(), rp.page.slug.clone());
                if whole || keys.contains(&key) {
                    selected.insert(key);
                }
            }
        }
    }
    let mut problems: Vec<Diagnostic> = Vec::new();
    // A page may now show a picture, or offer a recording, that no page
    // did before.
    images::prepare(
        resolved.pictures_used(),
        &mut state.pictures,
        &state.cache,
        &mut problems,
    );
    // The cards of the pages built again (a title may have changed).
    let wanted = |campaign: &str, lang: &str, slug: &str| {
        selected.contains(&(campaign.to_string(), lang.to_string(), slug.to_string()))
    };
    print::card::draw(
        &resolved,
        &wanted,
        &mut state.pictures,
        &state.cache,
        &mut problems,
    );
    audio::prepare(
        resolved.recordings_used(),
        &mut state.recordings,
        &mut problems,
    );
    let sink = MemorySink::default();
    let made = Made {
        leaflets: &state.leaflets,
        pictures: &state.pictures,
        recordings: &state.recordings,
        precompressed: false,
    };
    let counts = render::render_selected(
        &resolved,
        &state.strings,
        made,
        Selection::Pages(&selected),
        &sink,
        &mut problems,
    )?;
    diags.extend(problems);
    if diags.has_errors() {
        return Ok(Some(failed(diags)));
    }
    let mut files = files.clone();
    for (path, bytes) in sink.into_files() {
        files.insert(path, Arc::new(bytes));
    }
    state.site = site;
    Ok(Some(Outcome {
        files: Some(files),
        diags,
        counts,
        partial: true,
    }))
}

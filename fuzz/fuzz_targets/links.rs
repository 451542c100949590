//! Link resolution: a few pages of one campaign → `resolve::resolve` (the
//! public entry: script variants, untranslated copies, `links::check_page`
//! for every page) → `markdown::to_html` with the rewritten links.
//!
//! Input: up to 12 pages separated by NUL bytes; each starts with a line
//! `<lang>/<slug>` (`en`, `sr` or `ar`; `sr-Latn` pages are made from the
//! `sr` ones) followed by the page file. An optional first byte below 0x08
//! picks the options (bit 0: raw HTML allowed; bit 1: untranslated pages
//! shown, `fallback: show`). `en/draft` and `sr/draft` are drafts,
//! `en/broken` could not be read; the campaign has three pictures.
//!
//! Checked: every rewritten link comes from the page, leads to a page that
//! exists (and to a heading it has), in the form `slug.html` or
//! `../lang/slug.html`; every picture kept exists. When no problem is an
//! error, every link between pages was rewritten and the published HTML
//! links to nothing that can run code (`javascript:`, `data:`).

#![no_main]

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use libfuzzer_sys::fuzz_target;
use outreach::diag::{Severity, SourceFile};
use outreach::images::{Picture, Variant};
use outreach::load::{campaigns, content};
use outreach::model::campaign::Fallback;
use outreach::model::image::ImageFile;
use outreach::model::page::Origin;
use outreach::model::{Campaign, Site, Theme};
use outreach::render::markdown;
use outreach::resolve::{self, links, translit};
use outreach_fuzz::{
    browser_scheme, check_diagnostic, check_markdown_only_html, options_and_text, page, tags,
};

const CAMPAIGN: &str = "title:\n  en: Demo\n  sr: Демо\n  ar: عرض\ndescription:\n  en: D\n  sr: Д\n  ar: د\nlanguages: [en, sr, sr-Latn, ar]\ndefault_language: en\n";

const IMAGES: &[&str] = &["images/checklist.png", "images/road.jpg", "en/pic.jpg"];

fn campaign() -> &'static Campaign {
    static CAMPAIGN_PARSED: OnceLock<Campaign> = OnceLock::new();
    CAMPAIGN_PARSED.get_or_init(|| {
        // One thread for `resolve`'s parallel loops: the fuzzer runs one
        // input at a time, and the machine is shared.
        let _ = rayon::ThreadPoolBuilder::new()
            .num_threads(1)
            .build_global();
        let (campaign, problems) =
            campaigns::parse("demo", SourceFile::new("campaigns/demo.yaml", CAMPAIGN));
        campaign.unwrap_or_else(|| panic!("{problems:?}"))
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((options, text)) = options_and_text(data) else {
        return;
    };
    let mut campaign = campaign().clone();
    campaign.allow_raw_html = options & 1 != 0;
    campaign.fallback = if options & 2 != 0 {
        Fallback::Show
    } else {
        Fallback::Omit
    };

    let mut pages = Vec::new();
    let mut seen = HashSet::new();
    for chunk in text.split('\0').take(12) {
        let (header, file) = chunk.split_once('\n').unwrap_or((chunk, ""));
        let Some((lang, slug)) = header.trim().split_once('/') else {
            continue;
        };
        if !matches!(lang, "en" | "sr" | "ar")
            || content::check_slug(slug).is_err()
            || matches!(slug, "draft" | "broken")
            || !seen.insert((lang.to_string(), slug.to_string()))
        {
            continue;
        }
        pages.extend(page("demo", lang, slug, file, Origin::Written));
    }
    if pages.is_empty() {
        return;
    }
    let images: BTreeMap<(String, String), ImageFile> = IMAGES
        .iter()
        .map(|key| {
            let file = ImageFile {
                campaign: "demo".into(),
                key: key.to_string(),
                shown: PathBuf::from(format!("content/demo/{key}")),
                path: PathBuf::from(format!("/nonexistent/content/demo/{key}")),
            };
            (("demo".to_string(), key.to_string()), file)
        })
        .collect();
    let site = Site {
        campaigns: BTreeMap::from([("demo".to_string(), campaign.clone())]),
        pages,
        leaflet_texts: Vec::new(),
        unreadable_pages: BTreeSet::from(["demo/en/broken".to_string()]),
        draft_pages: BTreeSet::from(["demo/en/draft".to_string(), "demo/sr/draft".to_string()]),
        themes: BTreeMap::from([(
            "default".to_string(),
            Theme {
                name: "default".into(),
                ..Theme::default()
            },
        )]),
        strings: Default::default(),
        images,
    };
    let mut problems = Vec::new();
    let resolved = resolve::resolve(site, &mut problems);
    let errors = problems.iter().any(|p| p.severity == Severity::Error);
    assert_eq!(resolved.campaigns.len(), 1);
    let resolved_campaign = &resolved.campaigns[0];

    // Heading ids of every published page, by (lang, slug).
    let mut ids: HashMap<(String, String), Vec<String>> = HashMap::new();
    for (lang, pages) in &resolved_campaign.languages {
        for rp in pages {
            assert_eq!(&rp.page.lang, lang);
            let scan = markdown::scan(rp.page.body(), None);
            let all = scan
                .heading_ids
                .into_iter()
                .chain(scan.duplicate_ids.into_iter().map(|(_, id)| id))
                .collect();
            ids.insert((lang.clone(), rp.page.slug.clone()), all);
        }
    }
    for problem in &problems {
        let source = resolved_campaign
            .languages
            .iter()
            .flat_map(|(_, pages)| pages)
            .map(|rp| &rp.page.source)
            .find(|s| Some(&s.path) == problem.path.as_ref());
        if let Some(source) = source {
            check_diagnostic(problem, source);
        } else {
            let _ = problem.to_string();
        }
    }

    for (lang, pages) in &resolved_campaign.languages {
        for rp in pages {
            let page = &rp.page;
            let scan = markdown::scan(page.body(), None);
            let written: HashSet<&str> = scan.links.iter().map(|(_, d)| d.as_str()).collect();
            for (dest, href) in rp.links.iter() {
                assert!(
                    written.contains(dest.as_str()),
                    "`{dest}` rewritten but not in the page"
                );
                let (path, fragment) = match href.split_once('#') {
                    Some((p, f)) => (p, Some(f)),
                    None => (href.as_str(), None),
                };
                let (target_lang, file) = match path.strip_prefix("../") {
                    Some(rest) => {
                        let (l, f) = rest
                            .split_once('/')
                            .unwrap_or_else(|| panic!("`{dest}` → `{href}`"));
                        assert_ne!(l, lang, "`{dest}` → `{href}` leaves and comes back");
                        (l, f)
                    }
                    None => (lang.as_str(), path),
                };
                let slug = file
                    .strip_suffix(".html")
                    .unwrap_or_else(|| panic!("`{dest}` → `{href}`"));
                assert!(!slug.contains('/'), "`{dest}` → `{href}`");
                let target = ids
                    .get(&(target_lang.to_string(), slug.to_string()))
                    .unwrap_or_else(|| {
                        panic!(
                            "`{dest}` in {lang}/{} → `{href}`, which is not published",
                            page.slug
                        )
                    });
                if let Some(fragment) = fragment {
                    assert!(
                        target.iter().any(|id| id == fragment),
                        "`{dest}` → `{href}`: no such heading in {target_lang}/{slug}"
                    );
                }
            }
            for (dest, key) in rp.images.iter() {
                assert!(scan.images.iter().any(|i| &i.dest == dest));
                assert!(IMAGES.contains(&key.as_str()), "picture `{dest}` → `{key}`");
            }
            if errors {
                continue;
            }
            // No errors: every link between pages was rewritten.
            for (_, dest) in &scan.links {
                let path = dest.split('#').next().unwrap_or_default();
                let between_pages = !dest.is_empty()
                    && !path.is_empty()
                    && !links::is_external(dest)
                    && !dest.starts_with('/')
                    && !path.ends_with("broken.md");
                assert!(
                    !between_pages || rp.links.contains_key(dest),
                    "`{dest}` in {lang}/{} was accepted but not rewritten",
                    page.slug
                );
            }
            let picture = Arc::new(Picture {
                variants: vec![Variant {
                    width: 640,
                    height: 480,
                    name: "photo-640.png".into(),
                    bytes: Arc::new(Vec::new()),
                }],
            });
            let pictures = rp
                .images
                .keys()
                .map(|dest| (dest.clone(), picture.clone()))
                .collect();
            let html = markdown::to_html(
                page.body(),
                &rp.links,
                &pictures,
                campaign.allow_raw_html,
                translit::script_for(page),
            );
            if campaign.allow_raw_html {
                continue;
            }
            check_markdown_only_html(&html);
            for tag in tags(&html) {
                for (attr, value) in &tag.attributes {
                    if matches!(*attr, "href" | "src")
                        && let Some(scheme) = browser_scheme(value)
                    {
                        assert!(
                            links::SAFE_SCHEMES.contains(&scheme.as_str()),
                            "{attr}=\"{value}\" published in {lang}/{} without an error",
                            page.slug
                        );
                    }
                }
            }
        }
    }
});

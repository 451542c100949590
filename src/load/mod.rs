//! The only stage that reads a project's sources: campaigns, pages, themes
//! and interface strings become a [`Site`] of plain, checked data.
//!
//! Problems in the sources are collected (a bad page is left out and
//! reported) so that one run shows the author everything to fix.

pub mod campaigns;
pub mod content;
pub mod files;
pub mod front_matter;
pub mod theme;
pub mod yaml;

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, bail};

use crate::diag::{Diagnostic, Diagnostics, Result, Severity};
use crate::model::{Campaign, Site};

/// How many megabytes of page text a build holds in memory
/// ([`content::TextBudget`]): `OUTREACH_TEXT_MB`, or the default.
pub fn build_text_mb() -> Result<usize> {
    match std::env::var("OUTREACH_TEXT_MB") {
        Err(_) => Ok(content::TEXT_BUDGET_MB),
        Ok(mb) => match mb.trim().parse() {
            Ok(mb) => Ok(mb),
            Err(_) => bail!(
                "OUTREACH_TEXT_MB must be a whole number of megabytes (how much page text to hold in memory), such as {}; it is `{mb}`",
                content::TEXT_BUDGET_MB
            ),
        },
    }
}

/// What a command does with the pages it reads, which decides how much of
/// their text it holds in memory ([`content::TextBudget`]).
#[derive(Clone, Copy, Debug)]
pub enum PageText<'a> {
    /// Hold it all: commands that read pages again and again (`translate`).
    Hold,
    /// Hold up to this many megabytes; past that, scan each page as it is
    /// read and let go of its text (the preview).
    Budget(usize),
    /// Render each page as it is read and let go of its text (a build):
    /// up to this many megabytes of rendered pages are held in memory, the
    /// others in a temporary file in the folder given, or the system's.
    Render(usize, Option<&'a Path>),
}

/// Reads the project at `root`. `only` limits the campaigns read to one id.
/// Fails early only when `root` is not a project at all.
pub fn load_site(
    root: &Path,
    only: Option<&str>,
    text: PageText<'_>,
    diags: &mut Diagnostics,
) -> Result<Site> {
    let budget = match text {
        PageText::Hold => content::TextBudget::new(usize::MAX, None),
        PageText::Budget(mb) => content::TextBudget::new(mb, None),
        PageText::Render(mb, scratch) => content::TextBudget::new(
            mb,
            Some(scratch.map_or_else(std::env::temp_dir, Path::to_path_buf)),
        ),
    };
    let mut site = Site::default();
    let mut problems: Vec<Diagnostic> = Vec::new();
    let files = load_campaigns(root, only, &mut problems)?;
    site.campaigns = files.campaigns;
    // A content folder no campaign file names is never built: after a
    // campaign is renamed, its pages would vanish without a word (issue 18).
    if only.is_none()
        && let Ok(entries) = std::fs::read_dir(root.join("content"))
    {
        let ids = &files.ids;
        let mut orphans: Vec<String> = entries
            .filter_map(|e| e.ok())
            .filter(|e| e.path().is_dir())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            // A folder named like a campaign but for capital letters is
            // that campaign's error (see `content::load_pages`).
            .filter(|name| {
                !name.starts_with('.')
                    && !ids
                        .iter()
                        .any(|id| id.to_lowercase() == name.to_lowercase())
            })
            .collect();
        orphans.sort();
        for name in orphans {
            let mut d = Diagnostic::in_file(
                &Path::new("content").join(&name),
                Severity::Warning,
                format!(
                    "the folder `content/{name}` belongs to no campaign: there is no `campaigns/{name}.yaml`, so its pages are not built"
                ),
            );
            d = match crate::diag::did_you_mean(&name, ids.iter().map(String::as_str)) {
                Some(id) => d.with_help(format!("was the campaign renamed to `{id}`? Rename the folder to `content/{id}`, or the campaign file back")),
                None => d.with_help(format!("create `campaigns/{name}.yaml` for it, or move the folder out of `content/`")),
            };
            problems.push(d);
        }
    }

    if only.is_none() {
        problems.extend(stale_editor_settings(root, &site.campaigns));
    }

    for campaign in site.campaigns.values() {
        let content = content::load_pages(
            root,
            campaign,
            &mut problems,
            &mut site.unreadable_pages,
            &mut site.draft_pages,
            &budget,
        );
        site.pages.extend(content.pages);
        site.leaflet_texts.extend(content.leaflets);
        for image in content.images {
            site.images
                .insert((image.campaign.clone(), image.key.clone()), image);
        }
        if !site.themes.contains_key(&campaign.theme) {
            if let crate::diag::NameOnDisk::OtherCase(on_disk) =
                files::entry_in(&root.join("themes"), &campaign.theme)
            {
                let message = crate::diag::other_case("the theme", &campaign.theme, &on_disk);
                // Theme names are in small letters: the folder is renamed.
                problems.push(
                    Diagnostic::in_file(&campaign.source.path, Severity::Error, message).with_help(
                        format!(
                            "rename the folder `themes/{on_disk}` to `themes/{}`",
                            campaign.theme
                        ),
                    ),
                );
                continue;
            }
            match theme::load_theme(root, &campaign.theme, &mut problems) {
                Some(theme) => {
                    site.themes.insert(campaign.theme.clone(), theme);
                }
                None => problems.push(
                    Diagnostic::in_file(
                        &campaign.source.path,
                        Severity::Error,
                        format!(
                            "the theme `{}` does not exist: there is no folder `themes/{}`",
                            campaign.theme, campaign.theme
                        ),
                    )
                    .with_help("remove the `theme:` line to use the built-in theme"),
                ),
            }
        }
    }
    site.strings = theme::load_strings(root, &mut problems);
    diags.extend(problems);
    Ok(site)
}

/// The campaign files of a project, read and checked.
pub struct CampaignFiles {
    /// The campaigns that could be read, by id.
    pub campaigns: BTreeMap<String, Campaign>,
    /// The id of every campaign file, read or not.
    pub ids: Vec<String>,
}

/// Reads the campaign files at `root` (only the one named `only`, if
/// given). Fails only when `root` is not a project at all, or `only` names
/// no campaign; problems in the files go to `problems`.
pub fn load_campaigns(
    root: &Path,
    only: Option<&str>,
    problems: &mut Vec<Diagnostic>,
) -> Result<CampaignFiles> {
    let dir = root.join("campaigns");
    if !dir.is_dir() {
        bail!(
            "`{}` has no `campaigns` folder, so it is not an outreach project.\n\
             Run `outreach new my-campaigns` to start one, or use `--root` to point at your project.",
            root.display()
        );
    }
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .with_context(|| format!("failed to read `{}`", dir.display()))?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("yaml" | "yml")))
        .collect();
    paths.sort();

    let mut read = BTreeMap::new();
    for path in &paths {
        let id = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        if only.is_some_and(|only| only != id) {
            continue;
        }
        let shown = Path::new("campaigns").join(path.file_name().unwrap_or_default());
        // `c.yaml` and `c.yml` are the same campaign, and which one is
        // meant cannot be guessed (issue 13).
        if paths
            .iter()
            .filter(|p| p.file_stem() == path.file_stem())
            .count()
            > 1
        {
            if path.extension().is_some_and(|e| e == "yml") {
                problems.push(
                    Diagnostic::in_file(
                        &shown,
                        Severity::Error,
                        format!(
                            "the campaign `{id}` has two files, `campaigns/{id}.yaml` and `campaigns/{id}.yml`"
                        ),
                    )
                    .with_help("keep one of them: delete or rename the other"),
                );
            }
            continue;
        }
        let source = match files::read_text(path, &shown) {
            Ok(source) => source,
            Err(d) => {
                problems.push(d);
                continue;
            }
        };
        let (campaign, found) = campaigns::parse(&id, source);
        problems.extend(found);
        if let Some(campaign) = campaign {
            read.insert(id, campaign);
        }
    }
    if let Some(only) = only
        && !paths
            .iter()
            .any(|p| p.file_stem().is_some_and(|s| s == only))
    {
        bail!("there is no campaign `{only}`: expected a file `campaigns/{only}.yaml`");
    }
    if paths.is_empty() {
        problems.push(Diagnostic::in_file(
            Path::new("campaigns"),
            Severity::Error,
            "there are no campaign files (`campaigns/<name>.yaml`)",
        ));
    }

    let ids = paths
        .iter()
        .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
        .collect();
    Ok(CampaignFiles {
        campaigns: read,
        ids,
    })
}

/// The browser editor's generated settings for `campaigns`, with the
/// languages whose content folders are on disk.
pub fn editor_settings(root: &Path, campaigns: &BTreeMap<String, Campaign>) -> String {
    let list: Vec<&Campaign> = campaigns.values().collect();
    crate::editor::generated(&list, &|campaign, lang| {
        root.join("content").join(campaign).join(lang).is_dir()
    })
}

/// A warning when the project has a browser editor whose settings no
/// longer match the campaigns: a new language or campaign would be missing
/// from it, or a removed one still offered.
pub fn stale_editor_settings(
    root: &Path,
    campaigns: &BTreeMap<String, Campaign>,
) -> Option<Diagnostic> {
    let path = Path::new(crate::editor::FOLDER).join(crate::editor::CONFIG);
    let text = std::fs::read_to_string(root.join(&path)).ok()?;
    let stale = crate::editor::is_stale(&text, &editor_settings(root, campaigns))?;
    stale.then(|| {
        Diagnostic::in_file(
            &path,
            Severity::Warning,
            "the browser editor's settings are out of date: a campaign, a language or a leaflet changed since they were written",
        )
        .with_help("run `outreach editor` to update them (your own settings at the top are kept)")
    })
}

//! `outreach new DIR`: a starter project that builds as it is, with one
//! campaign in English and Arabic so right-to-left works from the start.

use std::fs;
use std::path::Path;

use anyhow::{Context, bail};

use crate::diag::Result;
use crate::editor::vendor::Cms;

/// The starter project's files, by path inside the new folder.
pub const STARTER: &[(&str, &str)] = &[
    (
        "campaigns/my-campaign.yaml",
        include_str!("../starter/campaigns/my-campaign.yaml"),
    ),
    (
        "content/my-campaign/en/index.md",
        include_str!("../starter/content/my-campaign/en/index.md"),
    ),
    (
        "content/my-campaign/en/get-help.md",
        include_str!("../starter/content/my-campaign/en/get-help.md"),
    ),
    (
        "content/my-campaign/ar/index.md",
        include_str!("../starter/content/my-campaign/ar/index.md"),
    ),
    (
        "content/my-campaign/ar/get-help.md",
        include_str!("../starter/content/my-campaign/ar/get-help.md"),
    ),
    (".gitignore", "public/\n.outreach-cache/\n"),
];

/// Creates `dir` with the starter project and the browser editor `cms`.
/// Refuses a folder that has files.
pub fn new_project(dir: &Path, cms: Cms) -> Result<()> {
    if dir.exists() {
        let empty = fs::read_dir(dir)
            .with_context(|| format!("failed to read `{}`", dir.display()))?
            .next()
            .is_none();
        if !empty {
            bail!(
                "`{}` already exists and is not empty; choose a new folder name",
                dir.display()
            );
        }
    }
    for (path, text) in STARTER {
        let to = crate::output::write::under(dir, path);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent)
                .with_context(|| format!("failed to create `{}`", parent.display()))?;
        }
        fs::write(&to, text).with_context(|| format!("failed to write `{}`", to.display()))?;
    }
    let mut problems = Vec::new();
    let campaigns = crate::load::load_campaigns(dir, None, &mut problems)?.campaigns;
    super::editor::write_editor(dir, &campaigns, cms)?;
    let shown = dir.display().to_string();
    // A folder name with spaces must be quoted for the command to work.
    let cd = if shown.contains(|c: char| c.is_whitespace() || "'\"$&;|<>()".contains(c)) {
        format!("\"{}\"", shown.replace('"', "\\\""))
    } else {
        shown.clone()
    };
    println!(
        "Created a new project in `{shown}` with the campaign `my-campaign` in English and Arabic.\n\
         Next:\n  cd {cd}\n  outreach build\n\
         Then open `public/my-campaign/index.html` in a browser. Edit the files in `content/` and `campaigns/`,\n\
         or in the browser: run `outreach serve` and open the address it prints, followed by `_outreach/editor/`."
    );
    Ok(())
}

//! `outreach stamp`: records in a translation's front matter which version
//! of the default-language page it matches, for `outreach status`.

use std::path::{Component, Path};
use std::process::ExitCode;

use anyhow::bail;

use crate::cli::StampArgs;
use crate::cmd::EXIT_CONTENT;
use crate::diag::{self, Diagnostics, Result, shown};
use crate::load::content::LEAFLETS_DIR;
use crate::load::{self, files, front_matter};
use crate::model::page::Origin;
use crate::resolve::status::source_hash;

/// Stamps each file given.
pub fn stamp(args: &StampArgs) -> Result<ExitCode> {
    let mut diags = Diagnostics::new();
    let site = load::load_site(&args.root, None, load::PageText::Hold, &mut diags)?;
    let mut failed = false;
    for file in &args.files {
        // Accept paths relative to the project or to the current folder.
        let rel = file.strip_prefix(&args.root).unwrap_or(file);
        // Only plain names: `..` or an absolute path could lead outside the project.
        let parts: Vec<String> = rel
            .components()
            .map(|c| match c {
                Component::Normal(p) => Some(p.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Option<_>>()
            .unwrap_or_default();
        // A page, or a leaflet text (`<language>/leaflets/<id>.md`).
        let (content, campaign, lang, name, leaflet) = match parts.as_slice() {
            [content, campaign, lang, name] => (content, campaign, lang, name, false),
            [content, campaign, lang, folder, name] if folder == LEAFLETS_DIR => {
                (content, campaign, lang, name, true)
            }
            _ => bail!(
                "`{}` is not a page: expected `content/<campaign>/<language>/<page>.md`",
                shown(file)
            ),
        };
        let Some(slug) = name.strip_suffix(".md").filter(|_| content == "content") else {
            bail!(
                "`{}` is not a page: expected `content/<campaign>/<language>/<page>.md`",
                shown(file)
            );
        };
        let Some(c) = site.campaigns.get(campaign) else {
            bail!("`{}`: there is no campaign `{campaign}`", shown(file));
        };
        if lang == &c.default_language {
            eprintln!(
                "{}: skipped: `{lang}` is the default language, the source of translations",
                shown(file)
            );
            continue;
        }
        let texts = if leaflet {
            &site.leaflet_texts
        } else {
            &site.pages
        };
        let Some(source) = texts.iter().find(|p| {
            &p.campaign == campaign
                && p.lang == c.default_language
                && p.slug == slug
                && p.origin == Origin::Written
        }) else {
            eprintln!(
                "{}: error: there is no `content/{campaign}/{}/{}{slug}.md` to compare with",
                shown(file),
                c.default_language,
                if leaflet { "leaflets/" } else { "" }
            );
            failed = true;
            continue;
        };
        let path = args.root.join(rel);
        let shown = Path::new(rel);
        let text = match files::read_text(&path, shown) {
            Ok(text) => text,
            Err(d) => {
                eprintln!("{d}");
                failed = true;
                continue;
            }
        };
        let stamped = match front_matter::set_key(&text, "source_hash", &source_hash(source)) {
            Ok(stamped) => stamped,
            Err(d) => {
                eprintln!("{d}");
                failed = true;
                continue;
            }
        };
        crate::output::write::replace_file(&path, stamped.as_bytes())?;
        println!(
            "Stamped {} as up to date with {}",
            diag::shown(shown),
            diag::shown(&source.source.path)
        );
    }
    Ok(if failed {
        ExitCode::from(EXIT_CONTENT)
    } else {
        ExitCode::SUCCESS
    })
}

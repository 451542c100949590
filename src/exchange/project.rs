//! The exchange files kept in a project (`translations/<campaign>/`):
//! finding and reading them. The only part of the exchange that reads
//! files; `cmd::translate` writes them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Diagnostics, SourceFile};
use rayon::prelude::*;

use crate::exchange::catalog::{self, Previous, State};
use crate::exchange::document::Sources;
use crate::exchange::{Catalog, Format, po, xliff};
use crate::load::files;
use crate::model::{Campaign, Site, lang};
use crate::resolve::status::TextCounts;

/// The folder of exchange files, inside the project.
pub const TRANSLATIONS_DIR: &str = "translations";

/// The languages of a campaign that are translated: all but the default
/// language and the ones outreach makes itself (`sr-Latn`).
pub fn target_languages(campaign: &Campaign) -> Vec<&str> {
    campaign
        .languages
        .iter()
        .map(|l| l.tag.as_str())
        .filter(|t| *t != campaign.default_language && lang::generated_from(t).is_none())
        .collect()
}

/// `translations/<campaign>/` in the project.
pub fn exchange_dir(root: &Path, campaign: &str) -> PathBuf {
    root.join(TRANSLATIONS_DIR).join(campaign)
}

/// Reads an exchange file in either format.
pub fn parse_exchange(file: &SourceFile, format: Format) -> Result<Catalog, Vec<Diagnostic>> {
    match format {
        Format::Po => po::parse(file),
        Format::Xliff => xliff::parse(file),
    }
}

/// An exchange file in either format.
pub fn write_exchange(catalog: &Catalog, format: Format) -> String {
    match format {
        Format::Po => po::write(catalog),
        Format::Xliff => xliff::write(catalog),
    }
}

/// The previous exchange file and state of a campaign's language, as kept
/// in the project. The file of the format asked for is preferred; an
/// import keeps both formats up to date, so either is current.
pub fn previous(
    root: &Path,
    campaign: &str,
    lang: &str,
    format: Format,
    diags: &mut Diagnostics,
) -> Previous {
    let dir = exchange_dir(root, campaign);
    let rel = Path::new(TRANSLATIONS_DIR).join(campaign);
    let mut prev = Previous::default();
    let other = match format {
        Format::Po => Format::Xliff,
        Format::Xliff => Format::Po,
    };
    for f in [format, other] {
        let name = format!("{lang}.{}", f.extension());
        let path = dir.join(&name);
        if !path.is_file() {
            continue;
        }
        match read_exchange_file(&path, &rel.join(&name)) {
            Ok(file) => match parse_exchange(&file, f) {
                Ok(catalog) => {
                    prev.catalog = Some(catalog);
                    break;
                }
                Err(problems) => diags.extend(problems),
            },
            Err(d) => diags.push(d),
        }
    }
    prev.state = state(root, campaign, lang);
    prev
}

/// What outreach last saw of a language's translated documents (empty
/// when there is no state file yet).
pub fn state(root: &Path, campaign: &str, lang: &str) -> State {
    std::fs::read_to_string(exchange_dir(root, campaign).join(format!("{lang}.state")))
        .map_or_else(|_| State::default(), |text| State::parse(&text))
}

/// What the exchange says of one language of a campaign, as an export
/// would make it now: for `status` and the preview.
#[derive(Clone, Debug, Default)]
pub struct Progress {
    /// Texts translated, to check and to translate.
    pub counts: TextCounts,
    /// The texts to check (their source changed): (context, source text).
    pub to_check: Vec<(String, String)>,
}

/// [`Progress`] per campaign and language.
pub fn progress(root: &Path, site: &Site) -> BTreeMap<(String, String), Progress> {
    let mut out = BTreeMap::new();
    for campaign in site.campaigns.values() {
        let sources = Sources::new(site, campaign);
        let made: Vec<(String, Progress)> = target_languages(campaign)
            .into_par_iter()
            .map(|lang| {
                let prev = previous(
                    root,
                    &campaign.id,
                    lang,
                    Format::Po,
                    &mut Diagnostics::new(),
                );
                let (catalog, _) = catalog::export(&sources, lang, &prev);
                let to_check = catalog
                    .messages
                    .iter()
                    .filter(|m| m.fuzzy && !m.obsolete)
                    .map(|m| (m.context.clone(), m.source.clone()))
                    .collect();
                let counts = catalog::counts(&catalog);
                (lang.to_string(), Progress { counts, to_check })
            })
            .collect();
        for (lang, progress) in made {
            out.insert((campaign.id.clone(), lang), progress);
        }
    }
    out
}

/// Reads an exchange file: text, as large as a whole campaign may make it.
pub fn read_exchange_file(path: &Path, shown: &Path) -> Result<SourceFile, Diagnostic> {
    files::read_text_at_most(
        path,
        shown,
        files::MAX_EXCHANGE_BYTES,
        "export one campaign or language at a time (`--campaign`, `--lang`)",
    )
}

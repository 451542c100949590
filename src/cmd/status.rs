//! `outreach status`: what is missing or outdated in each language.

use std::process::ExitCode;

use crate::cli::{FailOn, StatusArgs, StatusFormat};
use crate::cmd::EXIT_CONTENT;
use crate::diag::plural;
use crate::diag::{Diagnostics, Result, Severity};
use crate::load;
use crate::render::strings::Strings;
use crate::resolve::status::{LanguageStatus, status as compute};

/// Prints the translation status and picks the exit code.
pub fn status(args: &StatusArgs) -> Result<ExitCode> {
    let mut diags = Diagnostics::new();
    let site = load::load_site(
        &args.root,
        args.campaign.as_deref(),
        load::PageText::Hold,
        &mut diags,
    )?;
    let mut problems = Vec::new();
    let strings = Strings::parse(&site.strings, &mut problems);
    diags.extend(problems);
    for d in diags
        .sorted()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
    {
        eprintln!("{d}\n");
    }
    let mut all = compute(&site, &strings);
    let progress = crate::exchange::project::progress(&args.root, &site);
    for s in &mut all {
        if let Some(p) = progress.get(&(s.campaign.clone(), s.language.clone())) {
            s.texts = Some(p.counts);
            s.to_check = p.to_check.clone();
        }
    }
    match args.format {
        StatusFormat::Json => println!("{}", serde_json::to_string_pretty(&all)?),
        StatusFormat::Table => print!("{}", table(&all)),
    }
    let failed = match args.fail_on {
        Some(FailOn::Missing) => all.iter().any(|s| !s.missing.is_empty()),
        Some(FailOn::Outdated) => all
            .iter()
            .any(|s| !s.missing.is_empty() || !s.outdated.is_empty()),
        None => false,
    };
    Ok(if failed || diags.has_errors() {
        ExitCode::from(EXIT_CONTENT)
    } else {
        ExitCode::SUCCESS
    })
}

/// How many changed texts `status` lists per language before summing up.
const MAX_TO_CHECK: usize = 10;

/// The status as a table, then a line per language naming the pages and
/// strings that need work.
pub fn table(all: &[LanguageStatus]) -> String {
    let header = [
        "campaign",
        "language",
        "pages",
        "missing",
        "outdated",
        "not stamped",
        "to review",
        "strings missing",
        "texts done/check/new",
    ];
    let rows: Vec<[String; 9]> = all
        .iter()
        .map(|s| {
            [
                s.campaign.clone(),
                if s.is_source {
                    format!("{} (source)", s.language)
                } else {
                    s.language.clone()
                },
                format!("{}/{}", s.present.len() + s.generated.len(), s.source_pages),
                s.missing.len().to_string(),
                s.outdated.len().to_string(),
                s.unstamped.len().to_string(),
                s.review_needed.len().to_string(),
                s.strings_missing.len().to_string(),
                s.texts.map_or("-".to_string(), |t| {
                    format!("{}/{}/{}", t.translated, t.fuzzy, t.untranslated)
                }),
            ]
        })
        .collect();
    let mut widths = header.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let padded: Vec<String> = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| format!("{c}{}", " ".repeat(w - c.chars().count())))
            .collect();
        format!("{}\n", padded.join("  ").trim_end())
    };
    let mut out = line(&header.map(str::to_string));
    for row in &rows {
        out.push_str(&line(row));
    }
    let mut details = String::new();
    for s in all {
        let name = format!("{}/{}", s.campaign, s.language);
        for (what, list, ext) in [
            ("missing", &s.missing, ".md"),
            ("outdated", &s.outdated, ".md"),
            ("interface strings missing", &s.strings_missing, ""),
        ] {
            if !list.is_empty() {
                let items: Vec<String> = list.iter().map(|x| format!("{x}{ext}")).collect();
                details.push_str(&format!("{name}: {what}: {}\n", items.join(", ")));
            }
        }
        for (what, list) in [
            ("leaflets missing", &s.leaflets_missing),
            ("leaflets outdated", &s.leaflets_outdated),
        ] {
            if !list.is_empty() {
                let items: Vec<String> = list.iter().map(|x| format!("leaflets/{x}.md")).collect();
                details.push_str(&format!("{name}: {what}: {}\n", items.join(", ")));
            }
        }
        // What changed, text by text, so a translator knows what to look at.
        let mut shown_context = "";
        for (context, text) in s.to_check.iter().take(MAX_TO_CHECK) {
            if context != shown_context {
                details.push_str(&format!("{name}: to check in {context}.md:\n"));
                shown_context = context;
            }
            details.push_str(&format!(
                "    “{}”\n",
                crate::exchange::check::abbreviate(text)
            ));
        }
        if s.to_check.len() > MAX_TO_CHECK {
            details.push_str(&format!(
                "{name}: … and {} more texts to check (see `outreach translate export`)\n",
                s.to_check.len() - MAX_TO_CHECK
            ));
        }
        if !s.generated.is_empty() {
            details.push_str(&format!(
                "{name}: {} {} made by transliteration\n",
                s.generated.len(),
                plural(s.generated.len(), "page", "pages")
            ));
        }
    }
    if !details.is_empty() {
        out.push('\n');
        out.push_str(&details);
    }
    if all.iter().any(|s| s.texts.is_some()) {
        out.push_str("\n\"texts\": paragraphs, headings and other texts as the translation exchange counts them:\ntranslated / to check (the source changed) / not translated. See `outreach translate export`.\n");
    }
    if all.iter().any(|s| !s.unstamped.is_empty()) {
        out.push_str("\n\"not stamped\": translations that do not record which version of the source they were made from;\nrun `outreach stamp FILE` after translating or checking a page.\n");
    }
    out
}

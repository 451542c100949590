//! `outreach translate export` and `outreach translate import`: the files
//! of the translation exchange are read and written here; what goes into
//! them and what is checked is in [`crate::exchange`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::cli::{ExchangeFormat, ExportArgs, ImportArgs};
use crate::cmd::{EXIT_CONTENT, plural};
use crate::diag::{Diagnostic, Diagnostics, Result, Severity, SourceFile};
use crate::exchange::catalog::{self, Key, State};
use crate::exchange::document::{self, DocKind, Field};
use crate::exchange::project::{
    TRANSLATIONS_DIR, exchange_dir, parse_exchange, previous, target_languages, write_exchange,
};
use crate::exchange::segment::{self, Kind};
use crate::exchange::{Catalog, Format, check, po};
use crate::load::{self, files};
use crate::model::{Campaign, Site};
use crate::output::write::replace_file;

fn shown(path: &Path) -> String {
    path.display().to_string().replace('\\', "/")
}

/// `outreach translate export`.
pub fn export(args: &ExportArgs) -> Result<ExitCode> {
    let mut diags = Diagnostics::new();
    let site = load::load_site(&args.root, args.campaign.as_deref(), &mut diags)?;
    // A language just added has no pages yet, which `check` reports; the
    // export is how its pages get made, so it goes on.
    note_load_problems(&diags);
    let mut diags = Diagnostics::new();
    let format = match args.format {
        ExchangeFormat::Po => Format::Po,
        ExchangeFormat::Xliff => Format::Xliff,
    };
    let mut writes: Vec<(PathBuf, String)> = Vec::new();
    let mut summary = Vec::new();
    for campaign in site.campaigns.values() {
        let targets = target_languages(campaign);
        for wanted in &args.lang {
            if campaign.language(wanted).is_none() {
                diags.push(
                    Diagnostic::in_file(
                        &campaign.source.path,
                        Severity::Error,
                        format!("the campaign has no language `{wanted}` to export"),
                    )
                    .with_help(format!(
                        "its languages to translate are: {}",
                        targets.join(", ")
                    )),
                );
            } else if !targets.contains(&wanted.as_str()) {
                diags.push(Diagnostic::in_file(
                    &campaign.source.path,
                    Severity::Error,
                    format!("`{wanted}` is not translated by hand: it is the source language, or made by outreach from another"),
                ));
            }
        }
        let dir = exchange_dir(&args.root, &campaign.id);
        let template = catalog::export_template(&site, campaign);
        writes.push((
            dir.join(format!("{}.pot", campaign.id)),
            po::write(&template),
        ));
        for lang in targets
            .into_iter()
            .filter(|l| args.lang.is_empty() || args.lang.iter().any(|w| w == l))
        {
            let prev = previous(&args.root, &campaign.id, lang, format, &mut diags);
            let (catalog, state) = catalog::export(&site, campaign, lang, &prev);
            let counts = catalog::counts(&catalog);
            let path = dir.join(format!("{lang}.{}", format.extension()));
            summary.push(format!(
                "{}: {} translated, {} to check, {} to translate",
                shown(path.strip_prefix(&args.root).unwrap_or(&path)),
                counts.translated,
                counts.fuzzy,
                counts.untranslated
            ));
            writes.push((path, write_exchange(&catalog, format)));
            writes.push((dir.join(format!("{lang}.state")), state.write()));
        }
    }
    if diags.has_errors() {
        return Ok(stop(&diags, "Nothing was exported."));
    }
    for (path, text) in &writes {
        write_if_changed(path, text)?;
    }
    for line in summary {
        println!("{line}");
    }
    println!(
        "Send these files to your translators; bring them back with `outreach translate import FILE`."
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes a file unless it already holds `text` (so an export that finds
/// nothing new touches nothing).
fn write_if_changed(path: &Path, text: &str) -> Result<()> {
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    replace_file(path, text.as_bytes())
}

/// Says that the project has problems without listing them: they are
/// `check`'s to report, and a translation round trip does not depend on
/// them (files that could not be read are never overwritten).
fn note_load_problems(diags: &Diagnostics) {
    let errors = diags.count(Severity::Error);
    if errors > 0 {
        eprintln!(
            "note: the project has {errors} {} that `outreach check` lists; they do not stop this command.",
            plural(errors, "problem", "problems")
        );
    }
}

/// Prints the problems and a last line; the exit code for content problems.
fn stop(diags: &Diagnostics, last: &str) -> ExitCode {
    for d in diags.sorted() {
        eprintln!("{d}\n");
    }
    let errors = diags.count(Severity::Error);
    eprintln!("{errors} {}. {last}", plural(errors, "error", "errors"));
    ExitCode::from(EXIT_CONTENT)
}

/// One exchange file read for import.
struct Incoming {
    path: PathBuf,
    file: SourceFile,
    format: Format,
    catalog: Catalog,
}

/// `outreach translate import`.
pub fn import(args: &ImportArgs) -> Result<ExitCode> {
    let mut diags = Diagnostics::new();
    let site = load::load_site(&args.root, None, &mut diags)?;
    note_load_problems(&diags);
    let mut diags = Diagnostics::new();
    let mut incoming = Vec::new();
    for path in &args.files {
        let rel = path.strip_prefix(&args.root).unwrap_or(path).to_path_buf();
        let Some(format) = Format::of_path(path) else {
            diags.push(Diagnostic::in_file(
                &rel,
                Severity::Error,
                "not an exchange file: expected a name ending in `.po` or `.xlf`",
            ));
            continue;
        };
        let file = match files::read_text(path, &rel) {
            Ok(file) => file,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        match parse_exchange(&file, format) {
            Ok(catalog) => incoming.push(Incoming {
                path: path.clone(),
                file,
                format,
                catalog,
            }),
            Err(problems) => diags.extend(problems),
        }
    }
    let mut writes: Vec<(PathBuf, String)> = Vec::new();
    let mut report = Vec::new();
    for inc in &incoming {
        if let Some(plan) = plan_import(args, &site, inc, &mut diags) {
            writes.extend(plan.writes);
            report.push(plan.report);
        }
    }
    if diags.has_errors() {
        return Ok(stop(&diags, "Nothing was written."));
    }
    for d in diags.sorted() {
        eprintln!("{d}\n");
    }
    for (path, text) in &writes {
        write_if_changed(path, text)?;
    }
    for line in report {
        println!("{line}");
    }
    println!("Run `outreach build` (or `outreach serve`) to see the translated pages.");
    Ok(ExitCode::SUCCESS)
}

/// What importing one file writes, and what to tell the author.
struct Plan {
    writes: Vec<(PathBuf, String)>,
    report: String,
}

/// Checks one exchange file against the project and works out every file
/// it writes. Problems go to `diags`; `None` when the file cannot be used.
fn plan_import(
    args: &ImportArgs,
    site: &Site,
    inc: &Incoming,
    diags: &mut Diagnostics,
) -> Option<Plan> {
    let file = &inc.file;
    let at_top = |message: String, help: String| {
        Diagnostic::in_file(&file.path, Severity::Error, message).with_help(help)
    };
    // The campaign and language: from the file, checked against its name
    // when it sits in `translations/<campaign>/`.
    let stem = inc.path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let folder = inc
        .path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let campaign_id = if inc.catalog.campaign.is_empty() {
        folder
    } else {
        inc.catalog.campaign.as_str()
    };
    let lang = if inc.catalog.language.is_empty() {
        stem
    } else {
        inc.catalog.language.as_str()
    };
    let Some(campaign) = site.campaigns.get(campaign_id) else {
        diags.push(at_top(
            format!(
                "the file is for the campaign `{campaign_id}`, which this project does not have"
            ),
            format!(
                "the campaigns here are: {}",
                site.campaigns
                    .keys()
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ));
        return None;
    };
    if site.campaigns.contains_key(folder) && folder != campaign_id {
        diags.push(at_top(
            format!(
                "the file is for the campaign `{campaign_id}` but is in the folder of `{folder}`"
            ),
            "check that the translator sent back the right file".to_string(),
        ));
        return None;
    }
    if campaign.language(stem).is_some() && stem != lang {
        diags.push(at_top(
            format!("the file is named for `{stem}` but its texts are in `{lang}`"),
            "check that the translator sent back the right file".to_string(),
        ));
        return None;
    }
    let targets = target_languages(campaign);
    if !targets.contains(&lang) {
        diags.push(at_top(
            format!(
                "the campaign `{}` has no language `{lang}` to translate into",
                campaign.id
            ),
            format!("its languages to translate are: {}", targets.join(", ")),
        ));
        return None;
    }
    let script = campaign
        .language(lang)
        .map_or("Latn", |l| l.script.as_str())
        .to_string();
    let docs = document::source_docs(site, campaign);
    let template = catalog::template(&docs);
    let kinds: HashMap<Key, Kind> = docs
        .iter()
        .flat_map(|d| {
            d.texts
                .iter()
                .map(move |t| ((d.context.clone(), t.source.clone()), t.kind))
        })
        .collect();
    // A file made before the source changed would put old translations on
    // new texts: it is merged by an export first.
    let current: Vec<&crate::exchange::Message> = inc
        .catalog
        .messages
        .iter()
        .filter(|m| !m.obsolete)
        .collect();
    let unknown: Vec<&&crate::exchange::Message> = current
        .iter()
        .filter(|m| !kinds.contains_key(&(m.context.clone(), m.source.clone())))
        .collect();
    let in_file: std::collections::HashSet<(&str, &str)> = current
        .iter()
        .map(|m| (m.context.as_str(), m.source.as_str()))
        .collect();
    let new_texts = template
        .iter()
        .filter(|m| !in_file.contains(&(m.context.as_str(), m.source.as_str())))
        .count();
    if !unknown.is_empty() || new_texts > 0 {
        let first = unknown.first().map_or(String::new(), |m| {
            format!(
                " (first: “{}” at line {})",
                check::abbreviate(&m.source),
                m.line
            )
        });
        diags.push(at_top(
            format!(
                "the file was made from an older version of the texts: {} of its texts are no longer in the source, and {new_texts} new texts are missing{first}",
                unknown.len()
            ),
            format!(
                "copy it to `{TRANSLATIONS_DIR}/{}/{lang}.{}` and run `outreach translate export --campaign {} --lang {lang}`: that keeps its translations and marks the changed ones to check; then import that file",
                campaign.id,
                inc.format.extension(),
                campaign.id
            ),
        ));
        return None;
    }
    let before = diags.count(Severity::Error);
    for m in &current {
        let kind = kinds[&(m.context.clone(), m.source.clone())];
        diags.extend(check::check(m, kind, &script, file));
    }
    if diags.count(Severity::Error) > before {
        return None;
    }
    let translations: HashMap<(&str, &str), &crate::exchange::Message> = current
        .iter()
        .map(|m| ((m.context.as_str(), m.source.as_str()), *m))
        .collect();
    let prev = previous(
        &args.root,
        &campaign.id,
        lang,
        inc.format,
        &mut Diagnostics::new(),
    );
    let mut state = prev.state.clone();
    let mut writes = Vec::new();
    let (mut written, mut kept, mut left_out) = (0usize, Vec::new(), Vec::new());
    let mut campaign_yaml = campaign.source.text.clone();
    for doc in &docs {
        let target_path = doc.path_in(&campaign.id, lang);
        let target_shown = shown(&target_path);
        let stamp = catalog::source_stamp(site, campaign, doc);
        let existing = document::translated(site, campaign, doc, lang, stamp.as_deref());
        let mut all_translated = true;
        let mut missing = 0usize;
        let values: Vec<Option<String>> = doc
            .texts
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let m = translations.get(&(doc.context.as_str(), t.source.as_str()));
                if let Some(m) = m.filter(|m| m.is_translated()) {
                    return Some(m.translation.clone());
                }
                all_translated = false;
                let kept = existing
                    .as_ref()
                    .filter(|e| e.misaligned.is_none() || !matches!(t.field, Field::Body(_)))
                    .and_then(|e| e.texts[i].clone());
                if kept.is_none() && args.partial {
                    return Some(t.source.clone());
                }
                if kept.is_none() && t.field != Field::FrontMatter("description") {
                    missing += 1;
                }
                kept
            })
            .collect();
        let current_text = existing.as_ref().map(|e| e.file.text.clone());
        let new_text = match doc.kind {
            DocKind::Campaign => {
                let mut yaml = campaign_yaml.clone();
                for (t, v) in doc.texts.iter().zip(&values) {
                    let (Field::Campaign(field), Some(v)) = (t.field, v) else {
                        continue;
                    };
                    match document::set_campaign_text(&yaml, field, lang, v) {
                        Ok(y) => yaml = y,
                        Err(e) => diags.push(
                            Diagnostic::in_file(
                                &campaign.source.path,
                                Severity::Error,
                                format!(
                                    "cannot write the `{lang}` texts into the campaign file: {e}"
                                ),
                            )
                            .with_help("write this text into the campaign file by hand"),
                        ),
                    }
                }
                let digest_now = document::campaign_digest(&campaign_yaml, lang);
                let digest_new = document::campaign_digest(&yaml, lang);
                if digest_new != digest_now
                    && !args.force
                    && state.files.get(&target_shown) != Some(&State::stamp(&digest_now))
                    && !digest_now.is_empty()
                {
                    diags.push(conflict(&campaign.source.path, &campaign.id, lang));
                    continue;
                }
                campaign_yaml = yaml;
                state.files.insert(target_shown, State::stamp(&digest_new));
                continue;
            }
            _ if missing > 0 => {
                if existing.is_some() {
                    kept.push(target_shown.clone());
                } else {
                    left_out.push(format!(
                        "{target_shown} ({missing} texts not translated yet)"
                    ));
                }
                continue;
            }
            _ => {
                let skeleton = match &existing {
                    Some(e) if e.misaligned.is_none() => e.file.clone(),
                    _ => {
                        let Some(source) = source_file(site, campaign, doc) else {
                            continue;
                        };
                        source
                    }
                };
                let stamp = stamp.filter(|_| all_translated);
                match document::write_page(&skeleton, doc, &values, stamp.as_deref()) {
                    Ok(text) => text,
                    Err(e) => {
                        diags.push(Diagnostic::in_file(
                            &file.path,
                            Severity::Error,
                            format!("cannot write {target_shown}: {e}"),
                        ));
                        continue;
                    }
                }
            }
        };
        // The page must read back as the same blocks with the new texts.
        let body_values: Vec<&str> = doc
            .texts
            .iter()
            .zip(&values)
            .filter(|(t, _)| matches!(t.field, Field::Body(_)))
            .filter_map(|(_, v)| v.as_deref())
            .collect();
        let written_file = SourceFile::new(target_path.clone(), new_text.clone());
        let reread = crate::load::front_matter::parse(&written_file)
            .map(|(_, start)| segment::segments(&new_text[start..]));
        let same = reread.as_ref().is_ok_and(|segs| {
            segs.len() == body_values.len()
                && segs.iter().zip(&body_values).all(|(s, v)| s.text == *v)
        });
        if !same {
            diags.push(Diagnostic::in_file(&file.path, Severity::Error, format!("the translations would change the structure of {target_shown} (a text starts a list, a heading or a new paragraph)")).with_help("look for translations that start a line with `-`, `#`, `>` or a number and a dot"));
            continue;
        }
        if current_text.is_none() && args.root.join(&target_path).exists() {
            diags.push(
                Diagnostic::in_file(
                    &target_path,
                    Severity::Error,
                    "this file exists but could not be read as a page, so the import would replace it",
                )
                .with_help("fix it first (`outreach check` says what is wrong), or move it away"),
            );
            continue;
        }
        if current_text.as_deref() == Some(new_text.as_str()) {
            state.files.insert(target_shown, State::stamp(&new_text));
            continue;
        }
        if let Some(current) = &current_text
            && !args.force
            && state.files.get(&target_shown) != Some(&State::stamp(current))
        {
            diags.push(conflict(&target_path, &campaign.id, lang));
            continue;
        }
        state.files.insert(target_shown, State::stamp(&new_text));
        writes.push((args.root.join(&target_path), new_text));
        written += 1;
    }
    // The campaign file: checked like a page, written once with every text.
    if campaign_yaml != campaign.source.text {
        let (_, problems) = crate::load::campaigns::parse(
            &campaign.id,
            SourceFile::new(campaign.source.path.clone(), campaign_yaml.clone()),
        );
        if problems.iter().any(|d| d.severity == Severity::Error) {
            diags.push(
                Diagnostic::in_file(
                    &campaign.source.path,
                    Severity::Error,
                    "the translated texts would make the campaign file unreadable",
                )
                .with_help("write these texts into the campaign file by hand"),
            );
        } else {
            writes.push((args.root.join(&campaign.source.path), campaign_yaml.clone()));
            written += 1;
        }
    }
    // Keep the exchange file in the project, in each format it is kept in.
    let dir = Path::new(TRANSLATIONS_DIR).join(&campaign.id);
    for format in [Format::Po, Format::Xliff] {
        let project_file = args
            .root
            .join(&dir)
            .join(format!("{lang}.{}", format.extension()));
        let same_file =
            std::fs::canonicalize(&project_file).ok() == std::fs::canonicalize(&inc.path).ok();
        if !same_file && (project_file.is_file() || format == inc.format) {
            writes.push((project_file, write_exchange(&inc.catalog, format)));
        }
    }
    writes.push((
        args.root.join(&dir).join(format!("{lang}.state")),
        state.write(),
    ));
    let mut report = if written == 0 {
        format!("{}: nothing to change", shown(&file.path))
    } else {
        format!(
            "{}: {written} {} written",
            shown(&file.path),
            plural(written, "file", "files")
        )
    };
    if !kept.is_empty() {
        report.push_str(&format!(
            "; kept as they were (texts still to translate or check, and the blocks do not line up with the source): {}",
            kept.join(", ")
        ));
    }
    if !left_out.is_empty() {
        report.push_str(&format!(
            "; not written yet (use --partial to write them with the missing texts in the source language): {}",
            left_out.join(", ")
        ));
    }
    Some(Plan { writes, report })
}

/// A translated file changed by hand since outreach last read or wrote it.
fn conflict(path: &Path, campaign: &str, lang: &str) -> Diagnostic {
    Diagnostic::in_file(
        path,
        Severity::Error,
        "this file was changed by hand since the last export or import, and the import would overwrite those changes",
    )
    .with_help(format!(
        "run `outreach translate export --campaign {campaign} --lang {lang}` to take the changes into the exchange file and send it again, or import with `--force` to overwrite them"
    ))
}

/// The source-language file of a page or leaflet document.
fn source_file(site: &Site, campaign: &Campaign, doc: &document::Doc) -> Option<SourceFile> {
    let pool = match doc.kind {
        DocKind::Page => &site.pages,
        DocKind::Leaflet => &site.leaflet_texts,
        DocKind::Campaign => return None,
    };
    pool.iter()
        .find(|p| {
            p.campaign == campaign.id && p.lang == campaign.default_language && p.slug == doc.slug
        })
        .map(|p| (*p.source).clone())
}

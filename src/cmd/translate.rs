//! `outreach translate export` and `outreach translate import`: the files
//! of the translation exchange are read and written here; what goes into
//! them and what is checked is in [`crate::exchange`].

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

use crate::cli::{ExchangeFormat, ExportArgs, ImportArgs};
use crate::cmd::EXIT_CONTENT;
use crate::diag::{Diagnostic, Diagnostics, Result, Severity, SourceFile};
use crate::diag::{plural, shown};
use crate::exchange::catalog::{self, State};
use crate::exchange::document::{self, DocKind, Field, Sources};
use crate::exchange::project::{
    self, TRANSLATIONS_DIR, exchange_dir, parse_exchange, previous, read_exchange_file,
    target_languages, write_exchange,
};
use crate::exchange::segment::{self, Kind};
use crate::exchange::{Catalog, Format, Message, check, po};
use crate::load::{self, front_matter};
use crate::model::{Campaign, Site};
use crate::output::write::replace_file;
use rustc_hash::FxHashMap;

/// `outreach translate export`.
pub fn export(args: &ExportArgs) -> Result<ExitCode> {
    let mut diags = Diagnostics::new();
    let site = load::load_site(
        &args.root,
        args.campaign.as_deref(),
        load::PageText::Hold,
        &mut diags,
    )?;
    // A language just added has no pages yet, which `check` reports; the
    // export is how its pages get made, so it goes on.
    note_load_problems(&diags);
    if let Some(id) = &args.campaign
        && !site.campaigns.contains_key(id)
    {
        eprintln!(
            "error: the campaign `{id}` could not be read (see above), so nothing was exported."
        );
        return Ok(ExitCode::from(EXIT_CONTENT));
    }
    let mut diags = Diagnostics::new();
    for wanted in &args.lang {
        if !site
            .campaigns
            .values()
            .any(|c| c.language(wanted).is_some())
        {
            diags.push(
                Diagnostic::in_file(
                    Path::new("campaigns"),
                    Severity::Error,
                    format!("no campaign has the language `{wanted}`"),
                )
                .with_help("write it as in the campaign's `languages:` list"),
            );
        }
    }
    let format = match args.format {
        ExchangeFormat::Po => Format::Po,
        ExchangeFormat::Xliff => Format::Xliff,
    };
    let mut writes: Vec<(PathBuf, String)> = Vec::new();
    let mut summary = Vec::new();
    for campaign in site.campaigns.values() {
        let targets = target_languages(campaign);
        for wanted in &args.lang {
            if campaign.language(wanted).is_some() && !targets.contains(&wanted.as_str()) {
                diags.push(Diagnostic::in_file(
                    &campaign.source.path,
                    Severity::Error,
                    format!("`{wanted}` is not translated by hand: it is the source language, or made by outreach from another"),
                ));
            }
        }
        let dir = exchange_dir(&args.root, &campaign.id);
        let sources = Sources::new(&site, campaign);
        let template = catalog::export_template(&sources);
        writes.push((
            dir.join(format!("{}.pot", campaign.id)),
            po::write(&template),
        ));
        let langs: Vec<&str> = targets
            .into_iter()
            .filter(|l| args.lang.is_empty() || args.lang.iter().any(|w| w == l))
            .collect();
        // Languages are independent: made in parallel, reported in order.
        let made: Vec<_> = langs
            .par_iter()
            .map(|&lang| {
                let mut problems = Diagnostics::new();
                let prev = previous(&args.root, &campaign.id, lang, format, &mut problems);
                let (catalog, state) = catalog::export(&sources, lang, &prev);
                let counts = catalog::counts(&catalog);
                let text = write_exchange(&catalog, format);
                (lang, counts, text, state.write(), problems)
            })
            .collect();
        for (lang, counts, text, state, problems) in made {
            diags.extend(problems.iter().cloned());
            let path = dir.join(format!("{lang}.{}", format.extension()));
            summary.push(format!(
                "{}: {} translated, {} to check, {} to translate",
                shown(path.strip_prefix(&args.root).unwrap_or(&path)),
                counts.translated,
                counts.fuzzy,
                counts.untranslated
            ));
            writes.push((path, text));
            writes.push((dir.join(format!("{lang}.state")), state));
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
/// Never through a symbolic link: a link committed into `translations/`
/// could otherwise make an export overwrite any file on the computer.
fn write_if_changed(path: &Path, text: &str) -> Result<()> {
    if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        anyhow::bail!(
            "`{}` is a link to another file; outreach does not write through links. Replace the link with the file itself",
            shown(path)
        );
    }
    if std::fs::read(path).is_ok_and(|old| old == text.as_bytes()) {
        return Ok(());
    }
    replace_file(path, text.as_bytes())
}

/// Says that the project has problems without listing them: they are
/// `check`'s to report, and a translation round trip does not depend on
/// them (files that could not be read are never overwritten).
fn note_load_problems(diags: &Diagnostics) {
    // A campaign file with a problem leaves its whole campaign out, which
    // must not pass unsaid.
    let campaign_errors: Vec<&Diagnostic> = diags
        .sorted()
        .into_iter()
        .filter(|d| {
            d.severity == Severity::Error
                && d.path.as_ref().is_some_and(|p| p.starts_with("campaigns"))
        })
        .collect();
    for d in &campaign_errors {
        eprintln!("{d}\n");
    }
    let errors = diags.count(Severity::Error) - campaign_errors.len();
    if errors > 0 {
        eprintln!(
            "note: the project has {errors} other {} that `outreach check` lists; they do not stop this command.",
            plural(errors, "problem", "problems")
        );
    }
}

/// Prints the problems and a last line; the exit code for content problems.
fn stop(diags: &Diagnostics, last: &str) -> ExitCode {
    for d in diags.shown() {
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
    let site = load::load_site(&args.root, None, load::PageText::Hold, &mut diags)?;
    note_load_problems(&diags);
    let mut diags = Diagnostics::new();
    // Files are read and parsed in parallel: a large campaign's files are
    // tens of megabytes each.
    let read: Vec<std::result::Result<Incoming, Vec<Diagnostic>>> = args
        .files
        .par_iter()
        .map(|path| read_incoming(args, path))
        .collect();
    let mut incoming = Vec::new();
    for result in read {
        match result {
            Ok(inc) => incoming.push(inc),
            Err(problems) => diags.extend(problems),
        }
    }
    let mut seen: HashMap<(String, String), PathBuf> = HashMap::new();
    let mut planned = Vec::new();
    for inc in &incoming {
        let (campaign, lang) = match identify(&site, inc) {
            Ok(found) => found,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        // Two files for one language would each overwrite the other's texts.
        if let Some(first) = seen.insert((campaign.id.clone(), lang.clone()), inc.file.path.clone())
        {
            diags.push(
                Diagnostic::in_file(
                    &inc.file.path,
                    Severity::Error,
                    format!(
                        "`{}` has the `{lang}` texts of `{}` too: import one file per language",
                        shown(&first),
                        campaign.id
                    ),
                )
                .with_help("import the newer of the two files"),
            );
            continue;
        }
        planned.push((inc, campaign, lang));
    }
    // Each campaign's sources once, for every file of it.
    let sources: HashMap<&str, Sources> = site
        .campaigns
        .values()
        .filter(|c| seen.keys().any(|(id, _)| id == &c.id))
        .map(|c| (c.id.as_str(), Sources::new(&site, c)))
        .collect();
    let plans: Vec<(Option<Plan>, Diagnostics)> = planned
        .par_iter()
        .map(|(inc, campaign, lang)| {
            let mut problems = Diagnostics::new();
            let plan = plan_import(args, &sources, inc, campaign, lang, &mut problems);
            (plan, problems)
        })
        .collect();
    let mut writes: Vec<(PathBuf, String)> = Vec::new();
    let mut report = Vec::new();
    for (plan, problems) in plans {
        diags.extend(problems.iter().cloned());
        if let Some(plan) = plan {
            writes.extend(plan.writes);
            report.push(plan.report);
        }
    }
    if diags.has_errors() {
        return Ok(stop(&diags, "Nothing was written."));
    }
    for d in diags.shown() {
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

/// Reads and parses one exchange file given to `import`.
fn read_incoming(args: &ImportArgs, path: &Path) -> std::result::Result<Incoming, Vec<Diagnostic>> {
    let rel = path.strip_prefix(&args.root).unwrap_or(path).to_path_buf();
    let Some(format) = Format::of_path(path) else {
        return Err(vec![Diagnostic::in_file(
            &rel,
            Severity::Error,
            "not an exchange file: expected a name ending in `.po` or `.xlf`",
        )]);
    };
    let file = read_exchange_file(path, &rel).map_err(|d| vec![d])?;
    let mut catalog = parse_exchange(&file, format)?;
    // White space around a text is never part of it: a translator's stray
    // space or line break would change the page.
    for m in &mut catalog.messages {
        if m.translation.starts_with(char::is_whitespace)
            || m.translation.ends_with(char::is_whitespace)
        {
            m.translation = m.translation.trim().to_string();
        }
    }
    Ok(Incoming {
        path: path.to_path_buf(),
        file,
        format,
        catalog,
    })
}

/// What importing one file writes, and what to tell the author.
struct Plan {
    writes: Vec<(PathBuf, String)>,
    report: String,
}

/// The language of a campaign that a code from an exchange file names:
/// as written, in any case, with `_` for `-`, or with a region CAT tools
/// add (`sq-AL`, `sq_AL`). Never the default language or `sr-Latn`.
fn match_language<'c>(campaign: &'c Campaign, code: &str) -> Option<&'c str> {
    let code = code.trim().replace('_', "-");
    let targets = target_languages(campaign);
    let exact = targets.iter().find(|t| t.eq_ignore_ascii_case(&code));
    if let Some(t) = exact {
        return Some(t);
    }
    let (base, region) = code.split_once('-')?;
    let is_region = (region.len() == 2 && region.chars().all(|c| c.is_ascii_alphabetic()))
        || (region.len() == 3 && region.chars().all(|c| c.is_ascii_digit()));
    if !is_region {
        return None;
    }
    targets.into_iter().find(|t| t.eq_ignore_ascii_case(base))
}

/// The campaign and language an exchange file is for, from what it says
/// and where it is; a problem naming the file when they do not fit the
/// project.
fn identify<'s>(site: &'s Site, inc: &Incoming) -> Result<(&'s Campaign, String), Diagnostic> {
    let file = &inc.file;
    let problem = |message: String, help: String| {
        Diagnostic::in_file(&file.path, Severity::Error, message).with_help(help)
    };
    let stem = inc.path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let folder = inc
        .path
        .parent()
        .and_then(|p| p.file_name())
        .and_then(|s| s.to_str())
        .unwrap_or("");
    let campaigns = || {
        site.campaigns
            .keys()
            .cloned()
            .collect::<Vec<_>>()
            .join(", ")
    };
    if inc.path.extension().is_some_and(|e| e == "pot") {
        return Err(problem(
            "this is a template (`.pot`): it has the texts to translate, but no translations"
                .into(),
            "import the file of a language, such as `translations/<campaign>/sq.po`".into(),
        ));
    }
    let campaign_id = if inc.catalog.campaign.is_empty() {
        if !site.campaigns.contains_key(folder) {
            return Err(problem(
                "the file does not say which campaign it is for (it has no `X-Outreach-Campaign` line), and it is not in a campaign's folder".into(),
                format!("put it in `{TRANSLATIONS_DIR}/<campaign>/`; the campaigns here are: {}", campaigns()),
            ));
        }
        folder
    } else {
        inc.catalog.campaign.as_str()
    };
    let Some(campaign) = site.campaigns.get(campaign_id) else {
        return Err(problem(
            format!(
                "the file is for the campaign `{campaign_id}`, which this project does not have"
            ),
            format!("the campaigns here are: {}", campaigns()),
        ));
    };
    if site.campaigns.contains_key(folder) && folder != campaign_id {
        return Err(problem(
            format!(
                "the file is for the campaign `{campaign_id}` but is in the folder of `{folder}`"
            ),
            "check that the translator sent back the right file".into(),
        ));
    }
    let written = if inc.catalog.language.is_empty() {
        stem
    } else {
        inc.catalog.language.as_str()
    };
    let targets = target_languages(campaign);
    let Some(lang) = match_language(campaign, written) else {
        return Err(problem(
            format!(
                "the campaign `{}` has no language `{written}` to translate into",
                campaign.id
            ),
            format!("its languages to translate are: {}", targets.join(", ")),
        ));
    };
    if let Some(named) = match_language(campaign, stem)
        && named != lang
    {
        return Err(problem(
            format!("the file is named for `{named}` but its texts are in `{lang}`"),
            "check that the translator sent back the right file".into(),
        ));
    }
    Ok((campaign, lang.to_string()))
}

/// Where a document's text comes from in an import.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Taken {
    /// A translated entry of the exchange file.
    Exchange,
    /// What the translated document already says (the entry is fuzzy or empty).
    Kept,
    /// The source text (`--partial`).
    Source,
}

/// Checks one exchange file, for `campaign` in `lang`, against the project
/// and works out every file it writes. Problems go to `diags`; `None` when
/// the file cannot be used.
fn plan_import(
    args: &ImportArgs,
    all_sources: &HashMap<&str, Sources>,
    inc: &Incoming,
    campaign: &Campaign,
    lang: &str,
    diags: &mut Diagnostics,
) -> Option<Plan> {
    let file = &inc.file;
    let script = campaign
        .language(lang)
        .map_or("Latn", |l| l.script.as_str())
        .to_string();
    let sources = all_sources.get(campaign.id.as_str())?;
    let docs = &sources.docs;
    let kinds: FxHashMap<(&str, &str), Kind> = docs
        .iter()
        .flat_map(|d| {
            d.texts
                .iter()
                .map(move |t| ((d.context.as_str(), t.source.as_str()), t.kind))
        })
        .collect();
    let current: Vec<&Message> = inc
        .catalog
        .messages
        .iter()
        .filter(|m| !m.obsolete)
        .collect();
    if !same_texts(inc, campaign, lang, &current, &kinds, diags) {
        return None;
    }
    // Every document as it is in the language now, lined up with the source.
    let translated: Vec<Option<document::Translated>> = (0..docs.len())
        .map(|n| sources.translated(n, lang))
        .collect();
    let in_pages: FxHashMap<(&str, &str), &str> = docs
        .iter()
        .zip(&translated)
        .filter_map(|(doc, t)| Some((doc, t.as_ref()?)))
        .filter(|(_, t)| t.misaligned.is_none())
        .flat_map(|(doc, t)| {
            doc.texts.iter().zip(&t.texts).filter_map(|(text, value)| {
                Some((
                    (doc.context.as_str(), text.source.as_str()),
                    value.as_deref()?,
                ))
            })
        })
        .collect();
    // Only what will be imported is checked: fuzzy and empty entries keep
    // what the page has, and a text the page already has was checked when
    // it got there.
    let before = diags.count(Severity::Error);
    for m in current.iter().filter(|m| {
        m.is_translated()
            && in_pages.get(&(m.context.as_str(), m.source.as_str()))
                != Some(&m.translation.as_str())
    }) {
        let kind = kinds[&(m.context.as_str(), m.source.as_str())];
        diags.extend(check::check(m, kind, &script, file));
    }
    if diags.count(Severity::Error) > before {
        return None;
    }
    let translations: FxHashMap<(&str, &str), &Message> = current
        .iter()
        .map(|m| ((m.context.as_str(), m.source.as_str()), *m))
        .collect();
    let mut state = project::state(&args.root, &campaign.id, lang);
    let mut writes = Vec::new();
    let (mut written, mut kept, mut left_out) = (0usize, Vec::new(), Vec::new());
    let mut campaign_yaml = campaign.source.text().to_string();
    for ((n, doc), existing) in docs.iter().enumerate().zip(translated) {
        let target_path = doc.path_in(&campaign.id, lang);
        let target_shown = shown(&target_path);
        let aligned = |i: usize, field: Field| {
            existing
                .as_ref()
                .filter(|e| e.misaligned.is_none() || !matches!(field, Field::Body(_)))
                .and_then(|e| e.texts[i].clone())
        };
        let mut values: Vec<Option<String>> = Vec::with_capacity(doc.texts.len());
        let mut from: Vec<Taken> = Vec::with_capacity(doc.texts.len());
        for (i, t) in doc.texts.iter().enumerate() {
            let m = translations.get(&(doc.context.as_str(), t.source.as_str()));
            let (value, source) = match m.filter(|m| m.is_translated()) {
                Some(m) => (Some(m.translation.clone()), Taken::Exchange),
                None => match aligned(i, t.field) {
                    Some(kept) => (Some(kept), Taken::Kept),
                    None if args.partial => (Some(t.source.clone()), Taken::Source),
                    None => (None, Taken::Kept),
                },
            };
            values.push(value);
            from.push(source);
        }
        // A text changed by hand in the document since outreach last saw
        // it, which the import would replace.
        let hand_edited = |i: usize| -> bool {
            let Some(page_text) = aligned(i, doc.texts[i].field) else {
                return false;
            };
            let key = State::key(&doc.context, &doc.texts[i].source);
            let edited = match state.texts.get(&key) {
                Some(base) => &State::stamp(&page_text) != base,
                None => existing.as_ref().is_some_and(|e| {
                    state.files.get(&target_shown) != Some(&State::stamp(e.file.text()))
                }),
            };
            edited && values[i].as_deref() != Some(page_text.as_str())
        };
        if doc.kind == DocKind::Campaign {
            if !args.force && (0..doc.texts.len()).any(hand_edited) {
                diags.push(conflict(&campaign.source.path, &campaign.id, lang));
                continue;
            }
            for (i, t) in doc.texts.iter().enumerate() {
                let (Field::Campaign(field), Some(v)) = (t.field, &values[i]) else {
                    continue;
                };
                if from[i] != Taken::Exchange || aligned(i, t.field).as_ref() == Some(v) {
                    continue;
                }
                match document::set_campaign_text(&campaign_yaml, field, lang, v) {
                    Ok(yaml) => campaign_yaml = yaml,
                    Err(e) => diags.push(
                        campaign
                            .source
                            .at_line_col(
                                t.line,
                                1,
                                Severity::Error,
                                format!("cannot write the `{lang}` text here: {e}"),
                            )
                            .with_help(format!(
                                "write it by hand: `{lang}: {}`",
                                document::yaml_quote(v)
                            )),
                    ),
                }
            }
            remember(
                &mut state,
                doc,
                &values,
                &target_shown,
                &document::campaign_digest(&campaign_yaml, lang),
            );
            continue;
        }
        let missing = values.iter().filter(|v| v.is_none()).count();
        if missing > 0 {
            if existing.is_some() {
                kept.push(target_shown.clone());
            } else {
                left_out.push(format!(
                    "{target_shown} ({missing} texts not translated yet)"
                ));
            }
            continue;
        }
        if existing.is_none() && args.root.join(&target_path).exists() {
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
        // Every text as the page has it, and no stamp to change: nothing to write.
        if let Some(e) = existing.as_ref()
            && e.misaligned.is_none()
            && e.same_structure
            && (!e.outdated || from.iter().any(|f| *f != Taken::Exchange))
            && e.texts.iter().zip(&values).all(|(now, new)| now == new)
        {
            remember(&mut state, doc, &values, &target_shown, e.file.text());
            continue;
        }
        let new_text = match page_text(sources, n, existing.as_ref(), &values, &from) {
            Ok(Some(text)) => text,
            Ok(None) => continue,
            Err(e) => {
                diags.push(Diagnostic::in_file(
                    &file.path,
                    Severity::Error,
                    format!("cannot write {target_shown}: {e}"),
                ));
                continue;
            }
        };
        if existing.as_ref().map(|e| e.file.text()) == Some(new_text.as_str()) {
            remember(&mut state, doc, &values, &target_shown, &new_text);
            continue;
        }
        if let Some(d) =
            structure_changed(&new_text, doc, &values, &translations, file, &target_shown)
        {
            diags.push(d);
            continue;
        }
        if !args.force && (0..doc.texts.len()).any(hand_edited) {
            diags.push(conflict(&target_path, &campaign.id, lang));
            continue;
        }
        remember(&mut state, doc, &values, &target_shown, &new_text);
        writes.push((args.root.join(&target_path), new_text));
        written += 1;
    }
    // The campaign file: checked like a page, written once with every text.
    if campaign_yaml != campaign.source.text() {
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
    writes.extend(keep_exchange_files(args, inc, campaign, lang));
    writes.push((
        exchange_dir(&args.root, &campaign.id).join(format!("{lang}.state")),
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

/// Records what a document holds after the import, for the next hand-edit check.
fn remember(
    state: &mut State,
    doc: &document::Doc,
    values: &[Option<String>],
    path: &str,
    text: &str,
) {
    state.files.insert(path.to_string(), State::stamp(text));
    for (t, v) in doc.texts.iter().zip(values) {
        if let Some(v) = v {
            state
                .texts
                .insert(State::key(&doc.context, &t.source), State::stamp(v));
        }
    }
}

/// Whether the file has exactly the texts the source has now; if not, the
/// problem, said once for the file.
fn same_texts(
    inc: &Incoming,
    campaign: &Campaign,
    lang: &str,
    current: &[&Message],
    kinds: &FxHashMap<(&str, &str), Kind>,
    diags: &mut Diagnostics,
) -> bool {
    let unknown: Vec<&Message> = current
        .iter()
        .filter(|m| !kinds.contains_key(&(m.context.as_str(), m.source.as_str())))
        .copied()
        .collect();
    let in_file: rustc_hash::FxHashSet<(&str, &str)> = current
        .iter()
        .map(|m| (m.context.as_str(), m.source.as_str()))
        .collect();
    let new_texts = kinds.keys().filter(|k| !in_file.contains(*k)).count();
    if unknown.is_empty() && new_texts == 0 {
        return true;
    }
    let mut what = Vec::new();
    if !unknown.is_empty() {
        what.push(format!(
            "{} {} no longer in the source (the first, at line {}: “{}”)",
            unknown.len(),
            if unknown.len() == 1 {
                "text is"
            } else {
                "texts are"
            },
            unknown[0].line,
            check::abbreviate(&unknown[0].source)
        ));
    }
    if new_texts > 0 {
        what.push(format!(
            "{new_texts} {} of the source {} missing from it",
            plural(new_texts, "text", "texts"),
            if new_texts == 1 { "is" } else { "are" }
        ));
    }
    let project_file = Path::new(TRANSLATIONS_DIR)
        .join(&campaign.id)
        .join(format!("{lang}.{}", inc.format.extension()));
    let is_project_file = inc.file.path == project_file;
    let help = if is_project_file {
        format!(
            "run `outreach translate export --campaign {} --lang {lang}`: it brings this file up to date, keeps its translations and marks the changed ones to check; then import it again",
            campaign.id
        )
    } else {
        format!(
            "copy it to `{}` and run `outreach translate export --campaign {} --lang {lang}`: that keeps its translations and marks the changed ones to check; then import that file",
            shown(&project_file),
            campaign.id
        )
    };
    diags.push(
        Diagnostic::in_file(
            &inc.file.path,
            Severity::Error,
            format!(
                "the file does not match the texts of the source as they are now: {}",
                what.join("; ")
            ),
        )
        .with_help(help),
    );
    false
}

/// The new text of a page or leaflet text. Its structure is the translated
/// page's when that lines up with the source, else the source's; `None`
/// when there is no source page to take it from.
fn page_text(
    sources: &Sources,
    n: usize,
    existing: Option<&document::Translated>,
    values: &[Option<String>],
    from: &[Taken],
) -> std::result::Result<Option<String>, String> {
    let doc = &sources.docs[n];
    // Stamped only when every text comes from the exchange file translated.
    let stamp = sources
        .source_stamp(n)
        .filter(|_| from.iter().all(|f| *f == Taken::Exchange));
    let skeleton = match existing {
        Some(e) if e.misaligned.is_none() && e.same_structure => {
            return document::write_page(&e.file, doc, values, stamp).map(Some);
        }
        _ => match sources.source_page(doc) {
            Some(source) => (*source.source).clone(),
            None => return Ok(None),
        },
    };
    let mut text = document::write_page(&skeleton, doc, values, stamp)?;
    // The source's `review:` note is about the source, and its `audio:` is
    // a recording in the source's language (beside the source page, so
    // the translation would name a file its folder does not have): the
    // translation keeps its own of each, or has none.
    let own = existing.and_then(|e| front_matter::parse(&e.file).ok().map(|(front, _)| front));
    let keys = [
        ("review", own.as_ref().and_then(|f| f.review.clone())),
        ("audio", own.as_ref().and_then(|f| f.audio.clone())),
    ];
    for (key, value) in keys {
        let file = SourceFile::new(skeleton.path.clone(), text);
        text = match value {
            Some(value) => front_matter::set_key(&file, key, &yaml_value(&value)),
            None => front_matter::remove_key(&file, key),
        }
        .map_err(|d| d.message)?;
    }
    Ok(Some(text))
}

/// A front matter value written as authors write it (`review: needed`,
/// `audio: citanje.mp3`) where YAML reads it as the same text, else quoted.
fn yaml_value(value: &str) -> String {
    match front_matter::plain_string(value) {
        Some(plain) if plain == value && value.trim() == value => value.to_string(),
        _ => document::yaml_quote(value),
    }
}

/// A page must read back as the same blocks with the new texts; where it
/// does not, the problem names the entry whose text broke it.
fn structure_changed(
    new_text: &str,
    doc: &document::Doc,
    values: &[Option<String>],
    translations: &FxHashMap<(&str, &str), &Message>,
    file: &SourceFile,
    target: &str,
) -> Option<Diagnostic> {
    let body: Vec<(usize, &str)> = doc
        .texts
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.field, Field::Body(_)))
        .filter_map(|(i, _)| values[i].as_deref().map(|v| (i, v)))
        .collect();
    let written = SourceFile::new(target, new_text);
    let reread = front_matter::parse(&written)
        .map(|(_, start)| segment::segments(&new_text[start..]))
        .unwrap_or_default();
    let broken = (0..body.len().max(reread.len()))
        .find(|&k| reread.get(k).map(|s| s.text.as_str()) != body.get(k).map(|(_, v)| *v))?;
    let line = body
        .get(broken)
        .and_then(|(i, _)| translations.get(&(doc.context.as_str(), doc.texts[*i].source.as_str())))
        .map_or(1, |m| m.line.max(1));
    Some(
        file.at_line_col(
            line,
            1,
            Severity::Error,
            format!("this translation would change the structure of {target}: the page would not read back as the same blocks of text"),
        )
        .with_help("look for a line that starts with `-`, `#`, `>` or a number and a dot, or an empty line, and join it to the line before"),
    )
}

/// The project keeps the last exchange file of each language, in each
/// format it keeps: the imported file goes there, and a file in the other
/// format takes its translations (keeping what only that format holds).
fn keep_exchange_files(
    args: &ImportArgs,
    inc: &Incoming,
    campaign: &Campaign,
    lang: &str,
) -> Vec<(PathBuf, String)> {
    let mut writes = Vec::new();
    let dir = exchange_dir(&args.root, &campaign.id);
    for format in [Format::Po, Format::Xliff] {
        let project_file = dir.join(format!("{lang}.{}", format.extension()));
        let same_file =
            std::fs::canonicalize(&project_file).ok() == std::fs::canonicalize(&inc.path).ok();
        if same_file {
            continue;
        }
        let rel = project_file
            .strip_prefix(&args.root)
            .unwrap_or(&project_file);
        let existing = project_file
            .is_file()
            .then(|| read_exchange_file(&project_file, rel).ok())
            .flatten()
            .and_then(|f| parse_exchange(&f, format).ok());
        let catalog = match existing {
            Some(mut kept) => {
                let incoming: HashMap<(&str, &str), &Message> = inc
                    .catalog
                    .messages
                    .iter()
                    .filter(|m| !m.obsolete)
                    .map(|m| ((m.context.as_str(), m.source.as_str()), m))
                    .collect();
                for m in kept.messages.iter_mut().filter(|m| !m.obsolete) {
                    if let Some(new) = incoming.get(&(m.context.as_str(), m.source.as_str())) {
                        m.translation = new.translation.clone();
                        m.fuzzy = new.fuzzy;
                        if !m.fuzzy {
                            m.previous_source = None;
                        }
                    }
                }
                kept
            }
            None if format == inc.format => inc.catalog.clone(),
            None => continue,
        };
        writes.push((project_file, write_exchange(&catalog, format)));
    }
    writes
}

/// A translated file changed by hand since outreach last read or wrote it.
fn conflict(path: &Path, campaign: &str, lang: &str) -> Diagnostic {
    Diagnostic::in_file(
        path,
        Severity::Error,
        "this file was changed by hand since the last export or import, and the import would overwrite those changes",
    )
    .with_help(format!(
        "either import with `--force` to replace the changes with the file's translations, or run `outreach translate export --campaign {campaign} --lang {lang}`: it takes the changes into `translations/{campaign}/{lang}.po` (a text changed on both sides is marked to check, with both versions); send that file to the translator instead of importing this one"
    ))
}

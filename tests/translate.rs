//! The translation exchange (issue 12): `outreach translate export` and
//! `import`, run on copies of the example campaigns.

mod common;

use std::path::Path;

use common::{Project, stderr, stdout};
use outreach::diag::SourceFile;
use outreach::exchange::{Catalog, po, xliff};

/// Everything an import may write: pages, leaflet texts, campaign files.
fn sources(p: &Project) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut all = p.snapshot(&p.root().join("content"));
    all.extend(
        p.snapshot(&p.root().join("campaigns"))
            .into_iter()
            .map(|(k, v)| (Path::new("campaigns").join(k), v)),
    );
    all
}

fn read_po(p: &Project, rel: &str) -> Catalog {
    let text = std::fs::read_to_string(p.root().join(rel)).unwrap();
    po::parse(&SourceFile::new(rel, text)).unwrap_or_else(|e| panic!("{rel}: {e:?}"))
}

/// `outreach translate export` of the Albanian texts of safe-work, which
/// must succeed.
fn export_sq(p: &Project, format: &str) {
    ok(&p.outreach(&[
        "translate",
        "export",
        "--format",
        format,
        "--campaign",
        "safe-work",
        "--lang",
        "sq",
    ]));
}

/// `outreach status` of the safe-work campaign's language `lang`, as JSON.
fn status_of(p: &Project, lang: &str) -> serde_json::Value {
    let out = p.outreach(&["status", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json.as_array()
        .unwrap()
        .iter()
        .find(|s| s["campaign"] == "safe-work" && s["language"] == lang)
        .unwrap()
        .clone()
}

/// `outreach translate import FILE` fails, saying `expected`.
fn refused(p: &Project, file: &str, expected: &str) {
    let out = p.outreach(&["translate", "import", file]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains(expected), "{}", stderr(&out));
}

fn ok(output: &std::process::Output) {
    assert!(
        output.status.success(),
        "failed:\n{}\n{}",
        stdout(output),
        stderr(output)
    );
}

/// Every `.po` (or `.xlf`) file an export wrote.
fn exchange_files(p: &Project, ext: &str) -> Vec<String> {
    let mut files: Vec<String> = walkdir::WalkDir::new(p.root().join("translations"))
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == ext))
        .map(|e| {
            e.path()
                .strip_prefix(p.root())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    files.sort();
    files
}

#[test]
fn export_then_import_changes_no_byte_in_either_format() {
    for (format, ext) in [("po", "po"), ("xliff", "xlf")] {
        let p = Project::examples();
        let before = sources(&p);
        ok(&p.outreach(&["translate", "export", "--format", format]));
        let files = exchange_files(&p, ext);
        // on-the-move: ar, fa, ps; safe-work: rom, sq, bs, sr, mk (never en, never sr-Latn).
        assert_eq!(files.len(), 8, "{files:?}");
        assert!(
            !files
                .iter()
                .any(|f| f.contains("/en.") || f.contains("sr-Latn"))
        );
        let exported = p.snapshot(&p.root().join("translations"));
        let mut args = vec!["translate", "import"];
        args.extend(files.iter().map(String::as_str));
        ok(&p.outreach(&args));
        assert!(
            before == sources(&p),
            "{format}: an import of an unchanged export changed a file"
        );
        // A second export gives the same files: nothing dated, a stable order.
        ok(&p.outreach(&["translate", "export", "--format", format]));
        assert!(exported == p.snapshot(&p.root().join("translations")));
    }
}

#[test]
fn the_first_export_takes_the_existing_translations() {
    let p = Project::examples();
    ok(&p.outreach(&["translate", "export"]));
    let sq = read_po(&p, "translations/safe-work/sq.po");
    assert_eq!(sq.language, "sq");
    assert_eq!(sq.campaign, "safe-work");
    let heading = sq
        .messages
        .iter()
        .find(|m| m.context == "get-help" && m.source == "Call for help")
        .expect("the heading of get-help is a message");
    assert_eq!(heading.translation, "Telefononi për ndihmë");
    assert!(heading.notes.iter().any(|n| n == "heading"));
    assert!(
        heading
            .references
            .iter()
            .any(|r| r.starts_with("content/safe-work/en/get-help.md:")),
        "{:?}",
        heading.references
    );
    // The campaign file's texts and the leaflets are there too.
    let title = sq
        .messages
        .iter()
        .find(|m| m.context == "campaign" && m.source == "Safe work abroad")
        .unwrap();
    assert_eq!(title.translation, "Punë e sigurt jashtë vendit");
    assert!(sq.messages.iter().any(|m| m.context == "leaflets/card"));
    // Code blocks, link destinations and ids are not messages of their own.
    assert!(!sq.messages.iter().any(|m| m.source.contains("{#hotline}")));
    let template = read_po(&p, "translations/safe-work/safe-work.pot");
    assert!(template.language.is_empty());
    assert!(template.messages.iter().all(|m| m.translation.is_empty()));
}

#[test]
fn one_changed_paragraph_is_exactly_one_fuzzy_entry() {
    let p = Project::examples();
    ok(&p.outreach(&["translate", "export"]));
    let page = p.root().join("content/safe-work/en/get-help.md");
    let text = std::fs::read_to_string(&page).unwrap();
    let old = "The person who answers should listen to you calmly";
    assert!(text.contains(old));
    std::fs::write(
        &page,
        text.replace(
            old,
            "The person who answers should listen to you patiently and calmly",
        ),
    )
    .unwrap();
    ok(&p.outreach(&["translate", "export"]));
    for lang in ["sq", "bs", "sr", "mk", "rom"] {
        let catalog = read_po(&p, &format!("translations/safe-work/{lang}.po"));
        let fuzzy: Vec<_> = catalog.messages.iter().filter(|m| m.fuzzy).collect();
        assert_eq!(fuzzy.len(), 1, "{lang}: {fuzzy:#?}");
        assert!(
            fuzzy[0]
                .source
                .contains("listen to you patiently and calmly")
        );
        assert!(
            fuzzy[0]
                .previous_source
                .as_deref()
                .is_some_and(|s| s.contains(old)),
            "{lang}: the old source is kept as #| msgid"
        );
        assert!(
            !fuzzy[0].translation.is_empty(),
            "the old translation is the suggestion"
        );
    }
    // status counts it, per language.
    let sq = status_of(&p, "sq");
    assert_eq!(sq["texts"]["fuzzy"], 1);
    assert!(sq["texts"]["translated"].as_u64().unwrap() > 50);
    assert!(stdout(&p.outreach(&["status"])).contains("texts done/check/new"));
}

#[test]
fn an_import_writes_the_translation_into_the_structure_and_stamps_it() {
    let p = Project::examples();
    ok(&p.outreach(&["translate", "export"]));
    let po_path = p.root().join("translations/safe-work/sq.po");
    let text = std::fs::read_to_string(&po_path).unwrap();
    let old = "msgstr \"Telefononi për ndihmë\"";
    assert!(text.contains(old));
    std::fs::write(&po_path, text.replace(old, "msgstr \"Thirrni për ndihmë\"")).unwrap();
    let before =
        std::fs::read_to_string(p.root().join("content/safe-work/sq/get-help.md")).unwrap();
    ok(&p.outreach(&["translate", "import", "translations/safe-work/sq.po"]));
    let after = std::fs::read_to_string(p.root().join("content/safe-work/sq/get-help.md")).unwrap();
    assert_eq!(
        after,
        before.replace(
            "## Telefononi për ndihmë {#hotline}",
            "## Thirrni për ndihmë {#hotline}"
        )
    );
    // The other campaign's and languages' files are untouched; the site builds.
    p.build_ok();
    let page = p.page("safe-work/sq/get-help.html");
    assert!(
        common::texts(&page, "h2")
            .iter()
            .any(|h| h.contains("Thirrni për ndihmë"))
    );
}

#[test]
fn a_new_language_is_written_only_when_complete_or_asked() {
    let p = Project::examples();
    // Albanian pages disappear: an export gives empty entries for them.
    std::fs::remove_dir_all(p.root().join("content/safe-work/sq")).unwrap();
    export_sq(&p, "po");
    let catalog = read_po(&p, "translations/safe-work/sq.po");
    let page_messages: Vec<_> = catalog
        .messages
        .iter()
        .filter(|m| m.context != "campaign")
        .collect();
    assert!(page_messages.iter().all(|m| m.translation.is_empty()));
    // Translate one page's texts only ("translation": the source upper-cased).
    let mut translated = catalog.clone();
    for m in &mut translated.messages {
        if m.context == "warning-signs" {
            m.translation = format!("SQ {}", m.source);
        }
    }
    std::fs::write(
        p.root().join("translations/safe-work/sq.po"),
        po::write(&translated),
    )
    .unwrap();
    let out = p.outreach(&["translate", "import", "translations/safe-work/sq.po"]);
    ok(&out);
    assert!(stdout(&out).contains("not written yet"), "{}", stdout(&out));
    assert!(
        p.root()
            .join("content/safe-work/sq/warning-signs.md")
            .is_file()
    );
    assert!(!p.root().join("content/safe-work/sq/get-help.md").exists());
    // The new page has the source's structure and is stamped.
    let page =
        std::fs::read_to_string(p.root().join("content/safe-work/sq/warning-signs.md")).unwrap();
    assert!(page.contains("source_hash:"));
    let out = p.outreach(&[
        "translate",
        "import",
        "--partial",
        "translations/safe-work/sq.po",
    ]);
    ok(&out);
    assert!(p.root().join("content/safe-work/sq/get-help.md").is_file());
}

#[test]
fn a_hand_edit_since_the_export_is_not_overwritten() {
    let p = Project::examples();
    export_sq(&p, "po");
    let po_path = p.root().join("translations/safe-work/sq.po");
    let text = std::fs::read_to_string(&po_path).unwrap();
    std::fs::write(
        &po_path,
        text.replace(
            "msgstr \"Telefononi për ndihmë\"",
            "msgstr \"Thirrni për ndihmë\"",
        ),
    )
    .unwrap();
    let page = p.root().join("content/safe-work/sq/get-help.md");
    let edited = std::fs::read_to_string(&page)
        .unwrap()
        .replace("Nuk keni pse", "Nuk keni nevojë");
    std::fs::write(&page, &edited).unwrap();
    let before = sources(&p);
    let out = p.outreach(&["translate", "import", "translations/safe-work/sq.po"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("content/safe-work/sq/get-help.md"), "{err}");
    assert!(err.contains("changed by hand"), "{err}");
    assert!(err.contains("Nothing was written"), "{err}");
    assert!(before == sources(&p));
    // The next export takes the hand edit; then the import goes through.
    export_sq(&p, "po");
    let catalog = read_po(&p, "translations/safe-work/sq.po");
    assert!(
        catalog
            .messages
            .iter()
            .any(|m| m.translation.starts_with("Nuk keni nevojë"))
    );
    ok(&p.outreach(&["translate", "import", "translations/safe-work/sq.po"]));
    // --force overwrites a hand edit.
    std::fs::write(
        &page,
        std::fs::read_to_string(&page)
            .unwrap()
            .replace("Nuk keni nevojë", "X"),
    )
    .unwrap();
    assert_eq!(
        p.outreach(&["translate", "import", "translations/safe-work/sq.po"])
            .status
            .code(),
        Some(1)
    );
    ok(&p.outreach(&[
        "translate",
        "import",
        "--force",
        "translations/safe-work/sq.po",
    ]));
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .contains("Nuk keni nevojë")
    );
}

/// An exported `sq.po` with one translation replaced, imported: the
/// import must fail at that entry's line, naming the file, and write nothing.
fn import_fails(p: &Project, from: &str, to: &str, expected: &str) {
    let rel = "translations/safe-work/sq.po";
    let path = p.root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "the fixture has {from}");
    let broken = text.replacen(from, to, 1);
    std::fs::write(&path, &broken).unwrap();
    let line = broken[..broken.find(to).unwrap()].matches('\n').count() + 1;
    let before = sources(p);
    let out = p.outreach(&["translate", "import", rel]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(expected), "expected {expected:?} in:\n{err}");
    assert!(err.contains("translations/safe-work/sq.po:"), "{err}");
    // The entry starts a few lines above its msgstr.
    let located = err
        .lines()
        .filter_map(|l| l.strip_prefix("translations/safe-work/sq.po:"))
        .filter_map(|l| l.split(':').next()?.parse::<usize>().ok())
        .any(|n| n <= line && n + 8 >= line);
    assert!(located, "no location near line {line}:\n{err}");
    assert!(err.contains("Nothing was written"), "{err}");
    assert!(before == sources(p));
    std::fs::write(&path, text).unwrap();
}

#[test]
fn bad_translations_are_reported_and_nothing_is_written() {
    let p = Project::examples();
    export_sq(&p, "po");
    // The link to the hotline heading.
    import_fails(
        &p,
        "ndihmë](get-help.md#hotline).\"",
        "ndihmë](get-help.md#linja).\"",
        "goes somewhere else",
    );
    import_fails(
        &p,
        "ndihmës: `+000 00 000 000`.\"",
        "ndihmës: `+000 00 000`.\"",
        "backticks",
    );
    import_fails(
        &p,
        "msgstr \"Telefononi për ndihmë\"",
        "msgstr \"Telefononi <b>për</b> ndihmë\"",
        "HTML",
    );
    import_fails(
        &p,
        "msgstr \"Telefononi për ndihmë\"",
        "msgstr \"**Telefononi për ndihmë\"",
        "does not close",
    );
    import_fails(
        &p,
        "msgstr \"Telefononi për ndihmë\"",
        "msgstr \"Позовите за помоћ одмах\"",
        "not in the language's script",
    );
    import_fails(
        &p,
        "msgstr \"Telefononi për ndihmë\"",
        "msgstr \"Telefononi\\npër ndihmë\"",
        "one line",
    );
}

#[test]
fn a_file_for_another_campaign_language_or_template_is_refused() {
    let p = Project::examples();
    ok(&p.outreach(&["translate", "export"]));
    // Another language's file under this language's name.
    std::fs::copy(
        p.root().join("translations/safe-work/bs.po"),
        p.root().join("translations/safe-work/sq.po"),
    )
    .unwrap();
    refused(
        &p,
        "translations/safe-work/sq.po",
        "named for `sq` but its texts are in `bs`",
    );
    // Another campaign's file in this campaign's folder.
    std::fs::copy(
        p.root().join("translations/on-the-move/fa.po"),
        p.root().join("translations/safe-work/fa.po"),
    )
    .unwrap();
    refused(
        &p,
        "translations/safe-work/fa.po",
        "in the folder of `safe-work`",
    );
    // The source changed after the export: the file is from an older template.
    let p = Project::examples();
    export_sq(&p, "po");
    let page = p.root().join("content/safe-work/en/get-help.md");
    let text = std::fs::read_to_string(&page).unwrap();
    std::fs::write(
        &page,
        text.replace("What happens when you call", "What happens next"),
    )
    .unwrap();
    refused(
        &p,
        "translations/safe-work/sq.po",
        "does not match the texts of the source",
    );
}

#[test]
fn campaign_texts_travel_too() {
    let p = Project::examples();
    export_sq(&p, "po");
    let rel = "translations/safe-work/sq.po";
    let text = std::fs::read_to_string(p.root().join(rel)).unwrap();
    let old = "msgstr \"Punë e sigurt jashtë vendit\"";
    assert!(text.contains(old));
    std::fs::write(
        p.root().join(rel),
        text.replace(old, "msgstr \"Punë e sigurt në botë\""),
    )
    .unwrap();
    ok(&p.outreach(&["translate", "import", rel]));
    let yaml = std::fs::read_to_string(p.root().join("campaigns/safe-work.yaml")).unwrap();
    assert!(yaml.contains("  sq: \"Punë e sigurt në botë\"\n"), "{yaml}");
    // Comments and every other line stay as they were.
    assert!(yaml.starts_with("# Example campaign"));
    p.build_ok();
}

#[test]
fn xliff_keeps_inline_markdown_as_placeholders() {
    let p = Project::examples();
    export_sq(&p, "xliff");
    let text = std::fs::read_to_string(p.root().join("translations/safe-work/sq.xlf")).unwrap();
    assert!(text.contains("urn:oasis:names:tc:xliff:document:1.2"));
    assert!(
        text.contains("<bpt id=\"1\" ctype=\"link\">["),
        "links are protected"
    );
    assert!(text.contains("state=\"translated\""));
    let catalog = xliff::parse(&SourceFile::new("sq.xlf", text)).unwrap();
    assert_eq!(catalog.language, "sq");
    assert!(
        catalog
            .messages
            .iter()
            .any(|m| m.translation == "Telefononi për ndihmë")
    );
}

#[test]
fn an_xliff_file_is_checked_like_a_po_file() {
    let p = Project::examples();
    export_sq(&p, "xliff");
    let rel = "translations/safe-work/sq.xlf";
    let path = p.root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap();
    // A CAT tool's translator changed the protected link in the target.
    let from = "ndihmë<ept id=\"1\">](get-help.md#hotline)</ept>";
    assert!(
        text.contains(from),
        "the link is a placeholder in the target"
    );
    let broken = text.replacen(from, "ndihmë<ept id=\"1\">](index.md)</ept>", 1);
    std::fs::write(&path, &broken).unwrap();
    let before = sources(&p);
    let out = p.outreach(&["translate", "import", rel]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("translations/safe-work/sq.xlf:"), "{err}");
    assert!(err.contains("goes somewhere else"), "{err}");
    assert!(before == sources(&p));
    // Translated in the XLIFF file: the page changes, and only it.
    let from = ">Telefononi për ndihmë</target>";
    assert!(text.contains(from));
    std::fs::write(
        &path,
        text.replacen(from, ">Thirrni për ndihmë</target>", 1),
    )
    .unwrap();
    ok(&p.outreach(&["translate", "import", rel]));
    let page = std::fs::read_to_string(p.root().join("content/safe-work/sq/get-help.md")).unwrap();
    assert!(page.contains("## Thirrni për ndihmë {#hotline}"));
}

/// Sets the msgstr of the entry whose msgid is `msgid`, in a PO file of the
/// project, and clears its fuzzy mark.
fn set_msgstr(p: &Project, rel: &str, msgid: &str, msgstr: &str) {
    let mut catalog = read_po(p, rel);
    let m = catalog
        .messages
        .iter_mut()
        .find(|m| m.source == msgid)
        .unwrap_or_else(|| panic!("no entry {msgid:?}"));
    m.translation = msgstr.to_string();
    m.fuzzy = false;
    std::fs::write(p.root().join(rel), po::write(&catalog)).unwrap();
}

fn read(p: &Project, rel: &str) -> String {
    std::fs::read_to_string(p.root().join(rel)).unwrap()
}

// Regressions from a review of the exchange (issue 12).

#[test]
fn a_source_change_outside_the_texts_rebuilds_the_translation() {
    let p = Project::examples();
    let (en, sq) = (
        "content/safe-work/en/get-help.md",
        "content/safe-work/sq/get-help.md",
    );
    for rel in [en, sq] {
        p.write(
            rel,
            format!("{}\n```\n+381 11 111 1111\n```\n", read(&p, rel)),
        );
    }
    ok(&p.outreach(&["stamp", sq]));
    export_sq(&p, "po");
    p.write(
        en,
        read(&p, en).replace("+381 11 111 1111", "+381 22 222 2222"),
    );
    export_sq(&p, "po");
    ok(&p.outreach(&["translate", "import", "translations/safe-work/sq.po"]));
    let page = read(&p, sq);
    assert!(
        page.contains("+381 22 222 2222"),
        "the new number is in the translation"
    );
    assert!(
        page.contains("review: needed"),
        "the translation's own note stays"
    );
    let sq = status_of(&p, "sq");
    assert_eq!(sq["outdated"].as_array().unwrap().len(), 0);
}

#[test]
fn line_ends_are_not_a_hand_edit_and_stray_spaces_are_trimmed() {
    let p = Project::examples();
    export_sq(&p, "po");
    let page = "content/safe-work/sq/get-help.md";
    p.write(page, read(&p, page).replace('\n', "\r\n"));
    set_msgstr(
        &p,
        "translations/safe-work/sq.po",
        "Call for help",
        " Thirrni për ndihmë \n",
    );
    ok(&p.outreach(&["translate", "import", "translations/safe-work/sq.po"]));
    assert!(read(&p, page).contains("## Thirrni për ndihmë {#hotline}\r\n"));
}

#[test]
fn an_unchanged_campaign_text_keeps_its_line() {
    let p = Project::examples();
    let rel = "campaigns/safe-work.yaml";
    p.write(
        rel,
        read(&p, rel).replace(
            "  sq: \"Punë e sigurt jashtë vendit\"",
            "  sq: Punë e sigurt jashtë vendit   # checked by Ana",
        ),
    );
    let before = read(&p, rel);
    export_sq(&p, "po");
    ok(&p.outreach(&["translate", "import", "translations/safe-work/sq.po"]));
    assert_eq!(read(&p, rel), before);
}

#[test]
fn a_campaign_that_cannot_be_read_is_said_on_export() {
    let p = Project::examples();
    let rel = "campaigns/safe-work.yaml";
    p.write(
        rel,
        read(&p, rel).replace("languages: [rom,", "languages: [ar, rom,"),
    );
    let out = p.outreach(&[
        "translate",
        "export",
        "--campaign",
        "safe-work",
        "--lang",
        "ar",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("campaigns/safe-work.yaml"), "{err}");
    assert!(err.contains("nothing was exported"), "{err}");
}

#[test]
fn an_xliff_import_keeps_what_the_po_file_holds() {
    let p = Project::examples();
    export_sq(&p, "po");
    export_sq(&p, "xliff");
    let po_before = read(&p, "translations/safe-work/sq.po");
    ok(&p.outreach(&["translate", "import", "translations/safe-work/sq.xlf"]));
    assert_eq!(read(&p, "translations/safe-work/sq.po"), po_before);
}

#[test]
fn the_same_text_twice_translated_two_ways_is_left_to_a_person() {
    let p = Project::examples();
    let (en, sq) = (
        "content/safe-work/en/index.md",
        "content/safe-work/sq/index.md",
    );
    p.write(
        en,
        format!("{}\n| A | B |\n|---|---|\n| Yes | Yes |\n", read(&p, en)),
    );
    p.write(
        sq,
        format!(
            "{}\n| A | B |\n|---|---|\n| Po | Po, sigurisht |\n",
            read(&p, sq)
        ),
    );
    ok(&p.outreach(&["stamp", sq]));
    export_sq(&p, "po");
    let catalog = read_po(&p, "translations/safe-work/sq.po");
    let yes = catalog.messages.iter().find(|m| m.source == "Yes").unwrap();
    assert!(yes.fuzzy, "two translations of one text: {yes:?}");
    ok(&p.outreach(&["translate", "import", "translations/safe-work/sq.po"]));
    assert!(read(&p, sq).contains("| Po | Po, sigurisht |"));
}

#[test]
fn two_files_for_one_language_are_refused() {
    let p = Project::examples();
    export_sq(&p, "po");
    export_sq(&p, "xliff");
    let out = p.outreach(&[
        "translate",
        "import",
        "translations/safe-work/sq.po",
        "translations/safe-work/sq.xlf",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("import one file per language"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn an_unstamped_page_gives_texts_to_check() {
    let p = Project::examples();
    let sq = "content/safe-work/sq/get-help.md";
    let text = read(&p, sq);
    let stamp_line = text
        .lines()
        .find(|l| l.starts_with("source_hash:"))
        .unwrap()
        .to_string();
    p.write(sq, text.replace(&format!("{stamp_line}\n"), ""));
    export_sq(&p, "po");
    let catalog = read_po(&p, "translations/safe-work/sq.po");
    let page: Vec<_> = catalog
        .messages
        .iter()
        .filter(|m| m.context == "get-help")
        .collect();
    assert!(page.iter().all(|m| m.fuzzy && !m.translation.is_empty()));
    // An import of them changes nothing and stamps nothing.
    ok(&p.outreach(&["translate", "import", "translations/safe-work/sq.po"]));
    assert!(!read(&p, sq).contains("source_hash"));
}

#[test]
fn language_codes_as_cat_tools_write_them_are_understood() {
    let p = Project::examples();
    export_sq(&p, "po");
    let rel = "translations/safe-work/sq.po";
    p.write(
        rel,
        read(&p, rel).replace("\"Language: sq\\n\"", "\"Language: sq_AL\\n\""),
    );
    ok(&p.outreach(&["translate", "import", rel]));
    p.write(
        rel,
        read(&p, rel).replace("\"Language: sq_AL\\n\"", "\"Language: sr-Latn\\n\""),
    );
    let out = p.outreach(&["translate", "import", rel]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "sr-Latn is made by outreach, never imported"
    );
}

#[cfg(unix)]
#[test]
fn an_export_does_not_write_through_a_link() {
    let p = Project::examples();
    let outside = p.root().join("precious.txt");
    std::fs::write(&outside, "keep me").unwrap();
    std::fs::create_dir_all(p.root().join("translations/safe-work")).unwrap();
    std::os::unix::fs::symlink(&outside, p.root().join("translations/safe-work/sq.state")).unwrap();
    let out = p.outreach(&[
        "translate",
        "export",
        "--campaign",
        "safe-work",
        "--lang",
        "sq",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("does not write through links"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "keep me");
}

#[test]
fn a_template_is_not_imported() {
    let p = Project::examples();
    export_sq(&p, "po");
    let out = p.outreach(&[
        "translate",
        "import",
        "translations/safe-work/safe-work.pot",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("template"), "{}", stderr(&out));
}

#[test]
fn status_says_which_texts_changed_and_counts_leaflets() {
    // Issue 18, item 13: "outdated" alone did not say what changed, and
    // leaflets were left out.
    let p = Project::examples();
    export_sq(&p, "po");
    let card = "content/safe-work/en/leaflets/card.md";
    p.write(
        card,
        read(&p, card).replace("Free and confidential.", "Free, confidential."),
    );
    let out = stdout(&p.outreach(&["status", "--campaign", "safe-work"]));
    assert!(
        out.contains("safe-work/sq: leaflets outdated: leaflets/card.md"),
        "{out}"
    );
    assert!(
        out.contains("safe-work/sq: to check in leaflets/card.md:\n    “Free, confidential."),
        "{out}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&p.outreach(&["status", "--format", "json"]).stdout).unwrap();
    let sq = json
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["language"] == "sq")
        .unwrap();
    assert_eq!(sq["leaflets_outdated"][0], "card");
    assert_eq!(sq["to_check"][0][0], "leaflets/card");
}

// Issue 15, part 4: a recording is read in its page's language. A page an
// import writes from the source does not name the source's recording (its
// folder has no such file, and the build would stop), and a translation
// rewritten from the source keeps its own.
#[test]
fn a_recording_stays_with_the_language_it_was_read_in() {
    let p = Project::examples();
    let with_audio = |rel: &str, name: &str| {
        let folder = Path::new(rel)
            .parent()
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        p.write(&format!("{folder}/{name}"), common::mp3(300, ""));
        p.write(
            rel,
            read(&p, rel).replacen("---\n", &format!("---\naudio: {name}\n"), 1),
        );
    };
    with_audio("content/safe-work/en/warning-signs.md", "warning-signs.mp3");
    with_audio("content/safe-work/en/get-help.md", "get-help.mp3");
    with_audio("content/safe-work/sq/get-help.md", "ndihme.mp3");
    // A page to write anew, and one whose source gained a paragraph, so
    // that it is rewritten in the source's structure.
    std::fs::remove_file(p.root().join("content/safe-work/sq/warning-signs.md")).unwrap();
    let en = "content/safe-work/en/get-help.md";
    p.write(en, format!("{}\nA new paragraph.\n", read(&p, en)));
    export_sq(&p, "po");
    let mut catalog = read_po(&p, "translations/safe-work/sq.po");
    for m in &mut catalog.messages {
        if m.translation.is_empty() {
            m.translation = format!("SQ {}", m.source);
        }
        m.fuzzy = false;
    }
    std::fs::write(
        p.root().join("translations/safe-work/sq.po"),
        po::write(&catalog),
    )
    .unwrap();
    ok(&p.outreach(&["translate", "import", "translations/safe-work/sq.po"]));
    let written = read(&p, "content/safe-work/sq/warning-signs.md");
    assert!(written.contains("SQ "), "{written}");
    assert!(!written.contains("audio:"), "{written}");
    let rewritten = read(&p, "content/safe-work/sq/get-help.md");
    assert!(rewritten.contains("SQ A new paragraph."), "{rewritten}");
    assert!(rewritten.contains("\naudio: ndihme.mp3\n"), "{rewritten}");
    assert!(!rewritten.contains("get-help.mp3"), "{rewritten}");
    p.build_ok();
}

//! `outreach editor`: writes (or brings up to date) the browser editor in
//! `admin/`. `outreach new` calls it for a new project; loading a project
//! warns when the campaigns changed since it was written
//! (`load::stale_editor_settings`).

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};

use crate::cli::EditorArgs;
use crate::diag::{Diagnostics, Result, Severity, shown};
use crate::editor::vendor::Cms;
use crate::editor::{self, CONFIG, FOLDER};
use crate::load;
use crate::model::Campaign;
use crate::output::write::{replace_file, under};

use super::EXIT_CONTENT;

/// The first line of an editor page outreach wrote: a page without it is
/// the author's own, and is never replaced.
const PAGE_MARK: &str = "<!-- Written by `outreach editor`";

/// `outreach editor`.
pub fn editor(args: &EditorArgs) -> Result<ExitCode> {
    let root = &args.root;
    let mut problems = Vec::new();
    let files = load::load_campaigns(root, None, &mut problems)?;
    if problems.iter().any(|p| p.severity == Severity::Error) {
        let mut diags = Diagnostics::new();
        diags.extend(problems);
        for d in diags.shown() {
            eprintln!("{d}\n");
        }
        eprintln!(
            "The editor was not written: it would leave out the campaigns that cannot be read. Fix the errors above, then run `outreach editor` again."
        );
        return Ok(ExitCode::from(EXIT_CONTENT));
    }
    let written = write_editor(root, &files.campaigns, args.cms)?;
    if written.is_empty() {
        println!("The browser editor in `{FOLDER}` is up to date.");
    } else {
        println!(
            "Wrote the browser editor ({}) in `{FOLDER}`: {}.",
            args.cms.name(),
            written.join(", ")
        );
    }
    println!(
        "Try it on this computer: run `outreach serve` and open the address it prints, followed by `_outreach/editor/`. \
         To put it online, see \"Editing in the browser\" in the README."
    );
    Ok(ExitCode::SUCCESS)
}

/// Writes the editor for `campaigns` into `root/admin`, leaving alone
/// every file that is already as it should be and the author's settings,
/// and removes the other editor's files if outreach wrote them and they
/// are unchanged. Returns what was written or removed, relative to
/// `admin/`.
pub fn write_editor(
    root: &Path,
    campaigns: &BTreeMap<String, Campaign>,
    cms: Cms,
) -> Result<Vec<String>> {
    let dir = root.join(FOLDER);
    let mut written = Vec::new();

    let page_path = dir.join("index.html");
    let page = index_html(cms);
    match fs::read_to_string(&page_path) {
        Ok(old) if old == page => {}
        Ok(old) if !old.starts_with(PAGE_MARK) => bail!(
            "`{FOLDER}/index.html` was not written by outreach, so it is left as it is; move it away to let outreach write the editor's page"
        ),
        _ => {
            replace_file(&page_path, page.as_bytes())?;
            written.push("index.html".to_string());
        }
    }

    let config_path = dir.join(CONFIG);
    let old = match fs::read(&config_path) {
        Ok(bytes) => Some(
            String::from_utf8(bytes)
                .with_context(|| format!("`{FOLDER}/{CONFIG}` is not UTF-8 text"))?,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => {
            return Err(e).with_context(|| format!("failed to read `{}`", shown(&config_path)));
        }
    };
    let config = editor::config_file(old.as_deref(), &load::editor_settings(root, campaigns), cms);
    if old.as_deref() != Some(config.as_str()) {
        replace_file(&config_path, config.as_bytes())?;
        written.push(CONFIG.to_string());
    }

    let package = cms.package();
    let folder = package.folder();
    let mut scripts = 0;
    for (name, bytes) in package.files()? {
        let path = under(&dir, &format!("{folder}/{name}"));
        if fs::read(&path).is_ok_and(|old| old == bytes) {
            continue;
        }
        replace_file(&path, &bytes)?;
        scripts += 1;
    }
    if scripts > 0 {
        written.push(format!("{folder}/ ({scripts} files)"));
    }
    for other in Cms::ALL.into_iter().filter(|&other| other != cms) {
        let package = other.package();
        let folder = package.folder();
        let mut removed = 0;
        let mut folders = vec![folder.clone()];
        for (name, bytes) in package.files()? {
            let path = under(&dir, &format!("{folder}/{name}"));
            if fs::read(&path).is_ok_and(|old| old == bytes) {
                fs::remove_file(&path)
                    .with_context(|| format!("failed to remove `{}`", shown(&path)))?;
                removed += 1;
            }
            if let Some((inner, _)) = name.rsplit_once('/') {
                folders.push(format!("{folder}/{inner}"));
            }
        }
        // Only folders left empty go, the deepest first: a file the author
        // put there stays, and so does its folder.
        folders.sort_by_key(|f| std::cmp::Reverse(f.matches('/').count()));
        for inner in folders {
            let _ = fs::remove_dir(under(&dir, &inner));
        }
        if removed > 0 {
            written.push(format!("{folder}/ removed ({removed} files)"));
        }
    }
    Ok(written)
}

/// The editor's page: the pinned script, from the project's own files.
fn index_html(cms: Cms) -> String {
    let package = cms.package();
    format!(
        "{PAGE_MARK}: {name} {version}, from npm's package `{npm}`. Run `outreach editor` again to change it. -->\n\
         <!doctype html>\n\
         <html lang=\"en\">\n\
         <head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"robots\" content=\"noindex\">\n\
         <meta name=\"referrer\" content=\"no-referrer\">\n\
         <title>Edit the campaigns</title>\n\
         <link href=\"config.yml\" type=\"text/yaml\" rel=\"cms-config-url\">\n\
         <!-- Each field and paragraph takes the direction of its own text: Arabic, Pashto and Persian read from the right. -->\n\
         <style>input, textarea, [contenteditable] {{ unicode-bidi: plaintext; text-align: start; }}</style>\n\
         </head>\n\
         <body>\n\
         <script src=\"{folder}/{script}\"></script>\n\
         <script>\nconst AUDIO_EXTENSIONS = {audio};\n{checks}</script>\n\
         </body>\n\
         </html>\n",
        audio = serde_json::to_string(crate::model::audio::AUDIO_EXTENSIONS).unwrap_or_default(),
        checks = crate::editor::CHECKS,
        name = cms.name(),
        version = package.version,
        npm = package.npm,
        folder = package.folder(),
        script = package.script,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in super::super::new::STARTER {
            let to = dir.path().join(path);
            fs::create_dir_all(to.parent().unwrap()).unwrap();
            fs::write(to, text).unwrap();
        }
        dir
    }

    fn campaigns(root: &Path) -> BTreeMap<String, Campaign> {
        let mut problems = Vec::new();
        let found = load::load_campaigns(root, None, &mut problems).unwrap();
        assert!(
            problems.iter().all(|p| p.severity != Severity::Error),
            "{problems:?}"
        );
        found.campaigns
    }

    #[test]
    fn a_second_run_writes_nothing_and_keeps_the_authors_settings() {
        let dir = project();
        let root = dir.path();
        let written = write_editor(root, &campaigns(root), Cms::Decap).unwrap();
        assert_eq!(written[..2], ["index.html", "config.yml"]);
        let config = root.join("admin/config.yml");
        let text = fs::read_to_string(&config).unwrap();
        let mine = text.replace("your-account/your-repository", "ngo/campaigns");
        fs::write(&config, &mine).unwrap();
        assert!(
            write_editor(root, &campaigns(root), Cms::Decap)
                .unwrap()
                .is_empty()
        );
        assert_eq!(fs::read_to_string(&config).unwrap(), mine);
        assert!(root.join("admin/decap-cms-3.16.3/decap-cms.js").is_file());
        // Changing editors takes the other one's files away, but not a
        // file the author put among them.
        write_editor(root, &campaigns(root), Cms::Sveltia).unwrap();
        fs::write(root.join("admin/sveltia-cms-0.221.1/notes.txt"), "mine").unwrap();
        let written = write_editor(root, &campaigns(root), Cms::Decap).unwrap();
        assert!(
            written.contains(&"sveltia-cms-0.221.1/ removed (3 files)".to_string()),
            "{written:?}"
        );
        assert!(
            !root
                .join("admin/sveltia-cms-0.221.1/sveltia-cms.js")
                .exists()
        );
        assert!(root.join("admin/sveltia-cms-0.221.1/notes.txt").is_file());
        assert_eq!(fs::read_to_string(&config).unwrap(), mine);
        assert!(load::stale_editor_settings(root, &campaigns(root)).is_none());
    }

    #[test]
    fn a_page_the_author_wrote_is_never_replaced() {
        let dir = project();
        let root = dir.path();
        fs::create_dir_all(root.join("admin")).unwrap();
        fs::write(root.join("admin/index.html"), "<p>our own</p>").unwrap();
        let err = write_editor(root, &campaigns(root), Cms::Decap).unwrap_err();
        assert!(format!("{err:#}").contains("not written by outreach"));
        assert_eq!(
            fs::read_to_string(root.join("admin/index.html")).unwrap(),
            "<p>our own</p>"
        );
    }
}

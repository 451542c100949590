//! The command line as a user meets it: `new`, `check`, `--campaign`,
//! `--out`, exit codes.

mod common;

use common::{Project, stderr, stdout};

#[test]
fn new_project_builds_as_it_is() {
    let p = Project::empty();
    let output = p.outreach(&["new", "my-campaigns"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("outreach build"));
    let output = p.outreach(&["build", "--root", "my-campaigns"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).is_empty(),
        "a new project has no warnings: {}",
        stderr(&output)
    );
    let site = p.root().join("my-campaigns/public/my-campaign");
    for page in [
        "index.html",
        "en/index.html",
        "en/get-help.html",
        "ar/index.html",
        "ar/get-help.html",
    ] {
        assert!(site.join(page).is_file(), "{page}");
    }
    let ar = std::fs::read_to_string(site.join("ar/index.html")).unwrap();
    assert!(ar.contains("dir=\"rtl\""));
    // Its translations are stamped: a new author starts with nothing "to
    // check" in `status` or in an exported exchange file.
    let output = p.outreach(&["status", "--root", "my-campaigns", "--format", "json"]);
    let status: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    for language in status.as_array().unwrap() {
        assert_eq!(
            language["unstamped"].as_array().unwrap().len(),
            0,
            "{language}"
        );
        assert_eq!(
            language["outdated"].as_array().unwrap().len(),
            0,
            "{language}"
        );
    }
}

#[test]
fn a_new_language_makes_the_browser_editor_stale_until_outreach_editor() {
    let p = Project::empty();
    assert!(p.outreach(&["new", "site"]).status.success());
    assert!(p.root().join("site/admin/config.yml").is_file());
    // An English page for the new language's folder: the campaign file
    // gets Persian titles too.
    let campaign = p.root().join("site/campaigns/my-campaign.yaml");
    let text = std::fs::read_to_string(&campaign).unwrap();
    let with_fa: String = text
        .replace("[en, ar]", "[en, ar, fa]")
        .lines()
        .flat_map(|line| {
            let fa = line
                .strip_prefix("  ar: ")
                .map(|_| "  fa: \"(test)\"".to_string());
            std::iter::once(line.to_string()).chain(fa)
        })
        .map(|line| line + "\n")
        .collect();
    std::fs::write(&campaign, with_fa).unwrap();
    for page in ["index", "get-help"] {
        p.write(
            &format!("site/content/my-campaign/fa/{page}.md"),
            "---\ntitle: \"(test)\"\n---\n\n(test)\n",
        );
    }
    let output = p.outreach(&["check", "--root", "site"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output)
            .contains("admin/config.yml: warning: the browser editor's settings are out of date"),
        "{}",
        stderr(&output)
    );
    let output = p.outreach(&["editor", "--root", "site"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("config.yml"),
        "{}",
        stdout(&output)
    );
    let output = p.outreach(&["check", "--root", "site"]);
    assert!(
        !stderr(&output).contains("admin/config.yml"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn new_refuses_a_folder_with_files() {
    let p = Project::empty();
    p.write("existing/notes.txt", "mine");
    let output = p.outreach(&["new", "existing"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("not empty"));
    assert_eq!(
        std::fs::read_to_string(p.root().join("existing/notes.txt")).unwrap(),
        "mine"
    );
}

#[test]
fn new_quotes_a_folder_name_with_spaces() {
    // Issue 18: `cd my new campaign` does not work when pasted.
    let p = Project::empty();
    let output = p.outreach(&["new", "my new campaign"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("  cd \"my new campaign\"\n"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn a_content_folder_of_no_campaign_is_said() {
    // Issue 18: after renaming a campaign, its old folder was ignored silently.
    let p = Project::fixture("basic");
    std::fs::rename(p.root().join("content/demo"), p.root().join("content/dmeo")).unwrap();
    let err = stderr(&p.outreach(&["check"]));
    assert!(
        err.contains("content/dmeo: warning: the folder `content/dmeo` belongs to no campaign"),
        "{err}"
    );
    assert!(err.contains("Rename the folder to `content/demo`"), "{err}");
}

#[test]
fn check_writes_nothing() {
    let p = Project::fixture("basic");
    let output = p.outreach(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The fixture has warnings: "no problems" would contradict them (issue 18).
    assert!(
        stderr(&output).contains("no errors, 2 warnings."),
        "{}",
        stderr(&output)
    );
    assert!(
        stdout(&output).contains("No errors found in 2 campaigns"),
        "{}",
        stdout(&output)
    );
    assert!(!p.public().exists());
    // Nor a picture cache (issue 13, item 7), even for a project with
    // pictures.
    assert!(!p.root().join(".outreach-cache").exists());
    let p = Project::examples();
    let output = p.outreach(&["check"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!p.root().join(".outreach-cache").exists());
    assert!(!p.public().exists());
}

#[test]
fn one_campaign_can_be_built_alone() {
    let p = Project::fixture("basic");
    p.build_ok();
    let plain_before = p.snapshot(&p.public().join("plain"));
    p.write(
        "content/demo/en/index.md",
        "---\ntitle: \"Changed\"\n---\nNew text.\n",
    );
    p.write(
        "content/plain/en/index.md",
        "---\ntitle: \"Also changed\"\n---\n",
    );
    let output = p.outreach(&["build", "--campaign", "demo"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stdout(&output).contains("Built 1 campaign, 4 languages"),
        "{}",
        stdout(&output)
    );
    let demo = std::fs::read_to_string(p.public().join("demo/en/index.html")).unwrap();
    assert!(demo.contains("Changed"));
    assert_eq!(
        p.snapshot(&p.public().join("plain")),
        plain_before,
        "other campaigns untouched"
    );
    // The output marker still lists the other campaign's files.
    let marker = std::fs::read_to_string(p.public().join(".outreach-output")).unwrap();
    assert!(marker.contains("plain/en/index.html") && marker.contains("demo/en/index.html"));

    let output = p.outreach(&["build", "--campaign", "nope"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("there is no campaign `nope`"));
}

#[test]
fn output_folder_can_be_chosen_but_not_one_with_foreign_files() {
    let p = Project::fixture("basic");
    let output = p.outreach(&["build", "--out", "site"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(p.root().join("site/demo/en/index.html").is_file());

    p.write("documents/report.docx", "precious");
    let output = p.outreach(&["build", "--out", "documents"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("did not write"),
        "{}",
        stderr(&output)
    );
    // The message's second line is a line, not a code (it was `\u{a}`).
    assert!(
        stderr(&output).contains("will not write into it.\nChoose another folder"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        std::fs::read_to_string(p.root().join("documents/report.docx")).unwrap(),
        "precious"
    );
}

#[test]
fn a_folder_that_is_not_a_project_gets_a_hint() {
    let p = Project::empty();
    let output = p.outreach(&["build"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("outreach new"),
        "{}",
        stderr(&output)
    );
    assert!(
        !p.public().exists(),
        "a failed first build leaves no folder behind"
    );
}

#[test]
fn help_is_written_for_people() {
    let p = Project::empty();
    let output = p.outreach(&["build", "--help"]);
    let help = stdout(&output);
    assert!(help.contains("--campaign") && help.contains("--strict") && help.contains("--out"));
    assert!(help.contains("Treat warnings as errors"));
}

#[test]
fn a_built_site_has_nothing_of_the_preview() {
    let p = Project::examples();
    p.build_ok();
    for (path, bytes) in p.snapshot(&p.public()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("_outreach"), "{}", path.display());
        assert!(!text.contains("EventSource"), "{}", path.display());
    }
}

#[test]
fn a_second_main_heading_is_a_warning() {
    // Issue 18: `# Heading` in a body is a second h1 beside the title.
    let p = Project::fixture("basic");
    let page = "content/demo/en/help.md";
    let text = std::fs::read_to_string(p.root().join(page)).unwrap();
    p.write(page, format!("{text}\n# Another title\n"));
    let output = p.outreach(&["check"]);
    assert!(output.status.success(), "a warning, not an error");
    let err = stderr(&output);
    let line = text.lines().count() + 2;
    assert!(
        err.contains(&format!(
            "content/demo/en/help.md:{line}:1: warning: this `#` heading is a second main heading"
        )),
        "{err}"
    );
    assert!(err.contains("start it with `##` instead"), "{err}");
}

#[test]
fn built_in_strings_and_theme_can_be_listed_and_copied() {
    // Issue 18, item 6: the string names were nowhere to be seen, and a
    // guessed name was silently unused.
    let p = Project::fixture("basic");
    let list = stdout(&p.outreach(&["theme", "list"]));
    assert!(list.contains("templates/page.html"), "{list}");
    assert!(
        list.contains("quick-exit-label         Leave this site"),
        "{list}"
    );
    let out = p.outreach(&["theme", "copy", "templates/page.html", "i18n/fa.ftl"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let copied =
        std::fs::read_to_string(p.root().join("themes/default/templates/page.html")).unwrap();
    assert!(copied.contains("{%"), "the built-in template");
    assert!(p.root().join("i18n/fa.ftl").is_file());
    // Never over the author's file.
    p.write("i18n/fa.ftl", "skip-link = من\n");
    let out = p.outreach(&["theme", "copy", "i18n/fa.ftl"]);
    assert!(stderr(&out).contains("already there"), "{}", stderr(&out));
    assert_eq!(
        std::fs::read_to_string(p.root().join("i18n/fa.ftl")).unwrap(),
        "skip-link = من\n"
    );
    // A name that is not a string is an error at its line.
    p.write("i18n/fa.ftl", "skip-link = من\nquick-exit-labl = خروج\n");
    let out = p.outreach(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(
        err.contains("i18n/fa.ftl:2:1: error: there is no interface string `quick-exit-labl`"),
        "{err}"
    );
    assert!(err.contains("did you mean `quick-exit-label`?"), "{err}");
    assert!(
        !err.contains("(built-in)"),
        "no message points at a file the author cannot see: {err}"
    );
}

#[test]
fn the_language_of_parts_hint_names_the_likely_language() {
    // Issue 18: English in a Persian page was hinted as `<span lang="ar">`.
    let p = Project::fixture("basic");
    p.write(
        "content/demo/fa/index.md",
        "---\ntitle: \"خانه\"\n---\n\nکمک رایگان است. Help is free here.\n",
    );
    let err = stderr(&p.outreach(&["check"]));
    assert!(
        err.contains("`<span lang=\"en\">Help is free here.</span>`"),
        "{err}"
    );
}

#[test]
fn a_heading_never_takes_an_id_the_theme_uses() {
    // Issue 18: an author's `## Pages` made two `id="pages"` on the home page.
    let p = Project::empty();
    assert!(p.outreach(&["new", "site"]).status.success());
    let home = p.root().join("site/content/my-campaign/en/index.md");
    let text = std::fs::read_to_string(&home).unwrap();
    std::fs::write(&home, format!("{text}\n## Pages\n")).unwrap();
    let out = p.outreach(&["build", "--root", "site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html =
        std::fs::read_to_string(p.root().join("site/public/my-campaign/en/index.html")).unwrap();
    assert_eq!(
        html.matches("id=pages").count() + html.matches("id=\"pages\"").count(),
        1,
        "{html}"
    );
    assert!(
        html.contains("id=\"pages-1\"") || html.contains("id=pages-1"),
        "{html}"
    );
    // The starter no longer asks for a link list the home page makes itself.
    assert!(!text.contains("Add a link here for every page"));
    std::fs::write(&home, format!("{text}\n## Pages {{#pages}}\n")).unwrap();
    let err = stderr(&p.outreach(&["check", "--root", "site"]));
    assert!(
        err.contains("the heading id `pages` is one the theme uses"),
        "{err}"
    );
}

// Issue 13, item 6: two builds into one folder at once. The second used to
// remove the first's staging folder as a leftover, and the first reported
// success with PDFs missing that its pages linked to.
#[test]
fn two_builds_at_once_each_finish_whole() {
    let p = Project::examples();
    p.build_ok();
    let whole: Vec<_> = p.snapshot(&p.public()).into_keys().collect();
    let build = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_outreach"))
            .arg("build")
            .current_dir(p.root())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let first = build();
    std::thread::sleep(std::time::Duration::from_millis(100));
    let second = build();
    for child in [first, second] {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        let files: Vec<_> = p.snapshot(&p.public()).into_keys().collect();
        assert_eq!(files, whole);
    }
    // The lock is in the cache folder, so it is never published with the
    // site (issue 16: Windows cannot remove it while it is held).
    assert!(p.root().join(".outreach-cache/build.lock").is_file());
    assert!(!p.public().join(".outreach-lock").exists());
}

// Issue 13, item 8: with both files one campaign silently won.
#[test]
fn a_campaign_with_a_yaml_and_a_yml_file_is_an_error() {
    let p = Project::fixture("basic");
    let yaml = std::fs::read_to_string(p.root().join("campaigns/demo.yaml")).unwrap();
    p.write("campaigns/demo.yml", yaml.replace("title:", "title: Other"));
    let output = p.outreach(&["build"]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert!(
        stderr(&output).contains(
            "campaigns/demo.yml: error: the campaign `demo` has two files, `campaigns/demo.yaml` and `campaigns/demo.yml`"
        ),
        "{}",
        stderr(&output)
    );
    assert!(!p.public().exists());
}

// Issue 13, item 9: `stamp` replaced a page that is a link with a file.
#[cfg(unix)]
#[test]
fn stamp_keeps_a_page_that_is_a_link() {
    let p = Project::fixture("basic");
    let page = p.root().join("content/demo/ar/help.md");
    let elsewhere = p.root().join("shared-help.md");
    std::fs::rename(&page, &elsewhere).unwrap();
    std::os::unix::fs::symlink(&elsewhere, &page).unwrap();
    let output = p.outreach(&["stamp", "content/demo/ar/help.md"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        std::fs::symlink_metadata(&page)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let text = std::fs::read_to_string(&elsewhere).unwrap();
    assert!(text.contains("source_hash: "), "{text}");
}

// Issue 16: `--version` says the version and the commit outreach was
// built from, so a report of a problem says which code ran.
#[test]
fn the_version_names_the_commit() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_outreach"))
        .arg("--version")
        .output()
        .unwrap();
    let said = String::from_utf8(out.stdout).unwrap();
    assert!(out.status.success());
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short=12", "HEAD"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8(o.stdout).unwrap().trim().to_string());
    let commit = std::env::var("OUTREACH_COMMIT")
        .ok()
        .or(head)
        .unwrap_or_else(|| "unknown".to_string());
    assert_eq!(
        said.trim(),
        format!("outreach {} (commit {commit})", env!("CARGO_PKG_VERSION"))
    );
}

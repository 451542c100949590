//! `outreach theme list` and `outreach theme copy`: the built-in theme and
//! interface strings are compiled into outreach, so an author cannot see
//! them in the project; these commands show them and copy the ones to
//! change to where the project's own versions go.

use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use anyhow::bail;

use crate::cli::{ThemeCopyArgs, ThemeListArgs};
use crate::cmd::EXIT_CONTENT;
use crate::diag::{Result, shown};
use crate::load::theme::{
    DEFAULT_LEAFLETS, DEFAULT_STATIC, DEFAULT_STRINGS, DEFAULT_TEMPLATES, DEFAULT_THEME,
};
use crate::output::write::replace_file;

/// Every built-in file an author can copy: its name for `copy`, where the
/// project's version goes, and its bytes.
fn builtin_files() -> Vec<(String, PathBuf, &'static [u8])> {
    let theme = Path::new("themes").join(DEFAULT_THEME);
    let mut files = Vec::new();
    for (name, text) in DEFAULT_TEMPLATES {
        let key = format!("templates/{name}");
        files.push((key.clone(), theme.join(&key), text.as_bytes()));
    }
    for (name, bytes) in DEFAULT_STATIC {
        let key = format!("static/{name}");
        files.push((key.clone(), theme.join(&key), *bytes));
    }
    for (name, text) in DEFAULT_LEAFLETS {
        let key = format!("leaflets/{name}");
        files.push((key.clone(), theme.join(&key), text.as_bytes()));
    }
    for (tag, text) in DEFAULT_STRINGS {
        let key = format!("i18n/{tag}.ftl");
        files.push((key.clone(), PathBuf::from(&key), text.as_bytes()));
    }
    files
}

/// `outreach theme list`: the built-in files, and every interface string
/// with its English text.
pub fn list(_args: &ThemeListArgs) -> Result<ExitCode> {
    let mut out =
        String::from("Built-in theme files (copy one with `outreach theme copy NAME`):\n");
    for (key, to, _) in builtin_files() {
        let to = shown(&to);
        out.push_str(&format!("  {key:<32} → {to}\n"));
    }
    out.push_str(
        "\nInterface strings (change one by writing `name = text` in `i18n/<language>.ftl`):\n",
    );
    let english = DEFAULT_STRINGS
        .iter()
        .find(|(tag, _)| *tag == crate::render::strings::REFERENCE)
        .map_or("", |(_, text)| *text);
    for line in english.lines() {
        // Message lines only: `name = text`, not comments or plural variants.
        if let Some((name, text)) = line.split_once(" = ")
            && !name.is_empty()
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            out.push_str(&format!("  {name:<24} {text}\n"));
        }
    }
    // A reader that stops early (`| head`) is not an error.
    let _ = std::io::Write::write_all(&mut std::io::stdout().lock(), out.as_bytes());
    Ok(ExitCode::SUCCESS)
}

/// `outreach theme copy NAME…`: writes each named built-in file into the
/// project, never over a file that is already there.
pub fn copy(args: &ThemeCopyArgs) -> Result<ExitCode> {
    let files = builtin_files();
    let (mut failed, mut copied) = (false, 0usize);
    for wanted in &args.names {
        let wanted = wanted.trim_start_matches("./").replace('\\', "/");
        let Some((key, to, bytes)) = files
            .iter()
            .find(|(key, to, _)| *key == wanted || shown(to) == wanted)
        else {
            let names: Vec<&str> = files.iter().map(|(k, _, _)| k.as_str()).collect();
            let help = match crate::diag::did_you_mean(&wanted, names.iter().copied()) {
                Some(near) => format!("did you mean `{near}`?"),
                None => "`outreach theme list` shows every name".to_string(),
            };
            eprintln!("error: there is no built-in file `{wanted}`\n  = help: {help}");
            failed = true;
            continue;
        };
        if to.components().any(|c| !matches!(c, Component::Normal(_))) {
            bail!("`{}` is not a path inside the project", shown(to));
        }
        let path = args.root.join(to);
        if path.exists() {
            eprintln!(
                "skipped `{key}`: `{}` is already there (outreach never overwrites your files)",
                shown(to)
            );
            continue;
        }
        replace_file(&path, bytes)?;
        copied += 1;
        println!(
            "Copied `{key}` to `{}`: your version is used from now on.",
            shown(to)
        );
    }
    if copied > 0 {
        println!(
            "Change only what you need and delete the copies you leave unchanged: a copy keeps the built-in version as it is today, and misses later improvements."
        );
    }
    Ok(if failed {
        ExitCode::from(EXIT_CONTENT)
    } else {
        ExitCode::SUCCESS
    })
}

//! Themes and interface strings: the built-in default, overridden file by
//! file by a project's own `themes/<name>/` and `i18n/`.
//!
//! The default theme is compiled into the binary so that an installed
//! `outreach` works in any folder, not only inside this repository.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use walkdir::WalkDir;

use crate::diag::{Diagnostic, NameOnDisk, Severity, SourceFile};
use crate::model::Theme;
use crate::render::strings::StringSources;

/// Name of the built-in theme.
pub const DEFAULT_THEME: &str = "default";

/// The built-in theme's templates.
pub const DEFAULT_TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "page.html",
        include_str!("../../themes/default/templates/page.html"),
    ),
    (
        "home.html",
        include_str!("../../themes/default/templates/home.html"),
    ),
    (
        "chooser.html",
        include_str!("../../themes/default/templates/chooser.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "safety.html",
        include_str!("../../themes/default/templates/safety.html"),
    ),
    (
        "head.html",
        include_str!("../../themes/default/templates/head.html"),
    ),
    (
        "share.html",
        include_str!("../../themes/default/templates/share.html"),
    ),
    (
        "exit.html",
        include_str!("../../themes/default/templates/exit.html"),
    ),
    (
        "partners.html",
        include_str!("../../themes/default/templates/partners.html"),
    ),
    (
        "audio.html",
        include_str!("../../themes/default/templates/audio.html"),
    ),
];

/// The built-in theme's static files.
pub const DEFAULT_STATIC: &[(&str, &[u8])] = &[
    (
        "icon.svg",
        include_bytes!("../../themes/default/static/icon.svg"),
    ),
    (
        "icon-192.png",
        include_bytes!("../../themes/default/static/icon-192.png"),
    ),
    (
        "icon-512.png",
        include_bytes!("../../themes/default/static/icon-512.png"),
    ),
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "choose.js",
        include_bytes!("../../themes/default/static/choose.js"),
    ),
    (
        "exit.js",
        include_bytes!("../../themes/default/static/exit.js"),
    ),
];

/// The built-in theme's leaflet layouts (Typst), one per format.
pub const DEFAULT_LEAFLETS: &[(&str, &str)] = &[
    (
        "a4-trifold.typ",
        include_str!("../../themes/default/leaflets/a4-trifold.typ"),
    ),
    (
        "a5-flyer.typ",
        include_str!("../../themes/default/leaflets/a5-flyer.typ"),
    ),
    (
        "a6-card.typ",
        include_str!("../../themes/default/leaflets/a6-card.typ"),
    ),
    (
        "common.typ",
        include_str!("../../themes/default/leaflets/common.typ"),
    ),
    (
        "share-card.typ",
        include_str!("../../themes/default/leaflets/share-card.typ"),
    ),
];

/// The built-in theme's fonts for leaflets (SIL Open Font License; the
/// licence is `themes/default/fonts/OFL.txt`). Noto Sans covers Latin and
/// Cyrillic, Noto Naskh Arabic every Arabic, Pashto and Persian letter.
pub const DEFAULT_FONTS: &[(&str, &[u8])] = &[
    (
        "NotoSans-Regular.ttf",
        include_bytes!("../../themes/default/fonts/NotoSans-Regular.ttf"),
    ),
    (
        "NotoSans-Bold.ttf",
        include_bytes!("../../themes/default/fonts/NotoSans-Bold.ttf"),
    ),
    (
        "NotoSans-Italic.ttf",
        include_bytes!("../../themes/default/fonts/NotoSans-Italic.ttf"),
    ),
    (
        "NotoSans-BoldItalic.ttf",
        include_bytes!("../../themes/default/fonts/NotoSans-BoldItalic.ttf"),
    ),
    (
        "NotoNaskhArabic-Regular.ttf",
        include_bytes!("../../themes/default/fonts/NotoNaskhArabic-Regular.ttf"),
    ),
    (
        "NotoNaskhArabic-Bold.ttf",
        include_bytes!("../../themes/default/fonts/NotoNaskhArabic-Bold.ttf"),
    ),
];

/// The built-in interface strings, one Fluent file per language.
pub const DEFAULT_STRINGS: &[(&str, &str)] = &[
    ("en", include_str!("../../i18n/en.ftl")),
    ("sq", include_str!("../../i18n/sq.ftl")),
    ("bs", include_str!("../../i18n/bs.ftl")),
    ("sr", include_str!("../../i18n/sr.ftl")),
    ("sr-Latn", include_str!("../../i18n/sr-Latn.ftl")),
    ("mk", include_str!("../../i18n/mk.ftl")),
    ("rom", include_str!("../../i18n/rom.ftl")),
    ("ar", include_str!("../../i18n/ar.ftl")),
    ("ps", include_str!("../../i18n/ps.ftl")),
    ("fa", include_str!("../../i18n/fa.ftl")),
];

/// Loads theme `name`: the built-in files first (for `default`), then the
/// project's `themes/<name>/templates/` and `static/` on top.
pub fn load_theme(root: &Path, name: &str, problems: &mut Vec<Diagnostic>) -> Option<Theme> {
    let mut templates: BTreeMap<String, SourceFile> = BTreeMap::new();
    let mut static_files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut leaflets: BTreeMap<String, SourceFile> = BTreeMap::new();
    let mut fonts: BTreeMap<String, Arc<Vec<u8>>> = BTreeMap::new();
    if name == DEFAULT_THEME {
        for (file, text) in DEFAULT_LEAFLETS {
            let shown = format!("(built-in theme)/leaflets/{file}");
            leaflets.insert(file.to_string(), SourceFile::new(shown, *text));
        }
        for (file, bytes) in DEFAULT_FONTS {
            fonts.insert(file.to_string(), Arc::new(bytes.to_vec()));
        }
        for (file, text) in DEFAULT_TEMPLATES {
            let shown = format!("(built-in theme)/templates/{file}");
            templates.insert(file.to_string(), SourceFile::new(shown, *text));
        }
        for (file, bytes) in DEFAULT_STATIC {
            static_files.insert(file.to_string(), bytes.to_vec());
        }
    }
    let dir = root.join("themes").join(name);
    if !dir.is_dir() && name != DEFAULT_THEME {
        return None;
    }
    for sub in ["templates", "static", "leaflets", "fonts"] {
        let base = dir.join(sub);
        match super::files::entry_in(&dir, sub) {
            NameOnDisk::Exact if base.is_dir() => {}
            NameOnDisk::OtherCase(on_disk) => {
                let message = crate::diag::other_case(
                    "the folder",
                    &format!("themes/{name}/{sub}"),
                    &format!("themes/{name}/{on_disk}"),
                );
                problems.push(
                    Diagnostic::in_file(
                        &Path::new("themes").join(name).join(&on_disk),
                        Severity::Error,
                        message,
                    )
                    .with_help(format!("rename it to `{sub}`, in small letters")),
                );
                continue;
            }
            _ => continue,
        }
        for entry in WalkDir::new(&base).follow_links(true).sort_by_file_name() {
            let entry = match entry {
                Ok(e) if e.file_type().is_file() => e,
                Ok(_) => continue,
                Err(err) => {
                    let shown = err
                        .path()
                        .and_then(|p| p.strip_prefix(root).ok())
                        .unwrap_or(Path::new("themes"));
                    problems.push(Diagnostic::in_file(
                        shown,
                        Severity::Error,
                        format!("cannot read: {err}"),
                    ));
                    continue;
                }
            };
            let rel = entry.path().strip_prefix(&base).unwrap_or(entry.path());
            let key = crate::diag::shown(rel);
            if key.split('/').any(|part| part.starts_with('.')) {
                continue;
            }
            let shown = entry.path().strip_prefix(root).unwrap_or(entry.path());
            let read_text = |into: &mut BTreeMap<String, SourceFile>, problems: &mut Vec<_>| {
                match super::files::read_text(entry.path(), shown) {
                    Ok(source) => {
                        into.insert(key.clone(), source);
                    }
                    Err(d) => problems.push(d),
                }
            };
            let read_bytes = || {
                super::files::read_bytes_at_most(
                    entry.path(),
                    shown,
                    super::files::MAX_THEME_FILE_BYTES,
                    "a theme's files are styles, scripts, icons and fonts: keep them small",
                )
            };
            match sub {
                "templates" => read_text(&mut templates, problems),
                "leaflets" => read_text(&mut leaflets, problems),
                "static" => match read_bytes() {
                    Ok(bytes) => {
                        static_files.insert(key, bytes);
                    }
                    Err(d) => problems.push(d),
                },
                _ => {
                    // Licence files and read-mes sit beside the fonts.
                    let lower = key.to_ascii_lowercase();
                    if !(lower.ends_with(".ttf") || lower.ends_with(".otf")) {
                        continue;
                    }
                    match read_bytes() {
                        Ok(bytes) => {
                            fonts.insert(key, Arc::new(bytes));
                        }
                        Err(d) => problems.push(d),
                    }
                }
            }
        }
    }
    Some(Theme {
        name: name.to_string(),
        templates: templates.into_iter().collect(),
        static_files: static_files.into_iter().collect(),
        leaflets: leaflets.into_iter().collect(),
        fonts: fonts.into_iter().collect(),
    })
}

/// Loads the interface strings: the built-in files, the project's
/// `i18n/<lang>.ftl` (its messages replace built-in ones of the same name)
/// and each campaign's `i18n/<campaign>/<lang>.ftl`.
pub fn load_strings(root: &Path, problems: &mut Vec<Diagnostic>) -> StringSources {
    let mut sources = StringSources::default();
    for (tag, text) in DEFAULT_STRINGS {
        sources
            .languages
            .entry(tag.to_string())
            .or_default()
            .push(SourceFile::new(format!("(built-in)/i18n/{tag}.ftl"), *text));
    }
    let dir = root.join("i18n");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return sources;
    };
    let mut paths: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    paths.sort();
    for path in paths {
        let Some(name) = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(str::to_string)
        else {
            continue;
        };
        if path.is_dir() {
            // i18n/<campaign>/<lang>.ftl
            let Ok(files) = std::fs::read_dir(&path) else {
                continue;
            };
            let mut files: Vec<_> = files.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            files.sort();
            for file in files {
                let Some(tag) = ftl_tag(&file) else { continue };
                let shown = Path::new("i18n").join(&name).join(format!("{tag}.ftl"));
                match super::files::read_text(&file, &shown) {
                    Ok(source) => {
                        sources.campaigns.insert((name.clone(), tag), source);
                    }
                    Err(d) => problems.push(d),
                }
            }
            continue;
        }
        let Some(tag) = ftl_tag(&path) else { continue };
        let shown = Path::new("i18n").join(format!("{tag}.ftl"));
        match super::files::read_text(&path, &shown) {
            Ok(source) => sources.languages.entry(tag).or_default().push(source),
            Err(d) => problems.push(d),
        }
    }
    sources
}

fn ftl_tag(path: &Path) -> Option<String> {
    path.file_name()?
        .to_str()?
        .strip_suffix(".ftl")
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file added to the default theme but not to the lists above would
    /// silently be missing from an installed binary.
    #[test]
    fn every_default_theme_file_is_compiled_in() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let listed = |dir: &str| -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(root.join(dir))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
            names.sort();
            names
        };
        let mut templates: Vec<String> =
            DEFAULT_TEMPLATES.iter().map(|t| t.0.to_string()).collect();
        templates.sort();
        assert_eq!(listed("themes/default/templates"), templates);
        let mut statics: Vec<String> = DEFAULT_STATIC.iter().map(|t| t.0.to_string()).collect();
        statics.sort();
        assert_eq!(listed("themes/default/static"), statics);
        let mut layouts: Vec<String> = DEFAULT_LEAFLETS.iter().map(|t| t.0.to_string()).collect();
        layouts.sort();
        assert_eq!(listed("themes/default/leaflets"), layouts);
        let mut fonts: Vec<String> = DEFAULT_FONTS.iter().map(|t| t.0.to_string()).collect();
        fonts.push("OFL.txt".to_string());
        fonts.sort();
        assert_eq!(listed("themes/default/fonts"), fonts);
        let mut strings: Vec<String> = DEFAULT_STRINGS
            .iter()
            .map(|t| format!("{}.ftl", t.0))
            .collect();
        strings.sort();
        assert_eq!(listed("i18n"), strings);
    }
}

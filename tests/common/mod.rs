//! Helpers shared by the integration tests: fixture projects copied into a
//! temporary folder, the real `outreach` binary run in it, and built pages
//! parsed for DOM assertions.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use scraper::{Html, Selector};
use walkdir::WalkDir;

/// A project in a temporary folder.
pub struct Project {
    tmp: tempfile::TempDir,
}

impl Project {
    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Project {
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        let project = Project::empty();
        copy_dir(&from, project.root());
        project
    }

    /// A copy of the repository's own example campaigns.
    pub fn examples() -> Project {
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        let project = Project::empty();
        for dir in ["campaigns", "content"] {
            copy_dir(&repo.join(dir), &project.root().join(dir));
        }
        project
    }

    /// An empty folder.
    pub fn empty() -> Project {
        Project {
            tmp: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// The project folder.
    pub fn root(&self) -> &Path {
        self.tmp.path()
    }

    /// The default output folder.
    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    /// Writes (or replaces) a file in the project.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
    }

    /// `outreach ARGS` run in the project folder.
    pub fn outreach(&self, args: &[&str]) -> Output {
        Command::cargo_bin("outreach")
            .unwrap()
            .current_dir(self.root())
            .args(args)
            .output()
            .unwrap()
    }

    /// `outreach build`, which must succeed.
    pub fn build_ok(&self) -> Output {
        let output = self.outreach(&["build"]);
        assert!(
            output.status.success(),
            "build failed:\n{}",
            stderr(&output)
        );
        output
    }

    /// A built page, parsed.
    pub fn page(&self, rel: &str) -> Html {
        let path = self.public().join(rel);
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        Html::parse_document(&text)
    }

    /// Every file under `dir` with its bytes, for "nothing changed" checks.
    pub fn snapshot(&self, dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
        WalkDir::new(dir)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(dir).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in WalkDir::new(from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A command's standard error as text.
pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A command's standard output as text.
pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Values of `attr` on every element matching `css`.
pub fn attrs(html: &Html, css: &str, attr: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .filter_map(|e| e.value().attr(attr).map(str::to_string))
        .collect()
}

/// Text of every element matching `css`.
pub fn texts(html: &Html, css: &str) -> Vec<String> {
    let selector = Selector::parse(css).unwrap();
    html.select(&selector)
        .map(|e| e.text().collect::<String>())
        .collect()
}

/// `%XX` sequences decoded, as a browser does with a link's fragment.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(byte) = text
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

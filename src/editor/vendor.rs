//! The editors' own files, carried in outreach so that the editor works
//! without a CDN and without npm: each is one npm package's browser files,
//! pinned to a version (`vendor/update.sh` makes the archives, and `.ci/run`
//! compares them with the registry's package).

use std::io::{Cursor, Read};

use anyhow::{Context, Result};

/// A browser editor outreach can set up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Cms {
    /// Decap CMS: signs in through GitHub with an OAuth helper, or saves to
    /// this computer through `decap-server`.
    Decap,
    /// Sveltia CMS: signs in with a GitHub access token, no helper needed,
    /// or edits a folder on this computer in Chrome or Edge.
    Sveltia,
}

/// One pinned editor package.
pub struct Package {
    /// The npm package it comes from.
    pub npm: &'static str,
    /// The name of its folder in `admin/`, before the version.
    name: &'static str,
    /// Its version.
    pub version: &'static str,
    /// The script the editor's page loads, inside the package's folder.
    pub script: &'static str,
    /// The package's browser files: a zip, compressed with brotli.
    archive: &'static [u8],
}

impl Cms {
    /// Every editor, in the order the README describes them.
    pub const ALL: [Cms; 2] = [Cms::Sveltia, Cms::Decap];

    /// The pinned package of this editor.
    pub fn package(self) -> Package {
        match self {
            Cms::Decap => Package {
                npm: "decap-cms",
                name: "decap-cms",
                version: "3.16.3",
                script: "decap-cms.js",
                archive: include_bytes!("vendor/decap-cms-3.16.3.zip.br"),
            },
            Cms::Sveltia => Package {
                npm: "@sveltia/cms",
                name: "sveltia-cms",
                version: "0.221.1",
                script: "sveltia-cms.js",
                archive: include_bytes!("vendor/sveltia-cms-0.221.1.zip.br"),
            },
        }
    }

    /// The editor's name as people know it.
    pub fn name(self) -> &'static str {
        match self {
            Cms::Decap => "Decap CMS",
            Cms::Sveltia => "Sveltia CMS",
        }
    }
}

impl Package {
    /// The folder in `admin/` that holds this version's files: a new
    /// version goes beside the old one, so a page loaded from a cache never
    /// mixes the two.
    pub fn folder(&self) -> String {
        format!("{}-{}", self.name, self.version)
    }

    /// The package's files, by path inside [`Package::folder`] (`dist/` is
    /// left out: it is where npm keeps them, not where a page needs them).
    pub fn files(&self) -> Result<Vec<(String, Vec<u8>)>> {
        let mut zip = Vec::new();
        brotli::Decompressor::new(self.archive, 64 * 1024)
            .read_to_end(&mut zip)
            .context("the editor's files carried in outreach are damaged")?;
        let mut archive = zip::ZipArchive::new(Cursor::new(zip))
            .context("the editor's files carried in outreach are damaged")?;
        let mut files = Vec::with_capacity(archive.len());
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i)?;
            let name = entry.name()?.to_string();
            let name = name.strip_prefix("dist/").unwrap_or(&name).to_string();
            let mut bytes = Vec::with_capacity(entry.size() as usize);
            entry.read_to_end(&mut bytes)?;
            files.push((name, bytes));
        }
        Ok(files)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_editor_carries_its_script_and_licence() {
        for cms in Cms::ALL {
            let package = cms.package();
            let files = package.files().unwrap();
            let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
            assert!(names.contains(&package.script), "{names:?}");
            assert!(names.iter().any(|n| n.contains("LICENSE")), "{names:?}");
            let (_, script) = files.iter().find(|(n, _)| n == package.script).unwrap();
            assert!(script.len() > 1_000_000, "{} is whole", package.script);
            assert!(
                names
                    .iter()
                    .all(|n| !n.starts_with('/') && !n.contains(".."))
            );
        }
        assert_eq!(Cms::Decap.package().folder(), "decap-cms-3.16.3");
        assert_eq!(Cms::Sveltia.package().folder(), "sveltia-cms-0.221.1");
    }
}

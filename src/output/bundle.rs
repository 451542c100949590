//! Offline bundles: `<campaign>.zip` with everything a reader needs to use
//! the campaign from a USB stick or a phone's downloads, without a server.
//! Every link of a built campaign is relative and ends in a file name
//! (`help.html`, `../ar/index.html`), so the pages work from disk as they
//! are; the bundle leaves out only what hosts read.

use std::collections::BTreeMap;
use std::io::Write;
use std::sync::Mutex;

use crate::output::Sink;
use crate::output::compress::HOST_FILES;

/// Files for search engines and hosts' error pages: of no use from disk
/// (besides the host files, [`HOST_FILES`]).
const NOT_OFFLINE: &[&str] = &["robots.txt", "sitemap.xml", "404.html"];

/// A sink that passes each file on and keeps a copy of those that belong
/// in the campaign's offline bundle.
pub struct Bundling<'a> {
    inner: &'a dyn Sink,
    /// Files by campaign, then by path inside the campaign's folder.
    kept: Mutex<BTreeMap<String, BTreeMap<String, Vec<u8>>>>,
}

impl<'a> Bundling<'a> {
    /// Bundles what is written into `inner`.
    pub fn new(inner: &'a dyn Sink) -> Bundling<'a> {
        Bundling {
            inner,
            kept: Mutex::default(),
        }
    }

    /// Writes `<campaign>.zip` for each campaign built into the sink,
    /// returning how many were written.
    pub fn finish(self) -> std::io::Result<usize> {
        let kept = self.kept.into_inner().unwrap_or_else(|e| e.into_inner());
        for (campaign, files) in &kept {
            self.inner
                .put(&format!("{campaign}.zip"), zip(campaign, files)?)?;
        }
        Ok(kept.len())
    }
}

impl Sink for Bundling<'_> {
    fn scratch_dir(&self) -> Option<&std::path::Path> {
        self.inner.scratch_dir()
    }

    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        if let Some((campaign, inside)) = path.split_once('/')
            && !HOST_FILES.contains(&inside)
            && !NOT_OFFLINE.contains(&inside)
        {
            self.kept
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .entry(campaign.to_string())
                .or_default()
                .insert(inside.to_string(), bytes.clone());
        }
        self.inner.put(path, bytes)
    }
}

/// A zip of `files` inside a folder named after the campaign, so that
/// unpacking it makes one folder. Entries are in path order with a fixed
/// date: the same site gives the same zip.
pub fn zip(campaign: &str, files: &BTreeMap<String, Vec<u8>>) -> std::io::Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (path, bytes) in files {
        // Pictures and PDFs are compressed already.
        let method = if crate::output::compress::is_compressible(path) {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        // A fixed date (1980-01-01, zip's earliest): the same site gives
        // the same bundle.
        let options = SimpleFileOptions::default()
            .compression_method(method)
            .last_modified_time(zip::DateTime::default())
            .unix_permissions(0o644);
        writer
            .start_file(format!("{campaign}/{path}"), options)
            .map_err(std::io::Error::other)?;
        writer.write_all(bytes)?;
    }
    let cursor = writer.finish().map_err(std::io::Error::other)?;
    Ok(cursor.into_inner())
}

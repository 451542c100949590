//! Where built files go. Renderers hand each file to a [`Sink`] and never
//! choose the destination: `build` writes into a staging folder that is
//! swapped in only when everything succeeded (see [`write`]); tests and
//! the preview server keep files in memory ([`MemorySink`]).

pub mod bundle;
pub mod busy;
pub mod compress;
pub mod write;

use std::collections::BTreeMap;
use std::sync::Mutex;

/// Receives built files by path relative to the output folder
/// (`<campaign>/<lang>/<slug>.html`, always with `/`).
pub trait Sink: Sync {
    /// Stores one file.
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()>;

    /// A folder on the output's disk for the build's own temporary files
    /// (see [`crate::spill`]): there is room there for the pages it holds.
    fn scratch_dir(&self) -> Option<&std::path::Path> {
        None
    }
}

/// Keeps built files in memory.
#[derive(Debug, Default)]
pub struct MemorySink {
    files: Mutex<BTreeMap<String, Vec<u8>>>,
}

impl MemorySink {
    /// The files stored so far, by path.
    pub fn into_files(self) -> BTreeMap<String, Vec<u8>> {
        self.files.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for MemorySink {
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_string(), bytes);
        Ok(())
    }
}

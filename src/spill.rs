//! Rendered pages a build cannot hold in memory, kept in an unnamed
//! temporary file until they are written (issue 14).
//!
//! A build parses each page once, as it is read, and holds the rendered
//! body until every link has been checked. Past the memory budget
//! (`OUTREACH_TEXT_MB`) a body is appended here instead, and read back
//! when its page is written: cheaper than reading and parsing the page a
//! second time, which is what a big site did before. The file is made in
//! the build's staging folder, on the output's disk, where there is room
//! for the pages (on Windows, in the system's temporary folder); it has no
//! name, so the system removes it when the build ends, however it ends.

use std::fs::File;
use std::io;
use std::sync::atomic::{AtomicU64, Ordering};

/// An append-only temporary file that threads write to at once: each
/// write reserves its own place first.
#[derive(Debug)]
pub struct Spill {
    file: File,
    end: AtomicU64,
}

impl Spill {
    /// A new, empty file in `dir`, which it never shows in.
    pub fn new_in(dir: &std::path::Path) -> io::Result<Spill> {
        Ok(Spill {
            file: tempfile::tempfile_in(dir)?,
            end: AtomicU64::new(0),
        })
    }

    /// Appends `bytes`; returns where they are.
    pub fn put(&self, bytes: &[u8]) -> io::Result<u64> {
        let at = self.end.fetch_add(bytes.len() as u64, Ordering::Relaxed);
        write_all_at(&self.file, bytes, at)?;
        Ok(at)
    }

    /// The `len` bytes put at `at`.
    pub fn get(&self, at: u64, len: usize) -> io::Result<Vec<u8>> {
        let mut bytes = vec![0; len];
        read_exact_at(&self.file, &mut bytes, at)?;
        Ok(bytes)
    }
}

// Positional reads and writes, on any system (also used by the cache of
// compressed copies).

#[cfg(unix)]
pub(crate) fn write_all_at(file: &File, bytes: &[u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::write_all_at(file, bytes, at)
}

#[cfg(unix)]
pub(crate) fn read_exact_at(file: &File, bytes: &mut [u8], at: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, bytes, at)
}

#[cfg(windows)]
pub(crate) fn write_all_at(file: &File, mut bytes: &[u8], mut at: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let written = file.seek_write(bytes, at)?;
        if written == 0 {
            return Err(io::ErrorKind::WriteZero.into());
        }
        bytes = &bytes[written..];
        at += written as u64;
    }
    Ok(())
}

#[cfg(windows)]
pub(crate) fn read_exact_at(file: &File, mut bytes: &mut [u8], mut at: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !bytes.is_empty() {
        let read = file.seek_read(bytes, at)?;
        if read == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        bytes = &mut bytes[read..];
        at += read as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_threads_put_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let spill = Spill::new_in(dir.path()).unwrap();
        let texts: Vec<String> = (0..64)
            .map(|i| format!("<p>page {i}</p>").repeat(i))
            .collect();
        let places: Vec<(u64, usize)> = std::thread::scope(|s| {
            let handles: Vec<_> = texts
                .iter()
                .map(|t| s.spawn(|| (spill.put(t.as_bytes()).unwrap(), t.len())))
                .collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        for (text, (at, len)) in texts.iter().zip(places) {
            assert_eq!(spill.get(at, len).unwrap(), text.as_bytes());
        }
        // Nothing is left to see in the folder.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }
}

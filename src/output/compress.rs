//! Precompressed copies (`.gz`, `.br`) of the text files of a site, for
//! hosts that can send them as they are instead of compressing each
//! request (Apache with the rules in the generated `.htaccess`, nginx's
//! `gzip_static`). They are made as each file is built, on the thread that
//! built it, and kept in a cache so that a rebuild compresses only the
//! files that changed.

use std::collections::{HashMap, HashSet};
use std::fs::File;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::output::Sink;

/// Files worth compressing, by extension, with their media type (for the
/// host rules that serve the copies): text. Pictures, PDFs and fonts are
/// compressed already.
pub const TEXT: &[(&str, &str)] = &[
    ("html", "text/html"),
    ("css", "text/css"),
    ("js", "text/javascript"),
    ("svg", "image/svg+xml"),
    ("xml", "application/xml"),
    ("txt", "text/plain"),
    ("webmanifest", "application/manifest+json"),
];

/// Files only hosts read: never sent to browsers, so never compressed, and
/// left out of offline bundles.
pub const HOST_FILES: &[&str] = &["_headers", "_redirects", ".htaccess", ".nojekyll"];

/// A sink that passes each file on and, for text files, a `.gz` and a
/// `.br` copy beside it.
pub struct Precompressing<'a> {
    inner: &'a dyn Sink,
    cache: &'a CompressedCache,
}

impl<'a> Precompressing<'a> {
    /// Compresses into `inner`, taking copies from `cache` where it has
    /// them.
    pub fn new(inner: &'a dyn Sink, cache: &'a CompressedCache) -> Precompressing<'a> {
        Precompressing { inner, cache }
    }
}

/// Whether a file at `path` gets compressed copies.
pub fn is_compressible(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    !HOST_FILES.contains(&name)
        && name
            .rsplit_once('.')
            .is_some_and(|(_, ext)| TEXT.iter().any(|(text, _)| *text == ext))
}

impl Sink for Precompressing<'_> {
    fn scratch_dir(&self) -> Option<&std::path::Path> {
        self.inner.scratch_dir()
    }

    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        if is_compressible(path) {
            let copies = self.cache.copies(&bytes)?;
            self.inner.put(&format!("{path}.gz"), copies.gz)?;
            self.inner.put(&format!("{path}.br"), copies.br)?;
        }
        self.inner.put(path, bytes)
    }
}

/// gzip at the highest level: done once per build, read on every request.
/// No file name or time in the header, so builds are reproducible.
pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::GzBuilder::new().write(
        Vec::with_capacity(bytes.len() / 3),
        flate2::Compression::best(),
    );
    encoder.write_all(bytes)?;
    encoder.finish()
}

/// Brotli at quality 10. On outreach's pages (the 8,008-page benchmark
/// corpus) it makes files 2 % larger than quality 11 in a third of the
/// time (3.8 ms a page against 11 ms); quality 9 and below are 8 % larger
/// and, in this encoder, no faster on small files, since each call
/// clears tables of up to 32 MB. The window is no larger than the file.
pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY,
        lgwin: (usize::BITS - bytes.len().leading_zeros()).clamp(10, 22) as i32,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 4);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
}

const BROTLI_QUALITY: i32 = 10;

/// How copies are made, in every cache key: a change here (a quality, an
/// encoder's version) makes every cached copy stale.
const ENCODING: &str = "gzip-9 brotli-10 brotli-crate-9";

/// A file's compressed copies.
pub struct Copies {
    /// The `.gz` copy.
    pub gz: Vec<u8>,
    /// The `.br` copy.
    pub br: Vec<u8>,
}

/// Compressed copies made by earlier builds, in one file,
/// `.outreach-cache/compressed.pack`, by a hash of the bytes they compress
/// and of how. A build reads the copies it needs from the old file and
/// writes every copy it used into a new one, which replaces the old one
/// when the build ends: copies no file needs any more go with it.
///
/// A cache that cannot be read or written only costs time, so its
/// failures are ignored; a damaged entry is recompressed, never sent.
pub struct CompressedCache {
    old: Option<OldPack>,
    new: Mutex<Option<NewPack>>,
}

struct OldPack {
    file: File,
    /// Where each entry's bytes start: key → (offset, check, gz and br
    /// lengths).
    index: HashMap<u128, (u64, u64, u32, u32)>,
}

struct NewPack {
    writer: BufWriter<File>,
    temp: PathBuf,
    path: PathBuf,
    keys: HashSet<u128>,
}

/// The first line of a pack file; the entries follow, each a key (16
/// bytes), a check of the copies (8), the lengths of the gzip and the
/// brotli copy (4 each, little-endian), then the two copies.
const PACK_HEADER: &[u8] = b"outreach compressed copies 1\n";

impl CompressedCache {
    /// The cache of the project at `root`.
    pub fn in_project(root: &Path) -> CompressedCache {
        let dir = root.join(crate::model::CACHE_DIR);
        let path = dir.join("compressed.pack");
        let old = File::open(&path).ok().and_then(read_index);
        // A name of its own, made new: two builds of one project at once
        // (in two containers, say, where both may be process 1) never
        // write into one file.
        let unique = {
            use std::hash::BuildHasher;
            std::collections::hash_map::RandomState::new().hash_one(std::process::id())
        };
        let temp = dir.join(format!(
            "compressed.pack.{}.{unique:016x}",
            std::process::id()
        ));
        let new = std::fs::create_dir_all(&dir)
            .and_then(|()| {
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&temp)
            })
            .and_then(|file| {
                let mut writer = BufWriter::new(file);
                writer.write_all(PACK_HEADER)?;
                Ok(NewPack {
                    writer,
                    temp,
                    path,
                    keys: HashSet::new(),
                })
            })
            .ok();
        CompressedCache {
            old,
            new: Mutex::new(new),
        }
    }

    /// No cache: every file is compressed.
    pub fn none() -> CompressedCache {
        CompressedCache {
            old: None,
            new: Mutex::new(None),
        }
    }

    /// The copies of `bytes`, from the cache or made now.
    pub fn copies(&self, bytes: &[u8]) -> std::io::Result<Copies> {
        let key = cache_key(bytes);
        let copies = match self.old.as_ref().and_then(|old| old.read(key)) {
            Some(copies) => copies,
            None => Copies {
                gz: gzip(bytes)?,
                br: brotli(bytes)?,
            },
        };
        self.keep(key, &copies);
        Ok(copies)
    }

    /// Adds copies to the new pack.
    fn keep(&self, key: u128, copies: &Copies) {
        let mut new = self.new.lock().unwrap_or_else(|e| e.into_inner());
        let Some(pack) = new.as_mut() else {
            return;
        };
        if !pack.keys.insert(key) {
            return;
        }
        let written = (|| {
            let w = &mut pack.writer;
            w.write_all(&key.to_le_bytes())?;
            w.write_all(&check(key, copies).to_le_bytes())?;
            w.write_all(
                &u32::try_from(copies.gz.len())
                    .map_err(std::io::Error::other)?
                    .to_le_bytes(),
            )?;
            w.write_all(
                &u32::try_from(copies.br.len())
                    .map_err(std::io::Error::other)?
                    .to_le_bytes(),
            )?;
            w.write_all(&copies.gz)?;
            w.write_all(&copies.br)
        })();
        if written.is_err() {
            // A full disk: no new pack this time; the old one stays.
            if let Some(pack) = new.take() {
                let _ = std::fs::remove_file(&pack.temp);
            }
        }
    }

    /// Puts the new pack in place of the old one, and removes packs that
    /// interrupted builds left half written a day or more ago. A build of the `whole_site`
    /// leaves out copies no file needs any more; one of some campaigns
    /// only (`--campaign`) keeps the others' copies too.
    pub fn finish(self, whole_site: bool) {
        if !whole_site && let Some(old) = &self.old {
            let kept: HashSet<u128> = match &*self.new.lock().unwrap_or_else(|e| e.into_inner()) {
                Some(pack) => pack.keys.clone(),
                None => return,
            };
            for &key in old.index.keys().filter(|key| !kept.contains(key)) {
                if let Some(copies) = old.read(key) {
                    self.keep(key, &copies);
                }
            }
        }
        let Some(pack) = self.new.into_inner().unwrap_or_else(|e| e.into_inner()) else {
            return;
        };
        let NewPack {
            writer, temp, path, ..
        } = pack;
        let done = writer
            .into_inner()
            .map_err(|e| e.into_error())
            .and_then(|file| {
                drop(file);
                // Windows cannot replace a file still open.
                drop(self.old);
                std::fs::rename(&temp, &path)
            });
        if done.is_err() {
            let _ = std::fs::remove_file(&temp);
            return;
        }
        let Some(dir) = path.parent() else {
            return;
        };
        for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            // Only a day-old one: a younger one may be another build's,
            // still being written.
            let stale = entry
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|modified| modified.elapsed().ok())
                .is_some_and(|age| age > std::time::Duration::from_secs(24 * 60 * 60));
            let leftover = name.strip_prefix("compressed.pack.").is_some_and(|rest| {
                !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_hexdigit() || b == b'.')
            });
            if leftover && stale {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
}

impl OldPack {
    fn read(&self, key: u128) -> Option<Copies> {
        let &(offset, sum, gz_len, br_len) = self.index.get(&key)?;
        let mut bytes = vec![0; gz_len as usize + br_len as usize];
        crate::spill::read_exact_at(&self.file, &mut bytes, offset).ok()?;
        let br = bytes.split_off(gz_len as usize);
        let copies = Copies { gz: bytes, br };
        (check(key, &copies) == sum).then_some(copies)
    }
}

/// Reads where each entry of a pack is. A pack cut short (a build
/// interrupted while writing it) keeps the entries before the cut.
fn read_index(file: File) -> Option<OldPack> {
    let mut reader = BufReader::new(file);
    let mut header = vec![0; PACK_HEADER.len()];
    reader.read_exact(&mut header).ok()?;
    if header != PACK_HEADER {
        return None;
    }
    let mut index = HashMap::new();
    let mut offset = PACK_HEADER.len() as u64;
    let end = reader.get_ref().metadata().ok()?.len();
    let mut head = [0u8; 32];
    while reader.read_exact(&mut head).is_ok() {
        let key = u128::from_le_bytes(head[..16].try_into().ok()?);
        let sum = u64::from_le_bytes(head[16..24].try_into().ok()?);
        let gz_len = u32::from_le_bytes(head[24..28].try_into().ok()?);
        let br_len = u32::from_le_bytes(head[28..].try_into().ok()?);
        let start = offset + head.len() as u64;
        offset = start + u64::from(gz_len) + u64::from(br_len);
        if offset > end {
            break;
        }
        index.insert(key, (start, sum, gz_len, br_len));
        reader
            .seek_relative(i64::from(gz_len) + i64::from(br_len))
            .ok()?;
    }
    Some(OldPack {
        file: reader.into_inner(),
        index,
    })
}

/// The cache key of a file's copies: its bytes and how they are made.
fn cache_key(bytes: &[u8]) -> u128 {
    use siphasher::sip128::Hasher128;
    use std::hash::Hasher;
    let mut hasher = siphasher::sip128::SipHasher13::new();
    hasher.write(ENCODING.as_bytes());
    hasher.write(bytes);
    hasher.finish128().as_u128()
}

/// A check of an entry, key and copies, so that a damaged pack is never
/// sent.
fn check(key: u128, copies: &Copies) -> u64 {
    use std::hash::Hasher;
    let mut hasher = siphasher::sip::SipHasher13::new();
    hasher.write(&key.to_le_bytes());
    hasher.write(&copies.gz);
    hasher.write(&copies.br);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::MemorySink;
    use std::io::Read;

    #[test]
    fn text_files_get_copies_that_decompress_to_them() {
        let sink = MemorySink::default();
        let page = "<p>Помош · مساعدة</p>".repeat(50).into_bytes();
        let cache = CompressedCache::none();
        let compressing = Precompressing::new(&sink, &cache);
        compressing.put("c/en/index.html", page.clone()).unwrap();
        compressing.put("c/images/a.png", vec![1, 2, 3]).unwrap();
        compressing.put("c/_headers", b"/*".to_vec()).unwrap();
        let files = sink.into_files();
        let names: Vec<&str> = files.keys().map(String::as_str).collect();
        assert_eq!(
            names,
            [
                "c/_headers",
                "c/en/index.html",
                "c/en/index.html.br",
                "c/en/index.html.gz",
                "c/images/a.png"
            ]
        );
        let mut unzipped = Vec::new();
        flate2::read::GzDecoder::new(files["c/en/index.html.gz"].as_slice())
            .read_to_end(&mut unzipped)
            .unwrap();
        assert_eq!(unzipped, page);
        let mut unbrotli = Vec::new();
        brotli::Decompressor::new(files["c/en/index.html.br"].as_slice(), 4096)
            .read_to_end(&mut unbrotli)
            .unwrap();
        assert_eq!(unbrotli, page);
        assert!(files["c/en/index.html.br"].len() < page.len() / 5);
    }

    fn pack_of(root: &Path) -> OldPack {
        read_index(File::open(root.join(".outreach-cache/compressed.pack")).unwrap()).unwrap()
    }

    fn unbrotli(bytes: &[u8]) -> Vec<u8> {
        let mut out = Vec::new();
        brotli::Decompressor::new(bytes, 4096)
            .read_to_end(&mut out)
            .unwrap();
        out
    }

    #[test]
    fn a_rebuild_takes_its_copies_from_the_cache_and_drops_unused_ones() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (b"<p>first page</p>".repeat(40), b"<p>second</p>".repeat(40));
        let cache = CompressedCache::in_project(tmp.path());
        cache.copies(&a).unwrap();
        cache.copies(&b).unwrap();
        cache.finish(true);
        assert_eq!(pack_of(tmp.path()).index.len(), 2);

        // The cached copies are what a build sends: an entry with other
        // (valid) bytes shows they are read, not made again.
        let other = Copies {
            gz: gzip(b"cached").unwrap(),
            br: brotli(b"cached").unwrap(),
        };
        let path = tmp.path().join(".outreach-cache/compressed.pack");
        let mut file = BufWriter::new(File::create(&path).unwrap());
        file.write_all(PACK_HEADER).unwrap();
        let key = cache_key(&a);
        file.write_all(&key.to_le_bytes()).unwrap();
        file.write_all(&check(key, &other).to_le_bytes()).unwrap();
        file.write_all(&(other.gz.len() as u32).to_le_bytes())
            .unwrap();
        file.write_all(&(other.br.len() as u32).to_le_bytes())
            .unwrap();
        file.write_all(&other.gz).unwrap();
        file.write_all(&other.br).unwrap();
        drop(file);

        let cache = CompressedCache::in_project(tmp.path());
        assert_eq!(unbrotli(&cache.copies(&a).unwrap().br), b"cached");
        cache.finish(true);
        // Only what this build used stays.
        let pack = pack_of(tmp.path());
        assert_eq!(pack.index.len(), 1);
        assert!(pack.index.contains_key(&key));
    }

    #[test]
    fn a_build_of_one_campaign_keeps_the_others_copies() {
        let tmp = tempfile::tempdir().unwrap();
        let (a, b) = (
            b"<p>one campaign</p>".repeat(40),
            b"<p>another</p>".repeat(40),
        );
        let cache = CompressedCache::in_project(tmp.path());
        cache.copies(&a).unwrap();
        cache.copies(&b).unwrap();
        cache.finish(true);
        let cache = CompressedCache::in_project(tmp.path());
        cache.copies(&a).unwrap();
        cache.finish(false);
        assert_eq!(pack_of(tmp.path()).index.len(), 2);
        let cache = CompressedCache::in_project(tmp.path());
        cache.copies(&a).unwrap();
        cache.finish(true);
        assert_eq!(pack_of(tmp.path()).index.len(), 1);
    }

    #[test]
    fn a_damaged_or_cut_pack_is_never_sent() {
        let tmp = tempfile::tempdir().unwrap();
        let pages: Vec<Vec<u8>> = (0..3)
            .map(|i| format!("<p>page {i}</p>").repeat(50).into_bytes())
            .collect();
        let cache = CompressedCache::in_project(tmp.path());
        for page in &pages {
            cache.copies(page).unwrap();
        }
        cache.finish(true);
        let path = tmp.path().join(".outreach-cache/compressed.pack");
        let mut bytes = std::fs::read(&path).unwrap();
        // A flipped byte in the first entry's brotli copy, and the last
        // entry cut in half.
        let first = pack_of(tmp.path()).index[&cache_key(&pages[0])];
        bytes[first.0 as usize + first.2 as usize + 2] ^= 0x55;
        bytes.truncate(bytes.len() - 20);
        std::fs::write(&path, &bytes).unwrap();

        assert_eq!(
            pack_of(tmp.path()).index.len(),
            2,
            "the cut entry is dropped"
        );
        let cache = CompressedCache::in_project(tmp.path());
        for page in &pages {
            assert_eq!(&unbrotli(&cache.copies(page).unwrap().br), page);
        }
    }

    #[test]
    fn packs_left_by_interrupted_builds_go_and_running_builds_keep_theirs() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().join(".outreach-cache");
        std::fs::create_dir_all(&dir).unwrap();
        let old = dir.join("compressed.pack.99999999.00ff");
        std::fs::write(&old, b"half").unwrap();
        let two_days = std::time::Duration::from_secs(2 * 24 * 60 * 60);
        File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(std::time::SystemTime::now() - two_days)
            .unwrap();
        std::fs::write(dir.join("compressed.pack.12345.abcdef"), b"running").unwrap();
        std::fs::write(dir.join("compressed.pack.mine"), b"not ours").unwrap();
        let cache = CompressedCache::in_project(tmp.path());
        cache.copies(b"<p>x</p>").unwrap();
        cache.finish(true);
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(
            names,
            [
                "compressed.pack",
                "compressed.pack.12345.abcdef",
                "compressed.pack.mine"
            ]
        );
    }
}

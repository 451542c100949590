//! Reading one source file, with the checks every text source needs.

use std::io::Read;
use std::path::Path;

use crate::diag::{Diagnostic, NameOnDisk, Severity, SourceFile, name_on_disk};

/// Text sources larger than this are refused: no campaign page is this big,
/// and reading one into memory could exhaust a small machine.
pub const MAX_TEXT_BYTES: u64 = 8 * 1024 * 1024;

/// A theme's static files and fonts larger than this are refused (the
/// largest built-in font is under 1 MB).
pub const MAX_THEME_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// Translation exchange files hold a whole campaign in one language, so
/// they may be much larger than a page (an 8,000-page campaign: 16 MB).
pub const MAX_EXCHANGE_BYTES: u64 = 512 * 1024 * 1024;

/// How the file or folder `name` is found in the folder `dir`: by the
/// names the folder lists, so that `Reading.mp3` does not find
/// `reading.mp3`, as `exists()` would on Windows and macOS. A folder that
/// cannot be read has nothing in it.
pub fn entry_in(dir: &Path, name: &str) -> NameOnDisk {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return NameOnDisk::Missing;
    };
    let names: Vec<String> = entries
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .collect();
    name_on_disk(names.iter().map(String::as_str), name)
}

/// Reads a UTF-8 text source (a page, a campaign file). `shown` is the
/// path used in messages.
pub fn read_text(path: &Path, shown: &Path) -> Result<SourceFile, Diagnostic> {
    read_text_at_most(path, shown, MAX_TEXT_BYTES, "split it into several pages")
}

/// Reads a UTF-8 text file of at most `max` bytes; `help` says what to do
/// with a larger one.
pub fn read_text_at_most(
    path: &Path,
    shown: &Path,
    max: u64,
    help: &str,
) -> Result<SourceFile, Diagnostic> {
    text_from_bytes(read_bytes_at_most(path, shown, max, help)?, shown)
}

/// Reads a file of at most `max` bytes that is a regular file: a named
/// pipe would make the build wait for ever, and a link to a device such
/// as `/dev/zero` would read until memory ran out (issue 13).
pub fn read_bytes_at_most(
    path: &Path,
    shown: &Path,
    max: u64,
    help: &str,
) -> Result<Vec<u8>, Diagnostic> {
    let io_problem = |err: std::io::Error| {
        Diagnostic::in_file(
            shown,
            Severity::Error,
            format!("cannot read this file: {err}"),
        )
    };
    let (meta, file) = open_regular(path).map_err(io_problem)?;
    let Some(file) = file else {
        return Err(Diagnostic::in_file(
            shown,
            Severity::Error,
            "this is not a regular file (a device, a named pipe, or a link to one), so it is not read",
        )
        .with_help("replace it with the file itself"));
    };
    if meta.len() > max {
        return Err(Diagnostic::in_file(
            shown,
            Severity::Error,
            format!(
                "this file is {} MB; files like it over {} MB are not read",
                meta.len() / 1024 / 1024,
                max / 1024 / 1024
            ),
        )
        .with_help(help.to_string()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // `take` guards against a file that grows while it is read.
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(io_problem)?;
    if bytes.len() as u64 > max {
        return Err(Diagnostic::in_file(
            shown,
            Severity::Error,
            format!(
                "this file grew past {} MB while it was read",
                max / 1024 / 1024
            ),
        ));
    }
    Ok(bytes)
}

/// What `path` is, and the file opened for reading if it is a regular
/// file. Opening a named pipe waits for a writer, so on Unix it is opened
/// without waiting and looked at through the open file (one lookup of the
/// path instead of two, which counted in a big build); elsewhere it is
/// looked at first.
fn open_regular(path: &Path) -> std::io::Result<(std::fs::Metadata, Option<std::fs::File>)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        let file = std::fs::OpenOptions::new()
            .read(true)
            .custom_flags(libc::O_NONBLOCK)
            .open(path)?;
        let meta = file.metadata()?;
        let file = meta.is_file().then_some(file);
        Ok((meta, file))
    }
    #[cfg(not(unix))]
    {
        let meta = std::fs::metadata(path)?;
        let file = match meta.is_file() {
            true => Some(std::fs::File::open(path)?),
            false => None,
        };
        Ok((meta, file))
    }
}

/// Turns bytes into text, or says where the first byte that is not UTF-8 is.
pub fn text_from_bytes(bytes: Vec<u8>, shown: &Path) -> Result<SourceFile, Diagnostic> {
    match String::from_utf8(bytes) {
        Ok(text) => Ok(SourceFile::new(shown, text)),
        Err(err) => {
            let valid = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            let good = String::from_utf8_lossy(&bytes[..valid]).into_owned();
            let file = SourceFile::new(shown, good);
            let (line, col) = file.line_col(valid);
            Err(Diagnostic {
                snippet: None,
                ..file.at_line_col(
                    line,
                    col,
                    Severity::Error,
                    "this file is not valid UTF-8 text",
                )
            }
            .with_help("save the file as UTF-8 in your editor (\"Save with encoding\" → UTF-8)"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_is_located() {
        let d = text_from_bytes(b"---\ntitle: \xff\n".to_vec(), Path::new("a.md")).unwrap_err();
        assert_eq!((d.line, d.col), (Some(2), Some(8)));
        assert!(d.message.contains("UTF-8"));
    }
}

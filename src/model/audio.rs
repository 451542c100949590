//! Recorded readings of pages: `audio: reading.mp3` in a page's front
//! matter names a recording saved next to the page. Readers who read
//! little hear the page; its text stays as the transcript.

use std::path::PathBuf;

/// The folder in a campaign's output where recordings are published,
/// under names made from their content.
pub const AUDIO_DIR: &str = "audio";

/// File extensions of recordings (lower case): what the preview watches
/// for, besides pages and pictures.
pub const AUDIO_EXTENSIONS: &[&str] = &["mp3", "opus", "ogg", "oga", "m4a"];

/// Recordings larger than this are not read: an hour of speech as MP3 at
/// 128 kbit/s is about 55 MB, far past any budget for 2G.
pub const MAX_AUDIO_BYTES: u64 = 100 * 1024 * 1024;

/// A page's recording, as its front matter names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageAudio {
    /// The file name as written after `audio:`.
    pub written: String,
    /// Path inside `content/<campaign>/`, with `/`: `en/reading.mp3`.
    /// Pages that name the same file (a Serbian page and its Latin copy)
    /// share one published recording by this key.
    pub key: String,
    /// The path shown in messages (`content/<campaign>/en/reading.mp3`).
    pub shown: PathBuf,
    /// Where the file is; it is read after the pages are checked.
    pub path: PathBuf,
    /// Where `audio:`'s value is in the page's file (line, column), for
    /// problems found when the file is read.
    pub at: (usize, usize),
}

/// Whether `name` has a recording's extension.
pub fn is_audio_name(name: &str) -> bool {
    name.rsplit_once('.').is_some_and(|(_, ext)| {
        AUDIO_EXTENSIONS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(ext))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recordings_are_known_by_their_extension() {
        assert!(is_audio_name("reading.mp3"));
        assert!(is_audio_name("Reading.OPUS"));
        assert!(is_audio_name("a.b.m4a"));
        assert!(!is_audio_name("reading.wav"));
        assert!(!is_audio_name("mp3"));
    }
}

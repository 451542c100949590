//! Recorded readings → the files readers download when they press play.
//! A page's `audio:` names a recording saved next to it; each one a page
//! shows is read once, checked to be sound in a form phones' browsers
//! play ([`probe`]), and published as it is under a name made from its
//! content, so hosts may cache it for good (as pictures are, see
//! [`crate::images`]): the original file name could say too much
//! (`shelter-tetovo-interview.mp3`).
//!
//! Recordings are not re-encoded: that would need an encoder for every
//! form, and what the author exported is what readers hear. Their tags
//! are left out of the published copy ([`strip`]). A recording too large
//! for 2G gets a warning saying how to export a smaller one.

pub mod probe;
pub mod strip;

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use rayon::prelude::*;

use crate::diag::{Diagnostic, NameOnDisk, Severity};
use crate::model::audio::{AUDIO_DIR, MAX_AUDIO_BYTES, PageAudio, is_audio_name};
use crate::model::{Campaign, Page};
use probe::{Kind, Refused};

/// How to make a recording small enough for 2G, said wherever one is
/// refused or too large.
pub const EXPORT_HELP: &str = "export it as mono Opus at 24 kbit/s, or mono MP3 at 48 kbit/s (in Audacity: File → Export Audio; see \"Recorded audio\" in the README)";

/// What 2G (EDGE) carries in practice, in bits a second: how long a
/// download takes is said with it.
const TWO_G_BITS_PER_SECOND: u64 = 40_000;

/// A recording as it is published.
#[derive(Debug)]
pub struct Recording {
    /// File name in the campaign's `audio/` folder: the first 10 hex
    /// digits of a hash of its bytes, and the extension of its form.
    pub name: String,
    /// Its form.
    pub kind: Kind,
    /// How long it plays, when the file says so believably.
    pub duration: Option<Duration>,
    /// The file, published as it is.
    pub bytes: Arc<Vec<u8>>,
}

impl Recording {
    /// Its path inside the campaign's folder.
    pub fn output_path(&self) -> String {
        format!("{AUDIO_DIR}/{}", self.name)
    }

    /// Its address from a page (pages are one folder down, in their
    /// language's).
    pub fn url_from_page(&self) -> String {
        format!("../{AUDIO_DIR}/{}", self.name)
    }
}

/// The recordings of a build, by (campaign, key): see [`PageAudio::key`].
#[derive(Default)]
pub struct Recordings {
    made: HashMap<(String, String), Arc<Recording>>,
}

impl Recordings {
    /// The recording of `key` in `campaign`, if it was made.
    pub fn get(&self, campaign: &str, key: &str) -> Option<&Arc<Recording>> {
        self.made.get(&(campaign.to_string(), key.to_string()))
    }

    /// Every recording of a campaign, once each, in name order.
    pub fn of_campaign(&self, campaign: &str) -> Vec<&Arc<Recording>> {
        let mut found: Vec<&Arc<Recording>> = self
            .made
            .iter()
            .filter(|((c, _), _)| c == campaign)
            .map(|(_, r)| r)
            .collect();
        found.sort_by(|a, b| a.name.cmp(&b.name));
        found.dedup_by(|a, b| a.name == b.name);
        found
    }
}

/// Reads and checks every recording in `used` (one page naming each:
/// [`crate::resolve::ResolvedSite::recordings_used`]) that `recordings`
/// does not have yet. A recording that is missing, is not sound, or is in
/// a form phones' browsers do not all play is an error at the page's
/// `audio:` line.
pub fn prepare(used: Vec<&Page>, recordings: &mut Recordings, problems: &mut Vec<Diagnostic>) {
    let wanted: Vec<(&Page, &PageAudio)> = used
        .into_iter()
        .filter_map(|page| Some((page, page.audio.as_deref()?)))
        .filter(|(page, audio)| {
            !recordings
                .made
                .contains_key(&(page.campaign.clone(), audio.key.clone()))
        })
        .collect();
    let made: Vec<_> = wanted
        .par_iter()
        .map(|(page, audio)| {
            let id = (page.campaign.clone(), audio.key.clone());
            (id, make(page, audio))
        })
        .collect();
    for (id, made) in made {
        match made {
            Ok(recording) => {
                recordings.made.insert(id, Arc::new(recording));
            }
            Err(d) => problems.push(d),
        }
    }
}

/// A problem at the page's `audio:` value.
fn at_audio(page: &Page, severity: Severity, message: String) -> Diagnostic {
    let (line, col) = page.audio.as_ref().map_or((1, 1), |audio| audio.at);
    page.source.at_line_col(line, col, severity, message)
}

fn make(page: &Page, audio: &PageAudio) -> Result<Recording, Diagnostic> {
    let shown = crate::diag::shown(&audio.shown);
    let folder = audio.path.parent().unwrap_or(Path::new("."));
    let on_disk = crate::load::files::entry_in(folder, &audio.written);
    if let NameOnDisk::OtherCase(on_disk) = &on_disk {
        let message = crate::diag::other_case("the recording", &audio.written, on_disk);
        return Err(at_audio(page, Severity::Error, message).with_help(format!(
            "write `audio: {on_disk}`, exactly as the file is named"
        )));
    }
    if on_disk == NameOnDisk::Missing {
        let d = at_audio(
            page,
            Severity::Error,
            format!(
                "the recording `{}` does not exist: there is no `{shown}`",
                audio.written
            ),
        );
        let near = recordings_beside(&audio.path);
        return Err(
            match crate::diag::did_you_mean(&audio.written, near.iter().map(String::as_str)) {
                Some(near) => d.with_help(format!(
                    "did you mean `audio: {near}`? File names must match exactly, capital letters included"
                )),
                None => d.with_help(format!(
                    "save the recording (MP3, Ogg/Opus or M4A) as `{shown}`, in the same folder as this page, or correct the file name"
                )),
            },
        );
    }
    let bytes = crate::load::files::read_bytes_at_most(
        &audio.path,
        &audio.shown,
        MAX_AUDIO_BYTES,
        EXPORT_HELP,
    )?;
    let probe = probe::probe(&bytes).map_err(|refused| {
        let message = match refused {
            Refused::NotAudio("") => format!(
                "`{}` is not a recording: it holds none of the forms of sound a page can play (MP3, Ogg/Opus, M4A)",
                audio.written
            ),
            Refused::NotAudio(what) => {
                format!("`{}` is not a recording: it holds {what}", audio.written)
            }
            Refused::Unsupported(what) => format!(
                "`{}` holds {what}; a page plays MP3, Ogg/Opus or M4A",
                audio.written
            ),
        };
        let help = match refused {
            Refused::NotAudio(_) => format!(
                "save the recording as MP3, Ogg/Opus or M4A at `{shown}`; renaming a file does not change what it holds"
            ),
            Refused::Unsupported(_) => EXPORT_HELP.to_string(),
        };
        at_audio(page, Severity::Error, message).with_help(help)
    })?;
    // Named by what is published, as pictures are.
    let bytes = strip::without_tags(probe.kind, bytes);
    let name = format!(
        "{}.{}",
        &crate::images::content_hash(&bytes)[..10],
        probe.kind.extension()
    );
    Ok(Recording {
        name,
        kind: probe.kind,
        duration: probe.duration,
        bytes: Arc::new(bytes),
    })
}

/// The names of the recordings in the folder of `path`, for "did you mean".
fn recordings_beside(path: &Path) -> Vec<String> {
    let Some(Ok(entries)) = path.parent().map(std::fs::read_dir) else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| is_audio_name(name))
        .collect()
}

/// What a page's author should know about its recording: over the
/// campaign's size budget, a length that cannot be read, or a file name
/// that says another form than the file holds. Said for pages written in
/// their language (copies share the original's recording).
pub fn warnings(page: &Page, campaign: &Campaign, recording: &Recording) -> Vec<Diagnostic> {
    let Some(audio) = &page.audio else {
        return Vec::new();
    };
    let shown = crate::diag::shown(&audio.shown);
    let mut found = Vec::new();
    let size = recording.bytes.len() as u64;
    let budget = u64::from(campaign.audio_budget_kb) * 1024;
    if size > budget {
        let rate = recording
            .duration
            .filter(|d| d.as_secs() > 0)
            .map(|d| format!(" ({} kbit/s)", size * 8 / 1000 / d.as_secs()))
            .unwrap_or_default();
        let minutes = (size * 8).div_ceil(TWO_G_BITS_PER_SECOND).div_ceil(60);
        found.push(
            at_audio(
                page,
                Severity::Warning,
                format!(
                    "the recording `{shown}` is {} KB{rate}, over the budget of {} KB: on 2G it takes about {minutes} {} to download",
                    size.div_ceil(1024),
                    campaign.audio_budget_kb,
                    if minutes == 1 { "minute" } else { "minutes" }
                ),
            )
            .with_help(format!(
                "{EXPORT_HELP}; or raise `audio_budget_kb` in the campaign file"
            )),
        );
    }
    if recording.duration.is_none() {
        found.push(
            at_audio(
                page,
                Severity::Warning,
                format!(
                    "the length of the recording `{shown}` cannot be read, so the page shows only its size"
                ),
            )
            .with_help(
                "export it again from your sound editor: encoders write the length into the file",
            ),
        );
    }
    let ext = audio.written.rsplit_once('.').map_or("", |(_, ext)| ext);
    if !recording.kind.fits_extension(ext) {
        let stem = audio
            .written
            .rsplit_once('.')
            .map_or(audio.written.as_str(), |(stem, _)| stem);
        found.push(
            at_audio(
                page,
                Severity::Warning,
                format!(
                    "`{}` holds {} sound, but its name says otherwise",
                    audio.written,
                    recording.kind.name()
                ),
            )
            .with_help(format!(
                "rename the file `{stem}.{}` and write that name after `audio:` (the site plays it either way)",
                recording.kind.extension()
            )),
        );
    }
    found
}

//! What a recording file holds, from its bytes alone: which of the forms
//! phones' browsers play it is (MP3, Ogg Opus, Ogg Vorbis, M4A) and how
//! long it lasts, read from the container's own headers, without decoding
//! any sound (and without a dependency that would).
//!
//! The files come from authors' phones and recorders, so anything can be
//! in them: every read is bounds-checked, loops only move forward, and a
//! damaged file gives "not a recording" or "length unknown", never a
//! panic.

use std::time::Duration;

/// A form of recorded sound that browsers on phones play.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// MPEG audio (Layer III, or I and II), with or without an ID3 tag.
    Mp3,
    /// Opus in an Ogg container.
    Opus,
    /// Vorbis in an Ogg container.
    Vorbis,
    /// AAC (or Opus) in an MP4 container.
    M4a,
}

impl Kind {
    /// The name authors know it by.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Mp3 => "MP3",
            Kind::Opus => "Ogg Opus",
            Kind::Vorbis => "Ogg Vorbis",
            Kind::M4a => "M4A",
        }
    }

    /// The extension it is published with.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Mp3 => "mp3",
            Kind::Opus => "opus",
            Kind::Vorbis => "ogg",
            Kind::M4a => "m4a",
        }
    }

    /// Its media type, for `<source type>`: the codec is named where the
    /// container can hold several, so a browser that cannot play it knows
    /// without downloading anything.
    pub fn media_type(self) -> &'static str {
        match self {
            Kind::Mp3 => "audio/mpeg",
            Kind::Opus => "audio/ogg; codecs=opus",
            Kind::Vorbis => "audio/ogg; codecs=vorbis",
            Kind::M4a => "audio/mp4",
        }
    }

    /// Whether a file name ending in `.ext` says what the file holds.
    pub fn fits_extension(self, ext: &str) -> bool {
        let ext = ext.to_ascii_lowercase();
        match self {
            Kind::Mp3 => ext == "mp3",
            Kind::Opus => matches!(ext.as_str(), "opus" | "ogg" | "oga"),
            Kind::Vorbis => matches!(ext.as_str(), "ogg" | "oga"),
            Kind::M4a => ext == "m4a",
        }
    }
}

/// What a recording is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Probe {
    /// Its form.
    pub kind: Kind,
    /// How long it plays, when the file says so believably.
    pub duration: Option<Duration>,
}

/// Why a file cannot be published as a page's recording.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// It is not sound: what it is instead, in words (`a JPEG picture`),
    /// or empty when that is not known either.
    NotAudio(&'static str),
    /// It is sound in a form not every phone's browser plays, or one far
    /// larger than speech needs: which, in words.
    Unsupported(&'static str),
}

/// Lengths over this are taken for a damaged header, not a recording.
const LONGEST: Duration = Duration::from_secs(24 * 60 * 60);

/// Fewer bits a second than this cannot be speech (Opus goes down to
/// 6 kbit/s): a length that the file's size cannot hold is a damaged
/// header.
const LEAST_BITS_PER_SECOND: u64 = 500;

/// Reads what `bytes` hold.
pub fn probe(bytes: &[u8]) -> Result<Probe, Refused> {
    // Forms with a signature of their own first: only then is a run of
    // MPEG frames looked for (near the start, as some encoders leave a
    // little padding before the first).
    let probe = if bytes.starts_with(b"OggS") {
        ogg(bytes)?
    } else if bytes.get(4..8) == Some(b"ftyp") {
        mp4(bytes)?
    } else if let Some(refused) = signed(bytes) {
        return Err(refused);
    } else if bytes.starts_with(b"ID3") || first_mp3_frame(bytes).is_some() {
        mp3(bytes)?
    } else {
        return Err(unsigned(bytes));
    };
    let believable = probe.duration.filter(|d| {
        let bits = bytes.len() as u64 * 8;
        !d.is_zero() && *d <= LONGEST && bits * 1000 >= LEAST_BITS_PER_SECOND * d.as_millis() as u64
    });
    Ok(Probe {
        duration: believable,
        ..probe
    })
}

/// What a file is that starts with the signature of a form that is not
/// playable, or not sound.
fn signed(bytes: &[u8]) -> Option<Refused> {
    let starts = |magic: &[u8]| bytes.starts_with(magic);
    let riff = |form: &[u8]| starts(b"RIFF") && bytes.get(8..12) == Some(form);
    Some(if bytes.is_empty() {
        Refused::NotAudio("nothing (the file is empty)")
    } else if starts(b"\xFF\xD8\xFF") {
        Refused::NotAudio("a JPEG picture")
    } else if starts(b"\x89PNG") {
        Refused::NotAudio("a PNG picture")
    } else if starts(b"GIF8") {
        Refused::NotAudio("a GIF picture")
    } else if riff(b"WEBP") {
        Refused::NotAudio("a WebP picture")
    } else if starts(b"%PDF") {
        Refused::NotAudio("a PDF document")
    } else if starts(b"PK\x03\x04") {
        Refused::NotAudio("a zip archive (or a Word or LibreOffice document)")
    } else if riff(b"WAVE") {
        Refused::Unsupported(
            "WAV sound, which is not compressed: about ten times larger than it needs to be",
        )
    } else if starts(b"fLaC") {
        Refused::Unsupported(
            "FLAC sound, which keeps every detail: several times larger than speech needs",
        )
    } else if starts(b"#!AMR") {
        Refused::Unsupported("AMR sound (a phone recorder's format), which browsers do not play")
    } else if starts(b"\x1A\x45\xDF\xA3") {
        Refused::Unsupported("WebM or Matroska, which not every phone's browser plays")
    } else {
        return None;
    })
}

/// What a file is that has no signature and no MPEG frames.
fn unsigned(bytes: &[u8]) -> Refused {
    if is_adts(bytes, 0) {
        Refused::Unsupported("raw AAC sound (ADTS), which not every phone's browser plays")
    } else if looks_like_text(bytes) {
        // Text is never taken for frames: UTF-8 has no 0xFF byte.
        Refused::NotAudio("text")
    } else {
        Refused::NotAudio("")
    }
}

/// Whether the start of `bytes` reads as text: UTF-8 (a character cut at
/// the end of the sample allowed) without NUL bytes.
fn looks_like_text(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let utf8 = match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(err) => err.error_len().is_none(),
    };
    utf8 && !head.contains(&0)
}

/// An AAC frame header (ADTS) at `at`: the MPEG sync with layer 0, which
/// MPEG audio never uses.
fn is_adts(bytes: &[u8], at: usize) -> bool {
    bytes
        .get(at..at + 2)
        .is_some_and(|h| h[0] == 0xFF && h[1] & 0xF6 == 0xF0)
}

fn read_u16_le(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?))
}

fn read_u32_le(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn read_u64_le(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

fn read_u32_be(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn read_u64_be(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_be_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// `samples` at `rate` a second as a duration (`rate` > 0).
fn samples_to_duration(samples: u64, rate: u64) -> Duration {
    let millis = (u128::from(samples) * 1000 / u128::from(rate.max(1))).min(u128::from(u64::MAX));
    Duration::from_millis(millis as u64)
}

// MP3 ----------------------------------------------------------------------

/// One MPEG audio frame header, decoded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Frame {
    /// 10 for MPEG-1, 20 for MPEG-2, 25 for MPEG-2.5.
    version: u8,
    /// 1, 2 or 3.
    layer: u8,
    /// Whether a 16-bit check sum follows the header.
    crc: bool,
    /// One channel.
    mono: bool,
    sample_rate: u32,
    /// Bytes in the frame, header included.
    len: usize,
    /// Sound samples the frame holds, per channel.
    samples: u32,
}

impl Frame {
    /// Whether `other` can follow this frame in one stream.
    fn same_stream(&self, other: &Frame) -> bool {
        (self.version, self.layer, self.sample_rate)
            == (other.version, other.layer, other.sample_rate)
    }
}

/// Bit rates in kbit/s by index 1 to 14: MPEG-1 layers I, II, III, then
/// MPEG-2 and 2.5 layer I, then their layers II and III.
const BITRATES: [[u32; 14]; 5] = [
    [
        32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448,
    ],
    [
        32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384,
    ],
    [
        32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
    ],
    [
        32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256,
    ],
    [8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
];

/// The frame header at `at`, if there is a valid one. Free-format frames
/// (bit rate index 0), whose length only the next header tells, are not
/// taken: encoders for speech do not write them.
fn frame_at(bytes: &[u8], at: usize) -> Option<Frame> {
    let h = bytes.get(at..at.checked_add(4)?)?;
    if h[0] != 0xFF || h[1] & 0xE0 != 0xE0 {
        return None;
    }
    let version = match (h[1] >> 3) & 3 {
        0 => 25,
        2 => 20,
        3 => 10,
        _ => return None,
    };
    let layer = match (h[1] >> 1) & 3 {
        1 => 3,
        2 => 2,
        3 => 1,
        _ => return None,
    };
    let bitrate_index = usize::from(h[2] >> 4);
    let rate_index = usize::from((h[2] >> 2) & 3);
    if bitrate_index == 0 || bitrate_index == 15 || rate_index == 3 || h[3] & 3 == 2 {
        return None;
    }
    let table = match (version, layer) {
        (10, l) => usize::from(l - 1),
        (_, 1) => 3,
        _ => 4,
    };
    let bitrate = BITRATES[table][bitrate_index - 1] * 1000;
    let sample_rate = [44_100, 48_000, 32_000][rate_index]
        / match version {
            10 => 1,
            20 => 2,
            _ => 4,
        };
    let padding = u32::from((h[2] >> 1) & 1);
    let (len, samples) = match (layer, version) {
        (1, _) => ((12 * bitrate / sample_rate + padding) * 4, 384),
        (2, _) | (3, 10) => (144 * bitrate / sample_rate + padding, 1152),
        _ => (72 * bitrate / sample_rate + padding, 576),
    };
    Some(Frame {
        version,
        layer,
        crc: h[1] & 1 == 0,
        mono: h[3] >> 6 == 3,
        sample_rate,
        len: len as usize,
        samples,
    })
}

/// How many frames in a row make a stream: one valid header can be
/// chance, three in a row of the same stream are not.
const FRAMES_IN_A_ROW: usize = 3;

/// The frame at `at`, if it starts a run of frames of one stream (or is
/// followed only by the end of the file or an ID3v1 tag).
fn mp3_frames_from(bytes: &[u8], at: usize) -> Option<Frame> {
    let first = frame_at(bytes, at)?;
    let mut frame = first;
    let mut pos = at;
    for checked in 0..FRAMES_IN_A_ROW {
        pos = pos.checked_add(frame.len)?;
        if pos >= bytes.len() {
            // A file cut short in its last frame still has the others.
            return (pos == bytes.len() || checked > 0).then_some(first);
        }
        if bytes[pos..].starts_with(b"TAG") {
            return Some(first);
        }
        frame = frame_at(bytes, pos).filter(|next| first.same_stream(next))?;
    }
    Some(first)
}

/// How far after the start (or an ID3 tag) the first frame is looked
/// for: encoders put it right there, but some leave a little padding.
const FRAME_SEARCH: usize = 4096;

/// Where the sound starts after any ID3v2 tags at the start.
fn after_id3(bytes: &[u8]) -> usize {
    let mut at = 0usize;
    while bytes.get(at..).is_some_and(|rest| rest.starts_with(b"ID3")) {
        let Some(size) = bytes.get(at + 6..at + 10) else {
            return bytes.len();
        };
        // A "synchsafe" size: seven bits a byte.
        let size = size
            .iter()
            .fold(0usize, |n, b| (n << 7) | usize::from(b & 0x7F));
        let footer = bytes.get(at + 5).is_some_and(|flags| flags & 0x10 != 0);
        at = at
            .saturating_add(10 + size)
            .saturating_add(if footer { 10 } else { 0 });
    }
    at.min(bytes.len())
}

/// Where the first frame of an MP3 is (after its tags), and the frame.
pub(super) fn first_mp3_frame(bytes: &[u8]) -> Option<(usize, Frame)> {
    let start = after_id3(bytes);
    let end = bytes.len().min(start.saturating_add(FRAME_SEARCH));
    (start..end).find_map(|at| mp3_frames_from(bytes, at).map(|f| (at, f)))
}

fn mp3(bytes: &[u8]) -> Result<Probe, Refused> {
    let Some((at, first)) = first_mp3_frame(bytes) else {
        return Err(if is_adts(bytes, after_id3(bytes)) {
            Refused::Unsupported("raw AAC sound (ADTS), which not every phone's browser plays")
        } else {
            Refused::NotAudio("an MP3 tag with no sound after it")
        });
    };
    Ok(Probe {
        kind: Kind::Mp3,
        duration: mp3_duration(bytes, at, &first),
    })
}

/// The length of an MP3 whose first frame is `first` at `at`: from the
/// frame count an encoder writes into the first frame (Xing or Info by
/// LAME, VBRI by Fraunhofer), else by walking every frame, which is exact
/// for files of constant and varying bit rate alike.
fn mp3_duration(bytes: &[u8], at: usize, first: &Frame) -> Option<Duration> {
    let counted = xing_frames(bytes, at, first).or_else(|| vbri_frames(bytes, at));
    if let Some(frames) = counted.filter(|n| *n > 0) {
        let samples = u64::from(frames) * u64::from(first.samples);
        return Some(samples_to_duration(samples, first.sample_rate.into()));
    }
    let end = if bytes.len() >= 128 && bytes[bytes.len() - 128..].starts_with(b"TAG") {
        bytes.len() - 128
    } else {
        bytes.len()
    };
    let mut samples = 0u64;
    let mut pos = at;
    while pos < end {
        let frame = frame_at(bytes, pos)
            .filter(|f| first.same_stream(f) && pos.saturating_add(f.len) <= end);
        match frame {
            Some(frame) => {
                samples += u64::from(frame.samples);
                pos += frame.len;
            }
            // Damage in the middle: go on at the next run of frames.
            None => match (pos + 1..end)
                .find(|&p| mp3_frames_from(&bytes[..end], p).is_some_and(|f| first.same_stream(&f)))
            {
                Some(next) => pos = next,
                None => break,
            },
        }
    }
    (samples > 0).then(|| samples_to_duration(samples, first.sample_rate.into()))
}

/// The frame count of a Xing or Info header in the first frame.
fn xing_frames(bytes: &[u8], at: usize, first: &Frame) -> Option<u32> {
    if first.layer != 3 {
        return None;
    }
    let side_info = match (first.version, first.mono) {
        (10, true) => 17,
        (10, false) => 32,
        (_, true) => 9,
        (_, false) => 17,
    };
    let tag = at + 4 + side_info + if first.crc { 2 } else { 0 };
    let id = bytes.get(tag..tag + 4)?;
    if id != b"Xing" && id != b"Info" {
        return None;
    }
    let flags = read_u32_be(bytes, tag + 4)?;
    (flags & 1 == 1)
        .then(|| read_u32_be(bytes, tag + 8))
        .flatten()
}

/// The frame count of a VBRI header, always 32 bytes after the frame
/// header.
fn vbri_frames(bytes: &[u8], at: usize) -> Option<u32> {
    let tag = at + 36;
    (bytes.get(tag..tag + 4)? == b"VBRI")
        .then(|| read_u32_be(bytes, tag + 14))
        .flatten()
}

// Ogg ----------------------------------------------------------------------

/// An Ogg page header.
pub(super) struct OggPage {
    /// Position of the last sample of the packets that end on it, or
    /// `u64::MAX` when none does.
    pub(super) granule: u64,
    pub(super) serial: u32,
    /// Bytes of the header with its segment table.
    pub(super) header_len: usize,
    /// Bytes of packet data after the header.
    pub(super) body_len: usize,
}

/// The Ogg page header at `at`, if there is one.
pub(super) fn ogg_page(bytes: &[u8], at: usize) -> Option<OggPage> {
    let h = bytes.get(at..at.checked_add(27)?)?;
    if &h[..4] != b"OggS" || h[4] != 0 {
        return None;
    }
    let segments = usize::from(h[26]);
    let table = bytes.get(at + 27..at + 27 + segments)?;
    Some(OggPage {
        granule: read_u64_le(h, 6)?,
        serial: read_u32_le(h, 14)?,
        header_len: 27 + segments,
        body_len: table.iter().map(|&b| usize::from(b)).sum(),
    })
}

fn ogg(bytes: &[u8]) -> Result<Probe, Refused> {
    let unknown = Refused::NotAudio("an Ogg file with no sound in it");
    let first = ogg_page(bytes, 0).ok_or(unknown)?;
    let body = bytes.get(first.header_len..).ok_or(unknown)?;
    // Opus counts its position at 48 kHz whatever the recording's rate,
    // and starts that many samples ("pre-skip") before the sound.
    let (kind, rate, skip) = if body.starts_with(b"OpusHead") {
        let skip = read_u16_le(body, 10).ok_or(unknown)?;
        (Kind::Opus, 48_000u64, u64::from(skip))
    } else if body.starts_with(b"\x01vorbis") {
        let rate = read_u32_le(body, 12).ok_or(unknown)?;
        (Kind::Vorbis, u64::from(rate), 0)
    } else if body.starts_with(b"\x7FFLAC") {
        return Err(Refused::Unsupported(
            "FLAC sound, which keeps every detail: several times larger than speech needs",
        ));
    } else if body.starts_with(b"Speex") {
        return Err(Refused::Unsupported(
            "Speex sound, which browsers do not play",
        ));
    } else {
        return Err(unknown);
    };
    // The last whole page of the stream tells where its sound ends.
    let last = memchr::memmem::rfind_iter(bytes, b"OggS").find_map(|at| {
        let page = ogg_page(bytes, at)?;
        let whole = at + page.header_len + page.body_len <= bytes.len();
        (whole && page.serial == first.serial && page.granule < 1 << 62).then_some(page.granule)
    });
    let duration = last
        .filter(|_| rate > 0)
        .map(|granule| samples_to_duration(granule.saturating_sub(skip), rate));
    Ok(Probe { kind, duration })
}

// MP4 ----------------------------------------------------------------------

/// The boxes directly inside `data`: (type, contents, where the box
/// starts in `data`). A box that says it runs past the end is cut at the
/// end, and the walk stops there.
pub(super) struct Boxes<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Iterator for Boxes<'a> {
    type Item = ([u8; 4], &'a [u8], usize);

    fn next(&mut self) -> Option<Self::Item> {
        let at = self.pos;
        let size = read_u32_be(self.data, at)? as usize;
        let kind: [u8; 4] = self.data.get(at + 4..at + 8)?.try_into().ok()?;
        let (header, size) = match size {
            0 => (8, self.data.len() - at),
            1 => {
                let large = usize::try_from(read_u64_be(self.data, at + 8)?).ok()?;
                (16, large)
            }
            n => (8, n),
        };
        if size < header {
            self.pos = self.data.len();
            return None;
        }
        let end = at.saturating_add(size).min(self.data.len());
        let contents = self.data.get(at + header..end)?;
        self.pos = if end == self.data.len() {
            end
        } else {
            at + size
        };
        Some((kind, contents, at))
    }
}

pub(super) fn boxes(data: &[u8]) -> Boxes<'_> {
    Boxes { data, pos: 0 }
}

/// The first box of type `kind` directly inside `data`.
pub(super) fn child<'a>(data: &'a [u8], kind: &[u8; 4]) -> Option<&'a [u8]> {
    boxes(data).find(|(k, _, _)| k == kind).map(|(_, c, _)| c)
}

/// The box at `path` under `data`.
fn descend<'a>(data: &'a [u8], path: &[&[u8; 4]]) -> Option<&'a [u8]> {
    path.iter()
        .try_fold(data, |inside, kind| child(inside, kind))
}

/// Brands of pictures stored in the same container as MP4 (HEIC, AVIF).
const PICTURE_BRANDS: &[&[u8; 4]] = &[
    b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1", b"avif", b"avis",
];

fn mp4(bytes: &[u8]) -> Result<Probe, Refused> {
    let ftyp = child(bytes, b"ftyp").ok_or(Refused::NotAudio(""))?;
    if PICTURE_BRANDS.iter().any(|b| ftyp.get(..4) == Some(&b[..])) {
        return Err(Refused::NotAudio("a HEIC or AVIF picture"));
    }
    let moov = child(bytes, b"moov").ok_or(Refused::Unsupported(
        "an MP4 file without its index, as a recording cut short has",
    ))?;
    let mut sound: Option<[u8; 4]> = None;
    for (kind, trak, _) in boxes(moov) {
        if &kind != b"trak" {
            continue;
        }
        let handler = descend(trak, &[b"mdia", b"hdlr"]).and_then(|h| h.get(8..12));
        let codec = descend(trak, &[b"mdia", b"minf", b"stbl", b"stsd"])
            .and_then(|s| s.get(12..16))
            .and_then(|c| <[u8; 4]>::try_from(c).ok());
        match handler {
            Some(b"vide") => {
                return Err(Refused::Unsupported(
                    "a video: a page's recording is sound alone",
                ));
            }
            Some(b"soun") if sound.is_none() => sound = Some(codec.unwrap_or(*b"????")),
            _ => {}
        }
    }
    match sound.as_ref() {
        Some(b"mp4a" | b"Opus") => {}
        Some(b"samr" | b"sawb") => {
            return Err(Refused::Unsupported(
                "AMR sound (a phone recorder's format), which browsers do not play",
            ));
        }
        Some(b"alac") => {
            return Err(Refused::Unsupported(
                "Apple Lossless sound, which keeps every detail: several times larger than speech needs, and not every browser plays it",
            ));
        }
        Some(_) => {
            return Err(Refused::Unsupported(
                "sound in a form that not every phone's browser plays",
            ));
        }
        None => return Err(Refused::NotAudio("an MP4 file with no sound in it")),
    }
    Ok(Probe {
        kind: Kind::M4a,
        duration: mvhd_duration(moov),
    })
}

/// The movie's length from its header (`mvhd`): a duration in units of
/// its timescale.
fn mvhd_duration(moov: &[u8]) -> Option<Duration> {
    let mvhd = child(moov, b"mvhd")?;
    let (timescale, duration) = match mvhd.first()? {
        0 => (read_u32_be(mvhd, 12)?, read_u32_be(mvhd, 16)?.into()),
        1 => (read_u32_be(mvhd, 20)?, read_u64_be(mvhd, 24)?),
        _ => return None,
    };
    // All ones means "not known"; 0 is what fragmented files write.
    let unknown = if mvhd[0] == 0 {
        u64::from(u32::MAX)
    } else {
        u64::MAX
    };
    let known = duration != unknown && duration > 0;
    (known && timescale > 0).then(|| samples_to_duration(duration, timescale.into()))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// An MPEG-1 Layer III frame header: 64 kbit/s, 44.1 kHz, mono,
    /// without padding: 208 bytes a frame, 1152 samples.
    const MP3_HEADER: [u8; 4] = [0xFF, 0xFB, 0x50, 0xC4];

    /// `frames` silent MP3 frames (each 1152 samples at 44.1 kHz), after
    /// an ID3v2 tag when `tagged`.
    pub(crate) fn mp3(frames: usize, tagged: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if tagged {
            // ID3v2.3 with 20 bytes of padding as its content.
            out.extend_from_slice(b"ID3\x03\x00\x00\x00\x00\x00\x14");
            out.extend_from_slice(&[0; 20]);
        }
        for _ in 0..frames {
            out.extend_from_slice(&MP3_HEADER);
            out.extend_from_slice(&[0; 204]);
        }
        out
    }

    /// An MP3 whose first frame carries a Xing header saying `frames`.
    fn mp3_with_xing(frames: u32, walked: usize) -> Vec<u8> {
        let mut out = mp3(walked, false);
        // Mono MPEG-1: 17 bytes of side information after the header.
        out[21..25].copy_from_slice(b"Xing");
        out[25..29].copy_from_slice(&1u32.to_be_bytes());
        out[29..33].copy_from_slice(&frames.to_be_bytes());
        out
    }

    /// One Ogg page (its check sum left 0).
    pub(crate) fn ogg_page_bytes(serial: u32, granule: u64, flags: u8, body: &[u8]) -> Vec<u8> {
        let mut page = b"OggS\x00".to_vec();
        page.push(flags);
        page.extend_from_slice(&granule.to_le_bytes());
        page.extend_from_slice(&serial.to_le_bytes());
        page.extend_from_slice(&[0; 8]); // sequence number, check sum
        let mut table = vec![255u8; body.len() / 255];
        table.push((body.len() % 255) as u8);
        page.push(table.len() as u8);
        page.extend_from_slice(&table);
        page.extend_from_slice(body);
        page
    }

    /// An Ogg Opus file whose last page ends at `granule` (48 kHz), with a
    /// pre-skip of 312 samples.
    pub(crate) fn opus(granule: u64) -> Vec<u8> {
        let mut head = b"OpusHead\x01\x01".to_vec();
        head.extend_from_slice(&312u16.to_le_bytes());
        head.extend_from_slice(&48_000u32.to_le_bytes());
        head.extend_from_slice(&[0, 0, 0]);
        let mut out = ogg_page_bytes(7, 0, 2, &head);
        out.extend(ogg_page_bytes(
            7,
            0,
            0,
            b"OpusTags\x00\x00\x00\x00\x00\x00\x00\x00",
        ));
        // Packets of believable size: 20 KB for a few minutes.
        out.extend(ogg_page_bytes(7, granule / 2, 0, &[0xF8; 10_000]));
        out.extend(ogg_page_bytes(7, granule, 4, &[0xF8; 10_000]));
        out
    }

    fn vorbis(rate: u32, granule: u64) -> Vec<u8> {
        let mut head = b"\x01vorbis".to_vec();
        head.extend_from_slice(&0u32.to_le_bytes());
        head.push(1);
        head.extend_from_slice(&rate.to_le_bytes());
        head.extend_from_slice(&[0; 14]);
        let mut out = ogg_page_bytes(3, 0, 2, &head);
        out.extend(ogg_page_bytes(3, granule, 4, &[1; 5000]));
        out
    }

    pub(crate) fn mp4_box(kind: &[u8; 4], contents: &[u8]) -> Vec<u8> {
        let mut out = ((contents.len() + 8) as u32).to_be_bytes().to_vec();
        out.extend_from_slice(kind);
        out.extend_from_slice(contents);
        out
    }

    /// A track of `handler` (`soun`, `vide`) whose sample entry is `codec`.
    fn trak(handler: &[u8; 4], codec: &[u8; 4]) -> Vec<u8> {
        trak_with(handler, codec, &[])
    }

    /// [`trak`] with `extra` boxes after its media.
    pub(crate) fn trak_with(handler: &[u8; 4], codec: &[u8; 4], extra: &[u8]) -> Vec<u8> {
        let mut hdlr = vec![0; 8];
        hdlr.extend_from_slice(handler);
        hdlr.extend_from_slice(&[0; 12]);
        let mut stsd = vec![0, 0, 0, 0, 0, 0, 0, 1];
        stsd.extend(mp4_box(codec, &[0; 28]));
        let stbl = mp4_box(b"stbl", &mp4_box(b"stsd", &stsd));
        let minf = mp4_box(b"minf", &stbl);
        let mdia = mp4_box(b"mdia", &[mp4_box(b"hdlr", &hdlr), minf].concat());
        mp4_box(b"trak", &[&mdia[..], extra].concat())
    }

    /// An M4A of `tracks`, `duration` units of a 1000-a-second timescale
    /// long; the index after the sound, as phones write it.
    pub(crate) fn m4a(duration: u32, tracks: &[Vec<u8>]) -> Vec<u8> {
        m4a_with(duration, tracks, &[])
    }

    /// [`m4a`] with `extra` boxes at the end of its movie box.
    pub(crate) fn m4a_with(duration: u32, tracks: &[Vec<u8>], extra: &[u8]) -> Vec<u8> {
        let mut mvhd = vec![0; 12];
        mvhd.extend_from_slice(&1000u32.to_be_bytes());
        mvhd.extend_from_slice(&duration.to_be_bytes());
        mvhd.extend_from_slice(&[0; 80]);
        let mut moov = mp4_box(b"mvhd", &mvhd);
        for t in tracks {
            moov.extend_from_slice(t);
        }
        moov.extend_from_slice(extra);
        [
            mp4_box(b"ftyp", b"M4A \x00\x00\x00\x00M4A isom"),
            mp4_box(b"mdat", &[0x21; 20_000]),
            mp4_box(b"moov", &moov),
        ]
        .concat()
    }

    pub(crate) fn sound_track() -> Vec<u8> {
        trak(b"soun", b"mp4a")
    }

    fn secs(probe: Result<Probe, Refused>) -> Option<f64> {
        probe.unwrap().duration.map(|d| d.as_secs_f64())
    }

    #[test]
    fn mp3_frames_are_walked_or_counted_from_the_xing_header() {
        // 100 frames × 1152 samples / 44,100 Hz = 2.612 s.
        for tagged in [false, true] {
            let probe = probe(&mp3(100, tagged)).unwrap();
            assert_eq!(probe.kind, Kind::Mp3);
            assert_eq!(probe.duration, Some(Duration::from_millis(2612)));
        }
        // The header's count wins over the frames there are.
        assert_eq!(secs(probe(&mp3_with_xing(1000, 20))), Some(26.122));
        // A little padding before the first frame.
        let mut padded = vec![0; 100];
        padded.extend(mp3(100, false));
        assert_eq!(secs(probe(&padded)), Some(2.612));
        // An ID3v1 tag at the end is not sound.
        let mut tagged = mp3(100, false);
        tagged.extend_from_slice(b"TAG");
        tagged.extend_from_slice(&[b' '; 125]);
        assert_eq!(secs(probe(&tagged)), Some(2.612));
        // Damage in the middle: the frames after it still count.
        let mut damaged = mp3(50, false);
        damaged.extend_from_slice(&[0x55; 333]);
        damaged.extend(mp3(50, false));
        assert_eq!(secs(probe(&damaged)), Some(2.612));
    }

    #[test]
    fn mpeg_2_and_vbri_headers() {
        // MPEG-2 Layer III, 24 kHz, 32 kbit/s, mono: 96 bytes, 576 samples.
        let mut out = Vec::new();
        for _ in 0..250 {
            out.extend_from_slice(&[0xFF, 0xF3, 0x44, 0xC4]);
            out.extend_from_slice(&[0; 92]);
        }
        assert_eq!(secs(probe(&out)), Some(6.0));
        let mut vbri = mp3(10, false);
        vbri[36..40].copy_from_slice(b"VBRI");
        vbri[50..54].copy_from_slice(&500u32.to_be_bytes());
        assert_eq!(secs(probe(&vbri)), Some(13.061));
    }

    #[test]
    fn opus_and_vorbis_lengths_come_from_the_last_page() {
        // 48,000 × 200 samples = 200 s, less the pre-skip.
        let probe_opus = probe(&opus(48_000 * 200 + 312)).unwrap();
        assert_eq!(probe_opus.kind, Kind::Opus);
        assert_eq!(probe_opus.duration, Some(Duration::from_secs(200)));
        let probe_vorbis = probe(&vorbis(22_050, 22_050 * 75)).unwrap();
        assert_eq!(probe_vorbis.kind, Kind::Vorbis);
        assert_eq!(probe_vorbis.duration, Some(Duration::from_secs(75)));
        // A last page cut short: the one before it tells.
        let mut cut = opus(48_000 * 200 + 312);
        cut.truncate(cut.len() - 50);
        assert_eq!(secs(probe(&cut)), Some(99.996));
    }

    #[test]
    fn m4a_length_comes_from_the_movie_header() {
        let probe_m4a = probe(&m4a(200_500, &[sound_track()])).unwrap();
        assert_eq!(probe_m4a.kind, Kind::M4a);
        assert_eq!(probe_m4a.duration, Some(Duration::from_millis(200_500)));
        // A fragmented file says 0: the length is not known.
        assert_eq!(secs(probe(&m4a(0, &[sound_track()]))), None);
    }

    #[test]
    fn what_is_not_a_recording_says_what_it_is() {
        let refused = |bytes: &[u8]| probe(bytes).unwrap_err();
        assert_eq!(
            refused(b"Hello, this is a text file.\n"),
            Refused::NotAudio("text")
        );
        assert_eq!(
            refused(b"\xFF\xD8\xFF\xE1\x00\x10Exif\x00\x00"),
            Refused::NotAudio("a JPEG picture")
        );
        assert_eq!(
            refused(b""),
            Refused::NotAudio("nothing (the file is empty)")
        );
        assert!(matches!(
            refused(b"RIFF\x24\x00\x00\x00WAVEfmt "),
            Refused::Unsupported(w) if w.starts_with("WAV")
        ));
        assert!(matches!(refused(b"fLaC\x00\x00"), Refused::Unsupported(_)));
        let video = m4a(1000, &[trak(b"vide", b"avc1"), sound_track()]);
        assert!(matches!(refused(&video), Refused::Unsupported(w) if w.contains("video")));
        let amr = m4a(1000, &[trak(b"soun", b"samr")]);
        assert!(matches!(refused(&amr), Refused::Unsupported(w) if w.contains("AMR")));
        let heic = mp4_box(b"ftyp", b"heic\x00\x00\x00\x00mif1heic");
        assert_eq!(refused(&heic), Refused::NotAudio("a HEIC or AVIF picture"));
        // An ID3 tag alone, and two stray frame headers, are not sound.
        assert!(matches!(refused(&mp3(0, true)), Refused::NotAudio(_)));
        let mut stray = MP3_HEADER.to_vec();
        stray.extend_from_slice(&[0x20; 500]);
        assert!(refused(&stray) != Refused::NotAudio("text"));
        assert!(probe(&stray).is_err());
    }

    #[test]
    fn a_length_the_file_cannot_hold_is_not_believed() {
        // 5 frames (a kilobyte) claiming four million frames: 29 hours.
        assert_eq!(secs(probe(&mp3_with_xing(4_000_000, 5))), None);
        // Ten minutes in 2 KB: 29 bits a second.
        assert_eq!(secs(probe(&mp3_with_xing(22_000, 10))), None);
    }

    #[test]
    fn extensions_match_what_the_file_holds() {
        assert!(Kind::Mp3.fits_extension("MP3"));
        assert!(Kind::Opus.fits_extension("ogg"));
        assert!(!Kind::Vorbis.fits_extension("opus"));
        assert!(!Kind::M4a.fits_extension("mp3"));
    }

    /// Every prefix of every kind of file, and bytes flipped all over them,
    /// give an answer and never a panic.
    #[test]
    fn no_bytes_make_it_panic() {
        let mut samples = vec![
            mp3(40, true),
            mp3_with_xing(1000, 6),
            opus(48_000 * 10),
            vorbis(44_100, 44_100 * 3),
            m4a(5000, &[sound_track()]),
            m4a(5000, &[trak(b"vide", b"avc1")]),
        ];
        // Boxes whose sizes say 1 (64-bit size follows) or run far past the end.
        samples.push(b"\x00\x00\x00\x01ftyp\xFF\xFF\xFF\xFF\xFF\xFF\xFF\xFFM4A ".to_vec());
        samples.push(b"\x00\x00\x00\x10ftypM4A \x00\x00\x00\x00\xFF\xFF\xFF\xFFmoov".to_vec());
        samples.push(b"ID3\x04\x00\x10\x7F\x7F\x7F\x7F".to_vec());
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        let mut random = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for sample in &samples {
            for len in 0..=sample.len().min(600) {
                let _ = probe(&sample[..len]);
            }
            for _ in 0..300 {
                let mut bytes = sample.clone();
                for _ in 0..(random() % 8 + 1) {
                    let at = (random() as usize) % bytes.len();
                    bytes[at] = random() as u8;
                }
                let cut = (random() as usize) % (bytes.len() + 1);
                let _ = probe(&bytes[..cut]);
                let _ = probe(&bytes);
            }
        }
        for _ in 0..2000 {
            let len = (random() % 300) as usize;
            let mut bytes: Vec<u8> = (0..len).map(|_| random() as u8).collect();
            // Give some of them a real start, so the parsers go further.
            let starts: [&[u8]; 5] = [
                b"ID3",
                b"OggS\x00",
                b"\x00\x00\x00\x18ftyp",
                &MP3_HEADER,
                b"\xFF\xF3",
            ];
            let start = starts[(random() % 5) as usize];
            if bytes.len() >= start.len() {
                bytes[..start.len()].copy_from_slice(start);
            }
            let _ = probe(&bytes);
        }
    }
}

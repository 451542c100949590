//! The published copy of a recording, without the tags that recorders and
//! sound editors write into it: a title, an artist, a date, a place, the
//! phone's model, a cover picture. A reading recorded in a shelter could
//! otherwise tell who read it, where and when, as a photo's camera data
//! could (see [`crate::images`]). The sound is left as it is: nothing is
//! decoded or encoded again.
//!
//! - MP3: the ID3v2 tags before the first frame, and the ID3v1 and APEv2
//!   tags after the last, are left out.
//! - Ogg (Opus, Vorbis): each comment of the comment packet is overwritten
//!   in place with `x=` and spaces, and the check sums of its pages are
//!   made again: the file keeps its layout, so nothing else moves.
//! - M4A: the metadata boxes (`udta`, `meta`) of the movie and its tracks
//!   become `free` boxes of zeros, of the same size, so that the offsets
//!   the index holds into the sound stay right.

use super::probe::{self, Kind};

/// `bytes`, a recording of `kind` (as [`probe::probe`] found it), without
/// its tags. A part that does not read as expected is left as it is.
pub fn without_tags(kind: Kind, mut bytes: Vec<u8>) -> Vec<u8> {
    match kind {
        Kind::Mp3 => {
            let Some((start, _)) = probe::first_mp3_frame(&bytes) else {
                return bytes;
            };
            let end = mp3_sound_end(&bytes).max(start);
            bytes.truncate(end);
            bytes.drain(..start);
            bytes
        }
        Kind::Opus | Kind::Vorbis => {
            blank_ogg_comments(&mut bytes);
            bytes
        }
        Kind::M4a => {
            blank_mp4_metadata(&mut bytes);
            bytes
        }
    }
}

/// Where an MP3's sound ends: before an ID3v1 tag (the last 128 bytes,
/// starting `TAG`) and an APEv2 tag (a 32-byte footer starting
/// `APETAGEX`, which says the tag's size) at its end.
fn mp3_sound_end(bytes: &[u8]) -> usize {
    let mut end = bytes.len();
    if end >= 128 && bytes[end - 128..].starts_with(b"TAG") {
        end -= 128;
    }
    if end >= 32 && bytes[end - 32..].starts_with(b"APETAGEX") {
        let footer = end - 32;
        let size = read_u32_le(bytes, footer + 12).unwrap_or(0) as usize;
        let flags = read_u32_le(bytes, footer + 20).unwrap_or(0);
        // The size counts the items and the footer; a header may come first.
        let header = if flags & (1 << 31) != 0 { 32 } else { 0 };
        if let Some(start) = end.checked_sub(size.saturating_add(header)) {
            end = start;
        }
    }
    end
}

fn read_u32_le(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Overwrites the comments of an Ogg Opus or Vorbis file in place. The
/// comment packet is the second: it starts the second page and may run
/// over several pages (a cover picture is large).
fn blank_ogg_comments(bytes: &mut [u8]) {
    let Some(first) = probe::ogg_page(bytes, 0) else {
        return;
    };
    // Where in the file each byte of the packet is, and the pages it is on.
    let mut offsets: Vec<usize> = Vec::new();
    let mut pages: Vec<usize> = Vec::new();
    let mut at = first.header_len + first.body_len;
    'pages: loop {
        let Some(page) = probe::ogg_page(bytes, at) else {
            return;
        };
        if page.serial != first.serial || at + page.header_len + page.body_len > bytes.len() {
            return;
        }
        pages.push(at);
        let mut body = at + page.header_len;
        for &lacing in &bytes[at + 27..at + page.header_len] {
            let len = usize::from(lacing);
            offsets.extend(body..body + len);
            body += len;
            if len < 255 {
                break 'pages;
            }
        }
        at += page.header_len + page.body_len;
    }
    let byte = |i: usize| offsets.get(i).map(|&at| bytes[at]);
    let u32_at = |i: usize| -> Option<usize> {
        let b = [byte(i)?, byte(i + 1)?, byte(i + 2)?, byte(i + 3)?];
        Some(u32::from_le_bytes(b) as usize)
    };
    let magic: Vec<u8> = (0..8).filter_map(byte).collect();
    let mut pos = if magic.starts_with(b"OpusTags") {
        8
    } else if magic.starts_with(b"\x03vorbis") {
        7
    } else {
        return;
    };
    // The encoder's name ("vendor") is kept: it says nothing of anyone.
    let Some(vendor) = u32_at(pos) else {
        return;
    };
    pos = pos.saturating_add(4).saturating_add(vendor);
    let Some(count) = u32_at(pos) else {
        return;
    };
    pos += 4;
    let mut comments: Vec<std::ops::Range<usize>> = Vec::new();
    for _ in 0..count {
        let Some(len) = u32_at(pos) else {
            break;
        };
        pos += 4;
        let Some(end) = pos.checked_add(len).filter(|end| *end <= offsets.len()) else {
            break;
        };
        comments.push(pos..end);
        pos = end;
    }
    // `KEY=value` becomes `x=` and spaces: still a comment as the formats
    // define it, saying nothing.
    for comment in comments.into_iter().filter(|c| c.len() >= 2) {
        for (n, i) in comment.enumerate() {
            bytes[offsets[i]] = match n {
                0 => b'x',
                1 => b'=',
                _ => b' ',
            };
        }
    }
    for page in pages {
        if let Some(header) = probe::ogg_page(bytes, page) {
            let end = page + header.header_len + header.body_len;
            bytes[page + 22..page + 26].fill(0);
            let crc = ogg_crc(&bytes[page..end]);
            bytes[page + 22..page + 26].copy_from_slice(&crc.to_le_bytes());
        }
    }
}

/// Ogg's page check sum: CRC-32 with the polynomial 0x04C11DB7, not
/// reflected, starting from 0, over the page with its check sum field 0.
pub(super) fn ogg_crc(page: &[u8]) -> u32 {
    let mut crc = 0u32;
    for &b in page {
        crc ^= u32::from(b) << 24;
        for _ in 0..8 {
            crc = if crc & 0x8000_0000 != 0 {
                (crc << 1) ^ 0x04C1_1DB7
            } else {
                crc << 1
            };
        }
    }
    crc
}

/// Turns the metadata boxes of an MP4's movie and tracks into `free`
/// boxes of zeros.
fn blank_mp4_metadata(bytes: &mut [u8]) {
    // Where each box is (its start, its contents' start, its end), from a
    // shared look; then the writes.
    let mut blank: Vec<(usize, usize, usize)> = Vec::new();
    if let Some(moov) = probe::child(bytes, b"moov") {
        metadata_boxes(bytes, moov, &mut blank);
        for (kind, trak, _) in probe::boxes(moov) {
            if &kind == b"trak" {
                metadata_boxes(bytes, trak, &mut blank);
            }
        }
    }
    for (start, contents, end) in blank {
        bytes[start + 4..start + 8].copy_from_slice(b"free");
        bytes[contents..end].fill(0);
    }
}

/// The metadata boxes directly inside `parent`, a part of `file`, as
/// positions in `file`.
fn metadata_boxes(file: &[u8], parent: &[u8], found: &mut Vec<(usize, usize, usize)>) {
    let base = parent.as_ptr() as usize - file.as_ptr() as usize;
    for (kind, contents, at) in probe::boxes(parent) {
        if &kind == b"udta" || &kind == b"meta" {
            let start = contents.as_ptr() as usize - file.as_ptr() as usize;
            found.push((base + at, start, start + contents.len()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::audio::probe::tests::{
        m4a, m4a_with, mp3, mp4_box, ogg_page_bytes, sound_track, trak_with,
    };

    #[test]
    fn mp3_tags_are_left_out_and_the_frames_kept() {
        let frames = mp3(30, false);
        let mut tagged = mp3(30, true);
        tagged[10..20].copy_from_slice(b"TIT2Secret");
        tagged.extend_from_slice(b"APETAGEX");
        tagged.extend_from_slice(&2000u32.to_le_bytes()); // version
        tagged.extend_from_slice(&32u32.to_le_bytes()); // size: the footer alone
        tagged.extend_from_slice(&[0; 16]);
        tagged.extend_from_slice(b"TAG");
        tagged.extend_from_slice(&[b'S'; 125]);
        let published = without_tags(Kind::Mp3, tagged);
        assert_eq!(published, frames);
        // Padding before the first frame goes too.
        let mut padded = vec![0; 100];
        padded.extend_from_slice(&frames);
        assert_eq!(without_tags(Kind::Mp3, padded), frames);
        // A file without tags is published as it is.
        assert_eq!(without_tags(Kind::Mp3, frames.clone()), frames);
    }

    /// An Ogg Opus file whose comments say where and by whom it was
    /// recorded, the comment packet running over two pages.
    fn opus_with_comments() -> Vec<u8> {
        let mut head = b"OpusHead\x01\x01".to_vec();
        head.extend_from_slice(&312u16.to_le_bytes());
        head.extend_from_slice(&48_000u32.to_le_bytes());
        head.extend_from_slice(&[0, 0, 0]);
        let mut tags = b"OpusTags".to_vec();
        let vendor = b"libopus 1.4";
        tags.extend_from_slice(&(vendor.len() as u32).to_le_bytes());
        tags.extend_from_slice(vendor);
        let comments: [&[u8]; 3] = [b"ARTIST=Ana from Tetovo", b"DATE=2024-03-12", &[b'P'; 400]];
        tags.extend_from_slice(&(comments.len() as u32).to_le_bytes());
        for c in comments {
            tags.extend_from_slice(&(c.len() as u32).to_le_bytes());
            tags.extend_from_slice(c);
        }
        // 255 bytes of lacing on the first page, the rest on the second.
        let (a, b) = tags.split_at(255);
        let mut first = ogg_page_bytes(7, u64::MAX, 0, a);
        // A body of exactly 255 bytes: one lacing value of 255 (the
        // packet goes on), not 255 then 0.
        first[26] = 1;
        first.truncate(28);
        first.extend_from_slice(a);
        let mut out = ogg_page_bytes(7, 0, 2, &head);
        out.extend(first);
        out.extend(ogg_page_bytes(7, 0, 1, b));
        out.extend(ogg_page_bytes(7, 48_000 * 30, 4, &[0xF8; 2000]));
        out
    }

    #[test]
    fn ogg_comments_are_blanked_and_the_pages_checked_again() {
        let original = opus_with_comments();
        let published = without_tags(Kind::Opus, original.clone());
        assert_eq!(published.len(), original.len());
        let text = String::from_utf8_lossy(&published);
        assert!(!text.contains("Tetovo") && !text.contains("2024"), "{text}");
        assert!(!text.contains("PPPP"));
        assert!(text.contains("libopus 1.4"));
        assert!(text.contains("x=    "));
        // Every page the packet is on has a right check sum again.
        let mut at = 0;
        let mut pages = 0;
        while let Some(page) = probe::ogg_page(&published, at) {
            let end = at + page.header_len + page.body_len;
            let mut copy = published[at..end].to_vec();
            let stored = u32::from_le_bytes(copy[22..26].try_into().unwrap());
            copy[22..26].fill(0);
            if pages == 1 || pages == 2 {
                assert_eq!(stored, ogg_crc(&copy), "page {pages}");
            }
            at = end;
            pages += 1;
        }
        assert_eq!(pages, 4);
        // The sound and its length are untouched.
        assert_eq!(&published[published.len() - 2000..], &[0xF8; 2000][..]);
        assert_eq!(
            probe::probe(&published).unwrap().duration,
            probe::probe(&original).unwrap().duration
        );
    }

    #[test]
    fn the_ogg_check_sum_is_crc_32_from_zero_without_reflection() {
        // CRC-32/CKSUM has the same polynomial and start and flips every
        // bit at the end: its check value for "123456789" is 0x765E7680.
        assert_eq!(ogg_crc(b"123456789"), !0x765E_7680);
    }

    #[test]
    fn mp4_metadata_becomes_free_space_of_the_same_size() {
        let mut ilst = mp4_box(b"\xA9nam", b"Interview, shelter in Tetovo");
        ilst.extend(mp4_box(b"\xA9xyz", b"+41.99+020.97/"));
        let meta = mp4_box(b"meta", &[vec![0; 4], mp4_box(b"ilst", &ilst)].concat());
        let udta = mp4_box(b"udta", &meta);
        // Metadata in the movie and in its track.
        let track = trak_with(b"soun", b"mp4a", &udta);
        let file = m4a_with(5000, &[track], &udta);
        let published = without_tags(Kind::M4a, file.clone());
        assert_eq!(published.len(), file.len());
        let text = String::from_utf8_lossy(&published);
        assert!(
            !text.contains("Tetovo") && !text.contains("+41.99"),
            "{text}"
        );
        assert_eq!(text.matches("free").count(), 2);
        assert_eq!(text.matches("udta").count(), 0);
        // The sound is where it was.
        let mdat = file.windows(4).position(|w| w == b"mdat").unwrap();
        assert_eq!(published[..mdat + 20_004], file[..mdat + 20_004]);
        let probed = probe::probe(&published).unwrap();
        assert_eq!(probed.kind, Kind::M4a);
        assert_eq!(probed.duration, Some(std::time::Duration::from_secs(5)));
    }

    #[test]
    fn no_bytes_make_it_panic() {
        let samples = [
            (Kind::Mp3, mp3(10, true)),
            (Kind::Opus, opus_with_comments()),
            (Kind::M4a, m4a(5000, &[sound_track()])),
        ];
        let mut seed = 0x9E37_79B9_7F4A_7C15u64;
        let mut random = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for (kind, sample) in &samples {
            for len in 0..sample.len().min(700) {
                let _ = without_tags(*kind, sample[..len].to_vec());
            }
            for _ in 0..500 {
                let mut bytes = sample.clone();
                for _ in 0..(random() % 6 + 1) {
                    let at = (random() as usize) % bytes.len();
                    bytes[at] = random() as u8;
                }
                let _ = without_tags(*kind, bytes);
            }
        }
    }
}

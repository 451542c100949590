//! Files another program has open.
//!
//! Windows refuses to rename or remove a file, or a folder with a file in
//! it, while another program has that file open: a PDF reader showing a
//! leaflet, a terminal or file explorer window in the folder, a virus
//! scanner or OneDrive reading a file just written. Most let go within
//! moments, so the writer tries again for about two seconds before it
//! gives up, and then names the file and says what to do. Linux and macOS
//! rename and remove open files, so there nothing is tried twice.

use std::io;
use std::path::Path;
use std::time::Duration;

/// The pauses between tries, in milliseconds: about 2 s in all, short at
/// first, since a virus scanner usually lets go at once.
const PAUSES_MS: [u64; 8] = [10, 20, 50, 100, 200, 300, 500, 800];

/// Windows' error codes for a file another program has open:
/// `ERROR_ACCESS_DENIED` (5, also what a file waiting to be deleted
/// gives), `ERROR_SHARING_VIOLATION` (32), `ERROR_LOCK_VIOLATION` (33).
/// On other systems these numbers mean other things (5 is Linux's I/O
/// error), so only [`is_busy`] decides, by system.
pub fn is_busy_on_windows(err: &io::Error) -> bool {
    matches!(err.raw_os_error(), Some(5 | 32 | 33)) || err.kind() == io::ErrorKind::PermissionDenied
}

/// Whether `err` may go away if the same thing is tried again shortly:
/// on Windows, a file that another program has open.
pub fn is_busy(err: &io::Error) -> bool {
    cfg!(windows) && is_busy_on_windows(err)
}

/// Runs `op`, and again after each pause while it fails as [`is_busy`].
pub fn retry<T>(op: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    retry_with(op, is_busy, &PAUSES_MS.map(Duration::from_millis))
}

/// Runs `op`, and again after each of `pauses` while it fails as `busy`
/// says: the last failure is returned.
fn retry_with<T>(
    mut op: impl FnMut() -> io::Result<T>,
    busy: impl Fn(&io::Error) -> bool,
    pauses: &[Duration],
) -> io::Result<T> {
    for pause in pauses {
        match op() {
            Err(err) if busy(&err) => std::thread::sleep(*pause),
            done => return done,
        }
    }
    op()
}

/// The error for failing to do `doing` (`replace \`public/c\``): where
/// `path` is open in another program, which program to close.
pub fn error(err: io::Error, doing: &str, path: &Path) -> anyhow::Error {
    let busy = is_busy(&err);
    error_as(err, doing, path, busy)
}

fn error_as(err: io::Error, doing: &str, path: &Path, busy: bool) -> anyhow::Error {
    let message = if busy {
        // "Access denied" is also what a folder one may not change gives.
        let or_denied = match err.raw_os_error() {
            Some(32 | 33) => "",
            _ => " (if no program has it open, you may not be allowed to change it)",
        };
        format!(
            "outreach could not {doing}: another program has `{}`, or a file in it, open \
             (a PDF reader, a file explorer or terminal window in that folder, a virus scanner, OneDrive).\n\
             Close that program, or wait a moment, and try again{or_denied}",
            path.display()
        )
    } else {
        format!("failed to {doing}")
    };
    anyhow::Error::new(err).context(message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_errors_for_open_files_are_busy() {
        for code in [5, 32, 33] {
            assert!(is_busy_on_windows(&io::Error::from_raw_os_error(code)));
        }
        assert!(is_busy_on_windows(&io::Error::from(
            io::ErrorKind::PermissionDenied
        )));
        // ERROR_FILE_NOT_FOUND, ERROR_DIR_NOT_EMPTY, ERROR_DISK_FULL.
        for code in [2, 145, 112] {
            assert!(!is_busy_on_windows(&io::Error::from_raw_os_error(code)));
        }
        // Elsewhere the same numbers are other errors, never waited for.
        if !cfg!(windows) {
            assert!(!is_busy(&io::Error::from_raw_os_error(5)));
        }
    }

    fn pauses() -> Vec<Duration> {
        vec![Duration::ZERO; 4]
    }

    #[test]
    fn a_busy_file_is_tried_again_until_it_is_free() {
        let mut tries = 0;
        let done = retry_with(
            || {
                tries += 1;
                match tries {
                    1..3 => Err(io::Error::from_raw_os_error(32)),
                    _ => Ok(tries),
                }
            },
            is_busy_on_windows,
            &pauses(),
        );
        assert_eq!(done.unwrap(), 3);
    }

    #[test]
    fn a_file_busy_for_too_long_fails_after_the_last_pause() {
        let mut tries = 0;
        let done: io::Result<()> = retry_with(
            || {
                tries += 1;
                Err(io::Error::from_raw_os_error(33))
            },
            is_busy_on_windows,
            &pauses(),
        );
        assert_eq!(done.unwrap_err().raw_os_error(), Some(33));
        assert_eq!(tries, 5);
    }

    #[test]
    fn other_failures_are_not_tried_again() {
        let mut tries = 0;
        let done: io::Result<()> = retry_with(
            || {
                tries += 1;
                Err(io::Error::from(io::ErrorKind::NotFound))
            },
            is_busy_on_windows,
            &pauses(),
        );
        assert!(done.is_err());
        assert_eq!(tries, 1);
    }

    #[test]
    fn the_pauses_add_up_to_about_two_seconds() {
        let total: u64 = PAUSES_MS.iter().sum();
        assert!((1500..=2500).contains(&total), "{total} ms");
    }

    #[test]
    fn a_busy_file_is_named_with_what_to_do() {
        let path = Path::new("public").join("safe-work");
        let doing = format!("replace `{}`", path.display());
        let err = error_as(io::Error::from_raw_os_error(32), &doing, &path, true);
        let message = format!("{err:#}");
        assert!(
            message.contains(&format!(
                "could not replace `{0}`: another program has `{0}`, or a file in it, open",
                path.display()
            )),
            "{message}"
        );
        assert!(message.contains("Close that program"), "{message}");
        assert!(!message.contains("allowed"), "{message}");
        let denied = error_as(io::Error::from_raw_os_error(5), &doing, &path, true);
        assert!(format!("{denied:#}").contains("you may not be allowed to change it"));
        let err = error_as(io::Error::from_raw_os_error(28), &doing, &path, false);
        assert_eq!(err.to_string(), format!("failed to {doing}"));
    }
}

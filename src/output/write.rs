//! The one writer of the output folder.
//!
//! A build writes into a fresh staging folder inside the output folder and
//! swaps the campaigns' folders in only after everything succeeded, so a
//! failed build leaves the previous site untouched; a swap that cannot
//! finish (on Windows, a program has a file open: see [`super::busy`]) is
//! undone. A marker file lists every file outreach wrote: outreach refuses
//! to write into a folder that has files but no marker, and files it did
//! not write (a hosting provider's verification file, say) are carried
//! over, never deleted.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use anyhow::{Context, bail};
use walkdir::WalkDir;

use crate::diag::Result;
use crate::output::{Sink, busy};

/// Name of the marker file in the output folder.
pub const MARKER: &str = ".outreach-output";

/// Name of the file a build locks, so that one build of a project at a
/// time writes its output. It is in the project's cache folder
/// ([`crate::model::CACHE_DIR`]), not in the output: there it would be
/// published with the site wherever it cannot be removed (Windows).
pub const LOCK: &str = "build.lock";

/// Where earlier versions kept the lock: in the output folder. A folder
/// holding only that file is still taken for outreach's, and the file is
/// left alone.
const OLD_LOCK: &str = ".outreach-lock";

/// A file on its way to the writer thread: path in the output, bytes.
type OutputFile = (String, Vec<u8>);

const MARKER_HEADER: &str = "# This folder is written by outreach. The files listed below were written by it\n\
# and are replaced on every build; other files are left alone. Do not edit this list.\n";

/// Where `rel`, a path written with `/` (`c/en/index.html`, as sinks
/// receive them), is under the folder `base`: each part is added on its
/// own. Joined whole to a Windows path written as `\\?\C:\…`, which
/// takes `/` as part of a name, it would name one file `c/en/index.html`.
pub fn under(base: &Path, rel: &str) -> PathBuf {
    let mut path = base.to_path_buf();
    for part in rel
        .split('/')
        .filter(|part| !part.is_empty() && *part != ".")
    {
        path.push(part);
    }
    path
}

/// Replaces one source file of the project (a page `stamp` or a
/// translation import rewrote) through a temporary file beside it, so a
/// full disk or a crash cannot leave half a file. A symbolic link is
/// followed: the file it points to is replaced, the link stays.
pub fn replace_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let target = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)
            .with_context(|| format!("failed to create the folder `{}`", parent.display()))?;
    }
    let mut temp = target.clone().into_os_string();
    temp.push(".outreach-tmp");
    let temp = PathBuf::from(temp);
    // Windows refuses to replace a file another program has open.
    fs::write(&temp, bytes)
        .and_then(|()| busy::retry(|| fs::rename(&temp, &target)))
        .map_err(|err| {
            let _ = fs::remove_file(&temp);
            busy::error(err, &format!("write `{}`", path.display()), path)
        })?;
    Ok(())
}

/// A build's output while it is being written.
///
/// Files are written by one thread of their own while pages render on the
/// others: creating files in one folder from several threads made them
/// spin on the file system's folder lock (measured with perf: a third of
/// a large build's time).
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    /// Hands files to the writer thread; `None` once writing has finished.
    sender: Mutex<Option<SyncSender<OutputFile>>>,
    /// The writer thread; it returns the paths it wrote.
    writer: Option<JoinHandle<std::io::Result<Vec<String>>>>,
    committed: bool,
    /// Whether `begin` created `out`: an abandoned first build removes it again.
    created_out: bool,
    /// Held until the build is committed or abandoned.
    lock: Option<OutputLock>,
}

/// The lock of a project's builds: a second build waits for the first, so
/// neither takes the other's staging folder for a leftover. The lock file
/// stays (it is in the cache folder, which is never published): removing
/// it would let a build that waited lock a file no one else can find.
struct OutputLock {
    /// `None` where the file system cannot lock files: the build goes on
    /// unlocked, as before there were locks. Unlocked when dropped.
    _file: Option<fs::File>,
}

impl OutputLock {
    /// Locks `cache/build.lock`, waiting (and saying so) while another
    /// build holds it.
    fn acquire(cache: &Path) -> OutputLock {
        let path = cache.join(LOCK);
        let unlocked = |err: std::io::Error| {
            // A read-only project, or a network folder that cannot lock.
            eprintln!(
                "warning: cannot lock `{}` ({err}): do not run two builds of this project at once",
                path.display()
            );
            OutputLock { _file: None }
        };
        let file = match fs::create_dir_all(cache).and_then(|()| {
            fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
        }) {
            Ok(file) => file,
            Err(err) => return unlocked(err),
        };
        let locked = match file.try_lock() {
            Ok(()) => Ok(()),
            Err(fs::TryLockError::WouldBlock) => {
                eprintln!(
                    "Another outreach build of this project is running (it holds `{}`): waiting for it to finish…",
                    path.display()
                );
                file.lock()
            }
            Err(fs::TryLockError::Error(err)) => Err(err),
        };
        match locked {
            Ok(()) => OutputLock { _file: Some(file) },
            Err(err) => unlocked(err),
        }
    }
}

/// Whether `out` holds nothing but what outreach leaves there: its marker,
/// an earlier version's lock, a staging folder of an interrupted first
/// build.
fn is_outreachs(out: &Path) -> Result<bool> {
    if out.join(MARKER).is_file() {
        return Ok(true);
    }
    Ok(fs::read_dir(out)
        .with_context(|| format!("failed to read `{}`", out.display()))?
        .filter_map(|entry| entry.ok())
        .all(|entry| {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            name == OLD_LOCK || is_staging_name(&name)
        }))
}

/// Whether `name` is that of a staging folder: `.outreach-staging-`
/// and a process number. Only such folders are removed whole.
fn is_staging_name(name: &str) -> bool {
    name.strip_prefix(".outreach-staging-")
        .is_some_and(is_process_id)
}

/// Whether `text` is a process number, as the names of a build's own
/// folders end or start with: only such folders are outreach's to remove.
fn is_process_id(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit())
}

impl Staging {
    /// Prepares to write into `out`, which must not exist, be empty, or
    /// carry outreach's marker. `cache` is the project's cache folder,
    /// where the lock is.
    pub fn begin(out: &Path, cache: &Path) -> Result<Staging> {
        if out.exists() && !out.is_dir() {
            bail!(
                "the output path `{}` is a file, not a folder",
                out.display()
            );
        }
        let refuse = || {
            anyhow::anyhow!(
                "the folder `{}` already contains files that outreach did not write, so outreach will not write into it.\n\
                 Choose another folder with `--out`, or empty this one.",
                out.display()
            )
        };
        // Asked before locking, so that someone else's folder is refused at
        // once rather than after waiting for another build; and again
        // under the lock.
        if out.is_dir() && !is_outreachs(out)? {
            return Err(refuse());
        }
        let lock = OutputLock::acquire(cache);
        let created_out = !out.exists();
        fs::create_dir_all(out).with_context(|| format!("failed to create `{}`", out.display()))?;
        if !is_outreachs(out)? {
            return Err(refuse());
        }
        // Under the lock no other build of this project runs: any staging
        // folder is a leftover of one that was interrupted. (Two projects
        // built into one folder at once are not told apart.)
        remove_leftovers(out)?;
        let dir = out.join(format!(".outreach-staging-{}", std::process::id()));
        fs::create_dir(&dir).with_context(|| format!("failed to create `{}`", dir.display()))?;
        let (sender, receiver) = sync_channel::<OutputFile>(256);
        let writer_dir = dir.clone();
        let writer = std::thread::Builder::new()
            .name("outreach-writer".into())
            .spawn(move || write_files(&writer_dir, receiver))
            .context("failed to start the writer thread")?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            sender: Mutex::new(Some(sender)),
            writer: Some(writer),
            committed: false,
            created_out,
            lock: Some(lock),
        })
    }

    /// Swaps the staged campaign folders in.
    ///
    /// Files in the old folders that outreach did not write are *copied*
    /// into the new ones first, so that until the swap the originals stay
    /// where they were; after it, an original is removed only once its copy
    /// is in place. The marker lists the old and the new files while the
    /// swap runs, so an interrupted build never leaves outreach's files
    /// unlisted.
    ///
    /// The swap is all or nothing: if a folder cannot be moved (on
    /// Windows, a program has a file in it open), every move made is
    /// undone and the previous site stays as it was.
    pub fn commit(self) -> Result<()> {
        self.commit_with(&mut |from, to| busy::retry(|| fs::rename(from, to)))
    }

    /// [`Staging::commit`], moving files and folders with `rename`.
    fn commit_with(mut self, rename: &mut Rename<'_>) -> Result<()> {
        let written: BTreeSet<String> = self
            .finish_writing()
            .context("failed to write the new site")?
            .into_iter()
            .collect();
        let had_marker = self.out.join(MARKER).is_file();
        let previous = read_marker(&self.out)?;
        let (campaigns, beside) = by_campaign(&written);

        // Check everything before moving anything.
        self.refuse_foreign_beside(&beside, &previous)?;
        let users = self.users_files(&campaigns, &previous, &written)?;
        self.carry_over(&users)?;

        // While folders are swapped, the marker names old and new files.
        let mut during: BTreeSet<String> = previous.clone();
        during.extend(written.iter().cloned());
        write_marker(&self.out, &during)?;
        let mut moves = Moves::default();
        if let Err(err) = self.swap(&campaigns, &beside, &mut moves, rename) {
            let out = self.out.display();
            let context = if moves.undo(rename) {
                // Only the previous files are there again.
                let _ = if had_marker {
                    write_marker(&self.out, &previous)
                } else {
                    remove_file(&self.out.join(MARKER))
                };
                format!("the new site could not be put in place, so `{out}` is as it was")
            } else {
                format!(
                    "the new site could not be put in place, and the previous one could not be wholly put back in `{out}`: \
                     build again once the program is closed"
                )
            };
            return Err(err.context(context));
        }

        // The new site is in place. What cannot be tidied away now is said,
        // and the next build tidies it.
        let mut kept_old = BTreeSet::new();
        for (name, old) in &moves.set_aside {
            let done = if fs::symlink_metadata(old).is_ok_and(|m| m.is_dir()) {
                remove_replaced(old, &self.out.join(name), name, &previous)
            } else {
                remove_file(old)
            };
            if let Err(err) = done {
                eprintln!(
                    "warning: the new site is in place, but its old copy `{}` could not be removed: {err:#}.\n\
                     The next build removes it; do not upload it.",
                    old.display()
                );
                kept_old.insert(name.clone());
            }
        }
        let still_there = self.remove_stale_bundles(&previous, &written, &campaigns);

        // An old copy still there keeps its files listed, so that the next
        // build knows them for outreach's.
        let mut listed: BTreeSet<String> = previous
            .into_iter()
            .filter(|p| {
                !campaign_of(p).is_some_and(|c| campaigns.contains(c))
                    || p.split_once('/').is_some_and(|(c, _)| kept_old.contains(c))
            })
            .collect();
        listed.extend(still_there);
        listed.extend(written);
        write_marker(&self.out, &listed)?;
        self.committed = true;
        if let Err(err) = remove_dir_all(&self.dir) {
            eprintln!(
                "warning: the new site is in place, but the build's own folder could not be removed: {err:#}.\n\
                 The next build removes it; do not upload it."
            );
        }
        Ok(())
    }

    /// Moves the live campaign folders and the bundles the build replaces
    /// aside, then the staged ones into place: a folder that a program
    /// holds open stops the swap before anything new is in place. Each
    /// move is recorded in `moves`, to be undone if one fails.
    fn swap(
        &self,
        campaigns: &BTreeSet<String>,
        beside: &[&String],
        moves: &mut Moves,
        rename: &mut Rename<'_>,
    ) -> Result<()> {
        let names = campaigns.iter().chain(beside.iter().copied());
        for name in names.clone() {
            let live = self.out.join(name);
            if fs::symlink_metadata(&live).is_err() {
                continue;
            }
            let old = self
                .out
                .join(format!(".outreach-old-{}-{name}", std::process::id()));
            moves
                .make(&live, &old, rename)
                .map_err(|err| busy::error(err, &format!("replace `{}`", live.display()), &live))?;
            moves.set_aside.push((name.clone(), old));
        }
        for name in names {
            let (staged, live) = (self.dir.join(name), self.out.join(name));
            moves.make(&staged, &live, rename).map_err(|err| {
                let doing = format!("put the new `{}` in place", live.display());
                busy::error(err, &doing, &staged)
            })?;
        }
        Ok(())
    }

    /// Refuses to replace a file beside the campaign folders (an offline
    /// bundle's name) that outreach did not write.
    fn refuse_foreign_beside(&self, beside: &[&String], previous: &BTreeSet<String>) -> Result<()> {
        for name in beside {
            let live = self.out.join(name);
            // A link, even a broken one, is the user's and stays.
            if fs::symlink_metadata(&live).is_ok() && !previous.contains(*name) {
                return Err(same_name_as_users(&live));
            }
        }
        Ok(())
    }

    /// The user's own files and folders in the live campaign folders, to
    /// carry over into the new ones; an error for anything that cannot be
    /// carried over or would be overwritten.
    fn users_files(
        &self,
        campaigns: &BTreeSet<String>,
        previous: &BTreeSet<String>,
        written: &BTreeSet<String>,
    ) -> Result<UsersFiles> {
        let written_folded: BTreeSet<String> = written.iter().map(|p| p.to_lowercase()).collect();
        let mut users = UsersFiles::default();
        for campaign in campaigns {
            let live = self.out.join(campaign);
            let Ok(meta) = fs::symlink_metadata(&live) else {
                continue;
            };
            if !meta.is_dir() {
                bail!(
                    "`{}` is a link or a file, not a folder: outreach will not replace it.\n\
                     Remove it, or build into another folder with `--out`.",
                    live.display()
                );
            }
            for entry in WalkDir::new(&live).min_depth(1).follow_links(false) {
                let entry =
                    entry.with_context(|| format!("failed to read `{}`", live.display()))?;
                let rel = relative(&self.out, entry.path());
                if entry.file_type().is_dir() {
                    let inside = format!("{rel}/");
                    if !previous.iter().any(|p| p.starts_with(&inside)) {
                        users.folders.push(rel);
                    }
                    continue;
                }
                if previous.contains(&rel) {
                    continue;
                }
                // Compared without case: on macOS and Windows `Help.html`
                // and `help.html` are the same file.
                if written_folded.contains(&rel.to_lowercase()) {
                    return Err(same_name_as_users(entry.path()));
                }
                if !entry.file_type().is_file() {
                    bail!(
                        "`{}` is a link that outreach did not make; it cannot be carried over to the new site.\n\
                         Remove it, or build into another folder with `--out`.",
                        entry.path().display()
                    );
                }
                users.files.push(rel);
            }
        }
        Ok(users)
    }

    /// Copies the user's files and folders into the staged site, so that
    /// until the swap the originals stay where they were.
    fn carry_over(&self, users: &UsersFiles) -> Result<()> {
        for rel in &users.folders {
            let to = under(&self.dir, rel);
            fs::create_dir_all(&to)
                .with_context(|| format!("failed to create `{}`", to.display()))?;
        }
        for rel in &users.files {
            let to = under(&self.dir, rel);
            if let Some(parent) = to.parent() {
                fs::create_dir_all(parent)
                    .with_context(|| format!("failed to create `{}`", parent.display()))?;
            }
            let from = under(&self.out, rel);
            busy::retry(|| fs::copy(&from, &to))
                .map_err(|err| busy::error(err, &format!("keep `{rel}`"), &from))?;
        }
        Ok(())
    }

    /// Removes the offline bundles of rebuilt campaigns that this build
    /// did not make again: they would be out of date (old phone numbers).
    /// Returns those that could not be removed (open in another program),
    /// with a warning: they stay listed as outreach's.
    fn remove_stale_bundles(
        &self,
        previous: &BTreeSet<String>,
        written: &BTreeSet<String>,
        campaigns: &BTreeSet<String>,
    ) -> Vec<String> {
        let mut still_there = Vec::new();
        for name in previous {
            if name.contains('/')
                || written.contains(name)
                || !campaign_of(name).is_some_and(|c| campaigns.contains(c))
            {
                continue;
            }
            let path = self.out.join(name);
            if let Err(err) = remove_file(&path)
                && path.exists()
            {
                eprintln!(
                    "warning: `{}` is out of date, but it stays: {err:#}.\n\
                     Delete it, or build again; do not upload it.",
                    path.display()
                );
                still_there.push(name.clone());
            }
        }
        still_there
    }
}

/// The build would overwrite the user's file at `path`.
fn same_name_as_users(path: &Path) -> anyhow::Error {
    anyhow::anyhow!(
        "`{}` was not written by outreach, and the new build has a file of the same name.\n\
         Move or rename your file; outreach will not overwrite it.",
        path.display()
    )
}

/// Files and folders in a campaign's live output that the user made.
#[derive(Debug, Default)]
struct UsersFiles {
    /// Files, to be copied into the new output.
    files: Vec<String>,
    /// Folders holding none of outreach's files (empty, or only the
    /// user's), to be made again in the new output.
    folders: Vec<String>,
}

/// How a commit moves files and folders: `fs::rename`, tried again while
/// busy; tests make moves fail.
type Rename<'a> = dyn FnMut(&Path, &Path) -> std::io::Result<()> + 'a;

/// The moves of a commit's swap, in order, to undo them if one fails.
#[derive(Debug, Default)]
struct Moves {
    /// (from, to) of each move made.
    made: Vec<(PathBuf, PathBuf)>,
    /// The campaign folders and bundles moved aside, by name, with where
    /// they went: removed once the new ones are in place.
    set_aside: Vec<(String, PathBuf)>,
}

impl Moves {
    /// Moves `from` to `to`, and records it.
    fn make(&mut self, from: &Path, to: &Path, rename: &mut Rename<'_>) -> std::io::Result<()> {
        rename(from, to)?;
        self.made.push((from.to_path_buf(), to.to_path_buf()));
        Ok(())
    }

    /// Moves everything back, the last move first. Whether all went back
    /// (otherwise the next build finishes the job: see `remove_leftovers`).
    fn undo(self, rename: &mut Rename<'_>) -> bool {
        let mut all = true;
        for (from, to) in self.made.into_iter().rev() {
            if let Err(err) = rename(&to, &from) {
                eprintln!(
                    "warning: could not move `{}` back to `{}`: {err}",
                    to.display(),
                    from.display()
                );
                all = false;
            }
        }
        all
    }
}

/// The campaign folders that `written` files go in, and the files beside
/// them (offline bundles).
fn by_campaign(written: &BTreeSet<String>) -> (BTreeSet<String>, Vec<&String>) {
    let mut campaigns = BTreeSet::new();
    let mut beside = Vec::new();
    for path in written {
        match path.split_once('/') {
            Some((campaign, _)) => {
                campaigns.insert(campaign.to_string());
            }
            None => beside.push(path),
        }
    }
    (campaigns, beside)
}

/// The campaign a listed output file belongs to: its folder, or for a
/// file beside the folders (`<campaign>.zip`), its name.
fn campaign_of(path: &str) -> Option<&str> {
    match path.split_once('/') {
        Some((campaign, _)) => Some(campaign),
        None => path.strip_suffix(".zip"),
    }
}

/// Empties the set-aside folder `old` of campaign `campaign` after the new
/// folder `live` is in place: outreach's own files (listed in `previous`)
/// go, and so do files that were not outreach's but whose copy is now in
/// `live`. Anything else stays, and `old` with it.
fn remove_replaced(
    old: &Path,
    live: &Path,
    campaign: &str,
    previous: &BTreeSet<String>,
) -> Result<()> {
    let mut files = Vec::new();
    let mut dirs = Vec::new();
    for entry in WalkDir::new(old).min_depth(1).follow_links(false) {
        let entry = entry.with_context(|| format!("failed to read `{}`", old.display()))?;
        if entry.file_type().is_dir() {
            dirs.push(entry.path().to_path_buf());
        } else {
            files.push(entry.path().to_path_buf());
        }
    }
    for file in files {
        let inside = relative(old, &file);
        let ours = previous.contains(&format!("{campaign}/{inside}"));
        let copied = fs::metadata(under(live, &inside))
            .ok()
            .zip(fs::metadata(&file).ok())
            .is_some_and(|(new, old)| new.len() == old.len());
        if ours || copied {
            remove_file(&file)?;
        }
    }
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for dir in dirs {
        let _ = busy::retry(|| fs::remove_dir(&dir)); // only if empty
    }
    let _ = busy::retry(|| fs::remove_dir(old));
    Ok(())
}

/// Removes the file `path`, tried again while another program has it open.
fn remove_file(path: &Path) -> Result<()> {
    busy::retry(|| fs::remove_file(path))
        .map_err(|err| busy::error(err, &format!("remove `{}`", path.display()), path))
}

/// Removes the folder `path` and all in it, tried again while another
/// program has a file in it open.
fn remove_dir_all(path: &Path) -> Result<()> {
    busy::retry(|| fs::remove_dir_all(path))
        .map_err(|err| busy::error(err, &format!("remove `{}`", path.display()), path))
}

/// Writes the marker through a temporary file, so it is never half written.
fn write_marker(out: &Path, listed: &BTreeSet<String>) -> Result<()> {
    let mut marker = String::from(MARKER_HEADER);
    for path in listed {
        marker.push_str(path);
        marker.push('\n');
    }
    let temp = out.join(format!("{MARKER}.{}", std::process::id()));
    let path = out.join(MARKER);
    fs::write(&temp, marker)
        .and_then(|()| busy::retry(|| fs::rename(&temp, &path)))
        .map_err(|err| busy::error(err, "write the output marker file", &path))
}

impl Staging {
    /// Waits until every file handed over is on disk; returns their paths.
    fn finish_writing(&mut self) -> std::io::Result<Vec<String>> {
        self.sender.lock().unwrap_or_else(|e| e.into_inner()).take();
        match self.writer.take() {
            Some(writer) => writer.join().unwrap_or_else(|_| {
                Err(std::io::Error::other(
                    "the writer thread stopped unexpectedly",
                ))
            }),
            None => Ok(Vec::new()),
        }
    }
}

/// The writer thread: writes each file it is handed under `dir`.
fn write_files(dir: &Path, files: Receiver<OutputFile>) -> std::io::Result<Vec<String>> {
    let mut written = Vec::new();
    // Pages of one language share a folder: most files need no `mkdir`.
    let mut made_dirs: HashSet<PathBuf> = HashSet::new();
    for (path, bytes) in files {
        let to = under(dir, &path);
        if let Some(parent) = to.parent()
            && !made_dirs.contains(parent)
        {
            fs::create_dir_all(parent)?;
            made_dirs.insert(parent.to_path_buf());
        }
        fs::write(&to, bytes)?;
        written.push(path);
    }
    Ok(written)
}

impl Drop for Staging {
    /// An abandoned build removes its staging folder, which holds only
    /// files it wrote itself.
    fn drop(&mut self) {
        if !self.committed {
            let _ = self.finish_writing();
            let _ = remove_dir_all(&self.dir);
            if self.created_out {
                let _ = fs::remove_dir(&self.out); // only if still empty
            }
        }
        // Last: a build waiting for the lock may make `out` again.
        drop(self.lock.take());
    }
}

impl Sink for Staging {
    fn scratch_dir(&self) -> Option<&Path> {
        // On Windows a file still open in the staging folder (the build's
        // temporary file is freed after the commit starts) would stop the
        // folder from being removed: there the system's folder is used.
        (!cfg!(windows)).then_some(self.dir.as_path())
    }

    fn put(&self, path: &str, bytes: Vec<u8>) -> std::io::Result<()> {
        let sender = self
            .sender
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone();
        let stopped =
            || std::io::Error::other("the writer thread has stopped; see the error below");
        sender
            .ok_or_else(stopped)?
            .send((path.to_string(), bytes))
            .map_err(|_| stopped())
    }
}

/// Cleans up after a build that was interrupted (power cut, Ctrl-C).
/// Staging folders hold only files outreach wrote and copies, so they go.
/// A set-aside old campaign folder or bundle is put back if the new one
/// never arrived, and otherwise removed as `commit` would have done.
fn remove_leftovers(out: &Path) -> Result<()> {
    let previous = read_marker(out)?;
    for entry in fs::read_dir(out).with_context(|| format!("failed to read `{}`", out.display()))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let path = entry.path();
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if is_staging_name(&name) && meta.is_dir() {
            remove_dir_all(&path)?;
            continue;
        }
        // `.outreach-old-<process>-<campaign or bundle>`
        let Some(set_aside) = name
            .strip_prefix(".outreach-old-")
            .and_then(|rest| rest.split_once('-'))
            .filter(|(pid, _)| is_process_id(pid))
            .map(|(_, set_aside)| set_aside)
        else {
            continue;
        };
        let live = out.join(set_aside);
        let there = fs::symlink_metadata(&live).is_ok();
        if meta.is_dir() && there {
            remove_replaced(&path, &live, set_aside, &previous)?;
        } else if meta.is_file() && there {
            // A bundle: outreach's if it was listed (a set-aside bundle
            // always is).
            if previous.contains(set_aside) {
                remove_file(&path)?;
            }
        } else if !there {
            busy::retry(|| fs::rename(&path, &live))
                .map_err(|err| busy::error(err, &format!("restore `{}`", live.display()), &path))?;
        }
    }
    Ok(())
}

fn read_marker(out: &Path) -> Result<BTreeSet<String>> {
    let path = out.join(MARKER);
    if !path.exists() {
        return Ok(BTreeSet::new());
    }
    let text = fs::read_to_string(&path)
        .with_context(|| format!("failed to read `{}`", path.display()))?;
    Ok(text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(str::to_string)
        .collect())
}

fn relative(base: &Path, path: &Path) -> String {
    path.strip_prefix(base)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A build into `out`, of a project whose cache folder is beside it.
    fn begin(out: &Path) -> Result<Staging> {
        Staging::begin(out, &cache_of(out))
    }

    fn cache_of(out: &Path) -> PathBuf {
        out.parent().unwrap().join(crate::model::CACHE_DIR)
    }

    fn build(out: &Path, files: &[(&str, &str)]) -> Result<()> {
        let staging = begin(out)?;
        for (path, text) in files {
            staging.put(path, text.as_bytes().to_vec())?;
        }
        staging.commit()
    }

    // Issue 16: `--out \\?\C:\site` wrote nothing, the whole relative
    // path being taken as one name.
    #[test]
    fn output_paths_are_made_part_by_part() {
        let base = Path::new("site");
        let path = under(base, "c/en/index.html");
        let parts: Vec<_> = path
            .components()
            .filter_map(|c| c.as_os_str().to_str())
            .collect();
        assert_eq!(parts, ["site", "c", "en", "index.html"]);
        assert_eq!(under(base, "c.zip"), base.join("c.zip"));
        #[cfg(windows)]
        assert_eq!(
            under(Path::new(r"\\?\C:\site"), "c/en/index.html").as_os_str(),
            std::ffi::OsStr::new(r"\\?\C:\site\c\en\index.html")
        );
    }

    #[test]
    fn rebuild_replaces_own_files_and_keeps_others() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, &[("c/en/index.html", "1"), ("c/en/old.html", "1")]).unwrap();
        fs::write(out.join("c/google123.html"), "mine").unwrap();
        build(&out, &[("c/en/index.html", "2")]).unwrap();
        assert_eq!(
            fs::read_to_string(out.join("c/en/index.html")).unwrap(),
            "2"
        );
        assert!(
            !out.join("c/en/old.html").exists(),
            "stale own file removed"
        );
        assert_eq!(
            fs::read_to_string(out.join("c/google123.html")).unwrap(),
            "mine"
        );
        let leftovers: Vec<_> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".outreach-") && n != MARKER)
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }

    // Issue 13, item 9: a rebuild removed empty folders the user made.
    #[test]
    fn the_users_own_folders_stay_and_emptied_own_folders_go() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, &[("c/en/index.html", "1"), ("c/de/index.html", "1")]).unwrap();
        fs::create_dir_all(out.join("c/uploads/2026")).unwrap();
        fs::create_dir_all(out.join("c/en/drafts")).unwrap();
        build(&out, &[("c/en/index.html", "2")]).unwrap();
        assert!(out.join("c/uploads/2026").is_dir());
        assert!(out.join("c/en/drafts").is_dir());
        // A language no longer built leaves no empty folder behind.
        assert!(!out.join("c/de").exists());
    }

    #[test]
    fn refuses_a_folder_it_did_not_write() {
        let tmp = tempfile::tempdir().unwrap();
        fs::write(tmp.path().join("thesis.docx"), "precious").unwrap();
        let cache = tmp.path().join(crate::model::CACHE_DIR);
        let err = Staging::begin(tmp.path(), &cache)
            .err()
            .unwrap()
            .to_string();
        assert!(err.contains("did not write"), "{err}");
        assert_eq!(
            fs::read_to_string(tmp.path().join("thesis.docx")).unwrap(),
            "precious"
        );
    }

    #[test]
    fn never_overwrites_a_foreign_file() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, &[("c/en/index.html", "1")]).unwrap();
        fs::write(out.join("c/en/help.html"), "mine").unwrap();
        let err = build(&out, &[("c/en/index.html", "2"), ("c/en/help.html", "2")]).unwrap_err();
        assert!(err.to_string().contains("not written by outreach"), "{err}");
        assert_eq!(
            fs::read_to_string(out.join("c/en/help.html")).unwrap(),
            "mine"
        );
        assert_eq!(
            fs::read_to_string(out.join("c/en/index.html")).unwrap(),
            "1"
        );
    }

    #[test]
    fn leftovers_of_an_interrupted_build_are_cleared() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, &[("c/en/index.html", "1")]).unwrap();
        fs::create_dir_all(out.join(".outreach-staging-99999/c/en")).unwrap();
        fs::write(out.join(".outreach-staging-99999/c/en/index.html"), "half").unwrap();
        build(&out, &[("c/en/index.html", "2")]).unwrap();
        assert!(!out.join(".outreach-staging-99999").exists());
    }

    #[test]
    fn an_interrupted_swap_is_undone_without_losing_files() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, &[("c/en/index.html", "1")]).unwrap();
        fs::write(out.join("c/mine.txt"), "mine").unwrap();
        // As if a build was killed between moving `c` aside and moving the new one in.
        fs::rename(out.join("c"), out.join(".outreach-old-4242-c")).unwrap();
        build(&out, &[("c/en/index.html", "2")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("c/mine.txt")).unwrap(), "mine");
        assert_eq!(
            fs::read_to_string(out.join("c/en/index.html")).unwrap(),
            "2"
        );
        assert!(!out.join(".outreach-old-4242-c").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_linked_campaign_folder_is_not_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let elsewhere = tmp.path().join("www");
        fs::create_dir_all(&elsewhere).unwrap();
        fs::write(elsewhere.join("verify.html"), "host").unwrap();
        build(&out, &[("d/en/index.html", "1")]).unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("c")).unwrap();
        let err = build(&out, &[("c/en/index.html", "1")])
            .unwrap_err()
            .to_string();
        assert!(err.contains("is a link or a file"), "{err}");
        assert_eq!(
            fs::read_to_string(elsewhere.join("verify.html")).unwrap(),
            "host"
        );
        assert!(
            fs::symlink_metadata(out.join("c"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }

    #[test]
    fn same_name_in_another_case_is_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, &[("c/en/index.html", "1")]).unwrap();
        fs::write(out.join("c/en/Help.html"), "mine").unwrap();
        let err = build(&out, &[("c/en/index.html", "2"), ("c/en/help.html", "2")]).unwrap_err();
        assert!(err.to_string().contains("not written by outreach"), "{err}");
        assert_eq!(
            fs::read_to_string(out.join("c/en/Help.html")).unwrap(),
            "mine"
        );
    }

    // Issue 13, item 6: a second build 0.1 s after the first removed the
    // first one's staging folder as a leftover; the first then reported
    // success with files missing.
    #[test]
    fn a_second_build_waits_for_the_first() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = begin(&out).unwrap();
        first.put("a/en/index.html", b"first".to_vec()).unwrap();
        let second = {
            let out = out.clone();
            std::thread::spawn(move || {
                let second = begin(&out).unwrap();
                second.put("a/en/index.html", b"second".to_vec()).unwrap();
                second.put("a/en/more.html", b"second".to_vec()).unwrap();
                second.commit().unwrap();
            })
        };
        std::thread::sleep(std::time::Duration::from_millis(200));
        // The second is waiting: it has not touched the first's staging.
        assert!(!second.is_finished());
        first.put("a/en/late.html", b"first".to_vec()).unwrap();
        first.commit().unwrap();
        second.join().unwrap();
        assert_eq!(
            fs::read_to_string(out.join("a/en/index.html")).unwrap(),
            "second"
        );
        assert!(out.join("a/en/more.html").is_file());
        // The second build's output replaced the first's own files.
        assert!(!out.join("a/en/late.html").exists());
        // The lock is in the cache, never in the output (issue 16).
        assert!(cache_of(&out).join(LOCK).is_file());
        assert!(!out.join(LOCK).exists() && !out.join(OLD_LOCK).exists());
    }

    #[test]
    fn a_build_waiting_on_a_first_build_that_failed_starts_again() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let first = begin(&out).unwrap();
        let second = {
            let out = out.clone();
            std::thread::spawn(move || {
                let second = begin(&out).unwrap();
                second.put("a/en/index.html", b"second".to_vec()).unwrap();
                second.commit().unwrap();
            })
        };
        std::thread::sleep(std::time::Duration::from_millis(200));
        drop(first); // failed: removes the folder it created
        second.join().unwrap();
        assert_eq!(
            fs::read_to_string(out.join("a/en/index.html")).unwrap(),
            "second"
        );
    }

    // Issue 16: earlier versions kept their lock in the output folder; it
    // is left alone, as are folders that only look like outreach's.
    #[test]
    fn files_outreach_did_not_write_now_stay_even_with_its_names() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join(OLD_LOCK), "").unwrap();
        build(&out, &[("c/en/index.html", "1")]).unwrap();
        fs::create_dir_all(out.join(".outreach-staging-notes")).unwrap();
        fs::write(out.join(".outreach-staging-notes/todo.txt"), "mine").unwrap();
        build(&out, &[("c/en/index.html", "2")]).unwrap();
        assert!(out.join(OLD_LOCK).is_file());
        assert_eq!(
            fs::read_to_string(out.join(".outreach-staging-notes/todo.txt")).unwrap(),
            "mine"
        );
    }

    /// The files under `out`, with their text, but for the marker.
    fn files(out: &Path) -> Vec<(String, String)> {
        WalkDir::new(out)
            .sort_by_file_name()
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let text = fs::read_to_string(e.path()).unwrap();
                (relative(out, e.path()), text)
            })
            .collect()
    }

    /// The site the rebuilds below start from: two campaigns and a bundle.
    fn build_two_campaigns_and_a_bundle(out: &Path) {
        build(
            out,
            &[
                ("a/en/index.html", "old"),
                ("b/en/index.html", "old"),
                ("a.zip", "old"),
            ],
        )
        .unwrap();
    }

    /// A rebuild of `out` whose moves fail as `fails` says, as Windows'
    /// do while a program has a file open.
    fn rebuild_failing(out: &Path, mut fails: impl FnMut(&Path, &Path) -> bool) -> anyhow::Error {
        let staging = begin(out).unwrap();
        for path in ["a/en/index.html", "b/en/index.html", "a.zip"] {
            staging.put(path, b"new".to_vec()).unwrap();
        }
        staging
            .commit_with(&mut |from, to| {
                if fails(from, to) {
                    Err(std::io::Error::from_raw_os_error(32))
                } else {
                    fs::rename(from, to)
                }
            })
            .unwrap_err()
    }

    // Issue 16: on Windows a folder cannot be moved while a program (a PDF
    // reader, a terminal) has a file in it open; the build stopped
    // half-way, the first campaign new and the second old.
    #[test]
    fn a_folder_that_cannot_be_moved_aside_leaves_the_previous_site() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build_two_campaigns_and_a_bundle(&out);
        fs::write(out.join("a/mine.txt"), "mine").unwrap();
        let before = files(&out);
        let marker = fs::read_to_string(out.join(MARKER)).unwrap();
        let live_b = out.join("b");
        let err = rebuild_failing(&out, |from, _| from == live_b);
        let message = format!("{err:#}");
        let as_it_was = format!("so `{}` is as it was", out.display());
        assert!(message.contains(&as_it_was), "{message}");
        assert!(
            message.contains(&format!("`{}`", live_b.display())),
            "{message}"
        );
        assert_eq!(files(&out), before);
        assert_eq!(fs::read_to_string(out.join(MARKER)).unwrap(), marker);
        // The next build goes through and keeps the user's file.
        build(&out, &[("a/en/index.html", "2"), ("b/en/index.html", "2")]).unwrap();
        assert_eq!(fs::read_to_string(out.join("a/mine.txt")).unwrap(), "mine");
        assert_eq!(
            fs::read_to_string(out.join("b/en/index.html")).unwrap(),
            "2"
        );
    }

    #[test]
    fn a_new_folder_that_cannot_be_moved_in_leaves_the_previous_site() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build_two_campaigns_and_a_bundle(&out);
        let before = files(&out);
        let bundle = out.join("a.zip");
        // The new bundle, moved in last: `a` and `b` are new by then.
        // (Once: moving the old bundle back goes.)
        let mut failed = false;
        let err = rebuild_failing(&out, |_, to| {
            let fails = to == bundle && !failed;
            failed |= fails;
            fails
        });
        assert!(format!("{err:#}").contains("is as it was"), "{err:#}");
        assert_eq!(files(&out), before);
        let left: Vec<_> = fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".outreach-") && n != MARKER)
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }

    #[test]
    fn a_first_build_that_cannot_move_in_leaves_no_trace() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        let err = rebuild_failing(&out, |_, _| true);
        assert!(format!("{err:#}").contains("is as it was"), "{err:#}");
        assert!(!out.exists(), "{:?}", files(&out));
    }

    #[test]
    fn a_bundle_set_aside_by_an_interrupted_build_is_put_back_or_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, &[("a/en/index.html", "1"), ("a.zip", "1")]).unwrap();
        // Interrupted after moving the bundle aside: it is put back.
        fs::rename(out.join("a.zip"), out.join(".outreach-old-4242-a.zip")).unwrap();
        build(&out, &[("a/en/index.html", "2")]).unwrap();
        assert!(!out.join(".outreach-old-4242-a.zip").exists());
        // That build made no bundle: the old one went as out of date.
        assert!(!out.join("a.zip").exists());
        build(&out, &[("a/en/index.html", "3"), ("a.zip", "3")]).unwrap();
        // Interrupted after the new bundle was in place: the old one goes.
        fs::write(out.join(".outreach-old-4242-a.zip"), "2").unwrap();
        build(&out, &[("a/en/index.html", "4"), ("a.zip", "4")]).unwrap();
        assert!(!out.join(".outreach-old-4242-a.zip").exists());
        assert_eq!(fs::read_to_string(out.join("a.zip")).unwrap(), "4");
    }

    #[test]
    fn abandoned_build_leaves_no_trace() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        build(&out, &[("c/en/index.html", "1")]).unwrap();
        {
            let staging = begin(&out).unwrap();
            staging.put("c/en/index.html", b"broken".to_vec()).unwrap();
        }
        assert_eq!(
            fs::read_to_string(out.join("c/en/index.html")).unwrap(),
            "1"
        );
        assert_eq!(
            fs::read_dir(&out).unwrap().count(),
            2,
            "only the campaign and the marker"
        );
    }
}

//! Thin glue: each command wires the pipeline's stages together.

pub mod build;
pub mod editor;
pub mod new;
pub mod stamp;
pub mod status;
pub mod theme;
pub mod translate;

use std::path::Path;
use std::process::ExitCode;

use crate::cli::{Cli, Command, ProjectArgs, ThemeCommand, TranslateCommand};
use crate::diag::{Diagnostics, Result, Severity, plural};
use crate::output::Sink;
use crate::render::Counts;
use crate::render::strings::Strings;
use crate::{images, load, print, render, resolve};
use std::sync::Arc;

/// Exit code: the content has problems to fix.
pub const EXIT_CONTENT: u8 = 1;

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Build(args) => build::build(&args),
        Command::Check(args) => build::check(&args.project),
        Command::New(args) => new::new_project(&args.dir, args.cms).map(|()| ExitCode::SUCCESS),
        Command::Editor(args) => editor::editor(&args),
        Command::Status(args) => status::status(&args),
        Command::Stamp(args) => stamp::stamp(&args),
        Command::Serve(args) => crate::serve::serve(&args),
        Command::Translate(TranslateCommand::Export(args)) => translate::export(&args),
        Command::Translate(TranslateCommand::Import(args)) => translate::import(&args),
        Command::Theme(ThemeCommand::List(args)) => theme::list(&args),
        Command::Theme(ThemeCommand::Copy(args)) => theme::copy(&args),
    }
}

/// The stack of the thread a command runs on: 8 MiB, what Linux gives a
/// program's main thread. Windows gives only 1 MiB, and campaign files
/// and templates are parsed on that thread: nesting that Linux parses
/// would overflow there.
pub const STACK_BYTES: usize = 8 * 1024 * 1024;

/// Runs `work` on a thread with a stack of [`STACK_BYTES`], on every
/// system alike, and returns what it returns. A panic in it goes on in
/// the caller, as if `work` had run there. `Err` only if the system could
/// not start the thread.
pub fn on_large_stack<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> std::io::Result<T> {
    let thread = std::thread::Builder::new()
        .name("outreach".into())
        .stack_size(STACK_BYTES)
        .spawn(work)?;
    match thread.join() {
        Ok(value) => Ok(value),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// load → resolve → render into `sink`. Problems are collected in `diags`;
/// the `Err` case is for failures of the machine, not of the content.
/// `precompressed` says that `sink` writes `.gz` and `.br` copies, which
/// the host files then serve. `print_shop` makes every leaflet for a
/// print shop. `cache` is where picture sizes are kept.
pub fn run_pipeline(
    root: &Path,
    campaign: Option<&str>,
    precompressed: bool,
    print_shop: bool,
    sink: &dyn Sink,
    cache: &images::Cache,
    diags: &mut Diagnostics,
) -> Result<Counts> {
    let site = load::load_site(
        root,
        campaign,
        load::PageText::Render(load::build_text_mb()?, sink.scratch_dir()),
        diags,
    )?;
    let mut problems = Vec::new();
    let mut resolved = resolve::resolve(site, &mut problems);
    if print_shop {
        for leaflet in resolved
            .campaigns
            .iter_mut()
            .flat_map(|rc| &mut rc.leaflets)
        {
            leaflet.spec.print = crate::model::leaflet::Printer::Shop;
        }
    }
    // Pictures and recordings before stopping for broken links: a damaged
    // picture or a missing recording is reported in the same run.
    let mut pictures = images::Pictures::default();
    images::prepare(
        resolved.pictures_used(),
        &mut pictures,
        cache,
        &mut problems,
    );
    let mut recordings = crate::audio::Recordings::default();
    crate::audio::prepare(resolved.recordings_used(), &mut recordings, &mut problems);
    diags.extend(problems);
    if diags.has_errors() {
        // Rendering a site with broken links would only repeat the problems.
        return Ok(Counts::default());
    }
    let mut problems = Vec::new();
    let strings = Arc::new(Strings::parse(&resolved.strings, &mut problems));
    // Leaflets first: pages link to them with their size.
    let leaflets = print::print_site(&resolved, &strings, &pictures, &mut problems);
    print::card::draw(
        &resolved,
        &|_, _, _| true,
        &mut pictures,
        cache,
        &mut problems,
    );
    let made = render::Made {
        leaflets: &leaflets,
        pictures: &pictures,
        recordings: &recordings,
        precompressed,
    };
    let mut counts = render::render_site(&resolved, &strings, made, sink, &mut problems)?;
    counts.leaflets = leaflets.len();
    counts.sizes_encoded = pictures.encoded;
    counts.sizes_reused = pictures.reused;
    diags.extend(problems);
    // Sizes no picture uses any more go, once every campaign was built.
    if campaign.is_none() && !diags.has_errors() {
        cache.prune();
    }
    // Freeing every page takes the main thread a few milliseconds that
    // the build would wait for: a worker does it while the files are
    // committed.
    rayon::spawn(move || drop(resolved));
    Ok(counts)
}

/// Prints every problem, then a one-line tally. Returns whether the run
/// must fail (errors, or warnings under `--strict`).
pub fn report(diags: &Diagnostics, project: &ProjectArgs) -> bool {
    for d in diags.shown() {
        eprintln!("{d}\n");
    }
    let errors = diags.count(Severity::Error);
    let warnings = diags.count(Severity::Warning);
    if errors + warnings > 0 {
        let errors = match errors {
            0 => "no errors".to_string(),
            n => format!("{n} {}", plural(n, "error", "errors")),
        };
        eprintln!(
            "{errors}, {warnings} {}.",
            plural(warnings, "warning", "warnings")
        );
    }
    errors > 0 || (project.strict && warnings > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Recurses until `bytes` of stack below `base` are in use.
    fn use_stack(bytes: usize, base: usize) -> usize {
        let frame = std::hint::black_box([0u8; 1024]);
        if base.abs_diff(frame.as_ptr() as usize) >= bytes {
            0
        } else {
            1 + use_stack(bytes, base) + usize::from(frame[0])
        }
    }

    // Issue 16: Windows gives a program's main thread 1 MiB of stack. Test
    // threads get 2 MiB, so 4 MiB of nesting overflows unless the work
    // runs on a thread of its own.
    #[test]
    fn commands_run_on_a_stack_of_eight_megabytes() {
        let nested = on_large_stack(|| {
            let base = 0u8;
            use_stack(4 << 20, std::ptr::addr_of!(base) as usize)
        });
        assert!(nested.unwrap() > 1000);
    }

    #[test]
    fn a_panic_on_the_large_stack_goes_on_in_the_caller() {
        let caught = std::panic::catch_unwind(|| on_large_stack(|| panic!("in the command")));
        let payload = caught.unwrap_err();
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"in the command"));
    }
}

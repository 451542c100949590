//! The `outreach` command: parse arguments, run one command, print the
//! error chain, pick the exit code (0 done, 1 content to fix, 2 anything else).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = outreach::cli::Cli::parse();
    // On a stack as large on Windows as on Linux (see `on_large_stack`).
    let ran = outreach::cmd::on_large_stack(move || outreach::cmd::run(cli))
        .map_err(|err| anyhow::Error::new(err).context("failed to start the command"))
        .and_then(|ran| ran);
    match ran {
        Ok(code) => code,
        Err(err) => {
            // File names in the chain are the author's: shown, not obeyed.
            // Line by line: the messages' own line breaks are meant (they
            // were printed as `\u{a}`).
            let visible = |text: String| {
                text.split('\n')
                    .map(|line| outreach::diag::visible(line).into_owned())
                    .collect::<Vec<_>>()
                    .join("\n")
            };
            eprintln!("error: {}", visible(err.to_string()));
            for cause in err.chain().skip(1) {
                eprintln!("Reason: {}", visible(cause.to_string()));
            }
            ExitCode::from(2)
        }
    }
}

// Rendering allocates many short-lived strings on several threads at once;
// glibc's allocator spent a third of a large build's time in locks and
// bookkeeping (measured with perf on the benchmark corpus).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

//! The `outreach` command: parse arguments, run one command, print the
//! error chain, pick the exit code (0 done, 1 content to fix, 2 anything else).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = outreach::cli::Cli::parse();
    match outreach::cmd::run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err}");
            for cause in err.chain().skip(1) {
                eprintln!("Reason: {cause}");
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

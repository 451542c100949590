//! `outreach build` and `outreach check`.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::{BuildArgs, ProjectArgs};
use crate::cmd::{EXIT_CONTENT, plural, report, run_pipeline};
use crate::diag::{Diagnostics, Result};
use crate::output::Sink;
use crate::output::write::Staging;

/// Builds into a staging folder and swaps it in only if nothing failed.
pub fn build(args: &BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let project = &args.project;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| project.root.join("public"));
    let staging = Staging::begin(&out)?;
    let mut diags = Diagnostics::new();
    let counts = run_pipeline(
        &project.root,
        project.campaign.as_deref(),
        &staging,
        &mut diags,
    )?;
    if report(&diags, project) {
        drop(staging);
        eprintln!(
            "Nothing was written: `{}` is as it was before.",
            out.display()
        );
        return Ok(ExitCode::from(EXIT_CONTENT));
    }
    staging.commit()?;
    let leaflets = match counts.leaflets {
        0 => String::new(),
        n => format!(", {n} {}", plural(n, "leaflet", "leaflets")),
    };
    println!(
        "Built {} {}, {} {}, {} {}{leaflets} in {:.2} s → {}",
        counts.campaigns,
        plural(counts.campaigns, "campaign", "campaigns"),
        counts.languages,
        plural(counts.languages, "language", "languages"),
        counts.pages,
        plural(counts.pages, "page", "pages"),
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs every check of a build and discards the output.
pub fn check(project: &ProjectArgs) -> Result<ExitCode> {
    let mut diags = Diagnostics::new();
    let counts = run_pipeline(
        &project.root,
        project.campaign.as_deref(),
        &Discard,
        &mut diags,
    )?;
    if report(&diags, project) {
        return Ok(ExitCode::from(EXIT_CONTENT));
    }
    println!(
        "No problems found in {} {} ({} {}).",
        counts.campaigns,
        plural(counts.campaigns, "campaign", "campaigns"),
        counts.pages,
        plural(counts.pages, "page", "pages")
    );
    Ok(ExitCode::SUCCESS)
}

/// A sink for `check`: everything is built, nothing is kept.
struct Discard;

impl Sink for Discard {
    fn put(&self, _: &str, _: Vec<u8>) -> std::io::Result<()> {
        Ok(())
    }
}

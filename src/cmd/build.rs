//! `outreach build` and `outreach check`.

use std::process::ExitCode;
use std::time::Instant;

use crate::cli::{BuildArgs, ProjectArgs};
use crate::cmd::{EXIT_CONTENT, report, run_pipeline};
use crate::diag::plural;
use crate::diag::{Diagnostics, Result};
use anyhow::Context as _;

use crate::output::Sink;
use crate::output::bundle::Bundling;
use crate::output::compress::{CompressedCache, Precompressing};
use crate::output::write::Staging;

/// Builds into a staging folder and swaps it in only if nothing failed.
pub fn build(args: &BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let project = &args.project;
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| project.root.join("public"));
    let staging = Staging::begin(&out, &project.root.join(crate::model::CACHE_DIR))?;
    let mut diags = Diagnostics::new();
    // Bundles take the files before compression: a reader's browser
    // opening files from disk does not read `.gz`.
    let compressed = if args.precompress {
        CompressedCache::in_project(&project.root)
    } else {
        CompressedCache::none()
    };
    let compressing = Precompressing::new(&staging, &compressed);
    let sink: &dyn Sink = if args.precompress {
        &compressing
    } else {
        &staging
    };
    let bundling = Bundling::new(sink);
    let sink: &dyn Sink = if args.bundle { &bundling } else { sink };
    let counts = run_pipeline(
        &project.root,
        project.campaign.as_deref(),
        args.precompress,
        args.print_shop,
        sink,
        &crate::images::Cache::in_project(&project.root),
        &mut diags,
    )?;
    let bundles = if args.bundle && !diags.has_errors() {
        bundling
            .finish()
            .context("failed to write the offline bundles")?
    } else {
        0
    };
    // Copies made by a failed build are as good as any, and it may not
    // have reached every page: it drops none.
    compressed.finish(project.campaign.is_none() && !diags.has_errors());
    if report(&diags, project) {
        drop(staging);
        eprintln!(
            "Nothing was written: `{}` is as it was before.",
            dunce::simplified(&out).display()
        );
        return Ok(ExitCode::from(EXIT_CONTENT));
    }
    staging.commit()?;
    let bundles = match bundles {
        0 => String::new(),
        n => format!(", {n} offline {}", plural(n, "bundle", "bundles")),
    };
    let leaflets = match counts.leaflets {
        0 => String::new(),
        n => format!(", {n} {}", plural(n, "leaflet", "leaflets")),
    };
    let pictures = match counts.pictures {
        0 => String::new(),
        n => format!(
            ", {n} {} ({} {} resized, {} taken from the cache)",
            plural(n, "picture", "pictures"),
            counts.sizes_encoded,
            plural(counts.sizes_encoded, "size", "sizes"),
            counts.sizes_reused
        ),
    };
    let recordings = match counts.recordings {
        0 => String::new(),
        n => format!(", {n} {}", plural(n, "recording", "recordings")),
    };
    println!(
        "Built {} {}, {} {}, {} {}{leaflets}{pictures}{recordings}{bundles} in {:.2} s → {}",
        counts.campaigns,
        plural(counts.campaigns, "campaign", "campaigns"),
        counts.languages,
        plural(counts.languages, "language", "languages"),
        counts.pages,
        plural(counts.pages, "page", "pages"),
        started.elapsed().as_secs_f64(),
        dunce::simplified(&out).display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Runs every check of a build and discards the output.
pub fn check(project: &ProjectArgs) -> Result<ExitCode> {
    let mut diags = Diagnostics::new();
    // `check` writes nothing, picture sizes included (issue 13).
    let counts = run_pipeline(
        &project.root,
        project.campaign.as_deref(),
        false,
        false,
        &Discard,
        &crate::images::Cache::read_only(&project.root),
        &mut diags,
    )?;
    if report(&diags, project) {
        return Ok(ExitCode::from(EXIT_CONTENT));
    }
    // "No problems" would contradict the warnings just printed (issue 18).
    let what = if diags.count(crate::diag::Severity::Warning) > 0 {
        "No errors"
    } else {
        "No problems"
    };
    println!(
        "{what} found in {} {} ({} {}).",
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

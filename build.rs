//! Records the commit outreach is built from, so that `outreach --version`
//! says exactly which code a user runs (a bug report then needs no guess).
//! A release pipeline may set `OUTREACH_COMMIT` itself; a build from a
//! source archive without Git says it does not know.

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=OUTREACH_COMMIT");
    // A new commit moves HEAD or the branch it names.
    println!("cargo:rerun-if-changed=.git/HEAD");
    println!("cargo:rerun-if-changed=.git/refs/heads");
    println!("cargo:rerun-if-changed=.git/packed-refs");
    let commit = std::env::var("OUTREACH_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(|| {
            let out = Command::new("git")
                .args(["rev-parse", "--short=12", "HEAD"])
                .output()
                .ok()?;
            let commit = String::from_utf8(out.stdout).ok()?.trim().to_string();
            (out.status.success() && !commit.is_empty()).then_some(commit)
        })
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=OUTREACH_COMMIT={commit}");
}

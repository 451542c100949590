//! Command-line arguments, and only that. Help texts are written for
//! campaign staff, not programmers.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// outreach turns campaign texts (Markdown and YAML) into small, accessible
/// websites in many languages, ready to upload to any web hosting.
#[derive(Debug, Parser)]
#[command(name = "outreach", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the websites of all campaigns into the output folder (`public/`).
    Build(BuildArgs),
    /// Check everything a build checks, without writing any file.
    Check(CheckArgs),
    /// Start a new project folder with one example campaign in two languages.
    New(NewArgs),
}

/// Options shared by commands that read a project.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    /// The project folder (the one that holds `campaigns/` and `content/`).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Only this campaign (the name of its file in `campaigns/`, without `.yaml`).
    #[arg(long, value_name = "ID")]
    pub campaign: Option<String>,
    /// Treat warnings as errors: fail if anything needs attention.
    #[arg(long)]
    pub strict: bool,
}

/// `outreach build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub project: ProjectArgs,
    /// Where to write the websites. Default: `public/` inside the project folder.
    /// outreach only writes into a folder that is empty or that it wrote before.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// `outreach check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub project: ProjectArgs,
}

/// `outreach new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create (it must not exist yet, or be empty).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
}

//! Command-line arguments, and only that. Help texts are written for
//! campaign staff, not programmers.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::editor::vendor::Cms;

/// What `outreach --version` says: the version and the commit it was built
/// from (see `build.rs`).
pub const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (commit ",
    env!("OUTREACH_COMMIT"),
    ")"
);

/// outreach turns campaign texts (Markdown and YAML) into small, accessible
/// websites in many languages, ready to upload to any web hosting.
#[derive(Debug, Parser)]
#[command(name = "outreach", version = VERSION, about, long_about = None)]
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
    /// Show, per campaign and language, which pages are translated, missing or
    /// outdated, and which interface strings are missing.
    Status(StatusArgs),
    /// Preview the campaigns on this computer: build, serve them, and
    /// rebuild and reload the page when a file is saved.
    Serve(ServeArgs),
    /// Record that translations are up to date with the default-language page
    /// they were made from (so `status` can tell when that page changes).
    Stamp(StampArgs),
    /// Set up the browser editor in `admin/` (Sveltia CMS or Decap CMS), or
    /// bring it up to date after campaigns or languages changed.
    Editor(EditorArgs),
    /// Work with translators: write the texts to translate as PO or XLIFF
    /// files (`export`), and put their translations into the pages (`import`).
    #[command(subcommand)]
    Translate(TranslateCommand),
    /// See the built-in theme and interface strings (`list`), and copy the
    /// ones you want to change into your project (`copy`).
    #[command(subcommand)]
    Theme(ThemeCommand),
}

/// `outreach theme …`.
#[derive(Debug, Subcommand)]
pub enum ThemeCommand {
    /// List the built-in theme's files and every interface string's name
    /// with its English text.
    List(ThemeListArgs),
    /// Copy built-in files into your project, e.g. `templates/page.html`
    /// or `i18n/fa.ftl`; files already there are never overwritten.
    Copy(ThemeCopyArgs),
}

/// `outreach theme list`.
#[derive(Debug, Args)]
pub struct ThemeListArgs {}

/// `outreach theme copy`.
#[derive(Debug, Args)]
pub struct ThemeCopyArgs {
    /// The project folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Names as `outreach theme list` shows them.
    #[arg(value_name = "NAME", required = true)]
    pub names: Vec<String>,
}

/// `outreach translate …`.
#[derive(Debug, Subcommand)]
pub enum TranslateCommand {
    /// Write, for each campaign and language, a file of texts to translate
    /// in `translations/<campaign>/`, keeping the translations already made.
    Export(ExportArgs),
    /// Put the translations from exchange files into the pages, leaflet
    /// texts and campaign files. Checks everything first: if any file has
    /// a problem, nothing is written.
    Import(ImportArgs),
}

/// `outreach translate export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The project folder (the one that holds `campaigns/` and `content/`).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Only this campaign.
    #[arg(long, value_name = "ID")]
    pub campaign: Option<String>,
    /// Only these languages (e.g. `--lang sq --lang fa`, or `--lang sq,fa`).
    #[arg(long, value_name = "LANG", value_delimiter = ',')]
    pub lang: Vec<String>,
    /// `po` for Poedit, Weblate, Crowdin and OmegaT; `xliff` (XLIFF 1.2)
    /// for translation agencies (memoQ, Trados).
    #[arg(long, value_enum, default_value = "po")]
    pub format: ExchangeFormat,
}

/// The file format of `translate export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ExchangeFormat {
    /// GNU gettext PO files.
    Po,
    /// XLIFF 1.2 files.
    Xliff,
}

/// `outreach translate import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The project folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Exchange files with translations (`.po` or `.xlf`).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
    /// Overwrite translated files that someone changed by hand since the
    /// last export or import.
    #[arg(long)]
    pub force: bool,
    /// Also write pages that are only partly translated: the texts not
    /// translated yet stay in the source language.
    #[arg(long)]
    pub partial: bool,
}

/// `outreach status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The project folder (the one that holds `campaigns/` and `content/`).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Only this campaign.
    #[arg(long, value_name = "ID")]
    pub campaign: Option<String>,
    /// `table` for people, `json` for other programs.
    #[arg(long, value_enum, default_value = "table")]
    pub format: StatusFormat,
    /// Exit with code 1 if any page is missing (`missing`), or missing or
    /// outdated (`outdated`): for automated checks.
    #[arg(long, value_enum, value_name = "WHAT")]
    pub fail_on: Option<FailOn>,
}

/// How `status` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// A table.
    Table,
    /// JSON.
    Json,
}

/// What makes `status` fail.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    /// Pages missing in a language.
    Missing,
    /// Pages missing or outdated in a language.
    Outdated,
}

/// `outreach stamp`.
#[derive(Debug, Args)]
pub struct StampArgs {
    /// The project folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Translated pages to stamp, e.g. `content/safe-work/sq/get-help.md`
    /// (paths inside the project folder).
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,
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
    /// Also write `<campaign>.zip` beside each campaign's folder: the whole
    /// campaign for use offline (USB stick, phone), opened from disk.
    #[arg(long)]
    pub bundle: bool,
    /// Also write compressed copies (`.gz`, `.br`) of each page, stylesheet
    /// and script, for hosts that send them as they are (see README).
    #[arg(long)]
    pub precompress: bool,
    /// Make every leaflet for a print shop: 3 mm of bleed and crop marks,
    /// as `print: shop` does for one leaflet.
    #[arg(long)]
    pub print_shop: bool,
}

/// `outreach serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    #[allow(missing_docs)]
    pub project: ProjectArgs,
    /// The port to listen on. Default: the first free one from 1111.
    #[arg(long, value_name = "N")]
    pub port: Option<u16>,
    /// The address to listen on. The default, 127.0.0.1, is only reachable
    /// from this computer; another address lets other devices see the preview.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the preview in the web browser.
    #[arg(long)]
    pub open: bool,
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
    /// The browser editor to set up in `admin/`.
    #[arg(long, value_enum, value_name = "EDITOR", default_value = "sveltia")]
    pub cms: Cms,
}

/// `outreach editor`.
#[derive(Debug, Args)]
pub struct EditorArgs {
    /// The project folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// The browser editor to set up; the other one's files are removed.
    #[arg(long, value_enum, value_name = "EDITOR", default_value = "sveltia")]
    pub cms: Cms,
}

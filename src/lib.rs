//! outreach builds multilingual awareness-campaign websites from Markdown
//! and YAML. The modules follow the pipeline:
//! [`load`] → [`resolve`] → [`print`] (leaflets) → [`render`] → [`output`],
//! wired by [`cmd`]; [`serve`] reruns them as files change.

#![warn(missing_docs)]
// A located `Diagnostic` is the error type of most content checks; it is
// built only when something is wrong, so its size costs nothing in a build.
#![allow(clippy::result_large_err)]

pub mod audio;
pub mod cli;
pub mod cmd;
pub mod diag;
pub mod editor;
pub mod exchange;
pub mod html;
pub mod images;
pub mod load;
pub mod model;
pub mod output;
pub mod print;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod spill;

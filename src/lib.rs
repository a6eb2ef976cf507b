//! tkpk: a static report-site generator for Indonesia's regional poverty-reduction
//! coordination teams (TKPK).
//!
//! The pipeline runs one way (ARCHITECTURE.md at the repository root is the map):
//! [`content`] reads the site folder, [`model`] validates it, [`analysis`] and [`evaluation`]
//! derive figures, [`report`] gathers each region-year's figures once, [`words`], [`charts`],
//! [`downloads`] and [`render`] project them into sentences, charts, tables and pages, and
//! [`output`] swaps the finished site into place. [`site`] strings them together.

#![warn(unreachable_pub)]

pub(crate) mod analysis;
pub(crate) mod charts;
pub(crate) mod content;
pub mod diagnostics;
pub(crate) mod downloads;
pub mod evaluation;
pub mod format;
pub mod import;
pub(crate) mod indicators;
pub mod lang;
pub mod markdown;
pub mod messages;
pub(crate) mod model;
pub mod output;
pub mod pdf;
pub mod render;
pub(crate) mod report;
pub mod scaffold;
pub mod serve;
pub mod site;
pub mod suggest;
pub(crate) mod words;

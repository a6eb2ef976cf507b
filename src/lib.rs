//! tkpk: a static report-site generator for Indonesia's regional poverty-reduction
//! coordination teams (TKPK).
//!
//! The pipeline runs one way (DESIGN §2): [`content`] reads the site folder, [`model`]
//! validates it, [`analysis`] derives figures, [`evaluation`] applies the year's evaluation scheme, [`render`] writes pages from view structs with
//! tera, and [`output`] swaps the finished site into place. [`site`] strings them together.

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

//! tkpk: a static report-site generator for Indonesia's regional poverty-reduction
//! coordination teams (TKPK).
//!
//! The pipeline runs one way (ARCHITECTURE.md at the repository root is the map):
//! [`content`] reads the site folder, [`model`] validates it, [`analysis`] and [`evaluation`]
//! derive figures, [`report`] gathers each region-year's figures once, [`words`], [`charts`],
//! [`downloads`] and [`render`] project them into sentences, charts, tables and pages, and
//! [`output`] swaps the finished site into place. [`site`] strings them together.

#![warn(unreachable_pub)]

// The modules in layer order (ARCHITECTURE.md, checked by tests/layers.rs): each uses only
// the layers above it.

// base: words, numbers and diagnostics every stage shares
pub mod base;

// sink: where files go, whatever wrote them
pub mod output;

// load: the site folder as raw documents
pub(crate) mod content;

// model: the validated site
pub(crate) mod model;

// analyses: figures derived from the model, then the evaluation sheet
pub(crate) mod analysis;

pub mod evaluation;

// report: every figure of a region-year, once
pub(crate) mod report;

// projections of the report: charts and words, then tables, then pages
pub(crate) mod charts;
pub(crate) mod words;

pub(crate) mod downloads;

pub mod render;

// the pipeline strung together, then the commands that use it
pub mod site;

pub mod bundle;
pub mod import;
pub mod pdf;
pub mod scaffold;
pub mod serve;

//! The base layer: words and numbers every stage shares, and how a problem is reported. Nothing
//! here knows of sites, regions or pages. In layer order: `lang`; `indicators` and `markdown`;
//! `format`; `messages`; `diagnostics` and `suggest`.

pub mod diagnostics;
pub mod format;
pub(crate) mod indicators;
pub mod lang;
pub mod markdown;
pub mod messages;
pub mod suggest;

//! Program matrices (RAT and semester reports) into `program.yaml`.

use super::{Options, Outcome};
use crate::content::RawSite;
use crate::import::table::Sheet;
use std::path::Path;

/// The header of a program matrix, if `sheet` has one.
pub fn find_header(_sheet: &Sheet) -> Option<usize> {
    None
}

pub fn import(
    _root: &Path,
    _file: &Path,
    _sheets: &[Sheet],
    _raw: &RawSite,
    _options: &Options,
    _out: &mut Outcome,
) {
}

//! The input layer: finds the workbooks of a workspace, opens them with
//! calamine and hands out their sheets as grids of cells that know their exact
//! A1 position. Nothing here knows about registers.

pub mod cellref;
pub mod cfb;
pub mod limits;
pub mod ods;
pub mod parse;
pub mod personal;
pub mod text;
pub mod workbook;
pub mod workspace;

pub use limits::{LimitHit, LimitKind, Limits, LimitsConfig};
pub use workbook::{Contents, Sheet, Workbook, sha256_hex};
pub use workspace::{InputFile, list_workbooks};

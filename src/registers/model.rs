//! What every record shares: where it came from ([`RowRef`]), so that every
//! later check and every report line can point back at its cell, and the
//! number type of targets and values ([`Amount`]). The records themselves are
//! declared one file per register (`rex.rs`, `actions.rs`…); fields a row
//! left empty, or that could not be read (and got a diagnostic), are `None`.

use serde::Serialize;

use crate::input::parse::Number;

/// Where a record came from: which sheet of its register (index into the
/// register's sources) and which row (zero-based, absolute).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RowRef {
    pub source: u16,
    pub row: u32,
}

/// A number as written, with its `%` sign if it had one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Amount {
    pub value: f64,
    pub percent: bool,
}

impl From<Number> for Amount {
    fn from(n: Number) -> Self {
        Amount {
            value: n.value,
            percent: n.percent,
        }
    }
}

//! The analysis layer: pure functions over typed registers — trends, control
//! charts, standings against targets. Nothing here reads files or the clock;
//! every date it needs is passed in.

pub mod actions;
pub mod audits;
pub mod events;
pub mod evidence;
pub mod indicators;
pub mod resources;
pub mod review;
pub mod sample;
pub mod spc;
pub mod status;
pub mod suppliers;
pub mod surveys;
pub mod trend;

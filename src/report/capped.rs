//! Bounded lists. A report prints what a reader can take in: a table of
//! more than [`ROWS`] rows or a run of more than [`CHARTS`] charts is cut
//! after its first entries, and the report says how many were left out and
//! where they are. Every figure is computed on all the data before the cut;
//! only the printed lists are bounded. This keeps a report on a workspace of
//! 100,000 events to a few dozen pages and its rendering time proportional
//! to the read.
//!
//! The cut is typed: a model builder sorts a list most important first and
//! wraps it in a [`Capped`], which carries its own "… and N more" sentence.
//! Chart series (values, month labels, bars) are never cut, so a chart's
//! labels always match its values.

use serde::Serialize;

use super::format;
use crate::i18n::{self, Lang};

/// Rows of a table, lines of a list (review, monthly report).
pub const ROWS: usize = 50;
/// Charts of one section (indicators in alert, each with its control chart).
pub const CHARTS: usize = 30;
/// Rows of a table in an audit pack: an auditor reads lists whole (the
/// documents in force, the sample), so only a runaway register is cut.
pub const AUDIT_ROWS: usize = 500;
/// Lines of a list on the review's one-page summary; the rest are counted
/// in one closing line that points to their section.
pub const SUMMARY_LINES: usize = 8;
/// Identifiers in one table cell (`F-1, F-2, … +37`), so a cell never runs
/// over pages.
pub const IDS_IN_A_CELL: usize = 12;

/// A printed list cut at a bound: its first entries, how many were left
/// out, and the sentence that says so under the list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Capped<T> {
    pub items: Vec<T>,
    /// Entries left out.
    pub more: usize,
    /// "… et 12 autres, non reproduits ici : …", or null when nothing was
    /// left out.
    pub note: Option<String>,
}

impl<T> Capped<T> {
    /// Keeps the first `bound` entries of `items` (sorted by the caller,
    /// most important first) and counts the rest.
    pub fn cut(mut items: Vec<T>, bound: usize, lang: Lang) -> Self {
        let more = items.len().saturating_sub(bound);
        items.truncate(bound);
        let note = (more > 0).then(|| {
            i18n::fill(
                i18n::text("report.more", lang),
                &[("n", format::count(more, lang))],
            )
        });
        Capped { items, more, note }
    }

    /// Entries before the cut.
    pub fn total(&self) -> usize {
        self.items.len() + self.more
    }

    /// Whether the list was empty before the cut.
    pub fn is_empty(&self) -> bool {
        self.total() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_list_keeps_its_first_entries_and_counts_the_rest() {
        let rows: Vec<u32> = (0..1_044).collect();
        let c = Capped::cut(rows, ROWS, Lang::Fr);
        assert_eq!(c.items.len(), ROWS);
        assert_eq!(c.items[ROWS - 1], 49, "the first entries are kept");
        assert_eq!((c.more, c.total()), (994, 1_044));
        assert_eq!(
            c.note.as_deref(),
            Some(
                "… et 994 autres, non reproduits ici\u{a0}: la liste complète est dans le registre source."
            )
        );
        let c = Capped::cut((0..1_050).collect::<Vec<u32>>(), ROWS, Lang::En);
        assert_eq!(
            c.note.as_deref(),
            Some("… and 1,000 more, not printed here: the full list is in the source register.")
        );
    }

    #[test]
    fn a_list_within_its_bound_is_whole_and_says_nothing() {
        let c = Capped::cut(vec!["a", "b"], 2, Lang::Fr);
        assert_eq!(c.items, ["a", "b"]);
        assert_eq!((c.more, c.note), (0, None));
        let empty = Capped::cut(Vec::<u8>::new(), ROWS, Lang::Fr);
        assert!(empty.is_empty());
        let v = serde_json::to_value(Capped::cut(vec![1, 2, 3], 2, Lang::En)).unwrap();
        assert_eq!(v["items"], serde_json::json!([1, 2]));
        assert_eq!(v["more"], 1);
    }
}

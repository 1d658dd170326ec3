//! Events (REX) over a period: counts by month and by category, Pareto
//! ordering with cumulative shares, rates per 1,000 exams, the change against
//! the previous period with a test for counts, and the time to close.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::Serialize;

use super::trend::{ALPHA, median, poisson_rate_test};
use crate::input::parse::Month;
use crate::registers::Event;

/// Events detected within `[from, to]`.
pub fn within(events: &[Event], from: NaiveDate, to: NaiveDate) -> Vec<&Event> {
    events
        .iter()
        .filter(|e| e.detected.is_some_and(|d| d >= from && d <= to))
        .collect()
}

/// Counts per month from `first` to `last` (every month present, zeros included:
/// an event register that was kept records the months without events).
pub fn by_month(events: &[&Event], first: Month, last: Month) -> Vec<(Month, usize)> {
    let mut counts: BTreeMap<Month, usize> = BTreeMap::new();
    let mut m = first;
    while m <= last {
        counts.insert(m, 0);
        m = m.plus(1);
    }
    for e in events {
        if let Some(d) = e.detected
            && let Some(c) = counts.get_mut(&Month::of(d))
        {
            *c += 1;
        }
    }
    counts.into_iter().collect()
}

/// Counts by a key (type, process, cause…); events without the key are
/// counted under `None`.
pub fn count_by<K: Ord + Clone>(
    events: &[&Event],
    key: impl Fn(&Event) -> Option<K>,
) -> BTreeMap<Option<K>, usize> {
    let mut out = BTreeMap::new();
    for e in events {
        *out.entry(key(e)).or_default() += 1;
    }
    out
}

/// One bar of a Pareto chart.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParetoItem<K> {
    pub key: K,
    pub count: usize,
    /// Cumulative share in percent, after this bar.
    pub cumulative: f64,
}

/// Orders counts for a Pareto chart: largest first (ties by key), with the
/// cumulative share.
pub fn pareto<K: Ord + Clone>(counts: &BTreeMap<K, usize>) -> Vec<ParetoItem<K>> {
    let total: usize = counts.values().sum();
    let mut items: Vec<(K, usize)> = counts.iter().map(|(k, v)| (k.clone(), *v)).collect();
    items.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let mut acc = 0;
    items
        .into_iter()
        .map(|(key, count)| {
            acc += count;
            ParetoItem {
                key,
                count,
                cumulative: if total == 0 {
                    0.0
                } else {
                    acc as f64 * 100.0 / total as f64
                },
            }
        })
        .collect()
}

/// Events per 1,000 exams.
pub fn per_thousand(events: usize, exams: f64) -> Option<f64> {
    (exams > 0.0).then(|| events as f64 * 1000.0 / exams)
}

/// A count against the previous period's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CountChange {
    pub current: usize,
    pub previous: usize,
    /// Relative change in percent (`None` when the previous count is zero).
    pub change: Option<f64>,
    /// Exact conditional test of equal rates (Poisson counts, equal exposure
    /// unless given), two-sided.
    pub p: f64,
}

impl CountChange {
    /// Whether the counts differ significantly (at [`ALPHA`]).
    pub fn significant(&self) -> bool {
        self.p < ALPHA && self.current != self.previous
    }

    /// Whether the count rose significantly.
    pub fn rose(&self) -> bool {
        self.significant() && self.current > self.previous
    }
}

/// Compares two counts over exposures (days, exams…).
pub fn change(
    current: usize,
    previous: usize,
    exposure_current: f64,
    exposure_previous: f64,
) -> CountChange {
    CountChange {
        current,
        previous,
        change: (previous > 0).then(|| (current as f64 / previous as f64 - 1.0) * 100.0),
        p: poisson_rate_test(
            current as u64,
            previous as u64,
            exposure_current,
            exposure_previous,
        ),
    }
}

/// Median days from detection to closing of the closed events.
pub fn median_days_to_close(events: &[&Event]) -> Option<f64> {
    let mut days: Vec<f64> = events
        .iter()
        .filter_map(|e| Some((e.closed? - e.detected?).num_days() as f64))
        .filter(|d| *d >= 0.0)
        .collect();
    median(&mut days)
}

/// Counts on the 5×5 criticity grid, `[severity − 1][frequency − 1]`.
pub fn criticity_grid(events: &[&Event]) -> [[u32; 5]; 5] {
    let mut g = [[0u32; 5]; 5];
    for e in events {
        if let (Some(s @ 1..=5), Some(f @ 1..=5)) = (e.severity, e.frequency) {
            g[s as usize - 1][f as usize - 1] += 1;
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Exact conditional test over equal exposures = two-sided binomial test
    /// at ½ (scipy `binomtest(20, 28).pvalue` = 0.035698; `binomtest(14, 23)`
    /// = 0.404873): the same decision wherever the counts are printed.
    #[test]
    fn a_count_change_is_significant_at_alpha_only() {
        let up = change(20, 8, 365.0, 365.0);
        assert!((up.p - 0.035698).abs() < 1e-5, "{}", up.p);
        assert!(up.significant() && up.rose());
        let down = change(8, 20, 365.0, 365.0);
        assert!(down.significant() && !down.rose());
        let noise = change(14, 9, 365.0, 365.0);
        assert!((noise.p - 0.404873).abs() < 1e-5, "{}", noise.p);
        assert!(!noise.significant() && !noise.rose());
        assert!(!change(0, 0, 365.0, 365.0).significant());
    }
    use crate::registers::RowRef;
    use crate::registers::vocab::{Cause, EventType};

    fn ev(
        d: (i32, u32, u32),
        closed: Option<(i32, u32, u32)>,
        cause: Option<Cause>,
        sf: Option<(u8, u8)>,
    ) -> Event {
        let date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        Event {
            at: RowRef { source: 0, row: 0 },
            id: None,
            detected: Some(date(d)),
            kind: Some(EventType::Dysfunction),
            process: None,
            description: None,
            patient: None,
            reporter: None,
            severity: sf.map(|x| x.0),
            frequency: sf.map(|x| x.1),
            cause,
            declared: false,
            declared_on: None,
            systemic: None,
            supplier: None,
            actions: vec![],
            status: None,
            closed: closed.map(date),
        }
    }

    #[test]
    fn months_causes_pareto_grid_and_delays() {
        let events = vec![
            ev(
                (2025, 1, 3),
                Some((2025, 1, 13)),
                Some(Cause::Method),
                Some((2, 3)),
            ),
            ev(
                (2025, 1, 20),
                Some((2025, 2, 9)),
                Some(Cause::Method),
                Some((2, 3)),
            ),
            ev((2025, 3, 5), None, Some(Cause::Equipment), Some((5, 1))),
            ev((2025, 3, 6), Some((2025, 3, 7)), None, None),
            ev((2024, 12, 31), None, Some(Cause::Method), None),
        ];
        let d = |m, day| NaiveDate::from_ymd_opt(2025, m, day).unwrap();
        let year = within(&events, d(1, 1), d(3, 31));
        assert_eq!(year.len(), 4);
        let months = by_month(
            &year,
            Month::new(2025, 1).unwrap(),
            Month::new(2025, 3).unwrap(),
        );
        assert_eq!(months.iter().map(|m| m.1).collect::<Vec<_>>(), [2, 0, 2]);
        let causes = count_by(&year, |e| e.cause);
        let p = pareto(&causes);
        assert_eq!(p[0].key, Some(Cause::Method));
        assert_eq!(p[0].count, 2);
        assert_eq!(p[0].cumulative, 50.0);
        assert_eq!(p.last().unwrap().cumulative, 100.0);
        let g = criticity_grid(&year);
        assert_eq!(g[1][2], 2);
        assert_eq!(g[4][0], 1);
        // Delays 10, 20 and 1 days: median 10.
        assert_eq!(median_days_to_close(&year), Some(10.0));
        assert_eq!(per_thousand(4, 2000.0), Some(2.0));
    }

    #[test]
    fn change_between_periods() {
        let c = change(30, 20, 1.0, 1.0);
        assert_eq!(c.change, Some(50.0));
        // scipy.stats.binomtest(30, 50, 0.5).pvalue
        assert!((c.p - 0.20263875106454066).abs() < 1e-9, "{}", c.p);
        assert_eq!(change(3, 0, 1.0, 1.0).change, None);
    }
}

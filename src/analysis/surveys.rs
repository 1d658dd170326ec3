//! Satisfaction surveys: the top-two-box rate of a question (share of the
//! answers in the two best levels of the scale) with its Wilson 95 %
//! interval, per campaign, population and question; and one campaign against
//! another with the two-proportion z-test (pooled variance), as in
//! statsmodels' `proportion_confint(method="wilson")` and
//! `proportions_ztest`, against which the tests check.

use std::collections::BTreeMap;

use serde::Serialize;

use super::trend::normal_cdf;
use crate::registers::vocab::Population;
use crate::registers::{Registers, SurveyResponse};

/// z for a two-sided 95 % interval.
pub const Z95: f64 = 1.959_963_984_540_054;

/// Wilson score interval of `k` successes in `n` trials at normal quantile `z`.
pub fn wilson(k: u64, n: u64, z: f64) -> Option<(f64, f64)> {
    if n == 0 {
        return None;
    }
    let (k, n) = (k as f64, n as f64);
    let p = k / n;
    let z2 = z * z;
    let denom = 1.0 + z2 / n;
    let centre = (p + z2 / (2.0 * n)) / denom;
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt() / denom;
    Some(((centre - half).max(0.0), (centre + half).min(1.0)))
}

/// Two-proportion z-test with pooled variance: (z, two-sided p).
pub fn two_proportion_z(k1: u64, n1: u64, k2: u64, n2: u64) -> Option<(f64, f64)> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (k1, n1, k2, n2) = (k1 as f64, n1 as f64, k2 as f64, n2 as f64);
    let pooled = (k1 + k2) / (n1 + n2);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1 + 1.0 / n2)).sqrt();
    if se == 0.0 {
        return None;
    }
    let z = (k1 / n1 - k2 / n2) / se;
    Some((z, 2.0 * (1.0 - normal_cdf(z.abs()))))
}

/// Top-two-box result of one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BoxRate {
    /// Answers in the two best levels.
    pub top: u64,
    /// Answers given (blank and "no answer" excluded).
    pub n: u64,
    pub rate: f64,
    pub low: f64,
    pub high: f64,
}

impl BoxRate {
    pub fn new(top: u64, n: u64) -> Option<BoxRate> {
        let (low, high) = wilson(top, n, Z95)?;
        Some(BoxRate {
            top,
            n,
            rate: top as f64 / n as f64,
            low,
            high,
        })
    }
}

/// Key of a result: campaign, population, question index.
pub type CampaignKey = (String, Option<Population>, usize);

/// Top-two-box counts for every campaign × population × question.
pub fn top_two_box(responses: &[SurveyResponse]) -> BTreeMap<CampaignKey, BoxRate> {
    let mut counts: BTreeMap<CampaignKey, (u64, u64)> = BTreeMap::new();
    for r in responses {
        let Some(campaign) = &r.campaign else {
            continue;
        };
        for &(q, level) in &r.answers {
            let e = counts
                .entry((campaign.clone(), r.population, q))
                .or_default();
            e.1 += 1;
            if level + 1 >= r.scale {
                e.0 += 1;
            }
        }
    }
    counts
        .into_iter()
        .filter_map(|(k, (top, n))| BoxRate::new(top, n).map(|b| (k, b)))
        .collect()
}

/// The campaigns of a population in the order of their first answer date
/// (then name), for comparing each with the one before.
pub fn campaigns_in_order(regs: &Registers, population: Option<Population>) -> Vec<String> {
    let mut first: BTreeMap<String, Option<chrono::NaiveDate>> = BTreeMap::new();
    for r in regs
        .survey_responses
        .iter()
        .filter(|r| r.population == population)
    {
        if let Some(c) = &r.campaign {
            let e = first.entry(c.clone()).or_insert(r.date);
            if let (Some(d), Some(cur)) = (r.date, *e)
                && d < cur
            {
                *e = Some(d);
            }
        }
    }
    let mut list: Vec<(Option<chrono::NaiveDate>, String)> =
        first.into_iter().map(|(c, d)| (d, c)).collect();
    list.sort();
    list.into_iter().map(|(_, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-12
    }

    /// statsmodels 0.14 `proportion_confint(k, n, alpha=0.05, method="wilson")`.
    #[test]
    fn wilson_matches_statsmodels() {
        let cases = [
            (81, 100, 0.7222115462093562, 0.8748524849023126),
            (0, 20, 0.0, 0.1611251580528194),
            (20, 20, 0.8388748419471804, 0.9999999999999999),
            (37, 45, 0.6867017537354022, 0.9070561048589584),
            (5, 12, 0.1932603136587565, 0.6804886874504502),
        ];
        for (k, n, lo, hi) in cases {
            let (l, h) = wilson(k, n, Z95).unwrap();
            assert!(close(l, lo) && (h - hi).abs() < 1e-12, "{k}/{n}: {l} {h}");
        }
        assert!(wilson(0, 0, Z95).is_none());
    }

    /// statsmodels 0.14 `proportions_ztest([k1, k2], [n1, n2])`.
    #[test]
    fn two_proportion_test_matches_statsmodels() {
        let cases = [
            ((81, 100, 70, 100), 1.8085110611808004, 0.07052699685010277),
            ((37, 45, 40, 60), 1.7837651700316892, 0.07446183141740552),
            ((10, 10, 9, 12), 1.7013926184468013, 0.08886928647264575),
        ];
        for ((k1, n1, k2, n2), z, p) in cases {
            let (zz, pp) = two_proportion_z(k1, n1, k2, n2).unwrap();
            assert!(close(zz, z) && (pp - p).abs() < 1e-12, "{zz} {pp}");
        }
    }

    #[test]
    fn top_two_box_counts_the_two_best_levels_of_each_scale() {
        use crate::registers::RowRef;
        let r = |scale: u8, answers: Vec<(usize, u8)>| SurveyResponse {
            at: RowRef { source: 0, row: 0 },
            date: None,
            campaign: Some("P-2025".into()),
            population: Some(Population::Patient),
            respondent: None,
            profile: None,
            comment: None,
            answers,
            scale,
        };
        let responses = vec![
            r(4, vec![(0, 4), (1, 2)]),
            r(4, vec![(0, 3), (1, 3)]),
            r(4, vec![(0, 1)]),
        ];
        let t = top_two_box(&responses);
        let q0 = &t[&("P-2025".to_owned(), Some(Population::Patient), 0)];
        assert_eq!((q0.top, q0.n), (2, 3));
        let q1 = &t[&("P-2025".to_owned(), Some(Population::Patient), 1)];
        assert_eq!((q1.top, q1.n), (1, 2));
        // On a 5-level scale, 4 and 5 are the top two.
        let t5 = top_two_box(&[r(5, vec![(0, 4), (1, 3)])]);
        assert_eq!(
            t5[&("P-2025".to_owned(), Some(Population::Patient), 0)].top,
            1
        );
        assert_eq!(
            t5[&("P-2025".to_owned(), Some(Population::Patient), 1)].top,
            0
        );
    }
}

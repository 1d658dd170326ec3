//! Monotone trends: the Mann–Kendall test (with the correction of its
//! variance for ties) and Sen's slope, as in Hipel & McLeod (1994) and the
//! `pymannkendall` package's `original_test`, against which the tests check.

use serde::Serialize;

/// The significance level of every test smq reports (count comparisons,
/// proportions, Mann–Kendall): one level, so that one report never calls
/// a change significant in one section and not in another.
pub const ALPHA: f64 = 0.05;

/// Direction of a significant monotone trend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Trend {
    Increasing,
    Decreasing,
    NoTrend,
}

/// Result of a Mann–Kendall test.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct MannKendall {
    pub n: usize,
    /// Kendall's S statistic.
    pub s: i64,
    /// Variance of S, corrected for ties.
    pub var_s: f64,
    /// Normal score with continuity correction.
    pub z: f64,
    /// Two-sided p-value.
    pub p: f64,
    /// Kendall's tau (S over the number of pairs).
    pub tau: f64,
    /// Sen's slope, in value units per time unit.
    pub slope: f64,
    /// Intercept of the Sen line, `median(x) − median(t) · slope`.
    pub intercept: f64,
    pub trend: Trend,
}

/// Standard normal cumulative distribution function.
pub fn normal_cdf(z: f64) -> f64 {
    0.5 * libm::erfc(-z / std::f64::consts::SQRT_2)
}

/// Median of a slice (sorted in place); `None` when empty.
pub fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let n = values.len();
    Some(if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    })
}

/// Sen's slope: the median of the pairwise slopes `(x_j − x_i) / (t_j − t_i)`.
/// Points are (time, value) in time order; gaps in time are allowed.
pub fn sens_slope(points: &[(f64, f64)]) -> Option<f64> {
    let mut slopes = Vec::with_capacity(points.len() * points.len().saturating_sub(1) / 2);
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            if b.0 != a.0 {
                slopes.push((b.1 - a.1) / (b.0 - a.0));
            }
        }
    }
    median(&mut slopes)
}

/// Mann–Kendall test on (time, value) points in time order, at level `alpha`
/// (two-sided). Needs at least three points.
pub fn mann_kendall(points: &[(f64, f64)], alpha: f64) -> Option<MannKendall> {
    let n = points.len();
    if n < 3 {
        return None;
    }
    let mut s: i64 = 0;
    for (i, a) in points.iter().enumerate() {
        for b in &points[i + 1..] {
            s += match b.1.partial_cmp(&a.1) {
                Some(std::cmp::Ordering::Greater) => 1,
                Some(std::cmp::Ordering::Less) => -1,
                _ => 0,
            };
        }
    }
    // Tie groups among the values.
    let mut values: Vec<f64> = points.iter().map(|p| p.1).collect();
    values.sort_by(f64::total_cmp);
    let mut tie_term = 0.0;
    let mut run = 1usize;
    for i in 1..=values.len() {
        if i < values.len() && values[i] == values[i - 1] {
            run += 1;
        } else {
            if run > 1 {
                let t = run as f64;
                tie_term += t * (t - 1.0) * (2.0 * t + 5.0);
            }
            run = 1;
        }
    }
    let nf = n as f64;
    let var_s = (nf * (nf - 1.0) * (2.0 * nf + 5.0) - tie_term) / 18.0;
    let z = if var_s <= 0.0 {
        0.0
    } else if s > 0 {
        (s as f64 - 1.0) / var_s.sqrt()
    } else if s < 0 {
        (s as f64 + 1.0) / var_s.sqrt()
    } else {
        0.0
    };
    let p = 2.0 * (1.0 - normal_cdf(z.abs()));
    let trend = if p < alpha && z > 0.0 {
        Trend::Increasing
    } else if p < alpha && z < 0.0 {
        Trend::Decreasing
    } else {
        Trend::NoTrend
    };
    let slope = sens_slope(points).unwrap_or(0.0);
    let mut xs: Vec<f64> = points.iter().map(|p| p.1).collect();
    let mut ts: Vec<f64> = points.iter().map(|p| p.0).collect();
    let intercept = median(&mut xs).unwrap_or(0.0) - median(&mut ts).unwrap_or(0.0) * slope;
    Some(MannKendall {
        n,
        s,
        var_s,
        z,
        p,
        tau: s as f64 / (nf * (nf - 1.0) / 2.0),
        slope,
        intercept,
        trend,
    })
}

/// Poisson test of a change between two counts over equal exposure
/// (e.g. events this year against last year): the conditional binomial test
/// of `a` among `a + b` with p = 1/2, two-sided (exact). Returns the p-value.
pub fn poisson_rate_test(a: u64, b: u64, exposure_a: f64, exposure_b: f64) -> f64 {
    let n = a + b;
    if n == 0 || exposure_a <= 0.0 || exposure_b <= 0.0 {
        return 1.0;
    }
    let p = exposure_a / (exposure_a + exposure_b);
    binomial_two_sided(a, n, p)
}

/// Exact two-sided binomial test p-value, as `scipy.stats.binomtest`: the sum
/// of the probabilities of outcomes no more likely than the observed one.
pub fn binomial_two_sided(k: u64, n: u64, p: f64) -> f64 {
    let ln_pmf = |i: u64| -> f64 {
        ln_choose(n, i) + (i as f64) * p.ln() + ((n - i) as f64) * (1.0 - p).ln()
    };
    if p <= 0.0 || p >= 1.0 {
        return 1.0;
    }
    let observed = ln_pmf(k);
    // Relative tolerance used by scipy to treat near-equal probabilities as equal.
    let threshold = observed + (1.0 + 1e-7f64).ln();
    let total: f64 = (0..=n)
        .map(ln_pmf)
        .filter(|&l| l <= threshold)
        .map(f64::exp)
        .sum();
    total.min(1.0)
}

fn ln_choose(n: u64, k: u64) -> f64 {
    libm::lgamma(n as f64 + 1.0) - libm::lgamma(k as f64 + 1.0) - libm::lgamma((n - k) as f64 + 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol * (1.0 + b.abs())
    }

    fn indexed(xs: &[f64]) -> Vec<(f64, f64)> {
        xs.iter().enumerate().map(|(i, &x)| (i as f64, x)).collect()
    }

    #[test]
    fn normal_cdf_reference_values() {
        // scipy.stats.norm.cdf
        assert!(close(normal_cdf(0.0), 0.5, 1e-15));
        assert!(close(normal_cdf(1.959963984540054), 0.975, 1e-12));
        assert!(close(normal_cdf(-1.0), 0.15865525393145707, 1e-12));
    }

    #[test]
    fn sens_slope_of_a_line_is_its_slope() {
        let pts: Vec<(f64, f64)> = (0..10).map(|i| (i as f64, 3.0 + 0.5 * i as f64)).collect();
        assert_eq!(sens_slope(&pts), Some(0.5));
        // Gaps in time are measured, not squeezed.
        let gapped = [(0.0, 0.0), (1.0, 1.0), (5.0, 5.0)];
        assert_eq!(sens_slope(&gapped), Some(1.0));
    }

    #[test]
    fn mann_kendall_hand_checked_small_series() {
        // x = 1, 2, 3: S = 3, var = 3·2·11/18 = 11/3, z = 2/√(11/3).
        let mk = mann_kendall(&indexed(&[1.0, 2.0, 3.0]), 0.05).unwrap();
        assert_eq!(mk.s, 3);
        assert!(close(mk.var_s, 11.0 / 3.0, 1e-12));
        assert!(close(mk.z, 2.0 / (11.0f64 / 3.0).sqrt(), 1e-12));
        assert_eq!(mk.tau, 1.0);
        assert_eq!(
            mk.trend,
            Trend::NoTrend,
            "three points cannot be significant"
        );
        assert!(mann_kendall(&indexed(&[1.0, 2.0]), 0.05).is_none());
    }

    /// (series, S, var S, z, p, tau, slope, intercept, trend)
    type MkCase = (&'static [f64], i64, f64, f64, f64, f64, f64, f64, Trend);

    /// Reference values from `pymannkendall` 1.4.3, `original_test(x)`
    /// (time = index), printed to full precision.
    #[test]
    fn mann_kendall_matches_pymannkendall() {
        let cases: [MkCase; 3] = [
            (
                &[4.2, 4.5, 4.1, 4.8, 5.0, 4.9, 5.3, 5.1, 5.6, 5.4, 5.9, 6.1],
                56,
                212.66666666666666,
                3.771490147280579,
                0.00016227556647607777,
                0.8484848484848485,
                0.15999999999999998,
                4.17,
                Trend::Increasing,
            ),
            (
                // With ties: the variance is corrected.
                &[
                    10.0, 12.0, 12.0, 11.0, 13.0, 12.0, 14.0, 12.0, 15.0, 15.0, 14.0, 16.0, 15.0,
                    17.0, 18.0, 17.0, 17.0, 19.0, 18.0, 20.0, 21.0, 20.0, 22.0, 22.0,
                ],
                236,
                1605.3333333333333,
                5.865232744700048,
                4.4850312352906485e-09,
                0.855072463768116,
                0.5,
                9.75,
                Trend::Increasing,
            ),
            (
                &[5.0, 3.0, 6.0, 2.0, 7.0, 4.0, 5.0, 6.0, 3.0, 5.0, 4.0, 6.0],
                6,
                203.33333333333334,
                0.35064343665913833,
                0.7258558652613425,
                0.09090909090909091,
                0.0,
                5.0,
                Trend::NoTrend,
            ),
        ];
        for (x, s, var_s, z, p, tau, slope, intercept, trend) in cases {
            let mk = mann_kendall(&indexed(x), 0.05).unwrap();
            assert_eq!(mk.s, s);
            assert!(close(mk.var_s, var_s, 1e-12), "{} {var_s}", mk.var_s);
            assert!(close(mk.z, z, 1e-12), "{} {z}", mk.z);
            assert!((mk.p - p).abs() < 1e-12 + 1e-9 * p, "{} {p}", mk.p);
            assert!(close(mk.tau, tau, 1e-12));
            assert!(close(mk.slope, slope, 1e-12), "{} {slope}", mk.slope);
            assert!(
                close(mk.intercept, intercept, 1e-12),
                "{} {intercept}",
                mk.intercept
            );
            assert_eq!(mk.trend, trend);
        }
    }

    #[test]
    fn binomial_test_reference_values() {
        // scipy 1.x: scipy.stats.binomtest(30, 50, 0.45).pvalue
        assert!(close(
            binomial_two_sided(30, 50, 0.45),
            0.04548650320503926,
            1e-9
        ));
        // scipy.stats.binomtest(k, n, p).pvalue
        assert!(close(binomial_two_sided(3, 10, 0.5), 0.34375, 1e-9));
        assert!(close(binomial_two_sided(0, 5, 0.5), 0.0625, 1e-9));
        assert!(close(binomial_two_sided(5, 10, 0.5), 1.0, 1e-9));
    }
}

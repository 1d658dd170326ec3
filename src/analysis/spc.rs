//! Statistical process control: individuals and moving-range (XmR) charts for
//! measurements, p-charts for proportions (with varying sample size),
//! u-charts for rates per unit and c-charts for counts, following Montgomery,
//! *Introduction to Statistical Quality Control*, and the NIST/SEMATECH
//! e-Handbook §6.3. Special causes are flagged with the Western Electric run
//! rules 1–4, computed on each point's distance to the centre line in units of
//! its own sigma (so varying limits are handled).

use serde::{Deserialize, Serialize};

/// Which control chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ChartKind {
    /// Individuals and moving range.
    Xmr,
    /// Proportion nonconforming (numerator / denominator).
    P,
    /// Rate per unit (count / exposure).
    U,
    /// Count per period.
    C,
}

/// One plotted point.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlPoint {
    pub value: f64,
    pub centre: f64,
    /// Sigma of this point (varies with n on p- and u-charts).
    pub sigma: f64,
    pub ucl: f64,
    /// Lower control limit; clamped at zero for p, u and c charts.
    pub lcl: f64,
    /// Western Electric rules (1–4) this point breaks.
    pub rules: Vec<u8>,
}

/// A control chart: its kind, centre line and points.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ControlChart {
    pub kind: ChartKind,
    pub centre: f64,
    pub points: Vec<ControlPoint>,
}

impl ControlChart {
    /// Whether any point breaks a rule.
    pub fn has_signal(&self) -> bool {
        self.points.iter().any(|p| !p.rules.is_empty())
    }

    fn from_sigmas(
        kind: ChartKind,
        centre: f64,
        values: &[f64],
        sigmas: &[f64],
        clamp_zero: bool,
    ) -> Self {
        // A proportion cannot exceed 1: its upper limit stops there.
        let ceiling = if kind == ChartKind::P {
            1.0
        } else {
            f64::INFINITY
        };
        let z: Vec<f64> = values
            .iter()
            .zip(sigmas)
            .map(|(v, s)| if *s > 0.0 { (v - centre) / s } else { 0.0 })
            .collect();
        let rules = western_electric(&z);
        let points = values
            .iter()
            .zip(sigmas)
            .zip(rules)
            .map(|((&value, &sigma), rules)| {
                let lcl = centre - 3.0 * sigma;
                ControlPoint {
                    value,
                    centre,
                    sigma,
                    ucl: (centre + 3.0 * sigma).min(ceiling),
                    lcl: if clamp_zero { lcl.max(0.0) } else { lcl },
                    rules,
                }
            })
            .collect();
        ControlChart {
            kind,
            centre,
            points,
        }
    }
}

/// d2 for moving ranges of two: sigma = MR̄ / 1.128 (so the limits are
/// x̄ ± 2.66 MR̄).
pub const D2: f64 = 1.128;

/// XmR chart of individual values. Needs two points.
pub fn xmr(values: &[f64]) -> Option<ControlChart> {
    if values.len() < 2 {
        return None;
    }
    let n = values.len() as f64;
    let mean = values.iter().sum::<f64>() / n;
    let mr: f64 = values.windows(2).map(|w| (w[1] - w[0]).abs()).sum::<f64>() / (n - 1.0);
    let sigma = mr / D2;
    Some(ControlChart::from_sigmas(
        ChartKind::Xmr,
        mean,
        values,
        &vec![sigma; values.len()],
        false,
    ))
}

/// p-chart of (nonconforming, sample size) pairs; values are proportions.
pub fn p_chart(samples: &[(f64, f64)]) -> Option<ControlChart> {
    let total_n: f64 = samples.iter().map(|s| s.1).sum();
    if samples.is_empty() || total_n <= 0.0 || samples.iter().any(|s| s.1 <= 0.0) {
        return None;
    }
    let p_bar = samples.iter().map(|s| s.0).sum::<f64>() / total_n;
    let values: Vec<f64> = samples.iter().map(|s| s.0 / s.1).collect();
    let sigmas: Vec<f64> = samples
        .iter()
        .map(|s| (p_bar * (1.0 - p_bar) / s.1).sqrt())
        .collect();
    Some(ControlChart::from_sigmas(
        ChartKind::P,
        p_bar,
        &values,
        &sigmas,
        true,
    ))
}

/// u-chart of (count, exposure units) pairs; values are counts per unit.
pub fn u_chart(samples: &[(f64, f64)]) -> Option<ControlChart> {
    let total_n: f64 = samples.iter().map(|s| s.1).sum();
    if samples.is_empty() || total_n <= 0.0 || samples.iter().any(|s| s.1 <= 0.0) {
        return None;
    }
    let u_bar = samples.iter().map(|s| s.0).sum::<f64>() / total_n;
    let values: Vec<f64> = samples.iter().map(|s| s.0 / s.1).collect();
    let sigmas: Vec<f64> = samples.iter().map(|s| (u_bar / s.1).sqrt()).collect();
    Some(ControlChart::from_sigmas(
        ChartKind::U,
        u_bar,
        &values,
        &sigmas,
        true,
    ))
}

/// c-chart of counts per period.
pub fn c_chart(counts: &[f64]) -> Option<ControlChart> {
    if counts.is_empty() {
        return None;
    }
    let c_bar = counts.iter().sum::<f64>() / counts.len() as f64;
    let sigma = c_bar.sqrt();
    Some(ControlChart::from_sigmas(
        ChartKind::C,
        c_bar,
        counts,
        &vec![sigma; counts.len()],
        true,
    ))
}

/// Western Electric rules on standardised distances `z` (in sigmas from the
/// centre line). A point is flagged with a rule when it completes the pattern:
/// 1. it is beyond 3σ;
/// 2. it is the second of two out of three consecutive points beyond 2σ on its side;
/// 3. it is the fourth of four out of five consecutive points beyond 1σ on its side;
/// 4. it ends a run of eight consecutive points on the same side.
pub fn western_electric(z: &[f64]) -> Vec<Vec<u8>> {
    let mut out = vec![Vec::new(); z.len()];
    for i in 0..z.len() {
        if z[i].abs() > 3.0 {
            out[i].push(1);
        }
        for side in [1.0f64, -1.0] {
            let beyond = |j: usize, k: f64| z[j] * side > k;
            if i >= 2 && beyond(i, 2.0) && (i - 2..=i).filter(|&j| beyond(j, 2.0)).count() >= 2 {
                out[i].push(2);
            }
            if i >= 4 && beyond(i, 1.0) && (i - 4..=i).filter(|&j| beyond(j, 1.0)).count() >= 4 {
                out[i].push(3);
            }
            if i >= 7 && (i - 7..=i).all(|j| z[j] * side > 0.0) {
                out[i].push(4);
            }
        }
        out[i].sort_unstable();
        out[i].dedup();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64, tol: f64) -> bool {
        (a - b).abs() <= tol
    }

    /// Montgomery, *Introduction to Statistical Quality Control* (6th ed.),
    /// Example 7.1: orange-juice cans, 30 samples of n = 50; p̄ = 0.2313,
    /// UCL = 0.4102, LCL = 0.0524; samples 15 and 23 are above the UCL.
    #[test]
    fn p_chart_montgomery_example_7_1() {
        let d = [
            12, 15, 8, 10, 4, 7, 16, 9, 14, 10, 5, 6, 17, 12, 22, 8, 10, 5, 13, 11, 20, 18, 24, 15,
            9, 12, 7, 13, 9, 6,
        ];
        let samples: Vec<(f64, f64)> = d.iter().map(|&x| (x as f64, 50.0)).collect();
        let chart = p_chart(&samples).unwrap();
        assert!(close(chart.centre, 0.2313, 5e-5));
        assert!(close(chart.points[0].ucl, 0.4102, 5e-5));
        assert!(close(chart.points[0].lcl, 0.0524, 5e-5));
        // With a high proportion the upper limit stops at 1.
        let high = p_chart(&[(49.0, 50.0), (50.0, 50.0), (48.0, 50.0)]).unwrap();
        assert_eq!(high.points[0].ucl, 1.0);
        let beyond: Vec<usize> = chart
            .points
            .iter()
            .enumerate()
            .filter(|(_, p)| p.rules.contains(&1))
            .map(|(i, _)| i + 1)
            .collect();
        assert_eq!(beyond, [15, 23]);
    }

    #[test]
    fn xmr_limits_hand_checked() {
        // x̄ = 12, MR = 2,2,2,2 → MR̄ = 2, limits 12 ± 2.66·2 (= 3·2/1.128).
        let chart = xmr(&[10.0, 12.0, 14.0, 12.0, 10.0, 14.0]).unwrap();
        assert!(close(chart.centre, 12.0, 1e-12));
        // MR = 2, 2, 2, 2, 4 → MR̄ = 2.4
        let sigma = 2.4 / D2;
        assert!(close(chart.points[0].ucl, 12.0 + 3.0 * sigma, 1e-12));
        assert!(close(chart.points[0].lcl, 12.0 - 3.0 * sigma, 1e-12));
        assert!(!chart.has_signal());
    }

    #[test]
    fn c_and_u_charts_hand_checked() {
        let c = c_chart(&[4.0, 9.0, 5.0, 6.0]).unwrap();
        assert!(close(c.centre, 6.0, 1e-12));
        assert!(close(c.points[0].ucl, 6.0 + 3.0 * 6f64.sqrt(), 1e-12));
        assert_eq!(c.points[0].lcl, 0.0, "6 − 3√6 < 0 is clamped");
        let u = u_chart(&[(2.0, 1.0), (6.0, 2.0), (4.0, 1.0)]).unwrap();
        assert!(close(u.centre, 3.0, 1e-12));
        assert!(close(
            u.points[1].ucl,
            3.0 + 3.0 * (3.0f64 / 2.0).sqrt(),
            1e-12
        ));
    }

    #[test]
    fn western_electric_rules_each_fire() {
        let flags = |z: &[f64]| western_electric(z);
        // Rule 1.
        assert_eq!(flags(&[0.0, 3.5, 0.0])[1], [1]);
        // Rule 2: two of three beyond 2σ on the same side.
        let f = flags(&[0.0, 2.5, 0.5, 2.2]);
        assert_eq!(f[3], [2]);
        assert!(f[1].is_empty());
        // Opposite sides do not count together.
        assert!(flags(&[0.0, 2.5, 0.5, -2.2])[3].is_empty());
        // Rule 3: four of five beyond 1σ.
        let f = flags(&[-0.5, 1.5, 1.2, 0.3, 1.1, 1.4]);
        assert_eq!(f[5], [3]);
        // Rule 4: eight on the same side.
        let f = flags(&[-0.1, 0.2, 0.3, 0.1, 0.4, 0.2, 0.5, 0.1, 0.3]);
        assert_eq!(f[8], [4]);
        assert!(f[7].is_empty());
    }
}

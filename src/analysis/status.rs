//! Where a value stands against its target and alert threshold, in the
//! indicator's direction: met, alert (between the alert threshold and the
//! target: close, to watch), or missed (beyond the alert threshold, or below
//! target when there is no alert threshold).

use serde::Serialize;

use crate::registers::vocab::Direction;

/// Standing of a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Standing {
    Met,
    Alert,
    Missed,
    /// No target, or no way to tell which way is better.
    NotAssessed,
}

impl Standing {
    /// The standing's stable key: its role in the templates and the exports,
    /// and its catalogue entry (`standing.met`…).
    pub fn key(self) -> &'static str {
        match self {
            Standing::Met => "met",
            Standing::Alert => "alert",
            Standing::Missed => "missed",
            Standing::NotAssessed => "not-assessed",
        }
    }
}

/// The direction to judge by: the declared one, else the side of the target
/// the alert threshold sits on (an alert below the target means higher is
/// better).
pub fn effective_direction(
    direction: Option<Direction>,
    target: Option<f64>,
    alert: Option<f64>,
) -> Option<Direction> {
    direction.or(match (target, alert) {
        (Some(t), Some(a)) if a < t => Some(Direction::Higher),
        (Some(t), Some(a)) if a > t => Some(Direction::Lower),
        _ => None,
    })
}

/// Judges `value`. An alert threshold on the wrong side of the target (better
/// than the target) is ignored.
pub fn standing(
    value: f64,
    direction: Option<Direction>,
    target: Option<f64>,
    alert: Option<f64>,
) -> Standing {
    let Some(target) = target else {
        return Standing::NotAssessed;
    };
    let Some(dir) = effective_direction(direction, Some(target), alert) else {
        return Standing::NotAssessed;
    };
    // Work in "higher is better" terms.
    let sign = match dir {
        Direction::Higher => 1.0,
        Direction::Lower => -1.0,
    };
    let (v, t) = (value * sign, target * sign);
    let a = alert.map(|a| a * sign).filter(|a| *a < t);
    if v >= t {
        Standing::Met
    } else {
        match a {
            Some(a) if v >= a => Standing::Alert,
            _ => Standing::Missed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Direction::*;
    use Standing::*;

    #[test]
    fn higher_is_better() {
        let s = |v| standing(v, Some(Higher), Some(95.0), Some(90.0));
        assert_eq!(
            (s(97.0), s(95.0), s(92.0), s(90.0), s(89.9)),
            (Met, Met, Alert, Alert, Missed)
        );
    }

    #[test]
    fn lower_is_better() {
        let s = |v| standing(v, Some(Lower), Some(10.0), Some(15.0));
        assert_eq!(
            (s(8.0), s(10.0), s(12.0), s(15.0), s(16.0)),
            (Met, Met, Alert, Alert, Missed)
        );
    }

    #[test]
    fn no_alert_threshold_means_met_or_missed() {
        assert_eq!(standing(9.0, Some(Higher), Some(10.0), None), Missed);
        assert_eq!(standing(10.0, Some(Higher), Some(10.0), None), Met);
    }

    #[test]
    fn direction_inferred_from_the_alert_side_or_not_assessed() {
        assert_eq!(standing(12.0, None, Some(10.0), Some(15.0)), Alert);
        assert_eq!(standing(12.0, None, Some(10.0), None), NotAssessed);
        assert_eq!(standing(12.0, Some(Higher), None, Some(3.0)), NotAssessed);
    }

    #[test]
    fn alert_on_the_wrong_side_is_ignored() {
        assert_eq!(standing(92.0, Some(Higher), Some(95.0), Some(98.0)), Missed);
    }
}

//! Reproducible random samples of records, for the auditor's trails: the
//! same seed picks the same rows, whatever the machine. A small SplitMix64
//! generator (Steele, Lea & Flood 2014), seeded per register, drives a
//! partial Fisher–Yates shuffle. It is smq's only generator: the demo data
//! set draws from it too (`demo::rng`).

use chrono::{Datelike, NaiveDate};

/// SplitMix64.
#[derive(Debug, Clone)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    /// An independent generator for `key`, seeded with this one's state
    /// mixed with the FNV-1a hash of the key: one stream per register (or
    /// per part of the demo data), so that drawing more from one does not
    /// shift the others.
    pub fn fork(&self, key: &str) -> SplitMix64 {
        SplitMix64(self.0 ^ stream(key))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0), without modulo bias.
    pub fn below(&mut self, n: u64) -> u64 {
        let zone = u64::MAX - u64::MAX % n;
        loop {
            let x = self.next_u64();
            if x < zone {
                return x % n;
            }
        }
    }
}

/// The seed of an audit date when none is given: `20261117` for 17 November 2026.
pub fn seed_of(date: NaiveDate) -> u64 {
    (date.year() as u64) * 10_000 + u64::from(date.month()) * 100 + u64::from(date.day())
}

/// FNV-1a of a register key, to give each register its own stream.
fn stream(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// `k` distinct indices out of `0..n`, in increasing order, drawn with the
/// stream of `key` under `seed`. All of them when `k ≥ n`.
pub fn pick(n: usize, k: usize, seed: u64, key: &str) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    let k = k.min(n);
    let mut rng = SplitMix64::new(seed).fork(key);
    for i in 0..k {
        let j = i + rng.below((n - i) as u64) as usize;
        idx.swap(i, j);
    }
    let mut out = idx[..k].to_vec();
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_reference_values() {
        // Reference outputs of SplitMix64 seeded with 1234567 (as in the
        // reference C implementation by Vigna).
        let mut r = SplitMix64::new(1_234_567);
        assert_eq!(r.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(r.next_u64(), 3_203_168_211_198_807_973);
        assert_eq!(r.next_u64(), 9_817_491_932_198_370_423);
    }

    #[test]
    fn samples_are_reproducible_distinct_and_seed_dependent() {
        let a = pick(100, 5, 20_261_117, "rex");
        assert_eq!(a, pick(100, 5, 20_261_117, "rex"));
        assert_eq!(a.len(), 5);
        assert!(a.windows(2).all(|w| w[0] < w[1]));
        assert!(a.iter().all(|i| *i < 100));
        assert_ne!(a, pick(100, 5, 20_261_118, "rex"));
        assert_ne!(a, pick(100, 5, 20_261_117, "actions"));
        assert_eq!(pick(3, 5, 1, "x"), vec![0, 1, 2]);
        assert!(pick(0, 5, 1, "x").is_empty());
        assert_eq!(
            seed_of(NaiveDate::from_ymd_opt(2026, 11, 17).unwrap()),
            20_261_117
        );
    }

    #[test]
    fn picks_are_uniform_enough() {
        // Each of 10 rows is picked about 3 times in 10 out of 1,000 draws.
        let mut counts = [0usize; 10];
        for seed in 0..1000 {
            for i in pick(10, 3, seed, "rex") {
                counts[i] += 1;
            }
        }
        for c in counts {
            assert!((240..=360).contains(&c), "{counts:?}");
        }
    }
}

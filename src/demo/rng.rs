//! The demo data set's random draws, over smq's one seeded generator
//! (`analysis::sample::SplitMix64`). Only integer arithmetic and the exact
//! IEEE operations (+ − × ÷ √) touch floats, so the output is the same on
//! every platform and every run: no `ln`, `exp` or `sin`, whose last bit may
//! differ between C libraries.

use crate::analysis::sample::SplitMix64;

/// The draws the demo needs, over a SplitMix64 stream.
#[derive(Debug, Clone)]
pub struct Rng(SplitMix64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(SplitMix64::new(seed))
    }

    /// An independent stream for one part of the data set, so that changing
    /// how one register is generated does not shift the others.
    pub fn fork(&self, tag: &str) -> Rng {
        let mut r = Rng(self.0.fork(tag));
        r.next_u64();
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-shift (not the
    /// sampler's rejection method: the committed demo data depend on it).
    pub fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        lo + self.below((hi - lo + 1) as u64) as i64
    }

    /// An index in `0..n`.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    /// A float in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.index(items.len())]
    }

    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|&w| u64::from(w)).sum();
        let mut x = self.below(total.max(1));
        for (i, &w) in weights.iter().enumerate() {
            if x < u64::from(w) {
                return i;
            }
            x -= u64::from(w);
        }
        weights.len().saturating_sub(1)
    }

    /// An item drawn with weights.
    pub fn pick_weighted<'a, T>(&mut self, items: &'a [(T, u32)]) -> &'a T {
        let weights: Vec<u32> = items.iter().map(|(_, w)| *w).collect();
        &items[self.weighted(&weights)].0
    }

    /// An approximately standard normal number (Irwin–Hall, 12 uniforms).
    pub fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }

    /// A count around `mean` (normal approximation of a Poisson law).
    pub fn count(&mut self, mean: f64) -> u64 {
        if mean <= 0.0 {
            return 0;
        }
        let x = mean + mean.sqrt() * self.normal();
        x.round().max(0.0) as u64
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.index(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        let mut c = a.fork("rex");
        let mut d = b.fork("rex");
        assert_eq!(c.next_u64(), d.next_u64());
        assert_ne!(a.fork("rex").next_u64(), a.fork("actions").next_u64());
    }

    #[test]
    fn draws_are_the_samplers_splitmix64() {
        // The reference outputs of SplitMix64 seeded with 1234567, as in
        // `analysis::sample`'s test: the demo draws from the same stream.
        let mut r = Rng::new(1_234_567);
        assert_eq!(r.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(r.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn ranges_stay_in_bounds() {
        let mut r = Rng::new(1);
        for _ in 0..1000 {
            let x = r.range(-3, 5);
            assert!((-3..=5).contains(&x));
            assert!(r.unit() < 1.0);
            assert!(r.weighted(&[0, 3, 0, 1]) % 2 == 1);
        }
    }
}

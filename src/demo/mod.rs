//! The demo workspace: a fictional nuclear-medicine service ("Centre
//! d'imagerie fonctionnelle — exemple", four gamma cameras, about 12,000
//! exams a year) with the registers of its quality-management system from
//! January 2022 to the end of October 2026, written the way French services
//! write them (title rows, varied headers, text dates in the older files,
//! list values in varied spellings).
//!
//! Everything is drawn from a fixed-seed PRNG and the workbooks carry a fixed
//! creation date, so the files are byte-identical from run to run. The same
//! generator, scaled up, writes stress workspaces.
//!
//! Data flows in one direction: the people, suppliers, indicators and audits
//! first, then the events, then the action plan that answers events,
//! findings, review decisions, surveys and the regulatory watch, and last
//! the indicator values computed from what happened.

mod actions;
mod audits;
mod cal;
mod comments;
mod documents;
mod indicators;
mod objectives;
mod parties;
mod people;
mod rex;
mod rng;
mod service;
mod suppliers;
mod surveys;
mod training;
mod watch;
mod xlsx;

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rng::Rng;

/// The seed of every demo and stress workspace.
const SEED: u64 = 0x5EED_2026_0C0F_FEE5;

/// Events in the demo workspace, roughly; stress volumes scale from it.
const DEMO_EVENTS: usize = 400;

/// How big a workspace is.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scale {
    /// Exact number of events (stress), or `None` for the demo's own draw.
    pub events: Option<usize>,
    /// Volume factor of every other register (1 for the demo).
    pub k: f64,
}

impl Scale {
    fn demo() -> Scale {
        Scale {
            events: None,
            k: 1.0,
        }
    }

    fn stress(events: usize) -> Scale {
        Scale {
            events: Some(events),
            k: (events as f64 / DEMO_EVENTS as f64).max(1.0),
        }
    }

    /// `base` rows of the demo, scaled.
    pub fn n(&self, base: usize) -> usize {
        ((base as f64) * self.k).round() as usize
    }

    /// Digits of a sequence number that counts up to `max`, at least `min`.
    pub fn width(min: usize, max: usize) -> usize {
        max.max(1).to_string().len().max(min)
    }
}

/// Identifiers `PREFIX-YEAR-NNN`, numbered from 1 within each year, for
/// items given in date order by their year. The number is zero-padded to
/// fit the busiest year, with at least `min` digits.
pub(crate) fn yearly_ids(prefix: &str, years: &[i32], min: usize) -> Vec<String> {
    let mut per_year: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for y in years {
        *per_year.entry(*y).or_default() += 1;
    }
    let w = Scale::width(min, per_year.values().copied().max().unwrap_or(0));
    let (mut year, mut seq) = (None, 0);
    years
        .iter()
        .map(|&y| {
            if year != Some(y) {
                year = Some(y);
                seq = 0;
            }
            seq += 1;
            format!("{prefix}-{y}-{seq:0w$}")
        })
        .collect()
}

/// Everything generated, before writing.
pub(crate) struct World {
    /// Stress workspace: written for speed rather than looks.
    pub fast: bool,
    pub suppliers: suppliers::Suppliers,
    pub indicators: Vec<indicators::Def>,
    pub audits: Vec<audits::Audit>,
    pub findings: Vec<audits::Finding>,
    pub events: Vec<rex::Event>,
    pub watch: Vec<watch::Item>,
    pub actions: Vec<actions::Action>,
    pub values: Vec<indicators::Value>,
    pub objectives: Vec<objectives::Objective>,
    pub surveys: surveys::Surveys,
    pub documents: Vec<documents::Document>,
    pub parties: Vec<parties::Party>,
    pub training: Vec<training::Record>,
}

impl World {
    fn generate(scale: Scale) -> World {
        let root = Rng::new(SEED);
        let extra_staff = scale.n(20).saturating_sub(20);
        let staff = people::Staff::new(people::staff(&mut root.fork("staff"), extra_staff));
        // Each register draws from its own stream, so the independent ones
        // can be generated on another thread without changing the output.
        std::thread::scope(|s| {
            let independent = s.spawn(|| {
                (
                    surveys::generate(&mut root.fork("surveys"), &scale),
                    documents::generate(&mut root.fork("documents"), &scale, &staff),
                    parties::generate(&mut root.fork("parties"), &scale),
                    training::generate(&mut root.fork("training"), &staff),
                )
            });
            let suppliers = suppliers::generate(&mut root.fork("suppliers"), &scale, &staff);
            let indicators =
                indicators::definitions(&scale, &staff, &mut root.fork("indicator-defs"));
            let (audits, mut findings) = audits::generate(&mut root.fork("audits"), &scale);
            let mut events = rex::generate(&mut root.fork("rex"), &scale, &staff, &suppliers);
            let mut watch = watch::generate(&mut root.fork("watch"), &scale);
            let actions = actions::generate(
                &mut root.fork("actions"),
                &scale,
                &staff,
                &indicators,
                &mut findings,
                &mut events,
                &mut watch,
            );
            let values = indicators::values(
                &mut root.fork("indicator-values"),
                &indicators,
                &events,
                &actions,
            );
            let objectives =
                objectives::generate(&mut root.fork("objectives"), &scale, &staff, &indicators);
            let (surveys, documents, parties, training) =
                independent.join().expect("demo generation does not panic");
            World {
                fast: scale.events.is_some(),
                suppliers,
                indicators,
                audits,
                findings,
                events,
                watch,
                actions,
                values,
                objectives,
                surveys,
                documents,
                parties,
                training,
            }
        })
    }

    fn write(&self, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
        std::fs::create_dir_all(dir)?;
        type Job<'a> = Box<dyn Fn(&World, &Path) -> anyhow::Result<Vec<PathBuf>> + Sync + 'a>;
        // Biggest workbooks first, so that the threads finish together.
        let mut jobs: Vec<Job> = vec![Box::new(surveys::write), Box::new(indicators::write)];
        for year in (2022..=2026).rev() {
            jobs.push(Box::new(move |w: &World, d: &Path| {
                rex::write_year(w, d, year)
            }));
        }
        jobs.push(Box::new(actions::write));
        jobs.push(Box::new(documents::write));
        jobs.push(Box::new(training::write));
        jobs.push(Box::new(audits::write));
        jobs.push(Box::new(suppliers::write));
        jobs.push(Box::new(watch::write));
        jobs.push(Box::new(objectives::write));
        jobs.push(Box::new(parties::write));
        jobs.push(Box::new(comments::write));
        // The workbooks are independent: a few threads take them in turn.
        let threads = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 4);
        let next = AtomicUsize::new(0);
        let results: Vec<anyhow::Result<Vec<PathBuf>>> = std::thread::scope(|s| {
            let workers: Vec<_> = (0..threads)
                .map(|_| {
                    s.spawn(|| -> anyhow::Result<Vec<PathBuf>> {
                        let mut out = Vec::new();
                        loop {
                            let i = next.fetch_add(1, Ordering::Relaxed);
                            let Some(job) = jobs.get(i) else {
                                return Ok(out);
                            };
                            out.extend(job(self, dir)?);
                        }
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|w| {
                    w.join()
                        .unwrap_or_else(|_| Err(anyhow::anyhow!("a demo writer panicked")))
                })
                .collect()
        });
        let mut files = Vec::new();
        for r in results {
            files.extend(r?);
        }
        files.sort();
        Ok(files)
    }
}

/// Writes the demo workspace into `dir` (created if needed); returns the files written, sorted.
pub fn write_demo(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut files = World::generate(Scale::demo()).write(dir)?;
    let config = dir.join(crate::config::FILE_NAME);
    std::fs::write(&config, DEMO_CONFIG)?;
    files.push(config);
    files.sort();
    Ok(files)
}

/// The demo's `smq.toml`: the service's identity and document control.
pub const DEMO_CONFIG: &str = r#"# Configuration of the demo workspace (fictional service).
lang = "fr"

[service]
name = "Centre d'imagerie fonctionnelle — exemple"
address = "12 rue des Isotopes, 00000 Exempleville"

[document]
reference_prefix = "CIF-SMQ"
version = "1.0"
written_by = "Responsable qualité (RQ)"
checked_by = "Médecin coordonnateur"
approved_by = "Direction"
"#;

/// Writes a stress workspace with `events` events and proportionate volumes in every register.
pub fn write_stress(dir: &Path, events: usize) -> anyhow::Result<Vec<PathBuf>> {
    World::generate(Scale::stress(events)).write(dir)
}

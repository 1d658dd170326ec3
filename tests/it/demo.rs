//! The demo workspace: deterministic, committed under `samples/`, and clean
//! for smq's own checks.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use smq::config::Config;
use smq::diagnostic::Severity;
use smq::registers::{LoadOptions, Loaded, RegisterKind, load};

fn as_of() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 31).unwrap()
}

fn load_dir(dir: &Path) -> (Loaded, Vec<smq::diagnostic::Diagnostic>) {
    let config = Config::default();
    let loaded = load(
        dir,
        &LoadOptions {
            settings: config.read_settings(),
            as_of: as_of(),
            progress: None,
        },
    )
    .expect("workspace readable");
    let mut diags = loaded.diagnostics.clone();
    diags.extend(smq::validate::check(&loaded.registers));
    (loaded, diags)
}

/// The names of the workbooks among `files`.
fn names(files: &[PathBuf]) -> Vec<String> {
    files
        .iter()
        .filter(|f| f.extension().is_some_and(|e| e == "xlsx"))
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .collect()
}

/// The workbooks of a folder: name → bytes.
fn workbooks(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// The committed demo workspace.
fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// Rows the demo writes in each register.
const EXPECTED: &[(&str, usize)] = &[
    ("actions", 154),
    ("audits", 13),
    ("comments", 7),
    ("documents", 97),
    ("findings", 69),
    ("indicator-values", 1494),
    ("indicators", 26),
    ("objectives", 32),
    ("parties", 16),
    ("rex", 387),
    ("suppliers", 61),
    ("surveys", 1158),
    ("training", 83),
    ("watch", 29),
];

/// ESR events in the demo (all declared to the authority).
const ESR: usize = 6;

const FILES: &[&str] = &[
    "Audits.xlsx",
    "Documents.xlsx",
    "Enquetes-satisfaction.xlsx",
    "Formations-habilitations.xlsx",
    "Fournisseurs.xlsx",
    "Indicateurs.xlsx",
    "Objectifs-qualite.xlsx",
    "Parties-interessees.xlsx",
    "Plan-actions.xlsx",
    "REX-2022.xlsx",
    "REX-2023.xlsx",
    "REX-2024.xlsx",
    "REX-2025.xlsx",
    "REX-2026.xlsx",
    "Revue-de-direction.xlsx",
    "Veille-reglementaire.xlsx",
];

/// Rows read per register.
fn counts(loaded: &Loaded) -> BTreeMap<&'static str, usize> {
    RegisterKind::ALL
        .iter()
        .map(|k| {
            let rows = loaded
                .registers
                .sources
                .get(k)
                .map_or(0, |s| s.iter().map(|s| s.rows).sum());
            (k.key(), rows)
        })
        .collect()
}

fn report(diags: &[smq::diagnostic::Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| format!("{:?} {} {} {:?}", d.severity(), d.code, d.location, d.args))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn demo_writes_its_configuration_and_samples_hold_it() {
    let dir = tempfile::tempdir().unwrap();
    let files = smq::demo::write_demo(dir.path()).unwrap();
    assert!(files.contains(&dir.path().join("smq.toml")));
    let written = fs::read_to_string(dir.path().join("smq.toml")).unwrap();
    assert_eq!(written, smq::demo::DEMO_CONFIG);
    assert_eq!(
        fs::read_to_string(samples().join("smq.toml")).unwrap(),
        written
    );
    let (config, diags) = smq::config::Config::parse(&written);
    assert!(diags.is_empty());
    assert_eq!(config.document.reference_prefix.as_deref(), Some("CIF-SMQ"));
}

#[test]
fn demo_is_byte_identical_run_to_run() {
    let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let files_a = smq::demo::write_demo(a.path()).unwrap();
    let files_b = smq::demo::write_demo(b.path()).unwrap();
    assert_eq!(names(&files_a), FILES);
    assert_eq!(names(&files_a), names(&files_b));
    let (wa, wb) = (workbooks(a.path()), workbooks(b.path()));
    assert_eq!(wa.len(), FILES.len());
    for (name, bytes) in &wa {
        assert!(wb[name] == *bytes, "{name} differs between two runs");
    }
}

#[test]
fn samples_folder_is_a_fresh_generation() {
    let dir = tempfile::tempdir().unwrap();
    smq::demo::write_demo(dir.path()).unwrap();
    let fresh = workbooks(dir.path());
    let committed = workbooks(&samples());
    let hint =
        "regenerate with: cargo test --release --test it -- --ignored demo::regenerate_samples";
    assert_eq!(
        committed.keys().collect::<Vec<_>>(),
        fresh.keys().collect::<Vec<_>>(),
        "samples/ does not hold the demo's workbooks; {hint}"
    );
    for (name, bytes) in &fresh {
        assert!(
            committed[name] == *bytes,
            "samples/{name} is not the demo's output; {hint}"
        );
    }
}

/// Writes the demo into `samples/` (run after changing the generator).
#[test]
#[ignore = "writes into the source tree"]
fn regenerate_samples() {
    let dir = samples();
    fs::create_dir_all(&dir).unwrap();
    for name in workbooks(&dir).keys() {
        fs::remove_file(dir.join(name)).unwrap();
    }
    smq::demo::write_demo(&dir).unwrap();
}

#[test]
fn demo_loads_with_no_error_and_every_register() {
    let dir = tempfile::tempdir().unwrap();
    smq::demo::write_demo(dir.path()).unwrap();
    let (loaded, diags) = load_dir(dir.path());
    let errors: Vec<_> = diags
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .cloned()
        .collect();
    assert!(errors.is_empty(), "errors:\n{}", report(&errors));
    // Nothing to warn about either: no date in the future, no unknown supplier.
    assert!(diags.is_empty(), "warnings:\n{}", report(&diags));
    for k in RegisterKind::ALL {
        assert!(loaded.registers.found(*k), "{k:?} not found");
    }
    let expected: BTreeMap<&str, usize> = EXPECTED.iter().copied().collect();
    assert_eq!(counts(&loaded), expected);

    let r = &loaded.registers;
    // One register spanning five files, and two sheets for surveys.
    assert_eq!(r.sources[&RegisterKind::Rex].len(), 5);
    assert_eq!(r.sources[&RegisterKind::Surveys].len(), 2);
    // The read-me sheet is not a register.
    assert!(r.sources.values().flatten().all(|s| s.sheet != "Lisez-moi"));
    assert_eq!(
        r.supplier_criteria,
        [
            "Qualité",
            "Respect des délais",
            "Réactivité",
            "Conformité réglementaire"
        ]
    );
    assert_eq!(r.survey_questions.len(), 12);
    // Every cell of the columns that matter was read, whatever its spelling.
    assert!(r.events.iter().all(|e| e.detected.is_some()
        && e.kind.is_some()
        && e.severity.is_some()
        && e.frequency.is_some()
        && e.cause.is_some()
        && e.status.is_some()));
    assert!(
        r.actions.iter().all(|a| a.opened.is_some()
            && a.due.is_some()
            && a.status.is_some()
            && a.kind.is_some())
    );
    assert!(
        r.supplier_evaluations
            .iter()
            .all(|s| s.score.is_some() && s.decision.is_some() && s.criteria.len() == 4)
    );
    assert!(
        r.indicator_values
            .iter()
            .all(|v| v.period.is_some() && (v.value.is_some() || v.denominator.is_some()))
    );
    assert!(
        r.objectives
            .iter()
            .all(|o| o.year.is_some() && o.deadline.is_some())
    );
    assert!(r.findings.iter().all(|f| f.grade.is_some()));
    assert!(
        r.audits
            .iter()
            .all(|a| a.kind.is_some() && a.date.is_some())
    );
    assert!(
        r.documents
            .iter()
            .all(|d| d.category.is_some() && d.status.is_some())
    );
    assert!(
        r.watch
            .iter()
            .all(|w| w.applicable.is_some() && w.status.is_some())
    );
    assert!(
        r.parties
            .iter()
            .all(|p| p.proximity.is_some() && p.reviewed.is_some())
    );
    // One or two ESR a year, each declared; nothing else declared.
    for year in 2022..=2026 {
        let esr: Vec<_> = r
            .events
            .iter()
            .filter(|e| e.detected.unwrap().format("%Y").to_string() == year.to_string())
            .filter(|e| e.kind == Some(smq::registers::vocab::EventType::Esr))
            .collect();
        assert!((1..=2).contains(&esr.len()), "{year}: {} ESR", esr.len());
        assert!(
            esr.iter()
                .all(|e| e.declared && e.declared_on.is_some() && e.systemic.is_some())
        );
    }
    assert_eq!(r.events.iter().filter(|e| e.declared).count(), ESR);
    // Some actions are late at the as-of date.
    let late = r
        .actions
        .iter()
        .filter(|a| a.done.is_none() && a.due.unwrap() < as_of())
        .filter(|a| !matches!(a.status, Some(smq::registers::vocab::Status::Cancelled)))
        .count();
    assert!(late >= 3, "{late} late actions");
}

#[test]
fn stress_workspace_loads_with_no_error() {
    let dir = tempfile::tempdir().unwrap();
    let files = smq::demo::write_stress(dir.path(), 2_000).unwrap();
    assert_eq!(names(&files), FILES);
    let (loaded, diags) = load_dir(dir.path());
    let errors: Vec<_> = diags
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .cloned()
        .collect();
    assert!(errors.is_empty(), "errors:\n{}", report(&errors));
    for k in RegisterKind::ALL {
        assert!(loaded.registers.found(*k), "{k:?} not found");
    }
    let c = counts(&loaded);
    assert_eq!(c["rex"], 2_000);
    // Every register grows with the events (five times the demo here),
    // except the management's few paragraphs of commentary.
    for &(k, n) in EXPECTED.iter().filter(|(k, _)| *k != "comments") {
        assert!(c[k] >= 4 * n, "{k}: {} rows for {n} in the demo", c[k]);
    }
}

#[test]
#[ignore = "timing: cargo test --release --test it -- --ignored --nocapture demo::stress_100k"]
fn stress_100k_timing() {
    let dir = tempfile::tempdir().unwrap();
    let t = std::time::Instant::now();
    let files = smq::demo::write_stress(dir.path(), 100_000).unwrap();
    let elapsed = t.elapsed();
    let size: u64 = files.iter().map(|f| fs::metadata(f).unwrap().len()).sum();
    println!(
        "write_stress(100_000): {elapsed:?}, {} files, {} MB",
        files.len(),
        size / 1_000_000
    );
}

#[test]
fn tiny_stress_workspaces_are_valid() {
    for events in [0, 7] {
        let dir = tempfile::tempdir().unwrap();
        smq::demo::write_stress(dir.path(), events).unwrap();
        let (loaded, diags) = load_dir(dir.path());
        let errors: Vec<_> = diags
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .cloned()
            .collect();
        assert!(errors.is_empty(), "{events} events:\n{}", report(&errors));
        assert_eq!(loaded.registers.events.len(), events);
    }
}

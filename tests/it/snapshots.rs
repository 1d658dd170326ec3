//! Snapshots of what the reports rest on: the three report models (the JSON
//! the templates receive, the same as `--data-out`) and the `check` JSON, in
//! French and English, on the committed demo workspace at a fixed as-of date.
//! A change to any figure, sentence or key shows as a diff to review
//! (`cargo insta review`, or `INSTA_UPDATE=always cargo test` then `git diff`).
//!
//! Redacted: the file hashes and smq's version, which change with the inputs'
//! bytes and every release without the reports' content changing; the
//! catalogue of labels, which the catalogue tests cover.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;
use smq::analysis::review::Period;
use smq::i18n::Lang;
use smq::input::parse::Month;
use smq::registers::vocab::AuditKind;
use smq::report::audit::AuditRequest;

use crate::common::as_of;

fn samples() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path("snapshots");
    s.set_prepend_module_to_snapshot(false);
    s.set_sort_maps(true);
    s
}

/// Asserts a model's snapshot with the redactions every report shares.
fn snapshot(name: &str, model: Value) {
    settings().bind(|| {
        insta::assert_json_snapshot!(name, model, {
            ".labels" => "[catalogue]",
            ".appendix.files[].sha256" => "[sha256]",
            ".appendix.smq_version" => "[version]",
            ".appendix.generated" => "[generated]",
        });
    });
}

#[test]
fn indicator_report_models() {
    let checked = smq::pipeline::read_and_check(&samples(), as_of()).unwrap();
    for lang in [Lang::Fr, Lang::En] {
        let month = Month::new(2026, 10).unwrap();
        let model = smq::report::indicators::build(&checked, month, as_of(), lang).unwrap();
        snapshot(
            &format!("indicators-2026-10-{}", lang.code()),
            serde_json::to_value(&model).unwrap(),
        );
    }
}

#[test]
fn management_review_models() {
    let checked = smq::pipeline::read_and_check(&samples(), as_of()).unwrap();
    let period = Period::year(2025);
    for lang in [Lang::Fr, Lang::En] {
        let comments = smq::report::review::comments(&checked, &period);
        let model = smq::report::review::build(&checked, period, as_of(), lang, comments).unwrap();
        snapshot(
            &format!("review-2025-{}", lang.code()),
            serde_json::to_value(&model).unwrap(),
        );
    }
}

#[test]
fn audit_pack_models() {
    let checked = smq::pipeline::read_and_check(&samples(), as_of()).unwrap();
    let cases = [
        (AuditKind::Certification, (2026, 11, 17), Lang::Fr),
        (AuditKind::Certification, (2026, 11, 17), Lang::En),
        (AuditKind::Asn, (2026, 12, 8), Lang::Fr),
    ];
    for (kind, (y, m, d), lang) in cases {
        let date = chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let req = AuditRequest {
            kind,
            date,
            scope: Vec::new(),
            seed: 20_261_117,
            pseudonymize: true,
        };
        let model = smq::report::audit::build(&checked, &req, as_of(), lang).unwrap();
        snapshot(
            &format!(
                "audit-{}-{date}-{}",
                smq::report::audit::kind_key(kind),
                lang.code()
            ),
            serde_json::to_value(&model).unwrap(),
        );
    }
}

/// `smq check --format json` on the demo (clean) and on the committed
/// fixtures (unreadable, encrypted and oversized files, duplicates, missing
/// registers: most messages of the catalogue with their arguments).
#[test]
fn check_json_in_both_languages() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (name, dir) in [("samples", samples()), ("fixtures", fixtures)] {
        for lang in ["fr", "en"] {
            let out = Command::cargo_bin("smq")
                .unwrap()
                .arg("check")
                .arg(&dir)
                .args(["--as-of", "2026-10-31", "--format", "json", "--lang", lang])
                .output()
                .unwrap();
            let json: Value = serde_json::from_slice(&out.stdout).unwrap();
            settings().bind(|| {
                insta::assert_json_snapshot!(format!("check-{name}-{lang}"), json, {
                    ".files[].sha256" => "[sha256]",
                    ".smq_version" => "[version]",
                });
            });
        }
    }
}

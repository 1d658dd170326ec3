//! Layout 5 (a value given once for the sheet) and the promise that no
//! column is dropped without a word: workbooks written by openpyxl
//! (tests/fixtures/layouts/sheet/make.py), copied into a workspace.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use smq::registers::{ColumnUse, RegisterKind};

use crate::common::*;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layouts/sheet")
        .join(name)
}

/// A workspace holding copies of the named fixtures.
fn workspace(names: &[&str]) -> Ws {
    let ws = Ws::new();
    for n in names {
        std::fs::copy(fixture(n), ws.file(n)).unwrap();
    }
    ws
}

fn smq(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_smq"))
        .args(args)
        .arg(dir)
        .args(["--as-of", "2026-01-15"])
        .env("LANG", "fr_FR.UTF-8")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const ALL: &[&str] = &[
    "Objectifs qualité.xlsx",
    "Réclamations 2025.xlsx",
    "Enquête patients.xlsx",
];

#[test]
fn values_given_once_for_the_sheet_fill_every_row_and_are_announced() {
    let ws = workspace(ALL);
    let c = check(&ws);
    let regs = &c.registers;
    // The objectives sheet has no year column: its title says 2025.
    assert_eq!(regs.objectives.len(), 3);
    assert!(regs.objectives.iter().all(|o| o.year == Some(2025)));
    // The complaints file has no type column: its name says complaints.
    assert_eq!(regs.events.len(), 4);
    assert!(
        regs.events
            .iter()
            .all(|e| e.kind == Some(smq::registers::vocab::EventType::Complaint))
    );
    // The survey's population is only in its title row.
    assert_eq!(regs.survey_responses.len(), 5);
    assert!(
        regs.survey_responses
            .iter()
            .all(|r| r.population == Some(smq::registers::vocab::Population::Patient))
    );
    // Each value taken from a title or a name is announced where it was read,
    // and no required column is reported missing.
    let sheet_values: Vec<(String, String, String)> = c
        .diagnostics
        .iter()
        .filter(|d| d.code.id() == "sheet-value")
        .map(|d| {
            (
                d.location.file.clone().unwrap_or_default(),
                d.location.cell.clone().unwrap_or_default(),
                d.message(smq::i18n::Lang::Fr),
            )
        })
        .collect();
    // Year, event type, and the survey's campaign and population.
    assert_eq!(sheet_values.len(), 4, "{sheet_values:#?}");
    assert!(
        sheet_values
            .iter()
            .any(|(f, cell, m)| f == "Objectifs qualité.xlsx"
                && cell == "A1"
                && m.contains("2025")
                && m.contains("titre en A1"))
    );
    assert!(
        sheet_values
            .iter()
            .any(|(f, _, m)| f == "Réclamations 2025.xlsx"
                && m.contains("réclamation")
                && m.contains("nom du fichier"))
    );
    assert!(
        !c.diagnostics
            .iter()
            .any(|d| d.code.id() == "missing-column" || d.severity().as_str() == "error"),
        "{:#?}",
        codes(&c)
    );
    // The sources say where each value came from.
    let obj = &regs.sources[&RegisterKind::Objectives][0];
    assert_eq!(obj.constants.len(), 1);
    assert_eq!(
        (
            obj.constants[0].field,
            obj.constants[0].value.as_str(),
            obj.constants[0].from
        ),
        ("year", "2025", "title")
    );
}

#[test]
fn an_unread_column_is_reported_listed_and_suggested() {
    let ws = workspace(&["Objectifs qualité.xlsx"]);
    let c = check(&ws);
    let unmapped: Vec<(String, String)> = codes(&c)
        .into_iter()
        .filter(|(code, _)| code == "unmapped-column")
        .collect();
    // « Coût estimé » (F3) names no field of the objectives register.
    assert_eq!(unmapped, exp(&[("unmapped-column", "F3")]));
    let src = &c.registers.sources[&RegisterKind::Objectives][0];
    let cols: Vec<(&str, &str, Option<&str>, ColumnUse)> = src
        .headers
        .iter()
        .map(|h| {
            (
                h.cell.as_str(),
                h.header.as_str(),
                h.field.as_deref(),
                h.read_as,
            )
        })
        .collect();
    assert_eq!(
        cols,
        [
            ("A3", "Objectif", Some("objective"), ColumnUse::Field),
            (
                "B3",
                "Indicateur associé",
                Some("indicator"),
                ColumnUse::Field
            ),
            ("C3", "Cible", Some("target"), ColumnUse::Field),
            ("D3", "Échéance", Some("deadline"), ColumnUse::Field),
            ("E3", "Pilote", Some("owner"), ColumnUse::Field),
            ("F3", "Coût estimé", None, ColumnUse::Unmapped),
        ]
    );

    // JSON: the same list per source, field null when unmapped.
    let (status, out, _) = smq(&["check", "--format", "json"], ws.path());
    assert_eq!(status, 0, "{out}");
    let json: Value = serde_json::from_str(&out).unwrap();
    let reg = json["registers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["register"] == "objectives")
        .unwrap();
    let cols = reg["columns"].as_array().unwrap();
    assert_eq!(cols.len(), 6);
    assert_eq!(cols[5]["cell"], "F3");
    assert_eq!(cols[5]["header"], "Coût estimé");
    assert!(cols[5]["field"].is_null());
    assert_eq!(cols[2]["field"], "target");

    // Human: the warning at its cell, with the line that would map it, and
    // the sheet's line in the summary lists it.
    let (_, out, _) = smq(&["check"], ws.path());
    assert!(
        out.contains(
            "Objectifs › F3: warning[unmapped-column] colonne «\u{a0}Coût estimé\u{a0}» non lue"
        ),
        "{out}"
    );
    assert!(out.contains("ignore = [\"Coût estimé\"]"), "{out}");
    assert!(
        out.contains("1 colonne non lue\u{a0}: Coût estimé (F3)"),
        "{out}"
    );

    // --suggest: a fragment that parses as smq.toml and, once pasted,
    // silences the warnings it answers.
    let (status, fragment, _) = smq(&["check", "--suggest"], ws.path());
    assert_eq!(status, 0);
    assert!(fragment.contains("[registers.objectives]\n"), "{fragment}");
    assert!(
        fragment.contains("ignore = [\"Coût estimé\"]"),
        "{fragment}"
    );
    assert!(
        fragment.contains("[[registers.objectives.constants]]"),
        "{fragment}"
    );
    std::fs::write(ws.file("smq.toml"), &fragment).unwrap();
    let c = check(&ws);
    assert!(
        !c.diagnostics.iter().any(|d| matches!(
            d.code.id(),
            "unmapped-column" | "sheet-value" | "config-invalid"
        )),
        "{:#?}",
        codes(&c)
    );
    let src = &c.registers.sources[&RegisterKind::Objectives][0];
    assert_eq!(src.headers[5].read_as, ColumnUse::Ignored);
    assert_eq!(src.constants[0].from, "config");
    assert!(c.registers.objectives.iter().all(|o| o.year == Some(2025)));
    let (_, fragment, _) = smq(&["check", "--suggest"], ws.path());
    assert!(fragment.contains("rien à proposer"), "{fragment}");
}

#[test]
fn a_mapped_column_wins_over_detection_and_an_ignored_one_is_never_read() {
    let ws = workspace(&["Objectifs qualité.xlsx"]);
    // « Pilote » would be the owner: the configuration says to ignore it.
    // It maps « Coût estimé » to the target: « Cible », which detection
    // would take, then names a field already taken and is not read.
    std::fs::write(
        ws.file("smq.toml"),
        "[registers.objectives]\nignore = [\"Pilote\"]\n\n[registers.objectives.headers]\n\"Coût estimé\" = \"target\"\n",
    )
    .unwrap();
    let c = check(&ws);
    let src = &c.registers.sources[&RegisterKind::Objectives][0];
    let by_cell = |cell: &str| src.headers.iter().find(|h| h.cell == cell).unwrap();
    assert_eq!(by_cell("E3").read_as, ColumnUse::Ignored);
    assert_eq!(by_cell("F3").field.as_deref(), Some("target"));
    assert_eq!(by_cell("C3").read_as, ColumnUse::Duplicate);
    assert!(c.registers.objectives.iter().all(|o| o.owner.is_none()));
    let targets: Vec<f64> = c
        .registers
        .objectives
        .iter()
        .map(|o| o.target.unwrap().value)
        .collect();
    assert_eq!(targets, [1500.0, 800.0, 0.0]);
}

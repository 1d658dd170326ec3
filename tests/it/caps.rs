//! Bounded reports end to end: lists are cut where the models are built and
//! say how many entries they left out; chart series are never cut, so a
//! review over five years (58 months on its charts) renders, and a monthly
//! report with more late actions than a table prints tells how many it
//! left out.

use std::path::Path;

use crate::common::*;
use assert_cmd::Command;
use serde_json::Value;

fn smq() -> Command {
    Command::cargo_bin("smq").unwrap()
}

fn samples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// Runs `smq <args> -o out --data-out out.json`; returns (output, model).
fn report(args: &[&str], dir: &Path, out: &Path) -> (std::process::Output, Option<Value>) {
    let json = out.with_extension("json");
    let o = smq()
        .args(args)
        .arg(dir)
        .args(["--as-of", "2026-10-31", "-o"])
        .arg(out)
        .arg("--data-out")
        .arg(&json)
        .output()
        .unwrap();
    let model = std::fs::read(&json)
        .ok()
        .map(|b| serde_json::from_slice(&b).unwrap());
    (o, model)
}

#[test]
fn a_review_over_five_years_renders_with_every_month_on_its_charts() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("revue.pdf");
    let (o, model) = report(
        &["review", "--from", "2022-01-01", "--to", "2026-10-31"],
        &samples(),
        &out,
    );
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = pdf_text(&out);
    for s in crate::report_review::SECTIONS_FR {
        assert!(text.contains(s), "missing section {s:?}");
    }
    // January 2022 to October 2026: 58 months, each with its label.
    let m = model.unwrap();
    let by_month = &m["nonconformities"]["by_month"];
    assert_eq!(by_month["values"].as_array().unwrap().len(), 58);
    assert_eq!(by_month["x"]["labels"].as_array().unwrap().len(), 58);
    assert_eq!(by_month["x"]["labels"][57], "oct. 26");
    // Printed lists carry their own count of what was left out.
    assert_eq!(m["outputs"]["rows"]["more"], 0);
    assert_eq!(m["outputs"]["rows"]["note"], Value::Null);
}

/// The demo workspace plus a workbook of `n` actions due in 2025 and still
/// open on 31 October 2026.
fn samples_with_late_actions(ws: &Ws, n: usize) {
    for entry in std::fs::read_dir(samples()).unwrap() {
        let p = entry.unwrap().path();
        std::fs::copy(&p, ws.file(p.file_name().unwrap().to_str().unwrap())).unwrap();
    }
    let mut rows = vec![vec![
        S("N° action"),
        S("Origine"),
        S("Processus"),
        S("Description"),
        S("Date d'ouverture"),
        S("Échéance"),
        S("Statut"),
    ]];
    for i in 0..n {
        rows.push(vec![
            O(format!("AC-T-{i:03}")),
            S("Audit interne"),
            S("Management de la qualité"),
            O(format!("Action de test {i}")),
            D(2025, 1, 6),
            // One due date a day apart: the most late come first.
            D(2025, 3, 1 + (i % 28) as u8),
            S("en cours"),
        ]);
    }
    ws.book("Plan-actions-test.xlsx", &[("Actions", rows)]);
}

#[test]
fn a_monthly_report_with_sixty_more_late_actions_says_how_many_it_left_out() {
    let ws = Ws::new();
    samples_with_late_actions(&ws, 60);
    let out = ws.file("indicateurs.pdf");
    let (o, model) = report(&["indicators", "--month", "2026-10"], ws.path(), &out);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let m = model.unwrap();
    // The demo's 9 late actions and the 60 added: all counted, 50 printed.
    assert_eq!(m["summary"]["late_actions"], 69);
    let late = &m["late_actions"];
    assert_eq!(late["items"].as_array().unwrap().len(), 50);
    assert_eq!(late["more"], 19);
    // Most late first: the demo's actions due in 2022 lead.
    assert_eq!(late["items"][0]["id"], "AC-2022-006");
    if let Ok(keep) = std::env::var("SMQ_KEEP_PDF") {
        std::fs::copy(&out, keep).unwrap();
    }
    let text = pdf_text(&out);
    assert!(text.contains("Actions en retard"));
    assert!(
        text.contains("… et 19 autres, non reproduits ici"),
        "the cut is not said"
    );
    assert!(text.contains("69 actions en retard"), "{text}");

    // The same note in English.
    let en = ws.file("en.pdf");
    let (o, _) = report(
        &["indicators", "--month", "2026-10", "--lang", "en"],
        ws.path(),
        &en,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(pdf_text(&en).contains("… and 19 more, not printed here"));
}

/// Every key of `v` and every string value that looks like a colour.
fn walk<'a>(v: &'a Value, keys: &mut Vec<&'a str>, colours: &mut Vec<&'a str>) {
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                keys.push(k);
                walk(child, keys, colours);
            }
        }
        Value::Array(a) => a.iter().for_each(|c| walk(c, keys, colours)),
        Value::String(s) if s.starts_with('#') && s.len() == 7 => colours.push(s),
        _ => {}
    }
}

#[test]
fn models_have_snake_case_keys_roles_not_colours_and_formatted_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    for (name, args) in [
        ("indicators", vec!["indicators", "--month", "2026-10"]),
        ("review", vec!["review", "--year", "2025"]),
        (
            "audit",
            vec!["audit", "--kind", "certification", "--date", "2026-11-17"],
        ),
    ] {
        let out = tmp.path().join(format!("{name}.pdf"));
        let (o, model) = report(&args, &samples(), &out);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let m = model.unwrap();
        let (mut keys, mut colours) = (Vec::new(), Vec::new());
        walk(&m, &mut keys, &mut colours);
        let odd: Vec<&&str> = keys
            .iter()
            .filter(|k| {
                !k.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
            })
            .collect();
        assert!(odd.is_empty(), "{name}: keys not in snake_case: {odd:?}");
        assert!(
            colours.is_empty(),
            "{name}: colours in the model: {colours:?}"
        );
        // The appendix counts rows as the rest of the report writes numbers:
        // the demo's indicator values sheet holds 1 494 rows.
        assert!(
            m["appendix"]["sources"]
                .as_array()
                .unwrap()
                .iter()
                .any(|s| s["rows"] == "1\u{202f}494"),
            "{name}: rows not formatted"
        );
        assert!(pdf_text(&out).contains("1 494"), "{name}");
    }
    // The monthly report's late actions: days late grouped by thousands.
    let m: Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("indicators.json")).unwrap())
            .unwrap();
    assert_eq!(m["late_actions"]["items"][0]["days_late"], "1\u{202f}517");
    assert_eq!(
        m["dashboard"][0]["rows"]["items"][0]["spark"]["role"],
        "missed"
    );
}

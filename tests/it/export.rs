//! `smq export`: the workbook read back with calamine holds the same tables
//! as the JSON (sheets, headers, every value), with native charts; and the
//! computed figures are the registers' (hand-checked against the demo).

use std::io::Read;
use std::path::Path;

use assert_cmd::Command;
use calamine::{Data, Reader, Xlsx, open_workbook};
use serde_json::Value;
use smq::export::Kind;
use smq::i18n::Lang;

fn smq() -> Command {
    Command::cargo_bin("smq").unwrap()
}

fn samples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn export(format: &str, out: &Path) {
    let o = smq()
        .arg("export")
        .arg(samples())
        .args(["--as-of", "2026-10-31", "--format", format, "-o"])
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// The date of an Excel serial (1900 system).
fn serial(days: f64) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap()
        + chrono::Duration::days(days.floor() as i64)
}

/// A cell read back, on the JSON's terms.
fn cell_value(d: &Data, kind: Kind) -> Value {
    match (d, kind) {
        (Data::Empty, _) => Value::Null,
        (Data::DateTime(dt), Kind::Date) => Value::String(serial(dt.as_f64()).to_string()),
        (Data::DateTime(dt), Kind::Month) => {
            Value::String(serial(dt.as_f64()).format("%Y-%m").to_string())
        }
        (Data::Float(f), _) => serde_json::json!(*f),
        (Data::Int(i), _) => serde_json::json!(*i as f64),
        (Data::String(s), _) => Value::String(s.clone()),
        (other, _) => panic!("unexpected cell {other:?}"),
    }
}

/// The JSON value as the workbook writes it.
fn expected(v: &Value, kind: Kind) -> Value {
    match (v, kind) {
        (Value::Null, _) => Value::Null,
        (Value::Number(n), _) => serde_json::json!(n.as_f64().unwrap()),
        (Value::Bool(b), _) => Value::String(if *b { "oui" } else { "non" }.into()),
        (Value::String(s), Kind::Standing) => {
            Value::String(smq::i18n::text(&format!("export.standing-{s}"), Lang::Fr).to_owned())
        }
        (v, _) => v.clone(),
    }
}

#[test]
fn workbook_and_json_hold_the_same_tables() {
    let tmp = tempfile::tempdir().unwrap();
    let xlsx = tmp.path().join("t.xlsx");
    let json = tmp.path().join("t.json");
    export("xlsx", &xlsx);
    export("json", &json);
    let doc: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(doc["schema_version"], 1);
    assert_eq!(doc["as_of"], "2026-10-31");
    // The table definitions the binary used.
    let checked = smq::pipeline::read_and_check(
        &samples(),
        chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
    )
    .unwrap();
    let tables = smq::export::tables(
        &checked,
        chrono::NaiveDate::from_ymd_opt(2026, 10, 31).unwrap(),
        Lang::Fr,
    );
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();
    let names = wb.sheet_names();
    let mut want: Vec<String> = tables
        .iter()
        .map(|t| t.sheet(Lang::Fr).to_owned())
        .collect();
    want.push("Graphiques".into());
    assert_eq!(names, want);
    let mut cells = 0;
    for t in &tables {
        let rows = doc["tables"][t.key].as_array().unwrap();
        assert_eq!(rows.len(), t.rows.len(), "{}", t.key);
        let range = wb.worksheet_range(t.sheet(Lang::Fr)).unwrap();
        let headers: Vec<String> = (0..t.columns.len())
            .map(|c| range.get((0, c)).unwrap().to_string())
            .collect();
        let want: Vec<&str> = t.columns.iter().map(|c| c.fr).collect();
        assert_eq!(headers, want, "{}", t.key);
        for (r, row) in rows.iter().enumerate() {
            for (c, col) in t.columns.iter().enumerate() {
                let got = range
                    .get((r + 1, c))
                    .map_or(Value::Null, |d| cell_value(d, col.kind));
                let exp = expected(&row[col.key], col.kind);
                match (&got, &exp) {
                    (Value::Number(a), Value::Number(b)) => {
                        assert!((a.as_f64().unwrap() - b.as_f64().unwrap()).abs() < 1e-9)
                    }
                    _ => assert_eq!(got, exp, "{} row {} {}", t.key, r + 1, col.key),
                }
                cells += 1;
            }
        }
    }
    assert!(cells > 10_000, "{cells} cells compared");
    // Native charts: one per indicator and the events per month.
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
    let charts = (0..zip.len())
        .filter(|i| {
            let name = zip.by_index(*i).unwrap().name().unwrap().to_string();
            name.starts_with("xl/charts/chart") && name.ends_with(".xml")
        })
        .count();
    assert_eq!(charts, 26 + 1);
    let mut xml = String::new();
    zip.by_name("xl/charts/chart2.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(
        xml.contains("<c:lineChart>"),
        "indicator charts are line charts"
    );
    assert!(xml.contains("Cible"), "with the target as a series");
}

#[test]
fn exported_figures_are_the_registers() {
    let tmp = tempfile::tempdir().unwrap();
    let json = tmp.path().join("t.json");
    export("json", &json);
    let doc: Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    let t = &doc["tables"];
    // 26 indicators and their 1,494 monthly values, 32 objectives, 154
    // actions, as read from the demo's registers.
    assert_eq!(t["indicators"].as_array().unwrap().len(), 26);
    assert_eq!(t["indicator_values"].as_array().unwrap().len(), 1494);
    assert_eq!(t["objectives"].as_array().unwrap().len(), 32);
    assert_eq!(t["actions"].as_array().unwrap().len(), 154);
    // Events per month add up to the 387 events; 83 in 2025.
    let months = t["events_by_month"].as_array().unwrap();
    let total: u64 = months.iter().map(|m| m["events"].as_u64().unwrap()).sum();
    assert_eq!(total, 387);
    let y2025: u64 = months
        .iter()
        .filter(|m| m["month"].as_str().unwrap().starts_with("2025"))
        .map(|m| m["events"].as_u64().unwrap())
        .sum();
    assert_eq!(y2025, 83);
    // Late actions are late: due before the as-of date and not done.
    for a in t["actions"].as_array().unwrap() {
        if a["late"] == true {
            assert!(a["due"].as_str().unwrap() < "2026-10-31");
            assert!(a["done"].is_null());
            assert!(a["days_late"].as_i64().unwrap() > 0);
        }
    }
    // Survey intervals bracket their rates.
    for s in t["surveys"].as_array().unwrap() {
        let (r, lo, hi) = (
            s["rate"].as_f64().unwrap(),
            s["low"].as_f64().unwrap(),
            s["high"].as_f64().unwrap(),
        );
        assert!(lo <= r && r <= hi);
    }
}

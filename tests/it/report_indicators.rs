//! The monthly indicator report end to end: rendered from the demo data in
//! both languages, reproducible byte for byte, data printed verbatim however
//! hostile, template errors located, outputs written atomically. Text is
//! extracted with `pdftotext` (Debian's poppler-utils, installed by .ci/run).

use std::path::Path;

use crate::common::*;
use assert_cmd::Command;

fn smq() -> Command {
    Command::cargo_bin("smq").unwrap()
}

fn samples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

fn render(dir: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    smq()
        .arg("indicators")
        .arg(dir)
        .args(["--month", "2026-10", "--as-of", "2026-10-31", "-o"])
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

#[test]
fn demo_report_in_french_and_english() {
    let tmp = tempfile::tempdir().unwrap();
    let fr = tmp.path().join("fr.pdf");
    let o = render(
        &samples(),
        &fr,
        &["--data-out", tmp.path().join("fr.json").to_str().unwrap()],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&fr).unwrap();
    assert!(bytes.starts_with(b"%PDF"));
    let text = pdf_text(&fr);
    for needle in [
        "Rapport mensuel des indicateurs",
        "octobre 2026",
        "Tableau de bord",
        "Maîtrise du document",
        "SMQ-IND-2026-10",
        "Indicateurs en alerte ou hors maîtrise",
        "Événements du mois",
        "Actions en retard",
        "Objectifs de l'année",
        "Annexe — sources et validation des données",
        "REX-2026.xlsx",
        "page 1 / ",
    ] {
        assert!(
            text.contains(needle),
            "missing {needle:?} in the French report"
        );
    }
    // The data model is written and versioned.
    let model: serde_json::Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("fr.json")).unwrap()).unwrap();
    assert_eq!(model["schema_version"], 2);
    assert_eq!(model["month"], "2026-10");
    assert_eq!(model["summary"]["indicators"], 26);
    // Every input file is listed with its SHA-256.
    let files = model["appendix"]["files"].as_array().unwrap();
    assert_eq!(files.len(), 16);
    assert!(
        files
            .iter()
            .all(|f| f["sha256"].as_str().unwrap().len() == 64)
    );

    let en = tmp.path().join("en.pdf");
    let o = render(&samples(), &en, &["--lang", "en"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = pdf_text(&en);
    for needle in [
        "Monthly indicator report",
        "October 2026",
        "Dashboard",
        "Document control",
        "Late actions",
    ] {
        assert!(
            text.contains(needle),
            "missing {needle:?} in the English report"
        );
    }
}

#[test]
fn reports_are_byte_identical_across_processes() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a.pdf"), tmp.path().join("b.pdf"));
    assert!(render(&samples(), &a, &[]).status.success());
    assert!(render(&samples(), &b, &[]).status.success());
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    let (c, d) = (tmp.path().join("c.pdf"), tmp.path().join("d.pdf"));
    assert!(
        render(&samples(), &c, &["--pdf-standard", "a-2b"])
            .status
            .success()
    );
    assert!(
        render(&samples(), &d, &["--pdf-standard", "a-2b"])
            .status
            .success()
    );
    let c_bytes = std::fs::read(&c).unwrap();
    assert_eq!(c_bytes, std::fs::read(&d).unwrap());
    assert!(
        String::from_utf8_lossy(&c_bytes).contains("pdfaid:part"),
        "PDF/A metadata"
    );
}

/// Text that would be markup, code or a file read if it were ever spliced
/// into Typst source.
const CORPUS: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "]#panic(\"x\")[",
    "$x^2$ 5 $",
    "@ref",
    "<label>",
    "back\\slash \\\\ end",
    "#set text(size: 40pt)",
    "*gras* _ital_ `raw`",
];

#[test]
fn hostile_cell_text_prints_verbatim() {
    let ws = Ws::new();
    let long: String = (0..1300).map(|i| format!("mot{i:04} ")).collect::<String>();
    assert!(long.len() >= 10_000);
    let c = |i: usize| O(CORPUS[i % CORPUS.len()].to_owned());
    let mut defs = vec![vec![
        S("Code"),
        S("Libellé"),
        S("Processus"),
        S("Unité"),
        S("Sens"),
        S("Cible"),
        S("Seuil d'alerte"),
    ]];
    let mut values = vec![vec![S("Code"), S("Mois"), S("Valeur")]];
    for (i, _) in CORPUS.iter().enumerate() {
        let code = format!("IND-{i}");
        defs.push(vec![
            O(code.clone()),
            c(i),
            c(i + 1),
            X,
            S("à augmenter"),
            N(95.0),
            N(90.0),
        ]);
        for m in 1..=10 {
            values.push(vec![
                O(code.clone()),
                O(format!("2026-{m:02}")),
                N(if i % 2 == 0 { 80.0 + m as f64 } else { 96.0 }),
            ]);
        }
    }
    defs.push(vec![
        S("IND-LONG"),
        O(long.clone()),
        S("Long"),
        X,
        S("à augmenter"),
        N(95.0),
        X,
    ]);
    values.push(vec![S("IND-LONG"), S("2026-10"), N(10.0)]);
    let mut events = vec![vec![
        S("N°"),
        S("Date"),
        S("Type"),
        S("Processus"),
        S("Gravité"),
        S("Fréquence"),
        S("Statut"),
    ]];
    for (i, _) in CORPUS.iter().enumerate() {
        events.push(vec![
            O(format!("E{i}{}", CORPUS[i])),
            D(2026, 10, 3),
            S("Réclamation"),
            c(i),
            N(2.0),
            N(2.0),
            S("en cours"),
        ]);
    }
    let mut actions = vec![vec![
        S("N° action"),
        S("Origine"),
        S("Processus"),
        S("Description"),
        S("Date d'ouverture"),
        S("Échéance"),
        S("Statut"),
    ]];
    for (i, _) in CORPUS.iter().enumerate() {
        actions.push(vec![
            O(format!("A{i}")),
            c(i),
            c(i + 2),
            S("x"),
            D(2026, 1, 5),
            D(2026, 3, 1),
            S("en cours"),
        ]);
    }
    let mut objectives = vec![vec![S("Année"), S("Objectif"), S("Indicateur"), S("Cible")]];
    for (i, _) in CORPUS.iter().enumerate() {
        objectives.push(vec![N(2026.0), c(i + 3), O(format!("IND-{i}")), N(95.0)]);
    }
    ws.book(
        "Registres.xlsx",
        &[
            ("Definitions", defs),
            ("Valeurs", values),
            ("REX", events),
            ("Actions", actions),
            ("Objectifs", objectives),
        ],
    );
    std::fs::write(
        ws.file("smq.toml"),
        format!(
            "[service]\nname = '''{}'''\n[document]\nwritten_by = '''{}'''\nchecked_by = '''{}'''\n",
            CORPUS[0], CORPUS[1], CORPUS[5]
        ),
    )
    .unwrap();
    let out = ws.file("out.pdf");
    let o = render(ws.path(), &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    if let Ok(keep) = std::env::var("SMQ_KEEP_PDF") {
        std::fs::copy(&out, keep).unwrap();
    }
    let text = pdf_text(&out);
    let squashed: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    for s in CORPUS {
        let want: String = s.chars().filter(|c| !c.is_whitespace()).collect();
        assert!(squashed.contains(&want), "{s:?} not printed verbatim");
    }
    // The long cell may run over pages (headers and footers come between its
    // lines): every word must be there, in order.
    let mut seen: Vec<&str> = Vec::new();
    for w in text.split(' ').filter(|w| w.starts_with("mot")) {
        if !seen.contains(&w) {
            seen.push(w);
        }
    }
    let want: Vec<String> = (0..1300).map(|i| format!("mot{i:04}")).collect();
    assert_eq!(
        seen, want,
        "the 10,000-character cell is not printed whole and in order"
    );
    assert!(!text.contains("root:x:0:0"), "a file was read");
}

#[test]
fn template_errors_name_file_line_column_and_leave_no_partial_pdf() {
    let tmp = tempfile::tempdir().unwrap();
    let tpl = tmp.path().join("tpl");
    std::fs::create_dir_all(&tpl).unwrap();
    std::fs::write(
        tpl.join("indicators.typ"),
        "#let data = json(\"/data.json\")\n\n= Titre\n#data.nope.field\n",
    )
    .unwrap();
    let out = tmp.path().join("report.pdf");
    std::fs::write(&out, b"previous report").unwrap();
    let o = render(&samples(), &out, &["--templates", tpl.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("indicators.typ:4:"), "{err}");
    assert_eq!(
        std::fs::read(&out).unwrap(),
        b"previous report",
        "the old file is untouched"
    );
    let leftovers: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".smq-"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn templates_cannot_read_the_disk() {
    let tmp = tempfile::tempdir().unwrap();
    let tpl = tmp.path().join("tpl");
    std::fs::create_dir_all(&tpl).unwrap();
    std::fs::write(tpl.join("indicators.typ"), "#read(\"/etc/passwd\")\n").unwrap();
    let out = tmp.path().join("report.pdf");
    let o = render(&samples(), &out, &["--templates", tpl.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8(o.stderr).unwrap();
    assert!(err.contains("indicators.typ:1:"), "{err}");
    assert!(err.to_lowercase().contains("not found"), "{err}");
    assert!(!out.exists());
}

#[test]
fn templates_export_then_override_one_file() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("modeles");
    let o = smq()
        .args(["templates", "export"])
        .arg(&dir)
        .output()
        .unwrap();
    assert!(o.status.success());
    assert!(dir.join("indicators.typ").exists() && dir.join("lib/charts.typ").exists());
    // A second export refuses to overwrite.
    let o = smq()
        .args(["templates", "export"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    // Override the style only: the report renders with the change.
    let style = std::fs::read_to_string(dir.join("lib/style.typ")).unwrap();
    let only = tmp.path().join("only");
    std::fs::create_dir_all(only.join("lib")).unwrap();
    std::fs::write(
        only.join("lib/style.typ"),
        style.replace("#1f5f8b", "#8b1f5f"),
    )
    .unwrap();
    let out = tmp.path().join("r.pdf");
    let o = render(&samples(), &out, &["--templates", only.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(pdf_text(&out).contains("Tableau de bord"));
}

//! The management review end to end: rendered from the demo data in both
//! languages with every §9.3.2 section, figures checked against the demo's
//! registers, the management's commentary printed in its section, missing
//! and empty inputs named (in the report, on stderr and by `smq check`),
//! bad periods refused, and the PDF reproducible byte for byte.

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

/// Renders the review of `dir`; returns (output, model).
fn review(dir: &Path, out: &Path, extra: &[&str]) -> (std::process::Output, Option<Value>) {
    let json = out.with_extension("json");
    let o = smq()
        .arg("review")
        .arg(dir)
        .args(["--as-of", "2026-10-31", "-o"])
        .arg(out)
        .arg("--data-out")
        .arg(&json)
        .args(extra)
        .output()
        .unwrap();
    let model = std::fs::read(&json)
        .ok()
        .map(|b| serde_json::from_slice(&b).unwrap());
    (o, model)
}

/// The review's section headings, in French (shared with `caps`).
pub(crate) const SECTIONS_FR: [&str; 12] = [
    "1. Suivi des actions des revues précédentes",
    "2. Enjeux externes et internes",
    "3. Satisfaction des clients et retours des parties intéressées",
    "4. Objectifs qualité",
    "5. Performance des processus et résultats de la surveillance",
    "6. Non-conformités et actions correctives",
    "7. Résultats d'audits",
    "8. Prestataires externes",
    "9. Ressources",
    "10. Efficacité des actions face aux risques et opportunités",
    "11. Opportunités d'amélioration",
    "12. Éléments de sortie de la revue",
];

const SECTIONS_EN: [&str; 12] = [
    "1. Actions from previous reviews",
    "2. External and internal issues",
    "3. Customer satisfaction and feedback",
    "4. Quality objectives",
    "5. Process performance and monitoring results",
    "6. Nonconformities and corrective actions",
    "7. Audit results",
    "8. External providers",
    "9. Resources",
    "10. Effectiveness of actions on risks and opportunities",
    "11. Opportunities for improvement",
    "12. Review outputs",
];

const KEYS: [&str; 12] = [
    "previous_actions",
    "issues",
    "satisfaction",
    "objectives",
    "performance",
    "nonconformities",
    "audits",
    "providers",
    "resources",
    "risks",
    "improvement",
    "outputs",
];

#[test]
fn demo_review_in_french_and_english() {
    let tmp = tempfile::tempdir().unwrap();
    let fr = tmp.path().join("fr.pdf");
    let (o, model) = review(&samples(), &fr, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    // Every input of the demo has data for 2025: nothing to warn about.
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let text = pdf_text(&fr);
    for s in SECTIONS_FR {
        assert!(text.contains(s), "missing section {s:?}");
    }
    for needle in [
        "Revue de direction",
        "Année 2025",
        "CIF-SMQ-RDD-2025",
        "Synthèse",
        "Chiffres clés",
        "Décisions attendues de la revue",
        "Cartographie des parties intéressées",
        "Pareto des causes (5M)",
        "Grille de criticité",
        "Cycle de certification",
        "Validation de la direction",
        "Correspondance avec la décision ASN n° 2019-DC-0660",
        "Annexe — sources et validation des données",
        // The management's 2025 commentary, in the summary and in section 8;
        // the 2024 one is not this review's.
        "l'inspection de l'ASN de juin",
        "renégociation du contrat en 2026",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    assert!(!text.contains("surveillance n° 1 sans non-conformité majeure"));

    let m = model.unwrap();
    assert_eq!(m["schema_version"], 2);
    assert_eq!(m["report"], "review");
    assert_eq!(m["period"]["label"], "2025");
    assert_eq!(m["period"]["previous_label"], "2024");
    for (i, key) in KEYS.iter().enumerate() {
        let head = &m[key]["head"];
        assert_eq!(head["number"], i + 1, "{key}");
        assert!(!head["title"].as_str().unwrap().is_empty());
        assert!(
            head["clause"]
                .as_str()
                .unwrap()
                .starts_with("ISO 9001 § 9.3.")
        );
    }
    // Registers behind each section are named with their files.
    assert!(
        m["nonconformities"]["head"]["sources"][0]
            .as_str()
            .unwrap()
            .contains("REX-2025.xlsx")
    );
    // Events: REX-2025.xlsx holds the 83 events of 2025, REX-2024.xlsx the
    // 85 of 2024.
    let all = &m["nonconformities"]["by_type"][0];
    assert_eq!(
        (all["current"].as_str(), all["previous"].as_str()),
        (Some("83"), Some("85"))
    );
    let by_type_total: u64 = m["nonconformities"]["by_type"].as_array().unwrap()[1..]
        .iter()
        .map(|r| r["current"].as_str().unwrap().parse::<u64>().unwrap())
        .sum();
    assert_eq!(by_type_total, 83);
    // The months of 2025 add up to the year, the Pareto too.
    let months: f64 = m["nonconformities"]["by_month"]["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .sum();
    assert_eq!(months, 83.0);
    assert_eq!(
        m["nonconformities"]["by_month"]["values"]
            .as_array()
            .unwrap()
            .len(),
        12
    );
    let pareto: f64 = m["nonconformities"]["cause_pareto"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["value"].as_f64().unwrap())
        .sum();
    assert_eq!(pareto, 83.0);
    // The criticity grid counts the rated events of the year.
    let grid: u64 = m["nonconformities"]["heatmap"]["counts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r.as_array().unwrap().iter().map(|c| c.as_u64().unwrap()))
        .sum();
    assert!(grid > 0 && grid <= 83);
    // Interested parties: all 16, each in its ring.
    assert_eq!(m["issues"]["map"]["parties"].as_array().unwrap().len(), 16);
    assert_eq!(m["issues"]["map"]["rings"][0]["label"], "Forte");
    // Satisfaction: patients and prescribers, with Wilson intervals around
    // each rate.
    let pops = m["satisfaction"]["populations"].as_array().unwrap();
    assert_eq!(pops.len(), 2);
    for p in pops {
        for it in p["chart"]["items"].as_array().unwrap() {
            let (r, lo, hi) = (
                it["rate"].as_f64().unwrap(),
                it["low"].as_f64().unwrap(),
                it["high"].as_f64().unwrap(),
            );
            assert!(lo < r && r < hi, "{it}");
        }
    }
    // 2025 objectives: seven, each with a standing.
    assert_eq!(
        m["objectives"]["rows"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["year"] == "2025")
            .count(),
        7
    );
    // Review decisions of early 2026 fill the outputs table.
    assert!(!m["outputs"]["rows"]["items"].as_array().unwrap().is_empty());
    assert!(
        m["outputs"]["rows"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["id"].as_str().unwrap().starts_with("AC-2026"))
    );
    // Previous reviews' actions all come from RDD origins.
    assert!(
        m["previous_actions"]["rows"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["origin"].as_str().unwrap().starts_with("RDD-"))
    );
    assert!(m["summary"]["missing"].as_array().unwrap().is_empty());
    assert_eq!(m["asn"].as_array().unwrap().len(), 8);
    assert_eq!(m["appendix"]["files"].as_array().unwrap().len(), 16);

    // English.
    let en = tmp.path().join("en.pdf");
    let (o, model) = review(&samples(), &en, &["--lang", "en"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = pdf_text(&en);
    for s in SECTIONS_EN {
        assert!(text.contains(s), "missing section {s:?}");
    }
    for needle in [
        "Management review",
        "Year 2025",
        "Key figures",
        "Cross-reference to ASN decision",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    assert_eq!(model.unwrap()["lang"], "en");
}

#[test]
fn review_is_reproducible_and_named_after_its_year() {
    let tmp = tempfile::tempdir().unwrap();
    // Default output: in the workspace, named after the year.
    let ws = tmp.path().join("ws");
    std::fs::create_dir(&ws).unwrap();
    for f in std::fs::read_dir(samples()).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, ws.join(f.file_name().unwrap())).unwrap();
    }
    let o = smq()
        .arg("review")
        .arg(&ws)
        .args(["--as-of", "2026-10-31", "--year", "2025", "--quiet"])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty());
    let first = std::fs::read(ws.join("revue-de-direction-2025.pdf")).unwrap();
    let again = tmp.path().join("again.pdf");
    let (o, _) = review(&ws, &again, &["--year", "2025"]);
    assert!(o.status.success());
    assert_eq!(first, std::fs::read(&again).unwrap());
    // A review of another period is another document.
    let (o, m) = review(
        &ws,
        &tmp.path().join("sy.pdf"),
        &["--from", "2024-07-01", "--to", "2025-06-30"],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m = m.unwrap();
    assert_eq!(m["period"]["from"], "01/07/2024");
    assert_eq!(m["period"]["previous_label"], "01/07/2023 – 30/06/2024");
    assert_eq!(
        m["document"]["reference"],
        "CIF-SMQ-RDD-2024-07-01_2025-06-30"
    );
}

#[test]
fn bad_periods_are_usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    for args in [
        vec!["--from", "2025-06-30", "--to", "2025-01-01"],
        vec!["--from", "2025-01-01"],
        vec![
            "--year",
            "2025",
            "--from",
            "2025-01-01",
            "--to",
            "2025-03-01",
        ],
        vec!["--from", "2025-02-30", "--to", "2025-03-01"],
    ] {
        let o = smq()
            .arg("review")
            .arg(samples())
            .args(["--as-of", "2026-10-31", "-o"])
            .arg(tmp.path().join("x.pdf"))
            .args(&args)
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(!tmp.path().join("x.pdf").exists());
    }
}

/// A workspace holding only an event register, whose events are all of 2023,
/// and a supplier register evaluated in 2024.
fn sparse_workspace() -> Ws {
    let ws = Ws::new();
    ws.book(
        "REX.xlsx",
        &[(
            "REX",
            vec![
                vec![
                    S("N°"),
                    S("Date"),
                    S("Type"),
                    S("Processus"),
                    S("Gravité"),
                    S("Fréquence"),
                ],
                vec![
                    S("FEI-1"),
                    D(2023, 3, 2),
                    S("dysfonctionnement"),
                    S("Accueil"),
                    N(2.0),
                    N(2.0),
                ],
                vec![
                    S("FEI-2"),
                    D(2023, 5, 9),
                    S("réclamation"),
                    S("Accueil"),
                    N(1.0),
                    N(3.0),
                ],
            ],
        )],
    );
    ws.book(
        "Fournisseurs.xlsx",
        &[(
            "Évaluations",
            vec![
                vec![
                    S("Fournisseur"),
                    S("Date d'évaluation"),
                    S("Critique"),
                    S("Qualité"),
                    S("Délais"),
                ],
                vec![S("Curium"), D(2024, 2, 1), S("oui"), N(3.0), N(4.0)],
            ],
        )],
    );
    ws
}

#[test]
fn missing_and_empty_inputs_are_named() {
    let ws = sparse_workspace();
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("r.pdf");
    let o = smq()
        .arg("review")
        .arg(ws.path())
        .args(["--as-of", "2026-01-20", "--year", "2025", "-o"])
        .arg(&out)
        .arg("--data-out")
        .arg(tmp.path().join("r.json"))
        .output()
        .unwrap();
    // Still a review: missing inputs are warnings, not errors.
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(stderr.contains("review-input-missing"), "{stderr}");
    assert!(stderr.contains("section 6"), "{stderr}");
    assert!(stderr.contains("section 8"), "{stderr}");
    let m: Value =
        serde_json::from_slice(&std::fs::read(tmp.path().join("r.json")).unwrap()).unwrap();
    // Every input section is incomplete here, and says so in its head.
    for key in &KEYS[..10] {
        assert!(
            !m[key]["head"]["missing"].as_array().unwrap().is_empty(),
            "{key} does not name its missing input"
        );
    }
    assert_eq!(
        m["nonconformities"]["head"]["missing"][0],
        "registre événements (REX) sans donnée pour la période"
    );
    assert_eq!(
        m["providers"]["head"]["missing"][0],
        "registre évaluations fournisseurs sans donnée pour la période"
    );
    assert_eq!(
        m["audits"]["head"]["missing"][0],
        "registre audits introuvable"
    );
    let missing: Vec<&str> = m["summary"]["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(missing.contains(&"8. Prestataires externes\u{a0}: registre évaluations fournisseurs sans donnée pour la période"));
    // The PDF says it plainly.
    let text = pdf_text(&out);
    assert!(text.contains("Données manquantes"));
    assert!(text.contains("registre audits introuvable"));
    // Sections stay, with their figures at zero.
    for s in SECTIONS_FR {
        assert!(text.contains(s), "missing section {s:?}");
    }

    // `smq check` warns about the empty inputs of the last full year.
    let o = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2026-01-20", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    let review_warnings: Vec<&Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "review-input-missing")
        .collect();
    let registers: Vec<&str> = review_warnings
        .iter()
        .map(|d| d["register"].as_str().unwrap())
        .collect();
    // Empty for 2025: events (nonconformities) and suppliers. Absent
    // registers are `register-not-found` already, not repeated.
    assert_eq!(registers, ["suppliers", "rex"], "{review_warnings:#?}");
    assert_eq!(review_warnings[0]["severity"], "warning");
    assert_eq!(review_warnings[0]["file"], "Fournisseurs.xlsx");
    // A year later the 2025 review is no longer the next one.
    let o = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2024-06-30", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        !v["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "review-input-missing" && d["register"] == "rex")
    );
}

#[test]
fn commentary_naming_no_section_is_reported_at_its_cell() {
    let ws = sparse_workspace();
    ws.book(
        "Revue.xlsx",
        &[(
            "Commentaires",
            vec![
                vec![S("Année"), S("Rubrique"), S("Commentaire de la direction")],
                vec![N(2025.0), S("c4"), S("Texte pour les non-conformités.")],
                vec![N(2025.0), S("Divers"), S("Ce texte n'a pas de section.")],
                vec![N(2024.0), S("Synthèse"), S("Texte de l'an passé.")],
            ],
        )],
    );
    let c = check(&ws);
    let got = codes(&c);
    assert!(
        got.contains(&("unknown-section".to_owned(), "B3".to_owned())),
        "{got:?}"
    );
    let comments = smq::report::review::comments(&c, &smq::analysis::review::Period::year(2025));
    assert_eq!(comments.len(), 1);
    assert_eq!(comments[&6], "Texte pour les non-conformités.");
}

#[test]
fn a_year_the_event_register_does_not_cover_is_not_a_zero() {
    // Only the 2025 events: 2024 is unknown, so nothing is compared with it.
    let ws = Ws::new();
    let mut rows = vec![vec![S("N°"), S("Date"), S("Type"), S("Processus")]];
    for i in 0..12u8 {
        rows.push(vec![
            O(format!("FEI-{i}")),
            D(2025, i + 1, 10),
            S("dysfonctionnement"),
            S("Accueil"),
        ]);
    }
    ws.book("REX-2025.xlsx", &[("REX", rows)]);
    let tmp = tempfile::tempdir().unwrap();
    let (o, m) = review(ws.path(), &tmp.path().join("r.pdf"), &["--year", "2025"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let m = m.unwrap();
    let all = &m["nonconformities"]["by_type"][0];
    assert_eq!(all["current"], "12");
    assert_eq!(all["previous"], "—");
    assert_eq!(all["p"], "");
    assert!(m["summary"]["changes"].as_array().unwrap().is_empty());
    assert!(
        m["nonconformities"]["lines"][0]
            .as_str()
            .unwrap()
            .contains("ne couvre pas 2024")
    );
    assert!(
        m["nonconformities"]["by_month"]["previous"]
            .as_array()
            .unwrap()
            .iter()
            .all(Value::is_null)
    );
}

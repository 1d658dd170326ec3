//! The audit evidence pack end to end: certification and ASN packs from the
//! demo in both languages, no name of the registers in a pseudonymised pack,
//! personal data planted in every free-text field found by `smq check` and
//! absent from the PDF, the sample reproducible, the scope honoured.

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

/// Renders a pack; returns the output, the PDF's text and the model.
fn pack(dir: &Path, out: &Path, args: &[&str]) -> (std::process::Output, String, Value) {
    let json = out.with_extension("json");
    let o = smq()
        .arg("audit")
        .arg(dir)
        .args(["--as-of", "2026-10-31", "-o"])
        .arg(out)
        .arg("--data-out")
        .arg(&json)
        .args(args)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let text = pdf_text(out);
    let model = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    (o, text, model)
}

#[test]
fn demo_packs_in_french_and_english() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, text, m) = pack(
        &samples(),
        &tmp.path().join("cert.pdf"),
        &["--kind", "certification", "--date", "2026-11-17"],
    );
    for needle in [
        "Dossier de preuves pour l'audit",
        "audit de certification",
        "Matrice des preuves — ISO 9001:2015",
        "Revue de direction",
        "Suivi des constats antérieurs",
        "Échantillon pour les pistes d'audit",
        "Dossier pseudonymisé",
        "Annexe — sources et validation des données",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    assert_eq!(m["report"], "audit");
    assert_eq!(m["matrices"].as_array().unwrap().len(), 1);
    let rows = m["matrices"][0]["rows"]["items"].as_array().unwrap();
    assert_eq!(rows.len(), 30);
    assert_eq!(rows[0]["id"], "§ 4.1");
    // 8.3 (design) names no register.
    let design = rows.iter().find(|r| r["id"] == "§ 8.3").unwrap();
    assert_eq!(design["status"], "not-covered");
    // The demo's management review of January 2026 and its internal audit
    // of 2026 are within the 12 months.
    let review = rows.iter().find(|r| r["id"] == "§ 9.3").unwrap();
    assert_eq!(review["status"], "evidenced", "{review}");
    // Late actions make 10.2 overdue, with the reason.
    let nc = rows.iter().find(|r| r["id"] == "§ 10.2").unwrap();
    assert_eq!(nc["status"], "overdue");
    assert!(
        nc["reason"]
            .as_str()
            .unwrap()
            .contains(" actions en retard")
    );
    // Everything to fix is listed up front, in matrix order.
    let fix: Vec<&str> = m["to_fix"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(fix.iter().any(|f| f.starts_with("§ 10.2")));
    assert!(
        fix.iter().position(|f| f.starts_with("§ 4."))
            < fix.iter().position(|f| f.starts_with("§ 10."))
    );
    // Earlier findings: majors first, each with its audit.
    let findings = m["findings"]["items"].as_array().unwrap();
    assert!(!findings.is_empty());
    assert!(
        findings
            .windows(2)
            .all(|w| w[0]["rank"].as_u64() <= w[1]["rank"].as_u64())
    );
    // The sample: five per register, each pointing at its cell.
    let groups = m["sample"]["groups"].as_array().unwrap();
    assert!(groups.len() >= 5);
    for g in groups {
        let rows = g["rows"]["items"].as_array().unwrap();
        assert_eq!(
            rows.len(),
            5.min(g["population"].as_u64().unwrap() as usize)
        );
        for r in rows {
            assert!(r["cell"].as_str().unwrap().contains(".xlsx › "), "{r}");
        }
    }
    assert_eq!(m["sample"]["seed"], "20261117");

    // The ASN inspection walks the decision's articles.
    let (_, text, m) = pack(
        &samples(),
        &tmp.path().join("asn.pdf"),
        &["--kind", "asn", "--date", "2026-12-08"],
    );
    assert!(text.contains("Matrice des preuves — Décision ASN n° 2019-DC-0660"));
    let rows = m["matrices"][0]["rows"]["items"].as_array().unwrap();
    assert_eq!(rows.len(), 10);
    assert_eq!(rows[8]["id"], "Art. 9");
    // A peer audit walks both.
    let (_, _, m) = pack(
        &samples(),
        &tmp.path().join("peer.pdf"),
        &["--kind", "peer", "--date", "2026-11-20"],
    );
    assert_eq!(m["matrices"].as_array().unwrap().len(), 2);

    // English.
    let (_, text, m) = pack(
        &samples(),
        &tmp.path().join("en.pdf"),
        &["--kind", "asn", "--date", "2026-12-08", "--lang", "en"],
    );
    for needle in [
        "Audit evidence pack",
        "ASN inspection",
        "Evidence matrix — ASN decision no. 2019-DC-0660",
        "Sample for audit trails",
        "Pseudonymised pack",
    ] {
        assert!(text.contains(needle), "missing {needle:?}");
    }
    assert_eq!(m["lang"], "en");
}

#[test]
fn a_pseudonymised_pack_names_nobody() {
    let checked = smq::pipeline::read_and_check(&samples(), as_of()).unwrap();
    let names: Vec<String> = smq::report::pseudonym::personal_names(&checked.registers)
        .into_iter()
        .map(str::to_owned)
        .collect();
    assert!(names.len() > 50, "the demo names people");
    let tmp = tempfile::tempdir().unwrap();
    for kind in ["certification", "asn"] {
        let (_, text, m) = pack(
            &samples(),
            &tmp.path().join(format!("{kind}.pdf")),
            &["--kind", kind, "--date", "2026-11-17"],
        );
        let lower = text.to_lowercase();
        for n in &names {
            // Whole names (a surname alone may be a common word).
            if n.split_whitespace().count() >= 2 {
                assert!(!lower.contains(&n.to_lowercase()), "{kind}: {n:?} printed");
            }
        }
        assert!(text.contains("Personne "));
        let json = serde_json::to_string(&m).unwrap().to_lowercase();
        for n in names.iter().filter(|n| n.split_whitespace().count() >= 2) {
            assert!(
                !json.contains(&n.to_lowercase()),
                "{kind}: {n:?} in the model"
            );
        }
    }
    // Asked not to, it names them and says so.
    let (_, text, m) = pack(
        &samples(),
        &tmp.path().join("clear.pdf"),
        &[
            "--kind",
            "certification",
            "--date",
            "2026-11-17",
            "--no-pseudonymize",
        ],
    );
    assert!(text.contains("NON PSEUDONYMISÉ"));
    assert_eq!(m["audit"]["pseudonymised"], false);
    assert!(
        names
            .iter()
            .filter(|n| n.split_whitespace().count() >= 2)
            .any(|n| text.contains(n.as_str()))
    );
}

/// A valid NIR (key 25, computed with Python) and its spaced form.
const NIR: &str = "184057512345625";
const NIR_SPACED: &str = "1 84 05 75 123 456 25";

/// A workspace whose every free-text field holds personal data.
fn planted() -> Ws {
    let ws = Ws::new();
    let pii = |i: usize| -> String {
        match i % 4 {
            0 => format!("Appeler la patiente au 06 12 34 56 7{i} (Mme Berthier)"),
            1 => format!("NIR {NIR_SPACED} transmis par erreur, voir agent{i}@hopital-exemple.fr"),
            2 => format!("Patient né le 1{i}/04/1951, NIR {NIR}"),
            _ => format!("Contact jean.valjean{i}@exemple.org, tél. +33 6 98 76 54 3{i}"),
        }
    };
    ws.book(
        "REX.xlsx",
        &[(
            "REX",
            (0..6)
                .map(|i| {
                    if i == 0 {
                        vec![
                            S("N°"),
                            S("Date"),
                            S("Type"),
                            S("Processus"),
                            S("Description"),
                            S("Patient"),
                            S("Déclarant"),
                            S("Statut"),
                        ]
                    } else {
                        vec![
                            O(format!("FEI-{i}")),
                            D(2026, 3, i as u8),
                            S("dysfonctionnement"),
                            S("Accueil"),
                            O(pii(i)),
                            O(format!("Gaspard Lheureux{i}")),
                            S("Théodule Marchais"),
                            S("en cours"),
                        ]
                    }
                })
                .collect(),
        )],
    );
    ws.book(
        "Actions.xlsx",
        &[(
            "Actions",
            vec![
                vec![
                    S("N° action"),
                    S("Origine"),
                    S("Description"),
                    S("Pilote"),
                    S("Date d'ouverture"),
                    S("Échéance"),
                    S("Statut"),
                ],
                vec![
                    S("AC-1"),
                    S("FEI-1"),
                    O(pii(1)),
                    S("Théodule Marchais"),
                    D(2026, 3, 2),
                    D(2026, 4, 1),
                    S("en cours"),
                ],
                vec![
                    S("AC-2"),
                    S("FEI-2"),
                    O(pii(2)),
                    S("Hortense Vasseur"),
                    D(2026, 3, 3),
                    D(2026, 9, 1),
                    S("en cours"),
                ],
            ],
        )],
    );
    ws.book(
        "Audits.xlsx",
        &[
            (
                "Audits",
                vec![
                    vec![S("N° audit"), S("Type d'audit"), S("Date"), S("Auditeur")],
                    vec![
                        S("AUD-1"),
                        S("audit interne"),
                        D(2026, 2, 10),
                        S("Hortense Vasseur"),
                    ],
                    vec![
                        S("AUD-2"),
                        S("audit de certification"),
                        D(2026, 11, 17),
                        S("Éloïse Carpentier"),
                    ],
                ],
            ),
            (
                "Constats",
                vec![
                    vec![
                        S("N° constat"),
                        S("N° audit"),
                        S("Cotation"),
                        S("Clause"),
                        S("Processus"),
                        S("Constat"),
                        S("Statut"),
                    ],
                    vec![
                        S("C-1"),
                        S("AUD-1"),
                        S("écart mineur"),
                        S("8.5.1"),
                        S("Accueil"),
                        O(pii(3)),
                        S("en cours"),
                    ],
                ],
            ),
        ],
    );
    ws.book(
        "Veille.xlsx",
        &[(
            "Veille",
            vec![
                vec![
                    S("Référence"),
                    S("Intitulé"),
                    S("Date de publication"),
                    S("Applicable"),
                    S("Impact"),
                ],
                vec![
                    S("Arrêté X"),
                    S("Texte"),
                    D(2026, 1, 5),
                    S("à évaluer"),
                    O(pii(0)),
                ],
            ],
        )],
    );
    ws.book(
        "Enquetes.xlsx",
        &[(
            "Patients",
            vec![
                vec![
                    S("Date"),
                    S("Campagne"),
                    S("Population"),
                    S("Accueil"),
                    S("Commentaire"),
                ],
                vec![D(2026, 5, 2), S("P-2026"), S("patient"), N(4.0), O(pii(2))],
                vec![
                    D(2026, 5, 3),
                    S("P-2026"),
                    S("patient"),
                    N(3.0),
                    S("Merci à Théodule Marchais, très aimable"),
                ],
            ],
        )],
    );
    ws.book(
        "Formations.xlsx",
        &[(
            "Formations",
            vec![
                vec![
                    S("Nom"),
                    S("Fonction"),
                    S("Formation"),
                    S("Date"),
                    S("Valable jusqu'au"),
                ],
                vec![
                    S("Hortense Vasseur"),
                    S("Manipulatrice"),
                    S("Radioprotection des patients"),
                    D(2016, 2, 1),
                    D(2026, 2, 1),
                ],
            ],
        )],
    );
    ws
}

const PLANTED: &[&str] = &[
    "Manipulatrice",
    "06 12 34 56 7",
    "+33 6 98 76 54 3",
    "@hopital-exemple.fr",
    "@exemple.org",
    NIR,
    NIR_SPACED,
    "/04/1951",
    "Berthier",
    "Gaspard Lheureux",
    "Théodule Marchais",
    "Hortense Vasseur",
    "Éloïse Carpentier",
];

#[test]
fn planted_personal_data_is_reported_and_never_printed() {
    let ws = planted();
    // `smq check` names every free-text cell holding personal data.
    let o = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31", "--format", "json"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    // The watch sheet is the watch register (its "Applicable" column is not
    // a document's date).
    assert!(
        v["registers"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["file"] == "Veille.xlsx" && r["register"] == "watch")
    );
    let cells: Vec<String> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "personal-data")
        .map(|d| {
            format!(
                "{} › {} › {}",
                d["file"].as_str().unwrap(),
                d["sheet"].as_str().unwrap(),
                d["cell"].as_str().unwrap()
            )
        })
        .collect();
    for cell in [
        "REX.xlsx › REX › E2",
        "REX.xlsx › REX › E6",
        "Actions.xlsx › Actions › C3",
        "Audits.xlsx › Constats › F2",
        "Veille.xlsx › Veille › E2",
        "Enquetes.xlsx › Patients › E2",
    ] {
        assert!(
            cells.contains(&cell.to_owned()),
            "{cell} not reported: {cells:?}"
        );
    }
    // A thank-you naming someone is not one of the four markers.
    assert!(!cells.contains(&"Enquetes.xlsx › Patients › E3".to_owned()));
    // The message says what, never the data.
    let msg = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "personal-data" && d["cell"] == "E3" && d["file"] == "REX.xlsx")
        .unwrap()["message"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        msg.contains("numéro de sécurité sociale") && msg.contains("date de naissance"),
        "{msg}"
    );
    assert!(!msg.contains("1951"));

    // The pack prints none of it, wherever it was; the service also marks
    // the role of its training register personal.
    std::fs::write(
        ws.file("smq.toml"),
        "[registers.training]\npersonal = [\"role\"]\n",
    )
    .unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let (_, text, m) = pack(
        ws.path(),
        &tmp.path().join("p.pdf"),
        &["--kind", "certification", "--date", "2026-11-17"],
    );
    let json = serde_json::to_string(&m).unwrap();
    for needle in PLANTED {
        assert!(!text.contains(needle), "{needle:?} in the PDF");
        assert!(!json.contains(needle), "{needle:?} in the model");
    }
    assert!(text.contains("[téléphone]") || text.contains("[NIR]"));
    // The auditor of this audit, pseudonymised, is on the cover.
    assert!(
        m["audit"]["auditor"]
            .as_str()
            .unwrap()
            .starts_with("Personne ")
    );
    // The same person has the same pseudonym everywhere: the owner of the
    // late action AC-1 is named in the comment of a survey.
    let owner = m["actions"]["late"]["items"][0]["owner"]
        .as_str()
        .unwrap()
        .to_owned();
    assert!(owner.starts_with("Personne "));
    // Earlier findings keep their masked text.
    assert!(
        m["findings"]["items"][0]["description"]
            .as_str()
            .unwrap()
            .contains("[courriel]")
    );
}

#[test]
fn the_sample_is_reproducible() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |seed: Option<&str>, name: &str| {
        let mut args = vec!["--kind", "internal", "--date", "2026-11-17"];
        if let Some(s) = seed {
            args.extend(["--seed", s]);
        }
        pack(&samples(), &tmp.path().join(name), &args).2["sample"].clone()
    };
    let a = run(Some("42"), "a.pdf");
    let b = run(Some("42"), "b.pdf");
    assert_eq!(a, b);
    let c = run(Some("43"), "c.pdf");
    assert_ne!(a["groups"], c["groups"]);
    // Without a seed, the date is the seed.
    let d = run(None, "d.pdf");
    let e = run(Some("20261117"), "e.pdf");
    assert_eq!(d, e);
}

#[test]
fn the_scope_keeps_its_processes() {
    let tmp = tempfile::tempdir().unwrap();
    let (_, _, m) = pack(
        &samples(),
        &tmp.path().join("s.pdf"),
        &[
            "--kind",
            "internal",
            "--date",
            "2026-11-17",
            "--scope",
            "Radioprotection,radiopharmacie",
        ],
    );
    assert_eq!(m["audit"]["scope"], "Radioprotection, radiopharmacie");
    let processes: Vec<&str> = m["indicators"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["process"].as_str().unwrap())
        .collect();
    assert!(!processes.is_empty());
    assert!(
        processes
            .iter()
            .all(|p| *p == "Radioprotection" || *p == "Radiopharmacie"),
        "{processes:?}"
    );
    for f in m["findings"]["items"].as_array().unwrap() {
        let p = f["process"].as_str().unwrap();
        assert!(p == "Radioprotection" || p == "Radiopharmacie", "{p}");
    }
}

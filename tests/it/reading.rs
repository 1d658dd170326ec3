//! The input and registers layers over small workbooks written in the test:
//! header detection, aliases, cell forms, source cells, open sets.

use std::io::{Read, Write};

use crate::common::*;
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook};
use smq::registers::RegisterKind;
use smq::registers::vocab::{EventType, Status};

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn rex_header() -> Vec<C> {
    vec![
        S("N°"),
        S("Date de détection"),
        S("Type"),
        S("Processus"),
        S("Gravité"),
        S("Fréquence"),
        S("Statut"),
        S("Date de clôture"),
    ]
}

#[test]
fn header_below_a_merged_title_and_cells_keep_their_a1_reference() {
    let ws = Ws::new();
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    sheet.set_name("Registre").unwrap();
    // Used range starts at B2: calamine's Range::start() must be added back.
    sheet
        .merge_range(1, 1, 1, 6, "Registre des événements — 2025", &Format::new())
        .unwrap();
    let rows = [
        vec![
            S("N°"),
            S("Date"),
            S("Nature"),
            S("Gravité"),
            S("Statut"),
            S("Date de clôture"),
        ],
        vec![
            S("E-1"),
            D(2025, 3, 12),
            S("Dysfonctionnement"),
            N(9.0),
            S("Soldé"),
            D(2025, 3, 20),
        ],
    ];
    // Header on row 4 (index 3), column B.
    for (r, row) in rows.iter().enumerate() {
        let shifted: Vec<C> = std::iter::once(X).chain(row.iter().cloned()).collect();
        write_rows(sheet, 3 + r as u32, &[shifted]);
    }
    wb.save(ws.file("REX.xlsx")).unwrap();
    let c = check(&ws);
    let src = &c.registers.sources[&RegisterKind::Rex][0];
    assert_eq!(src.header_row, 3);
    assert_eq!(src.rows, 1);
    assert_eq!(codes(&c), exp(&[("out-of-range", "E5")]));
    assert_eq!(
        c.diagnostics
            .iter()
            .find(|d| d.code.id() == "out-of-range")
            .unwrap()
            .location
            .to_string(),
        "REX.xlsx › Registre › E5"
    );
    let e = &c.registers.events[0];
    assert_eq!(e.detected, Some(ymd(2025, 3, 12)));
    assert_eq!(e.kind, Some(EventType::Dysfunction));
    assert_eq!(e.status, Some(Status::Closed));
}

#[test]
fn english_headers_units_and_blank_columns() {
    let ws = Ws::new();
    ws.book(
        "events.xlsx",
        &[(
            "Sheet1",
            vec![
                vec![
                    S("Event ID"),
                    X,
                    S("DETECTION DATE"),
                    S("event type"),
                    S("Severity (1-5)"),
                    S("Closing date"),
                    S("Notes"),
                ],
                vec![
                    S("E-1"),
                    X,
                    D(2024, 1, 5),
                    S("Complaint"),
                    N(2.0),
                    X,
                    S("free"),
                ],
                vec![],
                vec![S("E-2"), X, S("2024-02-07"), S("near miss"), N(1.0), X, X],
            ],
        )],
    );
    let c = check(&ws);
    // "Notes" names no field: reported, not silently dropped.
    assert_eq!(codes(&c), exp(&[("unmapped-column", "G1")]));
    let ev = &c.registers.events;
    assert_eq!(ev.len(), 2, "the blank row is not a record");
    assert_eq!(ev[1].kind, Some(EventType::NearMiss));
    assert_eq!(ev[1].detected, Some(ymd(2024, 2, 7)));
    assert_eq!(ev[1].at.row, 3);
}

#[test]
fn header_merged_over_two_rows_still_names_its_column() {
    let ws = Ws::new();
    let mut wb = Workbook::new();
    let sheet = wb.add_worksheet();
    let f = Format::new();
    sheet.merge_range(0, 0, 1, 0, "Code", &f).unwrap();
    sheet.merge_range(0, 1, 0, 2, "Mesure", &f).unwrap();
    sheet.write_string(1, 1, "Mois").unwrap();
    sheet.write_string(1, 2, "Valeur").unwrap();
    write_rows(sheet, 2, &[vec![S("IND-01"), S("2025-03"), N(12.0)]]);
    wb.save(ws.file("Valeurs.xlsx")).unwrap();
    let c = check(&ws);
    assert!(c.registers.found(RegisterKind::IndicatorValues));
    let v = &c.registers.indicator_values[0];
    assert_eq!(v.code.as_deref(), Some("IND-01"));
    assert_eq!(v.period.unwrap().to_string(), "2025-03");
    assert_eq!(v.value.unwrap().value, 12.0);
}

#[test]
fn a_register_spans_several_files_and_keeps_each_source() {
    let ws = Ws::new();
    for (year, id) in [(2024u16, "E-1"), (2025, "E-2")] {
        ws.book(
            &format!("REX-{year}.xlsx"),
            &[(
                "Registre",
                vec![
                    rex_header(),
                    vec![
                        O(id.into()),
                        D(year, 6, 1),
                        S("Réclamation"),
                        S("Accueil"),
                        N(1.0),
                        N(1.0),
                        S("En cours"),
                        X,
                    ],
                ],
            )],
        );
    }
    // The same ID again in a third file.
    ws.book(
        "REX-2026.xlsx",
        &[(
            "Registre",
            vec![
                rex_header(),
                vec![
                    S("e-1"),
                    D(2026, 1, 2),
                    S("Réclamation"),
                    X,
                    X,
                    X,
                    S("ouvert"),
                    X,
                ],
            ],
        )],
    );
    let c = check(&ws);
    let sources = &c.registers.sources[&RegisterKind::Rex];
    assert_eq!(
        sources.iter().map(|s| s.file.as_str()).collect::<Vec<_>>(),
        ["REX-2024.xlsx", "REX-2025.xlsx", "REX-2026.xlsx"]
    );
    assert_eq!(c.registers.events.len(), 3);
    let dup: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code.id() == "duplicate-id")
        .collect();
    assert_eq!(dup.len(), 1);
    assert_eq!(dup[0].location.to_string(), "REX-2026.xlsx › Registre › A2");
    assert!(
        dup[0]
            .message(smq::i18n::Lang::En)
            .contains("REX-2024.xlsx › Registre › A2")
    );
}

#[test]
fn dates_in_every_form_serials_and_errors() {
    let ws = Ws::new();
    let rows = vec![
        rex_header(),
        vec![S("E-1"), D(2025, 3, 12), S("ESR"), X, X, X, X, X],
        vec![S("E-2"), N(45728.0), S("ESR"), X, X, X, X, X],
        vec![S("E-3"), S("12/03/2025"), S("ESR"), X, X, X, X, X],
        vec![S("E-4"), S("12/03/25"), S("ESR"), X, X, X, X, X],
        vec![S("E-5"), S("2025-03-12"), S("ESR"), X, X, X, X, X],
        vec![S("E-6"), S("12 mars 2025"), S("ESR"), X, X, X, X, X],
        vec![S("E-7"), S("31/02/2025"), S("ESR"), X, X, X, X, X],
        vec![S("E-8"), E("1/0", "#DIV/0!"), S("ESR"), X, X, X, X, X],
        vec![S("E-9"), D(1925, 3, 12), S("ESR"), X, X, X, X, X],
        vec![S("E-10"), D(2027, 3, 12), S("ESR"), X, X, X, X, X],
        vec![S("E-11"), X, S("ESR"), X, X, X, X, X],
    ];
    ws.book("REX.xlsx", &[("R", rows)]);
    let c = check(&ws);
    let dates: Vec<Option<NaiveDate>> = c.registers.events.iter().map(|e| e.detected).collect();
    let want = Some(ymd(2025, 3, 12));
    assert_eq!(&dates[..6], &[want; 6]);
    assert_eq!(dates[6], None);
    assert_eq!(dates[7], None);
    assert_eq!(dates[8], Some(ymd(1925, 3, 12)));
    assert_eq!(
        codes(&c),
        exp(&[
            ("invalid-date", "B8"),
            ("excel-error", "B9"),
            ("date-too-old", "B10"),
            ("date-in-future", "B11"),
            ("required-missing", "B12"),
        ])
    );
    let msg = c
        .diagnostics
        .iter()
        .find(|d| d.code.id() == "invalid-date")
        .unwrap();
    assert_eq!(
        msg.message(smq::i18n::Lang::Fr),
        "«\u{a0}Date de détection\u{a0}» attend une date, trouvé «\u{a0}31/02/2025\u{a0}»"
    );
    assert_eq!(
        c.diagnostics
            .iter()
            .find(|d| d.code.id() == "excel-error")
            .unwrap()
            .message(smq::i18n::Lang::En),
        "the cell holds the Excel error #DIV/0!"
    );
}

/// Rewrites an xlsx so that its workbook uses the 1904 date system.
fn make_1904(path: &std::path::Path) {
    let bytes = std::fs::read(path).unwrap();
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/workbook.xml" {
            let text = String::from_utf8(data).unwrap();
            assert!(text.contains("<workbookPr"));
            data = text
                .replacen("<workbookPr", "<workbookPr date1904=\"1\"", 1)
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    std::fs::write(path, out.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn the_1904_date_system() {
    let ws = Ws::new();
    let p = ws.book(
        "REX.xlsx",
        &[(
            "R",
            vec![
                rex_header(),
                // 44266 is 2025-03-12 counted from 1904-01-01.
                vec![S("E-1"), N(44266.0), S("ESR"), X, X, X, X, X],
            ],
        )],
    );
    make_1904(&p);
    let c = check(&ws);
    assert_eq!(c.registers.events[0].detected, Some(ymd(2025, 3, 12)));
}

#[test]
fn numbers_percentages_and_formulas() {
    let ws = Ws::new();
    ws.book(
        "Indicateurs.xlsx",
        &[(
            "Valeurs",
            vec![
                vec![
                    S("Code indicateur"),
                    S("Période"),
                    S("Valeur (%)"),
                    S("Numérateur"),
                    S("Dénominateur"),
                ],
                vec![S("A"), S("03/2025"), S("1 234,5"), X, X],
                vec![S("A"), S("mars 2024"), S("95 %"), X, X],
                vec![S("A"), D(2024, 2, 10), F("=B1/2", 0.95), X, X],
                vec![S("A"), S("2024-01"), E("=1/0", "#DIV/0!"), X, X],
                vec![S("A"), S("2023-12"), S("env. 12"), X, X],
                vec![S("A"), S("2023-11"), X, N(3.0), N(0.0)],
                vec![S("A"), S("T1"), X, N(3.0), X],
            ],
        )],
    );
    let c = check(&ws);
    let v = &c.registers.indicator_values;
    assert_eq!(v[0].value.unwrap().value, 1234.5);
    assert_eq!(
        (v[1].value.unwrap().value, v[1].value.unwrap().percent),
        (95.0, true)
    );
    assert_eq!(
        v[2].value.unwrap().value,
        0.95,
        "formula cells use their cached value"
    );
    assert_eq!(v[2].period.unwrap().to_string(), "2024-02");
    assert!(v[3].value.is_none());
    assert_eq!(
        codes(&c),
        exp(&[
            ("excel-error", "C5"),
            ("invalid-number", "C6"),
            ("zero-denominator", "E7"),
            ("invalid-month", "B8"),
            ("required-missing", "E8"),
        ])
    );
}

#[test]
fn booleans_and_enumerations_with_suggestions() {
    let ws = Ws::new();
    ws.book(
        "REX.xlsx",
        &[(
            "R",
            vec![
                vec![
                    S("N°"),
                    S("Date"),
                    S("Type"),
                    S("Déclaré ASN"),
                    S("Date de déclaration ASN"),
                    S("Statut"),
                    S("Date de clôture"),
                ],
                vec![
                    S("E-1"),
                    D(2025, 1, 2),
                    S("ESR"),
                    S("oui"),
                    D(2025, 1, 4),
                    S("Clôturée"),
                    D(2025, 2, 1),
                ],
                vec![
                    S("E-2"),
                    D(2025, 1, 2),
                    S("événement significatif de radioprotection"),
                    S("X"),
                    D(2025, 1, 4),
                    S("soldés"),
                    D(2025, 2, 1),
                ],
                vec![
                    S("E-3"),
                    D(2025, 1, 2),
                    S("Presqu'accident"),
                    N(0.0),
                    X,
                    S("en cours d'analyse"),
                    X,
                ],
                vec![
                    S("E-4"),
                    D(2025, 1, 2),
                    S("Réclamation"),
                    S("peut-être"),
                    X,
                    S("Cloturé."),
                    X,
                ],
                vec![
                    S("E-5"),
                    D(2025, 1, 2),
                    S("Dysfontionnement"),
                    B(false),
                    X,
                    S("Clotue"),
                    X,
                ],
            ],
        )],
    );
    let c = check(&ws);
    let ev = &c.registers.events;
    assert!(ev[0].declared && ev[1].declared && !ev[2].declared);
    assert_eq!(ev[1].kind, Some(EventType::Esr));
    assert_eq!(ev[1].status, Some(Status::Closed));
    assert_eq!(ev[2].status, Some(Status::InProgress));
    assert_eq!(
        ev[3].status,
        Some(Status::Closed),
        "trailing punctuation is ignored"
    );
    assert_eq!(
        codes(&c),
        exp(&[
            ("invalid-boolean", "D5"),
            ("closed-without-date", "F5"),
            ("unknown-value", "C6"),
            ("unknown-value", "F6"),
        ])
    );
    let unknown = c
        .diagnostics
        .iter()
        .find(|d| d.location.cell.as_deref() == Some("C6"))
        .unwrap();
    assert_eq!(
        unknown.message(smq::i18n::Lang::Fr),
        "«\u{a0}Dysfontionnement\u{a0}» n'est pas une valeur connue pour «\u{a0}Type\u{a0}»\u{a0}; vouliez-vous dire «\u{a0}dysfonctionnement\u{a0}»\u{a0}?"
    );
    assert!(
        unknown
            .hint(smq::i18n::Lang::En)
            .contains("complaint, dysfunction, adverse event, near miss, ESR")
    );
}

#[test]
fn configuration_maps_headers_and_pins_sheets() {
    let ws = Ws::new();
    ws.book(
        "Suivi.xlsx",
        &[(
            "Feuil1",
            vec![
                vec![S("Réf évt"), S("Quand"), S("Genre")],
                vec![S("E-1"), D(2025, 1, 2), S("ESR")],
            ],
        )],
    );
    // Unknown headers: nothing recognised.
    let c = check(&ws);
    assert!(!c.registers.found(RegisterKind::Rex));
    std::fs::write(
        ws.file("smq.toml"),
        "[registers.rex]\nsheets = [\"Feuil1\"]\n[registers.rex.headers]\n\"Réf évt\" = \"id\"\n\"Quand\" = \"detected\"\n",
    )
    .unwrap();
    let c = check(&ws);
    assert!(c.registers.found(RegisterKind::Rex));
    assert_eq!(c.registers.events[0].detected, Some(ymd(2025, 1, 2)));
    // "Genre" is not mapped: the required type column is missing, on the
    // header row, and "Genre" is reported as a column not read.
    assert_eq!(
        codes(&c),
        exp(&[("missing-column", "A1"), ("unmapped-column", "C1")])
    );
    assert!(
        c.diagnostics[c.diagnostics.len() - 1]
            .message(smq::i18n::Lang::Fr)
            .contains("«\u{a0}Type\u{a0}» absente de la ligne d'en-tête 1")
            || c.diagnostics.iter().any(|d| d
                .message(smq::i18n::Lang::Fr)
                .contains("«\u{a0}Type\u{a0}» absente de la ligne d'en-tête 1"))
    );
}

#[test]
fn supplier_criteria_are_an_open_set() {
    let ws = Ws::new();
    ws.book(
        "Fournisseurs.xlsx",
        &[(
            "Evaluations",
            vec![
                vec![
                    S("Fournisseur"),
                    S("Date d'évaluation"),
                    S("Qualité"),
                    S("Délais"),
                    S("Réactivité"),
                    S("Décision"),
                    S("Remarque interne"),
                ],
                vec![
                    S("Curium"),
                    D(2025, 1, 10),
                    N(4.0),
                    N(3.0),
                    S("2,5"),
                    S("Agréé"),
                    S("ok"),
                ],
                vec![
                    S("Cyclopharma"),
                    D(2025, 1, 11),
                    N(2.0),
                    S("bof"),
                    N(3.0),
                    S("agréé sous réserve"),
                    S("voir"),
                ],
            ],
        )],
    );
    let c = check(&ws);
    assert_eq!(
        c.registers.supplier_criteria,
        ["Qualité", "Délais", "Réactivité"]
    );
    assert_eq!(
        c.registers.supplier_evaluations[0].criteria,
        [(0, 4.0), (1, 3.0), (2, 2.5)]
    );
    // "Remarque interne" is text: not a criterion, reported as not read.
    assert_eq!(
        codes(&c),
        exp(&[("unmapped-column", "G1"), ("invalid-number", "D3")])
    );

    // Configured criteria: only those columns.
    std::fs::write(
        ws.file("smq.toml"),
        "[suppliers]\ncriteria = [\"qualite\"]\n",
    )
    .unwrap();
    let c = check(&ws);
    assert_eq!(c.registers.supplier_criteria, ["Qualité"]);
    // The other columns are then not read, and said so.
    assert_eq!(
        codes(&c),
        exp(&[
            ("unmapped-column", "D1"),
            ("unmapped-column", "E1"),
            ("unmapped-column", "G1")
        ])
    );
}

#[test]
fn survey_questions_labels_numbers_and_scale() {
    let ws = Ws::new();
    ws.book(
        "Enquetes.xlsx",
        &[
            (
                "Patients",
                vec![
                    vec![
                        S("Campagne"),
                        S("Population"),
                        S("Accueil"),
                        S("Attente"),
                        S("Commentaire"),
                    ],
                    vec![
                        S("P-2025"),
                        S("Patient"),
                        S("Très satisfait"),
                        S("peu satisfait"),
                        S("RAS"),
                    ],
                    vec![S("P-2025"), S("patients"), N(3.0), S("Non concerné"), X],
                    vec![
                        S("P-2025"),
                        S("Patient"),
                        N(6.0),
                        S("pas du tout satisfait"),
                        X,
                    ],
                ],
            ),
            (
                "Prescripteurs",
                vec![
                    vec![
                        S("Campagne"),
                        S("Type de répondant"),
                        S("Délai des comptes rendus"),
                    ],
                    vec![
                        S("M-2025"),
                        S("Médecin correspondant"),
                        S("moyennement satisfait"),
                    ],
                    vec![S("M-2025"), S("prescripteur"), N(5.0)],
                ],
            ),
        ],
    );
    let c = check(&ws);
    assert_eq!(
        c.registers.survey_questions,
        ["Accueil", "Attente", "Délai des comptes rendus"]
    );
    let r = &c.registers.survey_responses;
    assert_eq!(r[0].answers, [(0, 4), (1, 2)]);
    assert_eq!(r[1].answers, [(0, 3)], "no answer is not a level");
    assert_eq!(r[0].scale, 4);
    assert_eq!(
        r[3].scale, 5,
        "a 5-level label makes the sheet a 5-level scale"
    );
    assert_eq!(r[3].answers, [(2, 3)]);
    assert_eq!(codes(&c), exp(&[("likert-out-of-range", "C4")]));
}

#[test]
fn unreadable_files_are_reported_and_the_run_goes_on() {
    let ws = Ws::new();
    std::fs::write(ws.file("notes.xlsx"), "ceci n'est pas un classeur").unwrap();
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend(std::iter::repeat_n(0u8, 1024));
    std::fs::write(ws.file("protected.xlsx"), &ole).unwrap();
    let good = ws.book(
        "REX.xlsx",
        &[(
            "R",
            vec![
                rex_header(),
                vec![S("E-1"), D(2025, 1, 2), S("ESR"), X, X, X, X, X],
            ],
        )],
    );
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(ws.file("truncated.xlsx"), &bytes[..bytes.len() / 2]).unwrap();
    std::fs::write(ws.file("~$REX.xlsx"), "lock").unwrap();
    std::fs::write(ws.file("empty.ods"), "").unwrap();
    let c = check(&ws);
    assert_eq!(c.registers.events.len(), 1);
    let unreadable: Vec<String> = c
        .diagnostics
        .iter()
        .filter(|d| d.code.id() == "unreadable-file")
        .map(|d| d.location.to_string())
        .collect();
    assert_eq!(
        unreadable,
        [
            "empty.ods",
            "notes.xlsx",
            "protected.xlsx",
            "truncated.xlsx"
        ]
    );
    let protected = c
        .diagnostics
        .iter()
        .find(|d| d.location.to_string() == "protected.xlsx")
        .unwrap();
    assert!(protected.message(smq::i18n::Lang::Fr).contains("chiffré"));
    assert_eq!(c.files.len(), 5, "the lock file is skipped");
}

#[test]
fn every_register_is_recognised_from_its_french_headers() {
    let ws = Ws::new();
    let one =
        |headers: &[&'static str]| -> Vec<Vec<C>> { vec![headers.iter().map(|h| S(h)).collect()] };
    ws.book(
        "Tout.xlsx",
        &[
            (
                "A",
                one(&[
                    "N° action",
                    "Origine",
                    "Description",
                    "Pilote",
                    "Date d'ouverture",
                    "Échéance",
                    "Statut",
                    "Efficacité",
                ]),
            ),
            (
                "B",
                one(&[
                    "Fournisseur",
                    "Catégorie",
                    "Fournisseur à risque",
                    "Date d'évaluation",
                    "Score",
                    "Décision",
                ]),
            ),
            ("C", one(&["Date", "Campagne", "Population", "Q1"])),
            (
                "D",
                one(&[
                    "Code",
                    "Libellé",
                    "Processus",
                    "Unité",
                    "Sens",
                    "Cible",
                    "Seuil d'alerte",
                    "Fréquence",
                ]),
            ),
            ("E", one(&["Code indicateur", "Mois", "Valeur"])),
            (
                "F",
                one(&[
                    "Année",
                    "Objectif",
                    "Indicateur",
                    "Cible",
                    "Échéance",
                    "Pilote",
                ]),
            ),
            (
                "G",
                one(&[
                    "N° audit",
                    "Type d'audit",
                    "Date",
                    "Auditeur",
                    "Périmètre",
                    "Référentiel",
                ]),
            ),
            (
                "H",
                one(&[
                    "N° constat",
                    "N° audit",
                    "Cotation",
                    "Chapitre",
                    "Processus",
                    "Constat",
                    "Action liée",
                    "Statut",
                ]),
            ),
            (
                "I",
                one(&[
                    "Référence",
                    "Titre",
                    "Catégorie",
                    "Version",
                    "Date d'application",
                    "Prochaine révision",
                ]),
            ),
            (
                "J",
                one(&[
                    "Référence",
                    "Intitulé",
                    "Date de publication",
                    "Thème",
                    "Applicable",
                    "Impact",
                ]),
            ),
            (
                "K",
                one(&["Partie intéressée", "Catégorie", "Proximité", "Attentes"]),
            ),
            (
                "L",
                one(&[
                    "Nom",
                    "Fonction",
                    "Formation",
                    "Date",
                    "Valable jusqu'au",
                    "Habilitation",
                ]),
            ),
            (
                "M",
                one(&[
                    "N° fiche",
                    "Date de l'événement",
                    "Type d'événement",
                    "Processus",
                    "Gravité",
                    "Fréquence",
                ]),
            ),
            ("Listes", one(&["Statut", "Type", "Processus"])),
        ],
    );
    let c = check(&ws);
    let found: Vec<(&str, &str)> = c
        .registers
        .sources
        .values()
        .flatten()
        .map(|s| (s.register.key(), s.sheet.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("rex", "M"),
            ("actions", "A"),
            ("suppliers", "B"),
            ("surveys", "C"),
            ("indicators", "D"),
            ("indicator-values", "E"),
            ("objectives", "F"),
            ("audits", "G"),
            ("findings", "H"),
            ("documents", "I"),
            ("watch", "J"),
            ("parties", "K"),
            ("training", "L"),
        ]
    );
    assert_eq!(
        codes(&c),
        exp(&[]),
        "headers only: found and empty, no error"
    );
}

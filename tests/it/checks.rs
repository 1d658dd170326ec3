//! Register-level and cross-register rules, each over a small workbook
//! written in the test, asserting the exact code and cell of every diagnostic.

use crate::common::*;
use smq::diagnostic::Severity;
use smq::i18n::Lang;

fn actions_sheet(rows: Vec<Vec<C>>) -> (&'static str, Vec<Vec<C>>) {
    let mut all = vec![vec![
        S("N° action"),
        S("Origine"),
        S("Description"),
        S("Date d'ouverture"),
        S("Échéance"),
        S("Date de réalisation"),
        S("Statut"),
        S("Indicateur"),
        S("Date de vérification de l'efficacité"),
    ]];
    all.extend(rows);
    ("Plan", all)
}

#[test]
fn action_dates_and_statuses() {
    let ws = Ws::new();
    ws.book(
        "Actions.xlsx",
        &[actions_sheet(vec![
            vec![
                S("AC-1"),
                X,
                S("ok"),
                D(2025, 1, 10),
                D(2025, 2, 1),
                D(2025, 1, 20),
                S("Réalisé"),
                X,
                D(2025, 3, 1),
            ],
            vec![
                S("AC-2"),
                X,
                S("fait avant d'être ouvert"),
                D(2025, 1, 10),
                D(2025, 2, 1),
                D(2025, 1, 5),
                S("Soldé"),
                X,
                X,
            ],
            vec![
                S("AC-3"),
                X,
                S("née en retard"),
                D(2025, 1, 10),
                D(2025, 1, 1),
                X,
                S("En cours"),
                X,
                X,
            ],
            vec![
                S("AC-4"),
                X,
                S("close sans date"),
                D(2025, 1, 10),
                X,
                X,
                S("Clos"),
                X,
                X,
            ],
            vec![
                S("AC-5"),
                X,
                S("date sans clôture"),
                D(2025, 1, 10),
                X,
                D(2025, 1, 12),
                S("en cours"),
                X,
                X,
            ],
            vec![
                S("AC-1"),
                X,
                S("doublon"),
                D(2025, 1, 10),
                X,
                X,
                S("à faire"),
                X,
                X,
            ],
            vec![
                S("AC-7"),
                X,
                X,
                D(2025, 1, 10),
                X,
                X,
                S("annulé"),
                X,
                D(2025, 1, 1),
            ],
        ])],
    );
    let c = check(&ws);
    assert_eq!(
        codes(&c),
        exp(&[
            ("date-before-open", "F3"),
            ("due-before-open", "E4"),
            ("closed-without-date", "G5"),
            ("date-without-closed", "F6"),
            ("duplicate-id", "A7"),
            ("required-missing", "C8"),
            ("date-before-open", "I8"),
        ])
    );
    let d = c
        .diagnostics
        .iter()
        .find(|d| d.location.cell.as_deref() == Some("F3"))
        .unwrap();
    assert_eq!(
        d.message(Lang::Fr),
        "«\u{a0}Date de réalisation\u{a0}» (05/01/2025) est antérieure à «\u{a0}Date d'ouverture\u{a0}» (10/01/2025)"
    );
    assert_eq!(
        d.message(Lang::En),
        "“Done date” (05/01/2025) is before “Opening date” (10/01/2025)"
    );
    assert_eq!(d.severity(), Severity::Error);
    let w = c
        .diagnostics
        .iter()
        .find(|d| d.code.id() == "closed-without-date")
        .unwrap();
    assert_eq!(w.severity(), Severity::Warning);
    assert_eq!(
        w.message(Lang::Fr),
        "le statut est «\u{a0}clos\u{a0}» mais «\u{a0}Date de réalisation\u{a0}» est vide"
    );
}

#[test]
fn links_between_registers() {
    let ws = Ws::new();
    ws.book(
        "SMQ.xlsx",
        &[
            (
                "REX",
                vec![
                    vec![
                        S("N°"),
                        S("Date"),
                        S("Type"),
                        S("Fournisseur"),
                        S("Actions liées"),
                        S("Déclaré ASN"),
                    ],
                    vec![
                        S("FEI-1"),
                        D(2025, 1, 2),
                        S("ESR"),
                        S("Curium"),
                        S("AC-1; AC-9"),
                        S("oui"),
                    ],
                    vec![
                        S("FEI-2"),
                        D(2025, 1, 3),
                        S("Réclamation"),
                        S("Inconnu SA"),
                        X,
                        S("oui"),
                    ],
                ],
            ),
            actions_sheet(vec![
                vec![
                    S("AC-1"),
                    S("FEI-1"),
                    S("a"),
                    D(2025, 1, 10),
                    X,
                    X,
                    S("en cours"),
                    S("IND-01"),
                    X,
                ],
                vec![
                    S("AC-2"),
                    S("FEI-77"),
                    S("b"),
                    D(2025, 1, 10),
                    X,
                    X,
                    S("en cours"),
                    S("Délai de RDV"),
                    X,
                ],
                vec![
                    S("AC-3"),
                    S("RDD-2024"),
                    S("c"),
                    D(2025, 1, 10),
                    X,
                    X,
                    S("en cours"),
                    S("IND-99"),
                    X,
                ],
                vec![
                    S("AC-4"),
                    S("Enquête de satisfaction"),
                    S("d"),
                    D(2025, 1, 10),
                    X,
                    X,
                    S("en cours"),
                    X,
                    X,
                ],
                vec![
                    S("AC-5"),
                    S("AUD-2025-1"),
                    S("e"),
                    D(2025, 1, 10),
                    X,
                    X,
                    S("en cours"),
                    X,
                    X,
                ],
                vec![
                    S("AC-6"),
                    S("C-3"),
                    S("f"),
                    D(2025, 1, 10),
                    X,
                    X,
                    S("en cours"),
                    X,
                    X,
                ],
            ]),
            (
                "Fournisseurs",
                vec![
                    vec![S("Fournisseur"), S("Date d'évaluation"), S("Décision")],
                    vec![S("CURIUM"), D(2025, 1, 5), S("agréé")],
                ],
            ),
            (
                "Audits",
                vec![
                    vec![S("N° audit"), S("Type d'audit"), S("Date")],
                    vec![S("AUD-2025-1"), S("Audit interne"), D(2025, 3, 1)],
                ],
            ),
            (
                "Constats",
                vec![
                    vec![
                        S("N° constat"),
                        S("N° audit"),
                        S("Cotation"),
                        S("Action liée"),
                        S("Statut"),
                        S("Date de clôture"),
                    ],
                    vec![
                        S("C-1"),
                        S("AUD-2025-1"),
                        S("Écart mineur"),
                        S("AC-5"),
                        S("Clos"),
                        D(2025, 2, 1),
                    ],
                    vec![S("C-2"), S("AUD-2024-9"), S("Point fort"), X, X, X],
                ],
            ),
            (
                "Définitions",
                vec![
                    vec![S("Code"), S("Libellé"), S("Cible"), S("Sens")],
                    vec![S("IND-01"), S("Délai de RDV"), N(10.0), S("à réduire")],
                ],
            ),
            (
                "Valeurs",
                vec![
                    vec![S("Code"), S("Mois"), S("Valeur")],
                    vec![S("IND-01"), S("2025-01"), N(9.0)],
                    vec![S("IND-02"), S("2025-01"), N(9.0)],
                ],
            ),
            (
                "Objectifs",
                vec![
                    vec![S("Année"), S("Objectif"), S("Indicateur"), S("Cible")],
                    vec![N(2025.0), S("Réduire le délai"), S("délai de rdv"), N(8.0)],
                    vec![S("2025"), S("Autre"), S("IND-42"), N(8.0)],
                ],
            ),
        ],
    );
    let c = check(&ws);
    let mut got = codes(&c);
    got.sort();
    let mut want = exp(&[
        // REX
        ("unknown-action", "E2"),
        ("unknown-supplier", "D3"),
        ("declared-not-esr", "F3"),
        // Actions: FEI-77 has an event's shape; C-3 a finding's; "RDD-2024"
        // and free text are other origins.
        ("unknown-origin", "B3"),
        ("unknown-indicator", "H4"),
        ("unknown-origin", "B7"),
        // Findings: closed before its audit; unknown audit.
        ("date-before-open", "F2"),
        ("unknown-audit", "B3"),
        // Values and objectives.
        ("unknown-indicator", "A3"),
        ("unknown-indicator", "C3"),
    ]);
    want.sort();
    assert_eq!(got, want);
    let unknown_action = c
        .diagnostics
        .iter()
        .find(|d| d.code.id() == "unknown-action")
        .unwrap();
    assert_eq!(unknown_action.location.to_string(), "SMQ.xlsx › REX › E2");
    assert!(
        unknown_action
            .message(Lang::Fr)
            .contains("«\u{a0}AC-9\u{a0}»")
    );
}

#[test]
fn registers_not_found_are_warnings_naming_the_register() {
    let ws = Ws::new();
    let c = check(&ws);
    let nf: Vec<_> = c
        .diagnostics
        .iter()
        .filter(|d| d.code.id() == "register-not-found")
        .collect();
    // Every register but the optional review commentary.
    assert_eq!(nf.len(), smq::registers::RegisterKind::ALL.len() - 1);
    assert!(
        !nf.iter()
            .any(|d| d.register == Some(smq::registers::RegisterKind::Comments))
    );
    assert!(nf.iter().all(|d| d.severity() == Severity::Warning));
    assert!(nf.iter().any(|d| d.message(Lang::Fr)
        == "registre «\u{a0}veille réglementaire\u{a0}» introuvable dans le dossier"));
    assert!(
        nf.iter()
            .any(|d| d.hint(Lang::En).contains("[registers.watch]"))
    );
}

#[test]
fn duplicate_columns_keep_the_first_and_warn() {
    let ws = Ws::new();
    ws.book(
        "REX.xlsx",
        &[(
            "R",
            vec![
                vec![S("N°"), S("Date"), S("Type"), S("Statut"), S("État")],
                vec![
                    S("E-1"),
                    D(2025, 1, 2),
                    S("ESR"),
                    S("en cours"),
                    S("n'importe quoi"),
                ],
            ],
        )],
    );
    let c = check(&ws);
    assert_eq!(codes(&c), exp(&[("duplicate-column", "E1")]));
}

#[test]
fn training_validity_before_training_date() {
    let ws = Ws::new();
    ws.book(
        "Formations.xlsx",
        &[(
            "F",
            vec![
                vec![
                    S("Nom"),
                    S("Fonction"),
                    S("Formation"),
                    S("Date"),
                    S("Valable jusqu'au"),
                    S("Habilitation"),
                ],
                vec![
                    S("Jeanne Martin"),
                    S("Manipulatrice"),
                    S("Radioprotection des patients"),
                    D(2024, 5, 2),
                    D(2034, 5, 2),
                    S("oui"),
                ],
                vec![
                    S("Paul Durand"),
                    S("Secrétaire"),
                    S("AFGSU"),
                    D(2024, 5, 2),
                    D(2020, 5, 2),
                    S("non"),
                ],
            ],
        )],
    );
    let c = check(&ws);
    assert_eq!(codes(&c), exp(&[("date-before-open", "E3")]));
    assert_eq!(c.registers.training[0].habilitation, Some(true));
}

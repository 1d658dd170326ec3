//! Audits and their findings: an internal audit every year, the ISO 9001
//! certification cycle (certification 2023, surveillance 2024 and 2025,
//! renewal 2026), ASN inspections in 2022 and 2025, a peer audit in 2024
//! and a cross audit planned for December 2026.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::cal::{self, ymd};
use super::rng::Rng;
use super::service::Proc;
use super::xlsx::{Book, Cell, Layout};
use super::{Scale, World};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditKind {
    Internal,
    Certification,
    Surveillance,
    Renewal,
    Asn,
    Peer,
    Cross,
}

pub struct Audit {
    pub id: String,
    pub kind: AuditKind,
    pub date: NaiveDate,
    pub auditor: &'static str,
    pub scope: &'static str,
    pub standard: &'static str,
}

impl Audit {
    fn planned(&self) -> bool {
        self.date > cal::as_of()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grade {
    Strength,
    Observation,
    Improvement,
    Minor,
    Major,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FindingStatus {
    InProgress,
    Closed,
}

pub struct Finding {
    pub id: String,
    pub audit: usize,
    pub audit_date: NaiveDate,
    pub grade: Grade,
    pub clause: &'static str,
    pub process: Proc,
    pub description: &'static str,
    /// The action the finding calls for, if any.
    pub action_text: Option<&'static str>,
    pub actions: Vec<String>,
    pub status: Option<FindingStatus>,
    pub closed: Option<NaiveDate>,
}

/// (clause, process, finding, action it calls for)
type Item = (&'static str, Proc, &'static str, &'static str);

const STRENGTHS: &[Item] = &[
    (
        "6.2",
        Proc::Quality,
        "Objectifs qualité déclinés par processus et suivis mensuellement en réunion qualité.",
        "",
    ),
    (
        "10.2",
        Proc::Quality,
        "Démarche REX active : CREX mensuel et analyses systémiques ORION documentées.",
        "",
    ),
    (
        "8.5.2",
        Proc::Radiopharmacy,
        "Traçabilité complète des préparations radiopharmaceutiques, du lot à l'injection.",
        "",
    ),
    (
        "7.2",
        Proc::HumanResources,
        "Parcours d'habilitation au poste formalisé et suivi pour chaque manipulateur.",
        "",
    ),
    (
        "9.1.2",
        Proc::Reception,
        "Enquêtes de satisfaction patients et prescripteurs exploitées et affichées.",
        "",
    ),
    (
        "8.4.1",
        Proc::Purchasing,
        "Évaluation annuelle des fournisseurs critiques réalisée et tracée.",
        "",
    ),
    (
        "7.1.5",
        Proc::Maintenance,
        "Contrôles qualité des gamma-caméras réalisés et analysés chaque jour.",
        "",
    ),
    (
        "5.1",
        Proc::Quality,
        "Implication de la direction médicale visible dans les revues de processus.",
        "",
    ),
];

const IMPROVEMENTS: &[Item] = &[
    (
        "4.2",
        Proc::Quality,
        "Revue annuelle des parties intéressées à tracer (date, participants).",
        "Tracer la revue annuelle des parties intéressées.",
    ),
    (
        "9.1.3",
        Proc::Quality,
        "Indicateurs présentés sans analyse de tendance.",
        "Présenter les tendances des indicateurs (cartes de contrôle) en réunion qualité.",
    ),
    (
        "7.1.6",
        Proc::Quality,
        "Retours des formations externes non partagés avec l'équipe.",
        "Organiser une restitution après chaque formation externe.",
    ),
    (
        "8.2.1",
        Proc::Booking,
        "Information des patients sur la préparation des examens à harmoniser entre secrétaires.",
        "Rédiger une fiche d'information unique par type d'examen.",
    ),
    (
        "7.4",
        Proc::Reception,
        "Communication des résultats des indicateurs à l'équipe à renforcer.",
        "Afficher le tableau de bord mensuel en salle de pause.",
    ),
    (
        "8.5.1",
        Proc::Acquisition,
        "Concordance des protocoles d'acquisition entre caméras à vérifier après les mises à jour.",
        "Vérifier les protocoles d'acquisition après chaque mise à jour logicielle.",
    ),
    (
        "6.1",
        Proc::Quality,
        "Cartographie des risques à mettre à jour après l'arrivée des caméras CZT.",
        "Mettre à jour la cartographie des risques.",
    ),
    (
        "8.4.2",
        Proc::Purchasing,
        "Critères de réévaluation des prestataires de maintenance à préciser.",
        "Définir les critères de réévaluation des prestataires de maintenance.",
    ),
    (
        "9.1.2",
        Proc::Reporting,
        "Taux de réponse faible à l'enquête prescripteurs.",
        "Relancer l'enquête prescripteurs par messagerie sécurisée.",
    ),
];

const MINORS: &[Item] = &[
    (
        "7.5.3",
        Proc::Quality,
        "Deux versions d'un mode opératoire en circulation en salle d'injection.",
        "Retirer les versions obsolètes et vérifier l'affichage en salle d'injection.",
    ),
    (
        "7.2",
        Proc::HumanResources,
        "Habilitation au poste non formalisée pour un manipulateur arrivé récemment.",
        "Formaliser l'habilitation au poste des nouveaux arrivants.",
    ),
    (
        "7.1.5",
        Proc::Radiopharmacy,
        "Certificat d'étalonnage de l'activimètre de la salle chaude non disponible.",
        "Obtenir et classer le certificat d'étalonnage de l'activimètre.",
    ),
    (
        "8.5.1",
        Proc::Injection,
        "Double vérification identité / prescription non tracée en salle d'injection.",
        "Ajouter la double vérification tracée à la feuille d'injection.",
    ),
    (
        "10.2",
        Proc::Quality,
        "Efficacité non évaluée pour plusieurs actions correctives soldées.",
        "Évaluer l'efficacité des actions soldées depuis plus de trois mois.",
    ),
    (
        "9.2",
        Proc::Quality,
        "Programme d'audit interne ne couvrant pas tous les processus sur le cycle.",
        "Compléter le programme d'audit interne sur trois ans.",
    ),
    (
        "9.3",
        Proc::Quality,
        "Revue de direction : performance des prestataires externes non présentée.",
        "Ajouter l'évaluation des fournisseurs aux entrées de la revue de direction.",
    ),
    (
        "8.7",
        Proc::Acquisition,
        "Examens à refaire non enregistrés comme non-conformités.",
        "Enregistrer les examens à refaire dans le registre REX.",
    ),
    (
        "8.4.1",
        Proc::Waste,
        "Prestataire déchets non réévalué malgré des retards répétés.",
        "Réévaluer le prestataire déchets et lui demander un plan de progrès.",
    ),
];

const MAJOR: Item = (
    "9.3",
    Proc::Quality,
    "Absence de revue de direction formalisée sur l'année écoulée.",
    "Organiser et formaliser la revue de direction annuelle.",
);

const ASN_STRENGTHS: &[Item] = &[
    (
        "Art. 9",
        Proc::HumanResources,
        "Formation à la radioprotection des patients à jour pour le personnel concerné.",
        "",
    ),
    (
        "Art. 10",
        Proc::Quality,
        "Événements enregistrés et analysés ; CREX mensuel tracé.",
        "",
    ),
];

const ASN_GAPS: &[Item] = &[
    (
        "Art. 4",
        Proc::Quality,
        "Analyse des risques a priori à compléter pour les patients à risque (enfants, femmes enceintes).",
        "Compléter l'analyse des risques a priori pour les patients à risque.",
    ),
    (
        "Art. 5",
        Proc::Quality,
        "Programme d'actions issu de l'évaluation du système de gestion de la qualité à formaliser.",
        "Formaliser le programme d'actions issu de l'évaluation du SGQ.",
    ),
    (
        "Art. 6",
        Proc::Reporting,
        "Modalités de validation de la justification des actes à formaliser.",
        "Rédiger la procédure de justification des actes.",
    ),
    (
        "Art. 7",
        Proc::Injection,
        "Procédures d'optimisation à rédiger pour deux types d'actes.",
        "Rédiger les protocoles d'optimisation manquants.",
    ),
    (
        "Art. 7",
        Proc::RadiationProtection,
        "Analyse des niveaux de référence diagnostiques non présentée à l'équipe.",
        "Présenter l'analyse annuelle des NRD en réunion d'équipe.",
    ),
    (
        "Art. 8",
        Proc::Reception,
        "Remise des consignes de sortie au patient non tracée.",
        "Tracer la remise des consignes de sortie dans le dossier.",
    ),
    (
        "Art. 9",
        Proc::HumanResources,
        "Habilitation au poste non tracée pour deux agents.",
        "Tracer l'habilitation au poste des agents concernés.",
    ),
    (
        "Art. 10",
        Proc::RadiationProtection,
        "Critères de choix des événements à analyser de manière systémique non formalisés.",
        "Définir les critères de sélection des événements analysés en CREX.",
    ),
    (
        "Art. 10",
        Proc::Quality,
        "Partage des retours d'expérience avec l'ensemble de l'équipe à renforcer.",
        "Diffuser une lettre REX trimestrielle.",
    ),
];

/// (kind, date, auditor, scope, standard)
type Programme = (
    AuditKind,
    (i32, u32, u32),
    &'static str,
    &'static str,
    &'static str,
);

const ISO: &str = "ISO 9001:2015";
const ISO_0660: &str = "ISO 9001:2015 ; décision ASN n° 2019-DC-0660";
const CSP_0660: &str = "Code de la santé publique ; décision n° 2019-DC-0660";
const CB: &str = "CertiQual Santé (organisme certificateur)";
const INTERNAL: &str = "Sophie Aubert, Marc Delaunay (auditeurs internes)";

const PROGRAMME: &[Programme] = &[
    (
        AuditKind::Internal,
        (2022, 5, 17),
        INTERNAL,
        "Préparation et injection ; Radiopharmacie",
        ISO_0660,
    ),
    (
        AuditKind::Asn,
        (2022, 10, 11),
        "ASN — division territoriale",
        "Radioprotection des patients et des travailleurs ; assurance de la qualité",
        CSP_0660,
    ),
    (
        AuditKind::Certification,
        (2023, 3, 21),
        CB,
        "Ensemble des processus du service",
        ISO,
    ),
    (
        AuditKind::Internal,
        (2023, 10, 17),
        INTERNAL,
        "Accueil ; Prise de rendez-vous ; Interprétation et compte rendu",
        ISO_0660,
    ),
    (
        AuditKind::Surveillance,
        (2024, 3, 19),
        CB,
        "Processus de réalisation et management",
        ISO,
    ),
    (
        AuditKind::Internal,
        (2024, 6, 11),
        INTERNAL,
        "Déchets et effluents ; Maintenance ; Achats",
        ISO_0660,
    ),
    (
        AuditKind::Peer,
        (2024, 11, 26),
        "Équipe de médecine nucléaire d'un centre partenaire",
        "Parcours patient en scintigraphie myocardique",
        "Grille IAEA QUANUM",
    ),
    (
        AuditKind::Surveillance,
        (2025, 3, 18),
        CB,
        "Processus support et amélioration",
        ISO,
    ),
    (
        AuditKind::Asn,
        (2025, 6, 24),
        "ASNR — division territoriale",
        "Assurance de la qualité en imagerie médicale",
        CSP_0660,
    ),
    (
        AuditKind::Internal,
        (2025, 9, 23),
        INTERNAL,
        "Radioprotection ; Ressources humaines (habilitations)",
        ISO_0660,
    ),
    (
        AuditKind::Renewal,
        (2026, 3, 17),
        CB,
        "Ensemble des processus du service",
        ISO,
    ),
    (
        AuditKind::Internal,
        (2026, 6, 16),
        INTERNAL,
        "Acquisition des images ; Système d'information",
        ISO_0660,
    ),
    (
        AuditKind::Cross,
        (2026, 12, 8),
        "Service de médecine nucléaire partenaire",
        "Gestion des déchets et effluents",
        ISO_0660,
    ),
];

fn kind_label(k: AuditKind, year: i32) -> &'static str {
    match k {
        AuditKind::Internal => "Audit interne",
        AuditKind::Certification => "Audit de certification",
        AuditKind::Surveillance if year == 2025 => "Surveillance 2",
        AuditKind::Surveillance => "Audit de surveillance",
        AuditKind::Renewal => "Audit de renouvellement",
        AuditKind::Asn if year >= 2025 => "Inspection ASNR",
        AuditKind::Asn => "Inspection ASN",
        AuditKind::Peer => "Audit par les pairs",
        AuditKind::Cross => "Audit croisé",
    }
}

fn grade_label(k: AuditKind, g: Grade) -> &'static str {
    match (k, g) {
        (AuditKind::Asn, Grade::Strength) => "Bonne pratique",
        (AuditKind::Asn, Grade::Minor) => "Écart",
        (_, Grade::Strength) => "Point fort",
        (AuditKind::Internal, Grade::Observation) => "Point sensible",
        (_, Grade::Observation) => "Observation",
        (AuditKind::Internal, Grade::Improvement) => "Opportunité d'amélioration",
        (AuditKind::Peer, Grade::Improvement) => "Piste d'amélioration",
        (_, Grade::Improvement) => "Piste de progrès",
        (AuditKind::Internal, Grade::Minor) => "Écart mineur",
        (_, Grade::Minor) => "NC mineure",
        (_, Grade::Major) => "Écart majeur",
    }
}

/// Draws `n` distinct items of `pool`.
fn draw(rng: &mut Rng, pool: &'static [Item], n: usize) -> Vec<&'static Item> {
    let mut idx: Vec<usize> = (0..pool.len()).collect();
    rng.shuffle(&mut idx);
    idx.into_iter().take(n).map(|i| &pool[i]).collect()
}

pub fn generate(rng: &mut Rng, scale: &Scale) -> (Vec<Audit>, Vec<Finding>) {
    let mut audits: Vec<Audit> = PROGRAMME
        .iter()
        .map(|&(kind, (y, m, d), auditor, scope, standard)| Audit {
            id: String::new(),
            kind,
            date: ymd(y, m, d),
            auditor,
            scope,
            standard,
        })
        .collect();
    // Stress workspaces add internal and cross audits (other sites).
    let extra = scale.n(PROGRAMME.len()).saturating_sub(PROGRAMME.len());
    for _ in 0..extra {
        let date = cal::random_workday(rng, cal::start(), cal::add_days(cal::as_of(), -1));
        let kind = if rng.chance(0.7) {
            AuditKind::Internal
        } else {
            AuditKind::Cross
        };
        audits.push(Audit {
            id: String::new(),
            kind,
            date,
            auditor: INTERNAL,
            scope: "Processus tiré au sort",
            standard: ISO_0660,
        });
    }
    audits.sort_by_key(|a| a.date);
    let years: Vec<i32> = audits.iter().map(|a| a.date.year()).collect();
    for (a, id) in audits.iter_mut().zip(super::yearly_ids("AUD", &years, 2)) {
        a.id = id;
    }

    let mut findings = Vec::new();
    for (ai, a) in audits.iter().enumerate() {
        if a.planned() {
            continue;
        }
        let mut items: Vec<(Grade, &'static Item)> = Vec::new();
        let n = |rng: &mut Rng, lo: i64, hi: i64| rng.range(lo, hi) as usize;
        match a.kind {
            AuditKind::Asn => {
                let k = n(rng, 1, 1);
                items.extend(
                    draw(rng, ASN_STRENGTHS, k)
                        .into_iter()
                        .map(|i| (Grade::Strength, i)),
                );
                let gaps = n(rng, 3, 5);
                for (j, i) in draw(rng, ASN_GAPS, gaps).into_iter().enumerate() {
                    items.push((
                        if j < 2 {
                            Grade::Minor
                        } else {
                            Grade::Observation
                        },
                        i,
                    ));
                }
            }
            AuditKind::Peer => {
                let k = n(rng, 2, 2);
                items.extend(
                    draw(rng, STRENGTHS, k)
                        .into_iter()
                        .map(|i| (Grade::Strength, i)),
                );
                let k = n(rng, 2, 3);
                items.extend(
                    draw(rng, IMPROVEMENTS, k)
                        .into_iter()
                        .map(|i| (Grade::Improvement, i)),
                );
            }
            AuditKind::Internal | AuditKind::Cross => {
                let k = n(rng, 1, 2);
                items.extend(
                    draw(rng, STRENGTHS, k)
                        .into_iter()
                        .map(|i| (Grade::Strength, i)),
                );
                let k = n(rng, 1, 3);
                let improvements = draw(rng, IMPROVEMENTS, k + 2);
                for (j, i) in improvements.into_iter().enumerate() {
                    let grade = if j < k {
                        Grade::Improvement
                    } else {
                        Grade::Observation
                    };
                    if j < k || rng.chance(0.4) {
                        items.push((grade, i));
                    }
                }
                let k = n(rng, 1, 2);
                items.extend(draw(rng, MINORS, k).into_iter().map(|i| (Grade::Minor, i)));
                if a.date.year() == 2022 && ai == 0 {
                    items.push((Grade::Major, &MAJOR));
                }
            }
            AuditKind::Certification | AuditKind::Surveillance | AuditKind::Renewal => {
                let k = n(rng, 2, 3);
                items.extend(
                    draw(rng, STRENGTHS, k)
                        .into_iter()
                        .map(|i| (Grade::Strength, i)),
                );
                let k = n(rng, 2, 3);
                items.extend(
                    draw(rng, IMPROVEMENTS, k)
                        .into_iter()
                        .map(|i| (Grade::Improvement, i)),
                );
                let k = n(rng, 0, 2);
                items.extend(draw(rng, MINORS, k).into_iter().map(|i| (Grade::Minor, i)));
            }
        }
        for (grade, &(clause, process, description, action)) in items {
            findings.push(Finding {
                id: String::new(),
                audit: ai,
                audit_date: a.date,
                grade,
                clause,
                process,
                description,
                action_text: (!action.is_empty()).then_some(action),
                actions: Vec::new(),
                status: None,
                closed: None,
            });
        }
    }
    let years: Vec<i32> = findings.iter().map(|f| f.audit_date.year()).collect();
    for (f, id) in findings.iter_mut().zip(super::yearly_ids("CST", &years, 3)) {
        f.id = id;
    }
    (audits, findings)
}

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Programme d'audits et suivi des constats", world.fast)?;
    let layout = Layout::new("Audits", "Programme des audits et inspections")
        .col("N° audit", 13.0)
        .col("Type d'audit", 24.0)
        .col("Date", 12.0)
        .col("Auditeur / organisme", 42.0)
        .text_col("Périmètre", 45.0)
        .col("Référentiel", 42.0)
        .col("Statut", 12.0);
    let mut out = book.sheet(layout)?;
    for a in &world.audits {
        let status = if a.planned() {
            "Prévu"
        } else if a.date.year() <= 2024 {
            "Clos"
        } else {
            "Réalisé"
        };
        out.row(&[
            Cell::from(&a.id),
            Cell::from(kind_label(a.kind, a.date.year())),
            Cell::Date(a.date),
            Cell::from(a.auditor),
            Cell::from(a.scope),
            Cell::from(a.standard),
            Cell::from(status),
        ])?;
    }
    out.finish()?;

    let layout = Layout::new("Constats", "Suivi des constats d'audit et d'inspection")
        .blank_first_col()
        .col("N° constat", 14.0)
        .col("N° audit", 13.0)
        .col("Cotation", 22.0)
        .col("Clause / article", 10.0)
        .col("Processus", 26.0)
        .text_col("Constat", 60.0)
        .col("Action liée", 14.0)
        .col("Statut", 11.0)
        .col("Date de levée", 12.0);
    let mut out = book.sheet(layout)?;
    for f in &world.findings {
        let audit = &world.audits[f.audit];
        let status = match f.status {
            None => "",
            Some(FindingStatus::InProgress) => "En cours",
            Some(FindingStatus::Closed) => "Soldé",
        };
        out.row(&[
            Cell::from(&f.id),
            Cell::from(&audit.id),
            Cell::from(grade_label(audit.kind, f.grade)),
            Cell::from(f.clause),
            Cell::from(f.process.label()),
            Cell::from(f.description),
            Cell::from(f.actions.join(", ")),
            Cell::from(status),
            Cell::from(f.closed),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Audits.xlsx")?])
}

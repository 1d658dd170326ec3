//! The action plan: corrective actions decided on events (CREX) and audit
//! findings, improvement actions from the management reviews (`RDD-2025`),
//! the satisfaction surveys, the risk analysis and the regulatory watch.
//! Each action gets a due date, is done (or not: some are late), and its
//! effectiveness is checked a few months later.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::audits::{Finding, FindingStatus, Grade};
use super::cal::{self, ymd};
use super::indicators::{self, Def};
use super::people::Staff;
use super::rex::{Event, EventKind};
use super::rng::Rng;
use super::service::Proc;
use super::watch::{Item, WatchStatus};
use super::xlsx::{Book, Cell, Layout};
use super::{Scale, World};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionKind {
    Corrective,
    Preventive,
    Improvement,
    Correction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionStatus {
    Todo,
    InProgress,
    Done,
    Closed,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effectiveness {
    Effective,
    Partial,
    NotEffective,
    ToEvaluate,
}

pub struct Action {
    pub id: String,
    pub origin: String,
    pub kind: ActionKind,
    pub process: Proc,
    pub description: String,
    pub owner: String,
    pub opened: NaiveDate,
    pub due: NaiveDate,
    pub done: Option<NaiveDate>,
    pub status: ActionStatus,
    pub effectiveness: Option<Effectiveness>,
    pub checked_on: Option<NaiveDate>,
    pub indicator: Option<String>,
}

#[derive(Debug, Clone, Copy)]
enum Link {
    Event(usize),
    Finding(usize),
    Watch(usize),
    None,
}

const CORRECTIVE: &[(Proc, &[&str])] = &[
    (
        Proc::Reception,
        &[
            "Rappeler la procédure d'identitovigilance en réunion d'équipe.",
            "Vérifier l'identité du patient à chaque étape (accueil, injection, acquisition).",
            "Réorganiser l'accueil téléphonique aux heures de pointe.",
            "Mettre à jour la fiche d'information remise au patient.",
        ],
    ),
    (
        Proc::Booking,
        &[
            "Réserver des créneaux d'urgence sur chaque caméra.",
            "Paramétrer le RIS pour empêcher les doubles réservations.",
            "Envoyer les consignes de préparation par SMS la veille de l'examen.",
            "Revoir la répartition des vacations entre les caméras.",
        ],
    ),
    (
        Proc::Injection,
        &[
            "Mettre en place la double vérification tracée avant l'injection.",
            "Réviser le mode opératoire d'injection.",
            "Former les manipulateurs à la pose de voie veineuse difficile.",
            "Ajouter l'activité mesurée au modèle d'étiquette de seringue.",
        ],
    ),
    (
        Proc::Acquisition,
        &[
            "Ajouter le contrôle du collimateur à la check-list d'ouverture de salle.",
            "Verrouiller les protocoles d'acquisition validés sur chaque caméra.",
            "Rédiger une consigne d'installation et de contention des patients.",
            "Installer une barre d'appui près de la table d'examen.",
        ],
    ),
    (
        Proc::Reporting,
        &[
            "Organiser la validation des comptes rendus à J+1.",
            "Vérifier les destinataires du compte rendu dès l'enregistrement de la demande.",
            "Déployer la dictée numérique avec reconnaissance vocale.",
        ],
    ),
    (
        Proc::Radiopharmacy,
        &[
            "Renforcer le contrôle à réception des colis de radiopharmaceutiques.",
            "Suivre les dates de péremption des trousses de marquage.",
            "Tracer systématiquement les contrôles de pureté radiochimique.",
            "Demander un plan d'action au fournisseur du générateur.",
        ],
    ),
    (
        Proc::Waste,
        &[
            "Rappeler les règles de tri et d'étiquetage des déchets radioactifs.",
            "Planifier les collectes avec le prestataire et suivre les retards.",
            "Vérifier chaque mois le niveau des cuves d'effluents.",
            "Réviser le plan de gestion des déchets et effluents.",
        ],
    ),
    (
        Proc::RadiationProtection,
        &[
            "Rappeler le port du dosimètre opérationnel en zone contrôlée.",
            "Renforcer les contrôles de contamination en fin de vacation.",
            "Suivre les retours de dosimètres avec le laboratoire.",
            "Installer un signal de fermeture sur la porte du local de livraison.",
        ],
    ),
    (
        Proc::Maintenance,
        &[
            "Demander au prestataire un rapport d'intervention et un plan d'action.",
            "Mettre à jour le planning de maintenance préventive des caméras.",
            "Rédiger une procédure dégradée en cas de panne de caméra.",
            "Faire réétalonner l'activimètre et renforcer les contrôles de constance.",
        ],
    ),
    (
        Proc::InformationSystem,
        &[
            "Rédiger une procédure dégradée en cas de panne du RIS.",
            "Exiger la validation préalable des mises à jour logicielles.",
            "Contrôler chaque jour les transferts vers le PACS.",
        ],
    ),
];

/// (text, process, indicator number or 0)
type Decision = (&'static str, Proc, usize);

const REVIEW: &[Decision] = &[
    (
        "Réviser la cartographie des risques du service.",
        Proc::Quality,
        0,
    ),
    ("Former deux nouveaux auditeurs internes.", Proc::Quality, 0),
    (
        "Partager un tableau de bord mensuel des indicateurs avec l'équipe.",
        Proc::Quality,
        0,
    ),
    (
        "Réaliser chaque année une enquête de satisfaction auprès des prescripteurs.",
        Proc::Reporting,
        0,
    ),
    (
        "Renforcer le suivi des habilitations au poste.",
        Proc::HumanResources,
        19,
    ),
    (
        "Établir un plan de renouvellement des gamma-caméras.",
        Proc::Maintenance,
        11,
    ),
    (
        "Ouvrir des plages de rendez-vous supplémentaires en scintigraphie osseuse.",
        Proc::Booking,
        2,
    ),
    (
        "Réduire le délai de mise à disposition des comptes rendus.",
        Proc::Reporting,
        4,
    ),
    (
        "Présenter l'évaluation des fournisseurs en revue de direction.",
        Proc::Purchasing,
        0,
    ),
    (
        "Réorganiser le circuit des déchets radioactifs avec le nouveau prestataire.",
        Proc::Waste,
        24,
    ),
    (
        "Améliorer le taux de réalisation des actions dans les délais.",
        Proc::Quality,
        17,
    ),
    (
        "Former l'ensemble du personnel à la déclaration des événements.",
        Proc::Quality,
        14,
    ),
];

/// (date, origin, kind, text, process, indicator number or 0)
type Planned = (
    (i32, u32, u32),
    &'static str,
    ActionKind,
    &'static str,
    Proc,
    usize,
);

const OTHER: &[Planned] = &[
    (
        (2022, 7, 5),
        "Enquête de satisfaction",
        ActionKind::Improvement,
        "Afficher les retards en salle d'attente.",
        Proc::Reception,
        23,
    ),
    (
        (2023, 1, 10),
        "Enquête de satisfaction",
        ActionKind::Improvement,
        "Réaménager la salle d'attente (sièges, signalétique).",
        Proc::Reception,
        0,
    ),
    (
        (2023, 11, 7),
        "Enquête de satisfaction prescripteurs",
        ActionKind::Improvement,
        "Envoyer les comptes rendus par messagerie sécurisée de santé.",
        Proc::Reporting,
        4,
    ),
    (
        (2024, 7, 2),
        "Enquête de satisfaction",
        ActionKind::Improvement,
        "Revoir le script de l'accueil téléphonique.",
        Proc::Reception,
        0,
    ),
    (
        (2025, 11, 4),
        "Enquête de satisfaction prescripteurs",
        ActionKind::Improvement,
        "Créer une ligne téléphonique réservée aux prescripteurs.",
        Proc::Booking,
        0,
    ),
    (
        (2026, 7, 7),
        "Enquête de satisfaction",
        ActionKind::Improvement,
        "Proposer la prise de rendez-vous en ligne.",
        Proc::Booking,
        2,
    ),
    (
        (2022, 4, 12),
        "Risque",
        ActionKind::Preventive,
        "Sécuriser l'approvisionnement en générateurs Tc-99m (second fournisseur).",
        Proc::Radiopharmacy,
        13,
    ),
    (
        (2023, 5, 16),
        "Risque",
        ActionKind::Preventive,
        "Prévoir un plan de continuité en cas de panne prolongée d'une caméra.",
        Proc::Maintenance,
        11,
    ),
    (
        (2024, 2, 13),
        "Risque",
        ActionKind::Preventive,
        "Organiser un exercice de gestion d'une contamination.",
        Proc::RadiationProtection,
        0,
    ),
    (
        (2025, 4, 8),
        "Risque",
        ActionKind::Preventive,
        "Mettre en place une sauvegarde hors ligne du RIS.",
        Proc::InformationSystem,
        0,
    ),
    (
        (2026, 2, 10),
        "Risque",
        ActionKind::Preventive,
        "Anticiper les départs en retraite des manipulateurs (tutorat).",
        Proc::HumanResources,
        0,
    ),
    (
        (2022, 11, 8),
        "Opportunité",
        ActionKind::Improvement,
        "Réduire les activités injectées grâce aux caméras CZT.",
        Proc::Injection,
        6,
    ),
    (
        (2024, 5, 14),
        "Opportunité",
        ActionKind::Improvement,
        "Mettre en place la télé-interprétation avec le centre partenaire.",
        Proc::Reporting,
        4,
    ),
    (
        (2025, 9, 9),
        "Opportunité",
        ActionKind::Improvement,
        "Rejoindre le réseau régional de retour d'expérience.",
        Proc::Quality,
        0,
    ),
    (
        (2026, 5, 12),
        "Opportunité",
        ActionKind::Improvement,
        "Regrouper les examens d'un même patient sur une seule venue.",
        Proc::Booking,
        22,
    ),
];

/// Management reviews: held at the end of January.
const REVIEWS: &[(i32, u32)] = &[(2023, 26), (2024, 25), (2025, 30), (2026, 29)];

struct Draft {
    link: Link,
    origin: String,
    kind: ActionKind,
    process: Proc,
    description: String,
    opened: NaiveDate,
    indicator: Option<String>,
    /// Never abandoned (audit findings must be answered).
    must: bool,
}

fn corrective_text(rng: &mut Rng, proc: Proc) -> String {
    let pool = CORRECTIVE
        .iter()
        .find(|(p, _)| *p == proc)
        .map_or(CORRECTIVE[0].1, |(_, texts)| *texts);
    (*rng.pick(pool)).to_owned()
}

fn maybe_indicator(rng: &mut Rng, defs: &[Def], proc: Proc, p: f64) -> Option<String> {
    let codes = indicators::codes_for(defs, proc);
    (!codes.is_empty() && rng.chance(p)).then(|| (*rng.pick(&codes)).to_owned())
}

#[allow(clippy::too_many_arguments)]
pub fn generate(
    rng: &mut Rng,
    scale: &Scale,
    staff: &Staff,
    defs: &[Def],
    findings: &mut [Finding],
    events: &mut [Event],
    watch: &mut [Item],
) -> Vec<Action> {
    let as_of = cal::as_of();
    let mut drafts: Vec<Draft> = Vec::new();

    for (i, e) in events.iter().enumerate() {
        let opened = cal::workday(cal::add_days(e.detected, rng.range(3, 25)));
        if opened > as_of {
            continue;
        }
        let p = match (e.kind, e.severity) {
            (EventKind::Esr, _) => 1.0,
            (_, 4..) => 0.8,
            (_, 3) => 0.3,
            (EventKind::Complaint, _) => 0.2,
            _ => 0.07,
        };
        if !rng.chance(p) {
            continue;
        }
        if e.kind == EventKind::Esr {
            drafts.push(Draft {
                link: Link::Event(i),
                origin: e.id.clone(),
                kind: ActionKind::Correction,
                process: e.process,
                description:
                    "Informer le patient et le médecin prescripteur ; déclarer l'ESR à l'autorité."
                        .into(),
                opened: e.detected,
                indicator: None,
                must: true,
            });
            drafts.push(Draft {
                link: Link::Event(i),
                origin: e.id.clone(),
                kind: ActionKind::Corrective,
                process: e.process,
                description: "Analyser l'ESR en CREX et mettre en œuvre les mesures retenues."
                    .into(),
                opened,
                indicator: Some(indicators::code_of(defs, 16).to_owned()),
                must: true,
            });
            continue;
        }
        let kind = match e.kind {
            EventKind::NearMiss => ActionKind::Preventive,
            _ if rng.chance(0.1) => ActionKind::Correction,
            _ => ActionKind::Corrective,
        };
        drafts.push(Draft {
            link: Link::Event(i),
            origin: e.id.clone(),
            kind,
            process: e.process,
            description: corrective_text(rng, e.process),
            opened,
            indicator: maybe_indicator(rng, defs, e.process, 0.35),
            must: false,
        });
    }

    for (i, f) in findings.iter().enumerate() {
        let Some(text) = f.action_text else { continue };
        let p = match f.grade {
            Grade::Minor | Grade::Major => 1.0,
            Grade::Improvement => 0.6,
            Grade::Observation => 0.3,
            Grade::Strength => 0.0,
        };
        if !rng.chance(p) {
            continue;
        }
        let opened = cal::workday(cal::add_days(f.audit_date, rng.range(7, 30)));
        if opened > as_of {
            continue;
        }
        let kind = match f.grade {
            Grade::Minor | Grade::Major => ActionKind::Corrective,
            _ => ActionKind::Improvement,
        };
        drafts.push(Draft {
            link: Link::Finding(i),
            origin: f.id.clone(),
            kind,
            process: f.process,
            description: text.to_owned(),
            opened,
            indicator: maybe_indicator(rng, defs, f.process, 0.2),
            must: true,
        });
    }

    for &(year, day) in REVIEWS {
        let review = ymd(year, 1, day);
        let n = scale.n(rng.range(3, 4) as usize);
        let mut idx: Vec<usize> = (0..REVIEW.len()).collect();
        rng.shuffle(&mut idx);
        for j in 0..n {
            let (mut text, mut process, mut ind) = REVIEW[idx[j % REVIEW.len()]];
            // The new waste contractor only exists from 2026.
            if ind == 24 && year < 2026 {
                (text, process, ind) = REVIEW[0];
            }
            drafts.push(Draft {
                link: Link::None,
                origin: format!("RDD-{year}"),
                kind: if rng.chance(0.8) {
                    ActionKind::Improvement
                } else {
                    ActionKind::Preventive
                },
                process,
                description: text.to_owned(),
                opened: cal::workday(cal::add_days(review, rng.range(0, 6))),
                indicator: (ind > 0).then(|| indicators::code_of(defs, ind).to_owned()),
                must: false,
            });
        }
    }

    let extra = scale.n(OTHER.len()).saturating_sub(OTHER.len());
    for j in 0..OTHER.len() + extra {
        let &((y, m, d), origin, kind, text, process, ind) = &OTHER[j % OTHER.len()];
        let opened = if j < OTHER.len() {
            ymd(y, m, d)
        } else {
            cal::random_workday(rng, cal::start(), cal::add_days(as_of, -1))
        };
        drafts.push(Draft {
            link: Link::None,
            origin: origin.to_owned(),
            kind,
            process,
            description: text.to_owned(),
            opened,
            indicator: (ind > 0).then(|| indicators::code_of(defs, ind).to_owned()),
            must: false,
        });
    }

    for (i, w) in watch.iter().enumerate() {
        if let Some((text, opened)) = w.action {
            drafts.push(Draft {
                link: Link::Watch(i),
                origin: "Veille réglementaire".into(),
                kind: ActionKind::Preventive,
                process: Proc::Quality,
                description: text.to_owned(),
                opened,
                indicator: None,
                must: true,
            });
        }
    }

    // Number the actions by opening date within each year.
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    order.sort_by_key(|&i| (drafts[i].opened, i));
    let years: Vec<i32> = order.iter().map(|&i| drafts[i].opened.year()).collect();
    let ids = super::yearly_ids("AC", &years, 3);
    let mut actions = Vec::with_capacity(drafts.len());
    for (i, id) in order.into_iter().zip(ids) {
        let d = &drafts[i];
        match d.link {
            Link::Event(e) => events[e].actions.push(id.clone()),
            Link::Finding(f) => findings[f].actions.push(id.clone()),
            Link::Watch(x) => watch[x].actions.push(id.clone()),
            Link::None => {}
        }
        let mut a = Action {
            id,
            origin: d.origin.clone(),
            kind: d.kind,
            process: d.process,
            description: d.description.clone(),
            owner: staff.pick(rng, d.process.owners(), d.opened).to_owned(),
            opened: d.opened,
            due: d.opened,
            done: None,
            status: ActionStatus::Todo,
            effectiveness: None,
            checked_on: None,
            indicator: d.indicator.clone(),
        };
        plan(rng, &mut a, d.must);
        actions.push(a);
    }

    // Findings and watched texts follow their actions.
    let index: std::collections::BTreeMap<&str, usize> = actions
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let finished = |id: &str| -> Option<NaiveDate> {
        let a = &actions[*index.get(id)?];
        match a.status {
            ActionStatus::Done | ActionStatus::Closed => a.done,
            _ => None,
        }
    };
    for f in findings.iter_mut() {
        if f.actions.is_empty() {
            match f.grade {
                Grade::Strength => {}
                _ => {
                    let close = cal::workday(cal::add_days(f.audit_date, rng.range(20, 90)));
                    if close <= as_of {
                        f.status = Some(FindingStatus::Closed);
                        f.closed = Some(close);
                    } else {
                        f.status = Some(FindingStatus::InProgress);
                    }
                }
            }
            continue;
        }
        let dates: Vec<Option<NaiveDate>> = f.actions.iter().map(|id| finished(id)).collect();
        if dates.iter().all(Option::is_some) {
            f.status = Some(FindingStatus::Closed);
            f.closed = dates.into_iter().flatten().max();
        } else {
            f.status = Some(FindingStatus::InProgress);
        }
    }
    for w in watch.iter_mut() {
        if !w.actions.is_empty() {
            w.status = if w.actions.iter().all(|id| finished(id).is_some()) {
                WatchStatus::Closed
            } else {
                WatchStatus::InProgress
            };
        }
    }
    actions
}

/// Due date, progress, effectiveness.
fn plan(rng: &mut Rng, a: &mut Action, must: bool) {
    let as_of = cal::as_of();
    let horizon = match a.kind {
        ActionKind::Correction => *rng.pick(&[7, 15, 30]),
        _ => *rng.pick(&[30, 45, 60, 90, 90, 120, 180]),
    };
    a.due = cal::workday(cal::add_days(a.opened, horizon));
    let age = cal::days_between(a.opened, as_of);
    if !must && age > 60 && rng.chance(0.03) {
        a.status = ActionStatus::Cancelled;
        return;
    }
    let stuck = rng.chance(0.07);
    let ratio = 0.4 + 0.9 * rng.unit();
    let spent = ((horizon as f64) * ratio).round().max(1.0) as i64;
    let done = cal::workday(cal::add_days(a.opened, spent));
    if !stuck && done <= as_of {
        a.done = Some(done);
        let check = cal::workday(cal::add_days(done, rng.range(60, 120)));
        if check <= as_of && rng.chance(0.85) {
            a.status = ActionStatus::Closed;
            a.checked_on = Some(check);
            a.effectiveness = Some(match rng.weighted(&[72, 20, 8]) {
                0 => Effectiveness::Effective,
                1 => Effectiveness::Partial,
                _ => Effectiveness::NotEffective,
            });
        } else {
            a.status = ActionStatus::Done;
            a.effectiveness = rng.chance(0.6).then_some(Effectiveness::ToEvaluate);
        }
    } else if age < 15 && rng.chance(0.5) {
        a.status = ActionStatus::Todo;
    } else {
        a.status = ActionStatus::InProgress;
    }
}

const STATUSES: [&str; 5] = ["À faire", "En cours", "Réalisé", "Soldé", "Abandonné"];

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Plan d'actions qualité", world.fast)?;
    book.text_sheet(
        "Lisez-moi",
        "Plan d'actions qualité — mode d'emploi",
        &[
            "Ce classeur est le plan d'actions unique du service : actions correctives issues des fiches d'événements \
             (CREX), des constats d'audit et d'inspection, actions d'amélioration décidées en revue de direction.",
            "Une action par ligne. Le numéro suit le format AC-année-numéro et ne se réutilise jamais.",
            "L'origine reprend le numéro de la fiche ou du constat, ou RDD-année pour une décision de revue de direction.",
            "Le statut se choisit dans la liste déroulante ; une action réalisée porte sa date de réalisation.",
            "L'efficacité est vérifiée deux à quatre mois après la réalisation, puis l'action est soldée.",
            "",
            "Données fictives : jeu de démonstration de smq (Centre d'imagerie fonctionnelle — exemple).",
        ],
    )?;
    let layout = Layout::new("Plan d'actions", "Plan d'actions qualité (PAQ)")
        .blank_first_col()
        .col("N° action", 13.0)
        .col("Origine", 20.0)
        .col("Type d'action", 13.0)
        .col("Processus", 26.0)
        .text_col("Description de l'action", 60.0)
        .col("Pilote", 22.0)
        .col("Date d'ouverture", 12.0)
        .col("Échéance", 12.0)
        .col("Réalisé le", 12.0)
        .col("Statut", 12.0)
        .col("Efficacité", 14.0)
        .col("Date de vérification de l'efficacité", 14.0)
        .col("Indicateur lié", 11.0)
        .list(9, &STATUSES)
        .list(
            10,
            &[
                "Efficace",
                "Partiellement efficace",
                "Non efficace",
                "À évaluer",
            ],
        );
    let mut out = book.sheet(layout)?;
    for a in &world.actions {
        let kind = match a.kind {
            ActionKind::Corrective => "Corrective",
            ActionKind::Preventive => "Préventive",
            ActionKind::Improvement => "Amélioration",
            ActionKind::Correction => "Curative",
        };
        let status = match a.status {
            ActionStatus::Todo => STATUSES[0],
            ActionStatus::InProgress => STATUSES[1],
            ActionStatus::Done => STATUSES[2],
            ActionStatus::Closed => STATUSES[3],
            ActionStatus::Cancelled => STATUSES[4],
        };
        let eff = a.effectiveness.map(|e| match e {
            Effectiveness::Effective => "Efficace",
            Effectiveness::Partial => "Partiellement efficace",
            Effectiveness::NotEffective => "Non efficace",
            Effectiveness::ToEvaluate => "À évaluer",
        });
        out.row(&[
            Cell::from(&a.id),
            Cell::from(&a.origin),
            Cell::from(kind),
            Cell::from(a.process.label()),
            Cell::from(&a.description),
            Cell::from(&a.owner),
            Cell::Date(a.opened),
            Cell::Date(a.due),
            Cell::from(a.done),
            Cell::from(status),
            Cell::from(eff),
            Cell::from(a.checked_on),
            Cell::from(a.indicator.as_deref()),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Plan-actions.xlsx")?])
}

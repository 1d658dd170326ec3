//! The REX register: 70 to 90 events a year, more in winter and before the
//! summer holidays, one file per year. The 2022 and 2023 files come from
//! the service's first template (text dates, `O`/`N`, severities typed as
//! `3 - moyenne` in 2023); 2024 switched to a new template with real dates,
//! and 2025 renamed a few columns again.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::cal::{self, ymd};
use super::people::{self, Staff};
use super::rng::Rng;
use super::service::{CAMERAS, EXAMS, Proc, TRACERS};
use super::suppliers::{Kind as SupKind, Suppliers};
use super::xlsx::{Book, Cell, DateStyle, Layout};
use super::{Scale, World};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    Dysfunction,
    Complaint,
    NearMiss,
    Adverse,
    Esr,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventStatus {
    Open,
    InProgress,
    Closed,
    Cancelled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Systemic {
    Alarm,
    Orion,
}

pub struct Event {
    pub id: String,
    pub detected: NaiveDate,
    pub kind: EventKind,
    pub process: Proc,
    pub description: String,
    pub patient: Option<String>,
    pub reporter: String,
    pub severity: u8,
    pub frequency: u8,
    /// 0 méthode, 1 matériel, 2 main-d'œuvre, 3 milieu, 4 matière.
    pub cause: usize,
    pub declared_on: Option<NaiveDate>,
    pub systemic: Option<Systemic>,
    pub supplier: Option<String>,
    pub actions: Vec<String>,
    pub status: EventStatus,
    pub closed: Option<NaiveDate>,
}

/// Reported events a year, rising as the reporting culture settles in.
const YEARLY: [f64; 5] = [74.0, 78.0, 82.0, 86.0, 88.0];

/// A description template: text, supplier kind concerned, patient concerned.
type Tpl = (&'static str, Option<SupKind>, bool);

const COMPLAINT: &[(Proc, &[Tpl])] = &[
    (
        Proc::Reception,
        &[
            (
                "Patient mécontent de l'accueil téléphonique : plus de 20 minutes d'attente avant d'être pris en charge.",
                None,
                true,
            ),
            (
                "Réclamation écrite : aucune information donnée sur le retard de la {exam}.",
                None,
                true,
            ),
            (
                "Accompagnant se plaignant du manque de places assises en salle d'attente.",
                None,
                true,
            ),
            (
                "Informations contradictoires données au patient sur la préparation (jeûne) avant la {exam}.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Booking,
        &[
            (
                "Rendez-vous de {exam} proposé à plus de trois semaines : réclamation du patient.",
                None,
                true,
            ),
            (
                "Rendez-vous annulé la veille sans proposition de report.",
                None,
                true,
            ),
            (
                "Patient convoqué à la mauvaise heure (erreur de saisie du créneau).",
                None,
                true,
            ),
            (
                "Réclamation d'un médecin correspondant : délai de rendez-vous jugé trop long pour une {exam}.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Reporting,
        &[
            (
                "Compte rendu de {exam} non reçu par le médecin traitant cinq jours après l'examen.",
                None,
                true,
            ),
            (
                "Réclamation d'un prescripteur : compte rendu adressé au mauvais destinataire.",
                None,
                true,
            ),
            ("Patient n'ayant pas reçu le CD de ses images.", None, true),
        ],
    ),
    (
        Proc::Acquisition,
        &[
            (
                "Patient se plaignant de la durée d'immobilisation sur la table de la {cam}.",
                None,
                true,
            ),
            (
                "Examen de {exam} plus long que prévu : patient non prévenu de la durée.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::InformationSystem,
        &[(
            "Résultats non accessibles sur le portail patient.",
            Some(SupKind::It),
            true,
        )],
    ),
];

const DYSFUNCTION: &[(Proc, &[Tpl])] = &[
    (
        Proc::Reception,
        &[
            (
                "Dossier patient créé en double à l'accueil (identitovigilance).",
                None,
                true,
            ),
            (
                "Bracelet d'identification non posé avant l'injection.",
                None,
                true,
            ),
            (
                "Prescription manquante au dossier à l'arrivée du patient.",
                None,
                true,
            ),
            (
                "Questionnaire de grossesse non rempli à l'accueil.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Booking,
        &[
            (
                "Deux patients programmés sur le même créneau de la {cam}.",
                None,
                true,
            ),
            (
                "Consignes de préparation non envoyées au patient avant la {exam}.",
                None,
                true,
            ),
            (
                "{exam} programmée sans vérifier la disponibilité du radiopharmaceutique.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Injection,
        &[
            (
                "Étiquetage incomplet d'une seringue de {tracer} (activité non mentionnée).",
                None,
                true,
            ),
            (
                "Activité mesurée avant injection non tracée dans le logiciel de radiopharmacie.",
                None,
                true,
            ),
            (
                "Voie veineuse difficile : deux tentatives avant l'injection de {tracer}.",
                None,
                true,
            ),
            (
                "Injection réalisée avec 40 minutes de retard sur le protocole.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Acquisition,
        &[
            (
                "Acquisition de {exam} à refaire : mouvement du patient.",
                None,
                true,
            ),
            (
                "Mauvais collimateur monté sur la {cam} en début de vacation.",
                None,
                true,
            ),
            (
                "Protocole d'acquisition erroné sélectionné sur la {cam}, corrigé avant la fin de l'examen.",
                None,
                true,
            ),
            (
                "Correction d'atténuation TDM non réalisée sur la {cam}.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Reporting,
        &[
            (
                "Compte rendu validé avec une erreur de latéralité, corrigé le jour même.",
                None,
                true,
            ),
            (
                "Compte rendu de {exam} dicté mais non validé pendant quatre jours.",
                None,
                true,
            ),
            (
                "Images de l'examen antérieur non disponibles pour la comparaison.",
                Some(SupKind::It),
                true,
            ),
        ],
    ),
    (
        Proc::Radiopharmacy,
        &[
            (
                "Élution du générateur Tc-99m avec un rendement inférieur aux spécifications.",
                Some(SupKind::Generator),
                false,
            ),
            (
                "Contrôle de pureté radiochimique du {tracer} non tracé avant libération.",
                None,
                false,
            ),
            (
                "Livraison de {tracer} arrivée après le début de la vacation.",
                Some(SupKind::Transport),
                false,
            ),
            (
                "Trousse de marquage périmée retrouvée dans le stock.",
                Some(SupKind::Kits),
                false,
            ),
            (
                "Générateur Tc-99m livré avec un jour de retard.",
                Some(SupKind::Generator),
                false,
            ),
            (
                "Colis de {tracer} livré avec un certificat d'analyse manquant.",
                Some(SupKind::Radiopharmaceuticals),
                false,
            ),
        ],
    ),
    (
        Proc::Waste,
        &[
            (
                "Fût de déchets radioactifs non étiqueté dans le local de décroissance.",
                None,
                false,
            ),
            (
                "Collecte des déchets radioactifs non réalisée à la date prévue.",
                Some(SupKind::Waste),
                false,
            ),
            (
                "Alarme de niveau haut de la cuve d'effluents n° 2.",
                None,
                false,
            ),
            (
                "Bordereau de suivi des déchets incomplet lors de l'enlèvement.",
                Some(SupKind::Waste),
                false,
            ),
        ],
    ),
    (
        Proc::RadiationProtection,
        &[
            (
                "Dosimètre opérationnel non porté par un intervenant en zone contrôlée.",
                None,
                false,
            ),
            (
                "Contamination de surface sur la paillasse de la salle d'injection, décontaminée.",
                None,
                false,
            ),
            (
                "Dosimètres passifs retournés en retard au laboratoire.",
                Some(SupKind::Dosimetry),
                false,
            ),
            (
                "Porte du local de livraison restée ouverte (zone surveillée).",
                None,
                false,
            ),
        ],
    ),
    (
        Proc::Maintenance,
        &[
            (
                "Panne de la {cam} : arrêt de la vacation et reprogrammation des patients.",
                Some(SupKind::CameraMaintenance),
                false,
            ),
            (
                "Contrôle qualité quotidien non conforme sur la {cam} (uniformité).",
                Some(SupKind::CameraMaintenance),
                false,
            ),
            (
                "Maintenance préventive de la {cam} reportée par le prestataire.",
                Some(SupKind::CztMaintenance),
                false,
            ),
            (
                "Activimètre de la salle chaude hors tolérance au contrôle de constance.",
                Some(SupKind::Calibration),
                false,
            ),
            (
                "Climatisation de la salle de la {cam} en panne.",
                None,
                false,
            ),
        ],
    ),
    (
        Proc::InformationSystem,
        &[
            (
                "Interruption du RIS pendant deux heures : rendez-vous saisis à la main.",
                Some(SupKind::It),
                false,
            ),
            (
                "Images de la {cam} non transférées au PACS.",
                Some(SupKind::It),
                false,
            ),
            (
                "Erreur d'appariement entre le RIS et la liste de travail de la {cam}.",
                Some(SupKind::It),
                true,
            ),
            (
                "Mise à jour logicielle non annoncée ayant modifié les protocoles de reconstruction.",
                Some(SupKind::It),
                false,
            ),
        ],
    ),
];

const NEAR_MISS: &[(Proc, &[Tpl])] = &[
    (
        Proc::Reception,
        &[
            (
                "Erreur d'identité évitée : homonyme repéré lors de la vérification à l'accueil.",
                None,
                true,
            ),
            (
                "Patient appelé sous un autre nom ; erreur repérée avant l'injection.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Injection,
        &[
            (
                "Seringue de {tracer} destinée à un autre patient repérée avant l'injection.",
                None,
                true,
            ),
            (
                "Erreur de radiopharmaceutique évitée lors de la double vérification.",
                None,
                true,
            ),
            (
                "Activité préparée deux fois supérieure à la prescription, repérée avant l'injection.",
                None,
                true,
            ),
            (
                "Grossesse non signalée au questionnaire, repérée avant l'injection.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Radiopharmacy,
        &[
            (
                "Erreur d'étiquetage du flacon de {tracer} repérée au contrôle.",
                None,
                false,
            ),
            (
                "Mauvaise trousse sortie pour le marquage ; erreur repérée avant la reconstitution.",
                Some(SupKind::Kits),
                false,
            ),
        ],
    ),
    (
        Proc::Acquisition,
        &[(
            "Patient installé sur la mauvaise caméra ; erreur repérée avant l'acquisition.",
            None,
            true,
        )],
    ),
    (
        Proc::RadiationProtection,
        &[(
            "Flacon de {tracer} laissé hors de l'enceinte blindée, repéré au contrôle de fin de journée.",
            None,
            false,
        )],
    ),
];

const ADVERSE: &[(Proc, &[Tpl])] = &[
    (
        Proc::Injection,
        &[
            (
                "Extravasation de {tracer} au point d'injection.",
                None,
                true,
            ),
            ("Malaise vagal du patient après l'injection.", None, true),
            (
                "Activité injectée inférieure à la prescription : examen à reprogrammer.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Acquisition,
        &[
            (
                "Chute d'un patient en descendant de la table de la {cam}.",
                None,
                true,
            ),
            (
                "Malaise d'un patient pendant l'épreuve d'effort avant la scintigraphie myocardique.",
                None,
                true,
            ),
            (
                "Réaction cutanée après le test pharmacologique.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::Reception,
        &[("Chute d'un patient en salle d'attente.", None, true)],
    ),
    (
        Proc::RadiationProtection,
        &[(
            "Contamination cutanée d'un patient (urines) après l'injection, décontaminée.",
            None,
            true,
        )],
    ),
    (
        Proc::Radiopharmacy,
        &[(
            "Rupture d'approvisionnement en {tracer} : examens reportés.",
            Some(SupKind::Radiopharmaceuticals),
            false,
        )],
    ),
];

const ESR: &[(Proc, &[Tpl])] = &[
    (
        Proc::Injection,
        &[
            (
                "Administration de {tracer} au mauvais patient (erreur d'identification).",
                None,
                true,
            ),
            (
                "Administration d'un radiopharmaceutique erroné ({tracer} au lieu du produit prescrit).",
                None,
                true,
            ),
            (
                "Injection d'une activité trois fois supérieure à la prescription.",
                None,
                true,
            ),
            (
                "Exposition d'une patiente dont la grossesse était méconnue au moment de l'examen.",
                None,
                true,
            ),
        ],
    ),
    (
        Proc::RadiationProtection,
        &[
            (
                "Contamination des mains d'un manipulateur lors d'une préparation ; dose estimée sous la limite réglementaire.",
                None,
                false,
            ),
            ("Perte d'une source scellée de contrôle.", None, false),
        ],
    ),
    (
        Proc::Waste,
        &[(
            "Rejet de la cuve d'effluents n° 1 avant la fin de la décroissance.",
            None,
            false,
        )],
    ),
];

const KIND_WEIGHTS: &[(EventKind, u32)] = &[
    (EventKind::Dysfunction, 55),
    (EventKind::Complaint, 15),
    (EventKind::NearMiss, 16),
    (EventKind::Adverse, 14),
];

fn pool(kind: EventKind) -> &'static [(Proc, &'static [Tpl])] {
    match kind {
        EventKind::Dysfunction => DYSFUNCTION,
        EventKind::Complaint => COMPLAINT,
        EventKind::NearMiss => NEAR_MISS,
        EventKind::Adverse => ADVERSE,
        EventKind::Esr => ESR,
    }
}

/// Process weights of a kind, in the order of its pool.
fn process_weights(kind: EventKind) -> &'static [u32] {
    match kind {
        EventKind::Complaint => &[35, 35, 18, 7, 5],
        EventKind::Dysfunction => &[12, 12, 12, 14, 8, 10, 8, 6, 10, 8],
        EventKind::NearMiss => &[25, 35, 20, 10, 10],
        EventKind::Adverse => &[40, 30, 10, 10, 10],
        EventKind::Esr => &[55, 30, 15],
    }
}

fn fill(rng: &mut Rng, template: &str) -> String {
    let cam = *rng.pick(CAMERAS);
    let tracer = *rng.pick(TRACERS);
    let mut s = template.replace("{cam}", cam);
    s = s.replace("{tracer}", tracer);
    let exam = *rng.pick(EXAMS);
    if s.starts_with("{exam}") {
        let mut c = exam.chars();
        let first = c
            .next()
            .map(|f| f.to_uppercase().collect::<String>())
            .unwrap_or_default();
        s = s.replacen("{exam}", &format!("{first}{}", c.as_str()), 1);
    }
    s.replace("{exam}", exam)
}

/// Events per month, January 2022 to October 2026.
fn monthly_counts(rng: &mut Rng, scale: &Scale) -> Vec<usize> {
    let months = cal::months();
    let season_total: u32 = cal::SEASON.iter().sum();
    let means: Vec<f64> = months
        .iter()
        .map(|&(y, m)| {
            YEARLY[(y - 2022) as usize] * f64::from(cal::SEASON[m as usize - 1])
                / f64::from(season_total)
        })
        .collect();
    match scale.events {
        // Less spread than a Poisson law, so that every year stays in its band.
        None => means
            .iter()
            .map(|&m| (m + 0.7 * m.sqrt() * rng.normal()).round().max(0.0) as usize)
            .collect(),
        Some(total) => {
            // Largest remainder: exactly `total` events, in proportion.
            let sum: f64 = means.iter().sum();
            let exact: Vec<f64> = means.iter().map(|m| m * total as f64 / sum).collect();
            let mut counts: Vec<usize> = exact.iter().map(|x| x.floor() as usize).collect();
            let mut rest: Vec<(usize, f64)> = exact
                .iter()
                .enumerate()
                .map(|(i, x)| (i, x - x.floor()))
                .collect();
            rest.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let missing = total - counts.iter().sum::<usize>();
            for (i, _) in rest.into_iter().take(missing) {
                counts[i] += 1;
            }
            counts
        }
    }
}

pub fn generate(rng: &mut Rng, scale: &Scale, staff: &Staff, suppliers: &Suppliers) -> Vec<Event> {
    let counts = monthly_counts(rng, scale);
    let mut dates: Vec<NaiveDate> = Vec::new();
    for (&(y, m), &n) in cal::months().iter().zip(&counts) {
        let from = ymd(y, m, 1);
        let to = ymd(y, m, cal::month_len(y, m)).min(cal::as_of());
        for _ in 0..n {
            dates.push(cal::random_workday(rng, from, to));
        }
    }
    dates.sort();
    // ESR: one or two a year (about 2 % in stress workspaces), never in the
    // last week so that the declaration date is in the past too.
    let mut esr = vec![false; dates.len()];
    for year in 2022..=2026 {
        let idx: Vec<usize> = (0..dates.len())
            .filter(|&i| dates[i].year() == year && dates[i] <= cal::add_days(cal::as_of(), -7))
            .collect();
        let want = match scale.events {
            None => 1 + usize::from(rng.chance(0.5)),
            Some(_) => (idx.len() as f64 * 0.018).round() as usize,
        };
        let mut chosen = 0;
        let mut tries = 0;
        while chosen < want.min(idx.len()) && tries < 100 * (want + 1) {
            tries += 1;
            let i = idx[rng.index(idx.len())];
            if !esr[i] {
                esr[i] = true;
                chosen += 1;
            }
        }
    }
    let years: Vec<i32> = dates.iter().map(|d| d.year()).collect();
    let ids = super::yearly_ids("FEI", &years, 3);
    let mut out = Vec::with_capacity(dates.len());
    for (i, &detected) in dates.iter().enumerate() {
        let kind = if esr[i] {
            EventKind::Esr
        } else {
            *rng.pick_weighted(KIND_WEIGHTS)
        };
        out.push(event(rng, ids[i].clone(), detected, kind, staff, suppliers));
    }
    out
}

fn event(
    rng: &mut Rng,
    id: String,
    detected: NaiveDate,
    kind: EventKind,
    staff: &Staff,
    suppliers: &Suppliers,
) -> Event {
    let pool = pool(kind);
    let (process, templates) = pool[rng.weighted(process_weights(kind))];
    let (template, sup_kind, concerns_patient) = *rng.pick(templates);
    let description = fill(rng, template);
    let severity_w: &[u32] = match kind {
        EventKind::Complaint => &[40, 40, 15, 5, 0],
        EventKind::Dysfunction => &[35, 35, 18, 9, 3],
        EventKind::NearMiss => &[30, 40, 20, 8, 2],
        EventKind::Adverse => &[15, 30, 30, 20, 5],
        EventKind::Esr => &[0, 5, 40, 45, 10],
    };
    let severity = rng.weighted(severity_w) as u8 + 1;
    let frequency = rng.weighted(&[30, 35, 20, 10, 5]) as u8 + 1;
    let cause_w: &[u32] = match process {
        Proc::Maintenance => &[10, 75, 5, 5, 5],
        Proc::InformationSystem => &[30, 60, 10, 0, 0],
        Proc::Radiopharmacy => &[25, 15, 20, 5, 35],
        Proc::Waste => &[40, 15, 20, 10, 15],
        Proc::Reception | Proc::Booking => &[45, 5, 40, 10, 0],
        _ => &[30, 20, 30, 8, 12],
    };
    let cause = rng.weighted(cause_w);
    let year = detected.year();
    let supplier = match sup_kind {
        Some(k) if rng.chance(0.85) => suppliers.of_kind(rng, k, year).map(str::to_owned),
        _ => None,
    };
    let patient = (concerns_patient && rng.chance(0.85)).then(|| people::patient(rng));
    let reporter = staff.pick(rng, process.roles(), detected).to_owned();
    let declared_on =
        (kind == EventKind::Esr).then(|| cal::workday(cal::add_days(detected, rng.range(1, 3))));
    let systemic =
        if kind == EventKind::Esr || (severity >= 4 && rng.chance(0.6)) || rng.chance(0.03) {
            Some(if rng.chance(0.55) {
                Systemic::Orion
            } else {
                Systemic::Alarm
            })
        } else {
            None
        };
    // Status and closing date: recent events are still open.
    let age = cal::days_between(detected, cal::as_of());
    let mut delay = rng.range(2, 20) + rng.range(0, 40);
    if kind == EventKind::Esr || systemic.is_some() {
        delay += rng.range(15, 60);
    }
    let close = cal::workday(cal::add_days(detected, delay));
    let (status, closed) = if age > 60 && rng.chance(0.01) {
        (EventStatus::Cancelled, None)
    } else if close <= cal::as_of() && !(age > 120 && rng.chance(0.02)) {
        (EventStatus::Closed, Some(close))
    } else if age < 20 && rng.chance(0.4) {
        (EventStatus::Open, None)
    } else {
        (EventStatus::InProgress, None)
    };
    Event {
        id,
        detected,
        kind,
        process,
        description,
        patient,
        reporter,
        severity,
        frequency,
        cause,
        declared_on,
        systemic,
        supplier,
        actions: Vec::new(),
        status,
        closed,
    }
}

/// The three templates the service used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Template {
    /// 2022–2023: the first spreadsheet, text dates.
    First,
    /// 2024: the new template.
    New,
    /// 2025–2026: the new template with renamed columns.
    Renamed,
}

fn headers(t: Template) -> [(&'static str, f64); 17] {
    match t {
        Template::First => [
            ("N° FEI", 13.0),
            ("Date", 12.0),
            ("Type d'événement", 18.0),
            ("Processus concerné", 26.0),
            ("Description des faits", 60.0),
            ("Patient concerné", 22.0),
            ("Déclarant", 20.0),
            ("Gravité (1-5)", 10.0),
            ("Fréquence (1-5)", 10.0),
            ("Cause (5M)", 14.0),
            ("Déclaré ASN ?", 10.0),
            ("Date de déclaration", 13.0),
            ("Analyse approfondie", 12.0),
            ("Fournisseur concerné", 26.0),
            ("Action(s)", 18.0),
            ("État", 12.0),
            ("Clôturé le", 13.0),
        ],
        Template::New => [
            ("N° événement", 13.0),
            ("Date de détection", 12.0),
            ("Type", 20.0),
            ("Processus", 26.0),
            ("Description", 60.0),
            ("Nom du patient", 22.0),
            ("Déclaré par", 20.0),
            ("Gravité", 9.0),
            ("Fréquence", 9.0),
            ("Catégorie de cause", 14.0),
            ("Déclaration ASN", 10.0),
            ("Date déclaration ASN", 13.0),
            ("Méthode d'analyse", 14.0),
            ("Fournisseur", 26.0),
            ("Actions liées", 18.0),
            ("Statut", 16.0),
            ("Date de clôture", 13.0),
        ],
        Template::Renamed => [
            ("N° fiche", 13.0),
            ("Date de l'événement", 12.0),
            ("Nature de l'événement", 22.0),
            ("Secteur", 26.0),
            ("Description de l'événement", 60.0),
            ("Identité patient", 22.0),
            ("Déclarant", 20.0),
            ("Gravité", 9.0),
            ("Fréquence", 9.0),
            ("Cause principale", 14.0),
            ("Déclaré à l'ASN", 10.0),
            ("Date déclaration ASN", 13.0),
            ("Analyse ALARM/ORION", 14.0),
            ("Prestataire", 26.0),
            ("Actions associées", 18.0),
            ("Avancement", 14.0),
            ("Date de clôture", 13.0),
        ],
    }
}

fn kind_label(t: Template, k: EventKind) -> &'static str {
    match (t, k) {
        (Template::First, EventKind::Dysfunction) => "Dysfonctionnement",
        (Template::First, EventKind::Complaint) => "Réclamation",
        (Template::First, EventKind::NearMiss) => "Presqu'accident",
        (Template::First, EventKind::Adverse) => "EI",
        (Template::New, EventKind::Dysfunction) => "Non-conformité",
        (Template::New, EventKind::Complaint) => "Réclamation patient",
        (Template::New, EventKind::NearMiss) => "Presque accident",
        (_, EventKind::Adverse) => "Événement indésirable",
        (Template::Renamed, EventKind::Dysfunction) => "Dysfonctionnement",
        (Template::Renamed, EventKind::Complaint) => "Réclamation",
        (Template::Renamed, EventKind::NearMiss) => "Presque accident",
        (Template::Renamed, EventKind::Esr) => "Événement significatif de radioprotection",
        (_, EventKind::Esr) => "ESR",
    }
}

fn status_label(t: Template, s: EventStatus) -> &'static str {
    match (t, s) {
        (Template::First, EventStatus::Open) => "Ouvert",
        (Template::First, EventStatus::InProgress) => "En cours",
        (Template::First, EventStatus::Closed) => "Clôturé",
        (Template::First, EventStatus::Cancelled) => "Sans suite",
        (Template::New, EventStatus::Open) => "À traiter",
        (Template::New, EventStatus::InProgress) => "En cours d'analyse",
        (Template::New, EventStatus::Closed) => "Soldé",
        (Template::New, EventStatus::Cancelled) => "Annulé",
        (Template::Renamed, EventStatus::Open) => "Nouveau",
        (Template::Renamed, EventStatus::InProgress) => "En cours",
        (Template::Renamed, EventStatus::Closed) => "Clos",
        (Template::Renamed, EventStatus::Cancelled) => "Abandonné",
    }
}

fn cause_label(t: Template, c: usize) -> &'static str {
    const FIRST: [&str; 5] = ["Méthode", "Matériel", "Main-d'œuvre", "Milieu", "Matière"];
    const NEW: [&str; 5] = [
        "Organisation",
        "Équipement",
        "Facteur humain",
        "Environnement",
        "Matière",
    ];
    const RENAMED: [&str; 5] = ["méthode", "matériel", "main d'oeuvre", "milieu", "matière"];
    match t {
        Template::First => FIRST[c],
        Template::New => NEW[c],
        Template::Renamed => RENAMED[c],
    }
}

const SEVERITY_WORDS: [&str; 5] = [
    "1 - négligeable",
    "2 - mineure",
    "3 - moyenne",
    "4 - grave",
    "5 - critique",
];

/// Writes the events of `year` (the events are sorted by date).
pub fn write_year(world: &World, dir: &Path, year: i32) -> anyhow::Result<Vec<PathBuf>> {
    let start = world.events.partition_point(|e| e.detected.year() < year);
    let end = world.events.partition_point(|e| e.detected.year() <= year);
    Ok(vec![write_events(
        year,
        &world.events[start..end],
        dir,
        world.fast,
    )?])
}

fn write_events(year: i32, events: &[Event], dir: &Path, fast: bool) -> anyhow::Result<PathBuf> {
    let template = match year {
        2022 | 2023 => Template::First,
        2024 => Template::New,
        _ => Template::Renamed,
    };
    let dates = if template == Template::First {
        DateStyle::Text
    } else {
        DateStyle::Excel
    };
    let mut book = Book::new(
        &format!("Registre des événements indésirables {year}"),
        fast,
    )?;
    let (sheet, title) = match template {
        Template::First => (
            format!("FEI {year}"),
            format!("Registre des fiches d'événements indésirables (FEI) — {year}"),
        ),
        Template::New => (
            "Registre".to_owned(),
            format!("Registre des événements indésirables — {year}"),
        ),
        Template::Renamed => (
            "Événements".to_owned(),
            format!("Registre des événements indésirables — {year}"),
        ),
    };
    let mut layout = Layout::new(&sheet, title);
    if template == Template::First {
        layout = layout
            .subtitle("Centre d'imagerie fonctionnelle — exemple · Service de médecine nucléaire");
    }
    for (i, (h, w)) in headers(template).iter().enumerate() {
        layout = if i == 4 {
            layout.text_col(h, *w)
        } else {
            layout.col(h, *w)
        };
    }
    let mut out = book.sheet(layout)?;
    let sep = match template {
        Template::First => ", ",
        Template::New => " ; ",
        Template::Renamed => "\n",
    };
    for (i, e) in events.iter().enumerate() {
        let severity = if year == 2023 {
            Cell::Text(SEVERITY_WORDS[e.severity as usize - 1].to_owned())
        } else {
            Cell::Num(f64::from(e.severity))
        };
        let declared = match (template, e.declared_on.is_some()) {
            (Template::First, true) => "O",
            (Template::First, false) => "N",
            (Template::New, true) => "Oui",
            (Template::New, false) => "Non",
            (Template::Renamed, true) => "oui",
            (Template::Renamed, false) => "",
        };
        let systemic = match (e.systemic, template) {
            (Some(Systemic::Alarm), Template::Renamed) => "Méthode ALARM",
            (Some(Systemic::Alarm), _) => "ALARM",
            (Some(Systemic::Orion), _) => "ORION",
            (None, _) => "",
        };
        out.row(&[
            Cell::from(&e.id),
            dates.cell(e.detected, i),
            Cell::from(kind_label(template, e.kind)),
            Cell::from(e.process.label()),
            Cell::from(&e.description),
            Cell::from(e.patient.as_deref()),
            Cell::from(&e.reporter),
            severity,
            Cell::Num(f64::from(e.frequency)),
            Cell::from(cause_label(template, e.cause)),
            Cell::from(declared),
            dates.opt(e.declared_on, i + 1),
            Cell::from(systemic),
            Cell::from(e.supplier.as_deref()),
            Cell::from(e.actions.join(sep)),
            Cell::from(status_label(template, e.status)),
            dates.opt(e.closed, i + 2),
        ])?;
    }
    out.finish()?;
    book.save(dir, &format!("REX-{year}.xlsx"))
}

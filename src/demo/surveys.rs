//! Satisfaction surveys: patients twice a year (May–June and October),
//! prescribers every September. Answers are Likert labels in some
//! campaigns and numbers 1–4 in others (the questionnaire tool changed in
//! 2024), with a few blanks and free comments.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::cal::{self, ymd};
use super::people;
use super::rng::Rng;
use super::xlsx::{Book, Cell, Layout};
use super::{Scale, World};

pub struct Response {
    pub date: NaiveDate,
    pub campaign: String,
    pub year: i32,
    /// Patient (or companion) / prescriber, as written.
    pub population: &'static str,
    pub respondent: Option<String>,
    pub specialty: Option<&'static str>,
    /// Level 1–4, or no answer.
    pub answers: Vec<Option<u8>>,
    pub comment: Option<&'static str>,
}

pub struct Surveys {
    pub patients: Vec<Response>,
    pub prescribers: Vec<Response>,
}

const PATIENT_QUESTIONS: &[&str] = &[
    "Facilité de prise de rendez-vous",
    "Accueil au secrétariat",
    "Informations reçues avant l'examen",
    "Temps d'attente",
    "Respect de l'intimité et de la confidentialité",
    "Explications du manipulateur pendant l'examen",
    "Satisfaction globale",
];

const PRESCRIBER_QUESTIONS: &[&str] = &[
    "Délai d'obtention des rendez-vous",
    "Délai de réception des comptes rendus",
    "Qualité et clarté des comptes rendus",
    "Disponibilité des médecins nucléaires",
    "Facilité à joindre le service",
    "Satisfaction globale",
];

const PATIENT_COMMENTS: &[&str] = &[
    "Personnel très aimable.",
    "Attente trop longue avant l'examen.",
    "Difficile de joindre le secrétariat par téléphone.",
    "Explications claires, merci.",
    "Salle d'attente un peu froide.",
    "Parking difficile.",
    "Examen long mais bien expliqué.",
    "Délai de rendez-vous trop long.",
    "Très bonne prise en charge.",
];

const PRESCRIBER_COMMENTS: &[&str] = &[
    "Comptes rendus de qualité.",
    "Délais de rendez-vous à améliorer pour les scintigraphies osseuses.",
    "Merci de joindre quelques images au compte rendu.",
    "Difficile de joindre un médecin nucléaire en urgence.",
    "Service réactif pour les demandes urgentes.",
];

const SPECIALTIES: &[&str] = &[
    "Cardiologue",
    "Oncologue",
    "Rhumatologue",
    "Endocrinologue",
    "Médecin généraliste",
    "Pneumologue",
    "Neurologue",
    "Chirurgien orthopédiste",
];

/// Weights of levels 4, 3, 2, 1.
fn weights(question: &str, year: i32) -> [u32; 4] {
    match question {
        "Temps d'attente" => [25, 45, 22, 8],
        "Facilité de prise de rendez-vous" | "Délai d'obtention des rendez-vous"
            if year >= 2026 =>
        {
            [20, 42, 28, 10]
        }
        "Délai d'obtention des rendez-vous" => [30, 45, 20, 5],
        "Facilité à joindre le service" => [30, 45, 19, 6],
        _ => [45, 42, 10, 3],
    }
}

fn respond(rng: &mut Rng, questions: &[&str], year: i32) -> Vec<Option<u8>> {
    questions
        .iter()
        .map(|q| {
            if rng.chance(0.03) {
                return None;
            }
            let w = weights(q, year);
            Some(4 - rng.weighted(&w) as u8)
        })
        .collect()
}

pub fn generate(rng: &mut Rng, scale: &Scale) -> Surveys {
    let mut patients = Vec::new();
    let mut prescribers = Vec::new();
    for year in 2022..=2026 {
        for (half, from, to) in [
            (1, ymd(year, 5, 16), ymd(year, 6, 24)),
            (2, ymd(year, 10, 1), ymd(year, 10, 30)),
        ] {
            let n = scale.n(rng.range(80, 120) as usize);
            let campaign = format!("Patients {year}-S{half}");
            let mut rows: Vec<Response> = (0..n)
                .map(|_| Response {
                    date: cal::random_workday(rng, from, to),
                    campaign: campaign.clone(),
                    year,
                    population: if rng.chance(0.05) {
                        "Accompagnant"
                    } else {
                        "Patient"
                    },
                    respondent: None,
                    specialty: None,
                    answers: respond(rng, PATIENT_QUESTIONS, year),
                    comment: rng.chance(0.12).then(|| *rng.pick(PATIENT_COMMENTS)),
                })
                .collect();
            rows.sort_by_key(|r| r.date);
            patients.extend(rows);
        }
        let n = scale.n(rng.range(25, 40) as usize);
        let campaign = format!("Prescripteurs {year}");
        let mut rows: Vec<Response> = (0..n)
            .map(|_| Response {
                date: cal::random_workday(rng, ymd(year, 9, 1), ymd(year, 9, 30)),
                campaign: campaign.clone(),
                year,
                population: if rng.chance(0.2) {
                    "Médecin correspondant"
                } else {
                    "Prescripteur"
                },
                respondent: rng.chance(0.3).then(|| people::doctor(rng)),
                specialty: Some(*rng.pick(SPECIALTIES)),
                answers: respond(rng, PRESCRIBER_QUESTIONS, year),
                comment: rng.chance(0.25).then(|| *rng.pick(PRESCRIBER_COMMENTS)),
            })
            .collect();
        rows.sort_by_key(|r| r.date);
        prescribers.extend(rows);
    }
    Surveys {
        patients,
        prescribers,
    }
}

const LABELS: [&str; 4] = [
    "Pas du tout satisfait",
    "Peu satisfait",
    "Satisfait",
    "Très satisfait",
];

fn answer(level: Option<u8>, as_label: bool) -> Cell {
    match level {
        None => Cell::Empty,
        Some(l) if as_label => Cell::from(LABELS[l as usize - 1]),
        Some(l) => Cell::Num(f64::from(l)),
    }
}

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Enquêtes de satisfaction", world.fast)?;
    let mut layout = Layout::new("Patients", "Enquêtes de satisfaction — patients")
        .subtitle("Réponses : Très satisfait, Satisfait, Peu satisfait, Pas du tout satisfait (de 4 à 1 depuis 2024)")
        .col("Date", 12.0)
        .col("Campagne", 18.0)
        .col("Population", 14.0);
    for q in PATIENT_QUESTIONS {
        layout = layout.col(q, 16.0);
    }
    layout = layout.text_col("Commentaire", 45.0);
    let mut out = book.sheet(layout)?;
    for r in &world.surveys.patients {
        let as_label = r.year <= 2023;
        let mut row = vec![
            Cell::Date(r.date),
            Cell::from(&r.campaign),
            Cell::from(r.population),
        ];
        row.extend(r.answers.iter().map(|&a| answer(a, as_label)));
        row.push(Cell::from(r.comment));
        out.row(&row)?;
    }
    out.finish()?;

    let mut layout = Layout::new(
        "Prescripteurs",
        "Enquêtes de satisfaction — médecins prescripteurs",
    )
    .col("Date de réponse", 12.0)
    .col("Enquête", 18.0)
    .col("Type de répondant", 20.0)
    .col("Nom du répondant", 18.0)
    .col("Spécialité", 22.0);
    for q in PRESCRIBER_QUESTIONS {
        layout = layout.col(q, 16.0);
    }
    layout = layout.text_col("Suggestions", 45.0);
    let mut out = book.sheet(layout)?;
    for r in &world.surveys.prescribers {
        let as_label = r.year >= 2024;
        let mut row = vec![
            Cell::Date(r.date),
            Cell::from(&r.campaign),
            Cell::from(r.population),
            Cell::from(r.respondent.as_deref()),
            Cell::from(r.specialty),
        ];
        row.extend(r.answers.iter().map(|&a| answer(a, as_label)));
        row.push(Cell::from(r.comment));
        out.row(&row)?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Enquetes-satisfaction.xlsx")?])
}

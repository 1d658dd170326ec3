//! Quality objectives: five to seven a year, each tied to an indicator
//! (named by its label in the 2022–2023 rows, by its code afterwards),
//! with a target and a year-end deadline.

use std::path::{Path, PathBuf};

use super::cal::ymd;
use super::indicators::Def;
use super::people::Staff;
use super::rng::Rng;
use super::service::Proc;
use super::xlsx::{Book, Cell, Layout};
use super::{Scale, World};

pub struct Objective {
    pub year: i32,
    pub text: String,
    /// Indicator code, or label for the older rows.
    pub indicator: Option<String>,
    pub target: Option<f64>,
    pub owner: String,
    pub process: Proc,
}

/// (year, objective, indicator number or 0, target)
const PLAN: &[(i32, &str, usize, f64)] = &[
    (
        2022,
        "Réduire à 10 jours le délai de rendez-vous en scintigraphie osseuse",
        2,
        10.0,
    ),
    (2022, "Valider 90 % des comptes rendus à J+1", 5, 90.0),
    (
        2022,
        "Former 100 % du personnel concerné à la radioprotection des patients",
        18,
        100.0,
    ),
    (
        2022,
        "Développer la déclaration des événements : au moins 6 fiches par mois",
        14,
        6.0,
    ),
    (
        2022,
        "Atteindre 98 % de contrôles de contamination conformes",
        8,
        98.0,
    ),
    (
        2022,
        "Maintenir la satisfaction des patients au-dessus de 90 %",
        20,
        90.0,
    ),
    (2023, "Obtenir la certification ISO 9001", 0, 0.0),
    (2023, "Valider 90 % des comptes rendus à J+1", 5, 90.0),
    (
        2023,
        "Habiliter au poste 100 % des manipulateurs",
        19,
        100.0,
    ),
    (
        2023,
        "Mettre le compte rendu à disposition en moins de 24 heures",
        4,
        24.0,
    ),
    (
        2023,
        "Réaliser 80 % des actions correctives dans les délais",
        17,
        80.0,
    ),
    (2023, "Ramener l'attente en salle à 20 minutes", 23, 20.0),
    (
        2024,
        "Tenir le délai de rendez-vous en scintigraphie osseuse à 10 jours",
        2,
        10.0,
    ),
    (2024, "Moins de 5 % des examens au-dessus du NRD", 7, 5.0),
    (
        2024,
        "Réaliser 80 % des actions correctives dans les délais",
        17,
        80.0,
    ),
    (
        2024,
        "Maintenir 95 % des documents qualité à jour",
        25,
        95.0,
    ),
    (
        2024,
        "Limiter à 2 % les écarts d'activité injectée supérieurs à 10 %",
        6,
        2.0,
    ),
    (
        2024,
        "Maintenir la satisfaction des patients au-dessus de 90 %",
        20,
        90.0,
    ),
    (
        2025,
        "Tenir le délai de rendez-vous en scintigraphie osseuse à 10 jours",
        2,
        10.0,
    ),
    (2025, "Limiter l'indisponibilité des caméras à 3 %", 11, 3.0),
    (2025, "Zéro ESR", 16, 0.0),
    (
        2025,
        "Atteindre 95 % de conformité du tri des déchets",
        24,
        95.0,
    ),
    (
        2025,
        "Réaliser 85 % des actions correctives dans les délais",
        17,
        85.0,
    ),
    (2025, "Valider 92 % des comptes rendus à J+1", 5, 92.0),
    (
        2025,
        "Délai de rendez-vous en scintigraphie myocardique inférieur à 14 jours",
        3,
        14.0,
    ),
    (
        2026,
        "Réduire à 9 jours le délai de rendez-vous en scintigraphie osseuse",
        2,
        9.0,
    ),
    (2026, "Limiter l'indisponibilité des caméras à 3 %", 11, 3.0),
    (2026, "Zéro ESR", 16, 0.0),
    (
        2026,
        "Atteindre 95 % de conformité du tri des déchets",
        24,
        95.0,
    ),
    (
        2026,
        "Limiter à 2 % les examens annulés ou reportés du fait du service",
        22,
        2.0,
    ),
    (
        2026,
        "Former 100 % du personnel concerné à la radioprotection des patients",
        18,
        100.0,
    ),
    (
        2026,
        "Réussir l'audit de renouvellement de la certification ISO 9001",
        0,
        0.0,
    ),
];

pub fn generate(rng: &mut Rng, scale: &Scale, staff: &Staff, defs: &[Def]) -> Vec<Objective> {
    let copies = scale.n(1).max(1);
    let mut out = Vec::new();
    for year in 2022..=2026 {
        for c in 0..copies {
            for &(y, text, ind, target) in PLAN.iter().filter(|p| p.0 == year) {
                // Stress copies point at the indicator clones of other units.
                let def = (ind > 0).then(|| &defs[(ind - 1 + c * 26) % defs.len()]);
                let indicator = def.map(|d| {
                    if y <= 2023 {
                        d.label.clone()
                    } else {
                        d.code.clone()
                    }
                });
                let process = def.map_or(Proc::Quality, |d| d.proc);
                let text = if c == 0 {
                    text.to_owned()
                } else {
                    format!("{text} (unité {})", c + 1)
                };
                out.push(Objective {
                    year: y,
                    text,
                    indicator,
                    target: (ind > 0).then_some(target),
                    owner: staff.pick(rng, process.owners(), ymd(y, 1, 1)).to_owned(),
                    process,
                });
            }
        }
    }
    out
}

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Objectifs qualité", world.fast)?;
    let layout = Layout::new("Objectifs", "Objectifs qualité annuels")
        .col("Année", 8.0)
        .text_col("Objectif", 60.0)
        .col("Indicateur", 30.0)
        .col("Cible", 9.0)
        .col("Échéance", 12.0)
        .col("Pilote", 22.0)
        .col("Processus", 28.0);
    let mut out = book.sheet(layout)?;
    for o in &world.objectives {
        // The 2024 rows were pasted from a text export: the year is text.
        let year = if o.year == 2024 {
            Cell::Text(o.year.to_string())
        } else {
            Cell::Num(f64::from(o.year))
        };
        out.row(&[
            year,
            Cell::from(&o.text),
            Cell::from(o.indicator.as_deref()),
            Cell::from(o.target),
            Cell::Date(ymd(o.year, 12, 31)),
            Cell::from(&o.owner),
            Cell::from(o.process.label()),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Objectifs-qualite.xlsx")?])
}

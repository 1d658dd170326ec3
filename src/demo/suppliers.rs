//! Supplier evaluations: every supplier evaluated once a year on four
//! criteria scored 1–4, a score out of 20 and a decision. The waste
//! contractor declines year after year and is replaced in 2026.

use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate};

use super::cal::{self, ymd};
use super::people::{Role, Staff};
use super::rng::Rng;
use super::xlsx::{Book, Cell, Layout};
use super::{Scale, World};

/// What a supplier provides, for linking events to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Generator,
    Radiopharmaceuticals,
    Kits,
    CameraMaintenance,
    CztMaintenance,
    Waste,
    Dosimetry,
    It,
    Transport,
    Calibration,
    Physics,
    Laundry,
}

impl Kind {
    fn category(self) -> &'static str {
        match self {
            Kind::Generator => "Générateurs Tc-99m",
            Kind::Radiopharmaceuticals => "Radiopharmaceutiques prêts à l'emploi",
            Kind::Kits => "Trousses de marquage",
            Kind::CameraMaintenance => "Maintenance gamma-caméras SPECT-CT",
            Kind::CztMaintenance => "Maintenance caméras CZT",
            Kind::Waste => "Déchets radioactifs et DASRI",
            Kind::Dosimetry => "Dosimétrie des travailleurs",
            Kind::It => "Informatique (RIS / PACS)",
            Kind::Transport => "Transport de colis radioactifs",
            Kind::Calibration => "Étalonnage activimètres et sondes",
            Kind::Physics => "Physique médicale (prestation)",
            Kind::Laundry => "Blanchisserie",
        }
    }
}

pub struct Supplier {
    pub name: String,
    pub kind: Kind,
    pub critical: bool,
    first_year: i32,
    last_year: i32,
    /// Mean criterion score in 2022 and its change per year.
    base: f64,
    trend: f64,
    noise: f64,
    /// Month of the yearly evaluation.
    month: u32,
}

pub struct Evaluation {
    pub supplier: usize,
    pub date: NaiveDate,
    pub scores: [u8; 4],
    pub score: f64,
    pub decision: Decision,
    pub evaluator: String,
    pub comment: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    Approved,
    Conditional,
    Rejected,
}

pub struct Suppliers {
    pub list: Vec<Supplier>,
    pub evaluations: Vec<Evaluation>,
    /// Suppliers of each kind, in list order.
    by_kind: Vec<(Kind, Vec<usize>)>,
}

impl Suppliers {
    /// A supplier of `kind` under contract in `year`, if any.
    pub fn of_kind(&self, rng: &mut Rng, kind: Kind, year: i32) -> Option<&str> {
        let all = self
            .by_kind
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|(_, v)| v.as_slice())?;
        let active =
            |i: &&usize| self.list[**i].first_year <= year && year <= self.list[**i].last_year;
        // The demo's own supplier most of the time (stress adds clones).
        let first = all.iter().find(active)?;
        if rng.chance(0.8) {
            return Some(&self.list[*first].name);
        }
        let matching: Vec<&usize> = all.iter().filter(active).collect();
        Some(&self.list[*matching[rng.index(matching.len())]].name)
    }
}

/// (name, kind, critical, first year, last year, base, trend, noise, month)
#[allow(clippy::type_complexity)]
const DEMO: &[(&str, Kind, bool, i32, i32, f64, f64, f64, u32)] = &[
    (
        "Technégen SAS",
        Kind::Generator,
        true,
        2022,
        2026,
        3.4,
        0.0,
        0.35,
        2,
    ),
    (
        "Radiopharm Ouest",
        Kind::Radiopharmaceuticals,
        true,
        2022,
        2026,
        3.5,
        0.0,
        0.35,
        2,
    ),
    (
        "Laboratoires Kitnuc",
        Kind::Kits,
        true,
        2022,
        2026,
        3.6,
        0.0,
        0.3,
        3,
    ),
    (
        "Gamma Service Maintenance",
        Kind::CameraMaintenance,
        true,
        2022,
        2026,
        3.3,
        -0.1,
        0.3,
        4,
    ),
    (
        "CardioScan Technique",
        Kind::CztMaintenance,
        true,
        2022,
        2026,
        3.3,
        0.05,
        0.35,
        4,
    ),
    (
        "Éco-Déchets Santé",
        Kind::Waste,
        true,
        2022,
        2026,
        3.8,
        -0.55,
        0.1,
        5,
    ),
    (
        "Dosimétrie Contrôle Plus",
        Kind::Dosimetry,
        true,
        2022,
        2026,
        3.6,
        0.0,
        0.3,
        3,
    ),
    (
        "InfoMed Systèmes",
        Kind::It,
        false,
        2022,
        2026,
        2.75,
        0.15,
        0.3,
        6,
    ),
    (
        "Isotopes Express Transport",
        Kind::Transport,
        true,
        2022,
        2026,
        3.4,
        0.0,
        0.35,
        5,
    ),
    (
        "Activ'Mesure",
        Kind::Calibration,
        true,
        2022,
        2026,
        3.5,
        0.0,
        0.3,
        6,
    ),
    (
        "Physimed Conseil",
        Kind::Physics,
        true,
        2022,
        2026,
        3.7,
        0.0,
        0.25,
        1,
    ),
    (
        "Blanchisserie du Val",
        Kind::Laundry,
        false,
        2022,
        2026,
        3.1,
        0.0,
        0.4,
        6,
    ),
    (
        "Recyclage Médical Sud",
        Kind::Waste,
        true,
        2026,
        2026,
        3.5,
        0.0,
        0.2,
        9,
    ),
];

const KINDS: &[Kind] = &[
    Kind::Generator,
    Kind::Radiopharmaceuticals,
    Kind::Kits,
    Kind::CameraMaintenance,
    Kind::CztMaintenance,
    Kind::Waste,
    Kind::Dosimetry,
    Kind::It,
    Kind::Transport,
    Kind::Calibration,
    Kind::Physics,
    Kind::Laundry,
];

pub fn generate(rng: &mut Rng, scale: &Scale, staff: &Staff) -> Suppliers {
    let mut list: Vec<Supplier> = DEMO
        .iter()
        .map(
            |&(name, kind, critical, first_year, last_year, base, trend, noise, month)| Supplier {
                name: name.to_owned(),
                kind,
                critical,
                first_year,
                last_year,
                base,
                trend,
                noise,
                month,
            },
        )
        .collect();
    let extra = scale.n(DEMO.len()).saturating_sub(DEMO.len());
    let w = Scale::width(4, extra);
    for i in 0..extra {
        let kind = *rng.pick(KINDS);
        list.push(Supplier {
            name: format!("Prestataire {:0w$} — {}", i + 1, kind.category()),
            kind,
            critical: rng.chance(0.6),
            first_year: 2022,
            last_year: 2026,
            base: 2.6 + rng.unit(),
            trend: (rng.unit() - 0.5) * 0.3,
            noise: 0.35,
            month: rng.range(1, 9) as u32,
        });
    }
    let mut evaluations = Vec::new();
    for year in 2022..=2026 {
        for (i, s) in list.iter().enumerate() {
            if year < s.first_year || year > s.last_year {
                continue;
            }
            let from = ymd(year, s.month, 1);
            let to = ymd(year, s.month, cal::month_len(year, s.month));
            let date = cal::random_workday(rng, from, to);
            let mean = s.base + s.trend * f64::from(year - 2022);
            let mut scores = [0u8; 4];
            for sc in &mut scores {
                // Stochastic rounding keeps the mean of the scores at `mean`.
                let x = mean + s.noise * rng.normal();
                let whole = x.floor();
                let up = rng.chance(x - whole);
                *sc = (whole + f64::from(u8::from(up))).clamp(1.0, 4.0) as u8;
            }
            let total: u32 = scores.iter().map(|&x| u32::from(x)).sum();
            // Out of 20, to the half point.
            let score = (f64::from(total) * 20.0 / 16.0 * 2.0).round() / 2.0;
            let decision = if score >= 14.0 {
                Decision::Approved
            } else if score >= 10.0 {
                Decision::Conditional
            } else {
                Decision::Rejected
            };
            let comment = comment(rng, s, year, decision);
            evaluations.push(Evaluation {
                supplier: i,
                date,
                scores,
                score,
                decision,
                evaluator: staff.pick(rng, &[Role::Quality], date).to_owned(),
                comment,
            });
        }
    }
    evaluations.sort_by_key(|e| (e.date, e.supplier));
    let by_kind = KINDS
        .iter()
        .map(|&k| (k, (0..list.len()).filter(|&i| list[i].kind == k).collect()))
        .collect();
    Suppliers {
        list,
        evaluations,
        by_kind,
    }
}

fn comment(rng: &mut Rng, s: &Supplier, year: i32, decision: Decision) -> Option<String> {
    if s.kind == Kind::Waste && s.trend < 0.0 {
        let text = match year {
            2022 => "Prestation conforme au contrat.",
            2023 => "Deux collectes décalées au 2e semestre.",
            2024 => {
                "Retards de collecte répétés ; bordereaux de suivi incomplets. Plan de progrès demandé."
            }
            2025 => "Plan de progrès non tenu ; entreposage prolongé des déchets dans le local.",
            _ => {
                "Non-conformités récurrentes : déréférencement décidé, consultation de nouveaux prestataires."
            }
        };
        return Some(text.to_owned());
    }
    if s.first_year == 2026 && year == 2026 {
        return Some(
            "Nouveau prestataire retenu après consultation (remplacement d'Éco-Déchets Santé)."
                .into(),
        );
    }
    match decision {
        Decision::Approved if rng.chance(0.25) => Some(
            rng.pick(&[
                "RAS.",
                "Délais de livraison respectés.",
                "Intervention sous 24 h conforme au contrat.",
                "Certificats et attestations à jour.",
                "Bonne réactivité lors des demandes urgentes.",
            ])
            .to_string(),
        ),
        Decision::Approved => None,
        Decision::Conditional => Some(
            rng.pick(&[
                "Réactivité insuffisante sur les demandes d'intervention ; point d'étape dans 6 mois.",
                "Retards de livraison ponctuels ; suivi renforcé.",
                "Documents réglementaires transmis en retard.",
            ])
            .to_string(),
        ),
        Decision::Rejected => Some("Prestation non satisfaisante : recherche d'un autre prestataire.".into()),
    }
}

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let s = &world.suppliers;
    let mut book = Book::new("Évaluation des fournisseurs", world.fast)?;
    let layout = Layout::new(
        "Évaluations",
        "Évaluation annuelle des fournisseurs et prestataires",
    )
    .subtitle("Critères notés de 1 (insuffisant) à 4 (très satisfaisant) ; note globale sur 20")
    .col("Fournisseur", 30.0)
    .col("Catégorie", 32.0)
    .col("Fournisseur à risque", 12.0)
    .col("Date d'évaluation", 14.0)
    .col("Qualité", 10.0)
    .col("Respect des délais", 11.0)
    .col("Réactivité", 11.0)
    .col("Conformité réglementaire", 13.0)
    .col("Note globale (/20)", 11.0)
    .col("Décision", 20.0)
    .col("Évaluateur", 18.0)
    .text_col("Commentaire", 50.0);
    let mut out = book.sheet(layout)?;
    for e in &s.evaluations {
        let sup = &s.list[e.supplier];
        let year = e.date.year();
        // 2024's sheet was typed by hand: the score is text with a decimal comma.
        let score = if year == 2024 {
            Cell::Text(format!("{}", e.score).replace('.', ","))
        } else {
            Cell::Num(e.score)
        };
        let decision = match (e.decision, year) {
            (Decision::Approved, 2022) => "Agréé",
            (Decision::Approved, _) => "agréé",
            (Decision::Conditional, y) if y >= 2025 => "Agréé sous réserve",
            (Decision::Conditional, _) => "Sous réserve",
            (Decision::Rejected, _) => "Non agréé",
        };
        let critical = match (sup.critical, year) {
            (true, 2022 | 2023) => "Oui",
            (false, 2022 | 2023) => "Non",
            (true, _) => "oui",
            (false, _) => "non",
        };
        out.row(&[
            Cell::from(&sup.name),
            Cell::from(sup.kind.category()),
            Cell::from(critical),
            Cell::Date(e.date),
            Cell::from(u32::from(e.scores[0])),
            Cell::from(u32::from(e.scores[1])),
            Cell::from(u32::from(e.scores[2])),
            Cell::from(u32::from(e.scores[3])),
            score,
            Cell::from(decision),
            Cell::from(&e.evaluator),
            Cell::from(e.comment.as_deref()),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Fournisseurs.xlsx")?])
}

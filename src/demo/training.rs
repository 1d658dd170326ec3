//! Training and habilitation (decision 2019-DC-0660, art. 9): for each
//! person, the last session of each training the role requires, how long
//! it stays valid, and the habilitations at the workstation.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::World;
use super::cal::{self, ymd};
use super::people::{Role, Staff};
use super::rng::Rng;
use super::xlsx::{Book, Cell, Layout};

pub struct Record {
    pub person: String,
    pub role: Role,
    pub training: &'static str,
    pub date: Option<NaiveDate>,
    pub valid_until: Option<NaiveDate>,
    pub habilitation: Option<bool>,
}

/// (training, roles, validity in years or 0, is an habilitation)
const TRAININGS: &[(&str, &[Role], i64, bool)] = &[
    (
        "Radioprotection des patients",
        &[
            Role::Physician,
            Role::Technologist,
            Role::Pcr,
            Role::Radiopharmacist,
        ],
        10,
        false,
    ),
    (
        "Radioprotection des travailleurs",
        &[
            Role::Physician,
            Role::Technologist,
            Role::Pcr,
            Role::Radiopharmacist,
            Role::PharmacyTech,
            Role::Manager,
            Role::Ash,
        ],
        3,
        false,
    ),
    (
        "Habilitation au poste — injection et acquisition",
        &[Role::Technologist, Role::Pcr],
        0,
        true,
    ),
    (
        "Habilitation au poste — radiopharmacie",
        &[Role::Radiopharmacist, Role::PharmacyTech],
        0,
        true,
    ),
    (
        "Habilitation au poste — secrétariat médical",
        &[Role::Secretary],
        0,
        true,
    ),
    (
        "Hygiène et prévention du risque infectieux",
        &[
            Role::Technologist,
            Role::Pcr,
            Role::PharmacyTech,
            Role::Ash,
            Role::Manager,
        ],
        3,
        false,
    ),
    (
        "AFGSU niveau 2",
        &[
            Role::Physician,
            Role::Technologist,
            Role::Pcr,
            Role::Radiopharmacist,
            Role::PharmacyTech,
            Role::Manager,
        ],
        4,
        false,
    ),
    (
        "AFGSU niveau 1",
        &[Role::Secretary, Role::Ash, Role::Quality],
        4,
        false,
    ),
    ("Formation PCR (secteur médical)", &[Role::Pcr], 5, false),
    (
        "Déclaration des événements indésirables (REX)",
        &[
            Role::Technologist,
            Role::Secretary,
            Role::Physician,
            Role::Pcr,
        ],
        0,
        false,
    ),
    (
        "Auditeur interne ISO 9001",
        &[Role::Quality, Role::Manager],
        0,
        false,
    ),
];

pub fn generate(rng: &mut Rng, staff: &Staff) -> Vec<Record> {
    let as_of = cal::as_of();
    let mut out = Vec::new();
    for p in &staff.people {
        for &(training, roles, years, habilitation) in TRAININGS {
            if !roles.contains(&p.role) {
                continue;
            }
            let arrived = p.since.max(ymd(2005, 1, 1));
            let newcomer = cal::days_between(p.since, as_of) < 120;
            if habilitation {
                // Habilitation a few months after arrival; in progress for newcomers.
                let date = cal::workday(cal::add_days(arrived, rng.range(60, 180)));
                if newcomer || date > as_of {
                    out.push(Record {
                        person: p.name.clone(),
                        role: p.role,
                        training,
                        date: None,
                        valid_until: None,
                        habilitation: Some(false),
                    });
                } else {
                    out.push(Record {
                        person: p.name.clone(),
                        role: p.role,
                        training,
                        date: Some(date),
                        valid_until: None,
                        habilitation: Some(true),
                    });
                }
                continue;
            }
            if newcomer && years > 0 && rng.chance(0.5) {
                continue; // session not yet scheduled
            }
            let span = if years > 0 { years * 365 } else { 8 * 365 };
            // Usually the last session is within its validity; sometimes expired.
            let back = if years > 0 && rng.chance(0.15) {
                span + rng.range(10, 400)
            } else {
                rng.range(20, span * 95 / 100)
            };
            let mut date = cal::workday_before(cal::add_days(as_of, -back));
            if date < arrived {
                date = cal::workday(cal::add_days(arrived, rng.range(10, 90)));
                if date > as_of {
                    continue;
                }
            }
            out.push(Record {
                person: p.name.clone(),
                role: p.role,
                training,
                date: Some(date),
                valid_until: (years > 0).then(|| cal::add_days(date, years * 365)),
                habilitation: None,
            });
        }
    }
    out
}

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Formations et habilitations", world.fast)?;
    let layout = Layout::new(
        "Formations",
        "Suivi des formations et habilitations du personnel",
    )
    .col("Nom", 24.0)
    .col("Fonction", 26.0)
    .col("Formation", 48.0)
    .col("Date", 12.0)
    .col("Valable jusqu'au", 13.0)
    .col("Habilitation", 12.0);
    let mut out = book.sheet(layout)?;
    for r in &world.training {
        out.row(&[
            Cell::from(&r.person),
            Cell::from(r.role.label()),
            Cell::from(r.training),
            Cell::from(r.date),
            Cell::from(r.valid_until),
            Cell::from(r.habilitation.map(|h| if h { "Oui" } else { "Non" })),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Formations-habilitations.xlsx")?])
}

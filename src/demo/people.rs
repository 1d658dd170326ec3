//! The fictional staff of the demo service and fictional patient names.

use chrono::NaiveDate;

use super::cal::ymd;
use super::rng::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Physician,
    Technologist,
    Radiopharmacist,
    PharmacyTech,
    Secretary,
    Manager,
    Quality,
    Pcr,
    Ash,
}

impl Role {
    /// How the service writes the role.
    pub fn label(self) -> &'static str {
        match self {
            Role::Physician => "Médecin nucléaire",
            Role::Technologist => "Manipulateur (MERM)",
            Role::Radiopharmacist => "Radiopharmacien",
            Role::PharmacyTech => "Préparateur en pharmacie",
            Role::Secretary => "Secrétaire médicale",
            Role::Manager => "Cadre de santé",
            Role::Quality => "Responsable qualité",
            Role::Pcr => "Manipulateur — PCR",
            Role::Ash => "Agent de service hospitalier",
        }
    }
}

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    pub role: Role,
    /// Arrival in the service.
    pub since: NaiveDate,
}

/// The demo service's twenty people.
const STAFF: &[(&str, Role, (i32, u32, u32))] = &[
    ("Dr Hélène Marchand", Role::Physician, (2009, 9, 1)),
    ("Dr Antoine Lefèvre", Role::Physician, (2014, 1, 6)),
    ("Dr Camille Rousseau", Role::Physician, (2018, 11, 5)),
    ("Dr Julien Garnier", Role::Physician, (2024, 3, 4)),
    ("Nathalie Perrin", Role::Manager, (2012, 4, 2)),
    ("Sophie Aubert", Role::Quality, (2016, 5, 17)),
    ("Marc Delaunay", Role::Quality, (2020, 2, 3)),
    ("Élodie Fabre", Role::Radiopharmacist, (2015, 10, 1)),
    ("Thomas Giraud", Role::PharmacyTech, (2019, 6, 3)),
    ("Karim Benali", Role::Pcr, (2011, 3, 14)),
    ("Laura Moreau", Role::Technologist, (2013, 9, 2)),
    ("Maxime Chevalier", Role::Technologist, (2017, 1, 9)),
    ("Inès Barbier", Role::Technologist, (2019, 9, 16)),
    ("Paul Renaud", Role::Technologist, (2021, 5, 3)),
    ("Lucas Faure", Role::Technologist, (2023, 1, 2)),
    ("Chloé Lambert", Role::Technologist, (2026, 9, 1)),
    ("Manon Girard", Role::Secretary, (2010, 2, 1)),
    ("Sarah Mercier", Role::Secretary, (2018, 3, 5)),
    ("Céline Robin", Role::Secretary, (2022, 6, 7)),
    ("Didier Blanc", Role::Ash, (2016, 8, 29)),
];

const FIRST_F: &[&str] = &[
    "Marie",
    "Nathalie",
    "Isabelle",
    "Sylvie",
    "Catherine",
    "Françoise",
    "Christine",
    "Monique",
    "Valérie",
    "Sandrine",
    "Martine",
    "Nicole",
    "Stéphanie",
    "Céline",
    "Julie",
    "Aurélie",
    "Émilie",
    "Camille",
    "Léa",
    "Manon",
    "Jeanne",
    "Simone",
    "Odile",
    "Brigitte",
    "Chantal",
];
const FIRST_M: &[&str] = &[
    "Jean",
    "Pierre",
    "Michel",
    "André",
    "Philippe",
    "Alain",
    "Bernard",
    "Jacques",
    "Daniel",
    "Patrick",
    "Christophe",
    "Nicolas",
    "Frédéric",
    "Laurent",
    "Olivier",
    "Thierry",
    "Julien",
    "Sébastien",
    "Gérard",
    "Serge",
    "Hugo",
    "Louis",
    "Marcel",
    "Yves",
    "René",
];
const SURNAMES: &[&str] = &[
    "MARTIN",
    "BERNARD",
    "THOMAS",
    "PETIT",
    "ROBERT",
    "RICHARD",
    "DURAND",
    "DUBOIS",
    "MOREL",
    "LAURENT",
    "SIMON",
    "MICHEL",
    "LEFEBVRE",
    "LEROY",
    "ROUX",
    "DAVID",
    "BERTRAND",
    "MOREAU",
    "FOURNIER",
    "GIRARD",
    "BONNET",
    "DUPONT",
    "LAMBERT",
    "FONTAINE",
    "ROUSSEL",
    "VINCENT",
    "MULLER",
    "LEFEVRE",
    "FAURE",
    "ANDRE",
    "MERCIER",
    "BLANC",
    "GUERIN",
    "BOYER",
    "GARNIER",
    "CHEVALIER",
    "FRANCOIS",
    "LEGRAND",
    "GAUTHIER",
    "GARCIA",
    "PERRIN",
    "ROBIN",
    "CLEMENT",
    "MORIN",
    "NICOLAS",
    "HENRY",
    "ROUSSEAU",
    "MATHIEU",
    "GAUTIER",
    "MASSON",
    "MARCHAND",
    "DUVAL",
    "DENIS",
    "DUMONT",
    "MARIE",
    "LEMAIRE",
    "NOEL",
    "MEYER",
    "DUFOUR",
    "MEUNIER",
    "BRUN",
    "BLANCHARD",
    "GIRAUD",
    "JOLY",
    "RIVIERE",
    "LUCAS",
    "BRUNET",
    "GAILLARD",
    "BARBIER",
    "ARNAUD",
    "MARTINEZ",
    "GERARD",
    "ROCHE",
    "RENARD",
    "SCHMITT",
    "ROY",
    "LEROUX",
    "COLIN",
    "VIDAL",
    "CARON",
    "PICARD",
    "ROGER",
    "FABRE",
    "AUBERT",
    "LEMOINE",
    "RENAUD",
    "DUMAS",
    "LACROIX",
    "OLIVIER",
    "PHILIPPE",
    "BOURGEOIS",
    "PIERRE",
    "BENOIT",
    "REY",
    "LECLERC",
    "PAYET",
    "ROLLAND",
    "LECLERCQ",
    "GUILLAUME",
    "LECOMTE",
];

/// The staff, with `extra` more people for stress workspaces.
pub fn staff(rng: &mut Rng, extra: usize) -> Vec<Person> {
    let mut out: Vec<Person> = STAFF
        .iter()
        .map(|(name, role, (y, m, d))| Person {
            name: (*name).to_owned(),
            role: *role,
            since: ymd(*y, *m, *d),
        })
        .collect();
    const EXTRA_ROLES: &[(Role, u32)] = &[
        (Role::Technologist, 8),
        (Role::Physician, 4),
        (Role::Secretary, 3),
        (Role::Radiopharmacist, 1),
        (Role::PharmacyTech, 1),
        (Role::Ash, 1),
        (Role::Manager, 1),
    ];
    for _ in 0..extra {
        let role = *rng.pick_weighted(EXTRA_ROLES);
        let first = if rng.chance(0.6) {
            rng.pick(FIRST_F)
        } else {
            rng.pick(FIRST_M)
        };
        let last = *rng.pick(SURNAMES);
        let last = title_case(last);
        let name = if role == Role::Physician {
            format!("Dr {first} {last}")
        } else {
            format!("{first} {last}")
        };
        let since = ymd(
            rng.range(2005, 2026) as i32,
            rng.range(1, 9) as u32,
            rng.range(1, 28) as u32,
        );
        out.push(Person { name, role, since });
    }
    out
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, c) in s.chars().enumerate() {
        if i == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// A fictional patient as the secretaries write it: `Mme DURAND Sylvie`.
pub fn patient(rng: &mut Rng) -> String {
    let last = rng.pick(SURNAMES);
    if rng.chance(0.55) {
        format!("Mme {last} {}", rng.pick(FIRST_F))
    } else {
        format!("M. {last} {}", rng.pick(FIRST_M))
    }
}

/// A fictional referring physician: `Dr ROUX`.
pub fn doctor(rng: &mut Rng) -> String {
    let last = *rng.pick(SURNAMES);
    format!("Dr {}", title_case(last))
}

/// The staff, indexed by role.
pub struct Staff {
    pub people: Vec<Person>,
    /// For each role: (everybody, the demo service's own twenty).
    pools: Vec<(Role, Vec<usize>, Vec<usize>)>,
}

impl Staff {
    pub fn new(people: Vec<Person>) -> Staff {
        let roles = [
            Role::Physician,
            Role::Technologist,
            Role::Radiopharmacist,
            Role::PharmacyTech,
            Role::Secretary,
            Role::Manager,
            Role::Quality,
            Role::Pcr,
            Role::Ash,
        ];
        let pools = roles
            .iter()
            .map(|&r| {
                let all: Vec<usize> = (0..people.len()).filter(|&i| people[i].role == r).collect();
                let core: Vec<usize> = all.iter().copied().filter(|&i| i < STAFF.len()).collect();
                (r, all, core)
            })
            .collect();
        Staff { people, pools }
    }

    /// The name of somebody with one of `roles` who worked in the service
    /// at `at`; the demo service's own people most of the time, so that
    /// names recur.
    pub fn pick(&self, rng: &mut Rng, roles: &[Role], at: NaiveDate) -> &str {
        // Somebody who had arrived by `at`: a few draws, then the first one.
        for _ in 0..8 {
            let role = roles[rng.index(roles.len())];
            let Some((_, all, core)) = self.pools.iter().find(|(r, ..)| *r == role) else {
                continue;
            };
            let pool = if !core.is_empty() && (all.len() == core.len() || rng.chance(0.8)) {
                core
            } else {
                all
            };
            if pool.is_empty() {
                continue;
            }
            let p = &self.people[pool[rng.index(pool.len())]];
            if p.since <= at {
                return &p.name;
            }
        }
        self.people
            .iter()
            .find(|p| roles.contains(&p.role) && p.since <= at)
            .unwrap_or(&self.people[0])
            .name
            .as_str()
    }

    /// The first person of the demo service with `role`.
    pub fn first(&self, role: Role) -> &str {
        self.people
            .iter()
            .find(|p| p.role == role)
            .map_or("", |p| p.name.as_str())
    }
}

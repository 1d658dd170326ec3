//! Interested parties (ISO 9001 §4.2), with their proximity to the service
//! (the rings of its map), expectations, risks and last review.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::cal::{self, ymd};
use super::rng::Rng;
use super::xlsx::{Book, Cell, Layout};
use super::{Scale, World};

pub struct Party {
    pub name: String,
    pub category: &'static str,
    /// 0 forte, 1 moyenne, 2 faible.
    pub proximity: usize,
    pub expectations: &'static str,
    pub risks: &'static str,
    pub reviewed: NaiveDate,
}

const PARTIES: &[(&str, &str, usize, &str, &str)] = &[
    (
        "Patients et accompagnants",
        "Externe — bénéficiaires",
        0,
        "Examen dans des délais courts, en sécurité, avec une information claire et un accueil attentif.",
        "Risque : insatisfaction liée aux délais de rendez-vous. Opportunité : prise de rendez-vous en ligne.",
    ),
    (
        "Médecins prescripteurs",
        "Externe — clients",
        0,
        "Rendez-vous rapides pour leurs patients, comptes rendus rapides et clairs, médecin joignable.",
        "Risque : perte d'adresseurs si les délais s'allongent. Opportunité : messagerie sécurisée.",
    ),
    (
        "ASNR (autorité de sûreté nucléaire et de radioprotection)",
        "Externe — autorité",
        0,
        "Respect de la réglementation de radioprotection et des obligations d'assurance de la qualité.",
        "Risque : écarts relevés en inspection, mise en demeure.",
    ),
    (
        "Agence régionale de santé (ARS)",
        "Externe — autorité",
        1,
        "Autorisation d'activité respectée, qualité et sécurité des soins.",
        "Risque : non-renouvellement de l'autorisation des équipements.",
    ),
    (
        "Organisme certificateur",
        "Externe — évaluateur",
        1,
        "Conformité à l'ISO 9001 et amélioration continue démontrée.",
        "Risque : non-conformité majeure au renouvellement. Opportunité : regard extérieur.",
    ),
    (
        "Assurance maladie",
        "Externe — financeur",
        1,
        "Pertinence des actes et facturation conforme.",
        "Risque : indus en cas de contrôle.",
    ),
    (
        "Fournisseurs de radiopharmaceutiques",
        "Externe — fournisseurs",
        0,
        "Commandes anticipées, réception conforme des colis, paiement dans les délais.",
        "Risque : rupture d'approvisionnement en générateurs Tc-99m.",
    ),
    (
        "Prestataires de maintenance des caméras",
        "Externe — fournisseurs",
        1,
        "Accès aux équipements, signalement précis des pannes.",
        "Risque : indisponibilité prolongée d'une caméra.",
    ),
    (
        "Prestataire de collecte des déchets radioactifs",
        "Externe — fournisseurs",
        1,
        "Déchets triés, étiquetés et accessibles aux dates prévues.",
        "Risque : entreposage prolongé en cas de retard de collecte.",
    ),
    (
        "Personnel du service",
        "Interne",
        0,
        "Conditions de travail, formation, radioprotection, reconnaissance.",
        "Risque : départs et absentéisme. Opportunité : montée en compétence, tutorat.",
    ),
    (
        "Médecins nucléaires associés",
        "Interne",
        0,
        "Organisation des vacations, outils d'interprétation performants.",
        "Risque : charge de travail. Opportunité : télé-interprétation.",
    ),
    (
        "Direction de l'établissement",
        "Interne",
        1,
        "Équilibre économique, activité en croissance, image du service.",
        "Risque : arbitrages d'investissement défavorables au renouvellement des caméras.",
    ),
    (
        "Réseau régional de cancérologie",
        "Externe — partenaires",
        2,
        "Participation aux réunions de concertation, bilans d'extension dans les délais.",
        "Opportunité : adressage de nouveaux patients.",
    ),
    (
        "Établissements de santé partenaires",
        "Externe — partenaires",
        1,
        "Prise en charge des patients hospitalisés, continuité des soins.",
        "Opportunité : audits croisés et partage d'expérience.",
    ),
    (
        "Associations de patients",
        "Externe",
        2,
        "Information accessible, respect des droits des patients.",
        "Opportunité : relecture des documents d'information.",
    ),
    (
        "Riverains et collectivité",
        "Externe",
        2,
        "Absence de nuisance, maîtrise des rejets d'effluents.",
        "Risque : inquiétude en cas d'incident médiatisé.",
    ),
];

pub fn generate(rng: &mut Rng, scale: &Scale) -> Vec<Party> {
    let total = scale.n(PARTIES.len()).max(PARTIES.len());
    (0..total)
        .map(|i| {
            let (name, category, proximity, expectations, risks) = PARTIES[i % PARTIES.len()];
            let name = if i < PARTIES.len() {
                name.to_owned()
            } else {
                format!("{name} — site {}", i / PARTIES.len() + 1)
            };
            // Reviewed before the January management review; a few were
            // not reviewed this year.
            let year = if rng.chance(0.85) { 2026 } else { 2025 };
            let reviewed = cal::random_workday(rng, ymd(year, 1, 5), ymd(year, 1, 23));
            Party {
                name,
                category,
                proximity,
                expectations,
                risks,
                reviewed,
            }
        })
        .collect()
}

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Parties intéressées", world.fast)?;
    let layout = Layout::new(
        "Parties intéressées",
        "Cartographie des parties intéressées (ISO 9001 § 4.2)",
    )
    .subtitle("Proximité : forte (cercle rouge), moyenne (cercle vert), faible (cercle noir)")
    .col("Partie intéressée", 40.0)
    .col("Catégorie", 24.0)
    .col("Proximité", 11.0)
    .text_col("Attentes", 55.0)
    .text_col("Risques et opportunités", 55.0)
    .col("Date de revue", 12.0);
    let mut out = book.sheet(layout)?;
    for p in &world.parties {
        out.row(&[
            Cell::from(&p.name),
            Cell::from(p.category),
            Cell::from(["Forte", "Moyenne", "Faible"][p.proximity]),
            Cell::from(p.expectations),
            Cell::from(p.risks),
            Cell::Date(p.reviewed),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Parties-interessees.xlsx")?])
}

//! The management's commentary on the reviews (optional register): a few
//! paragraphs per year, each naming its section by number, letter or title
//! — the three ways services write it.

use std::path::{Path, PathBuf};

use super::World;
use super::xlsx::{Book, Cell, Layout};

/// (year, section, text).
const COMMENTS: &[(i32, &str, &str)] = &[
    (
        2024,
        "Synthèse",
        "Année de la surveillance n° 1 sans non-conformité majeure. Priorité 2025 : fiabiliser le suivi du plan d'actions.",
    ),
    (
        2025,
        "Synthèse",
        "L'année 2025 a été marquée par l'inspection de l'ASN de juin et la montée en charge des caméras CZT. Le nombre d'événements déclarés reste stable ; l'effort doit porter sur la clôture des actions dans les délais.",
    ),
    (
        2025,
        "b",
        "La création de l'ASNR impose de mettre à jour les modèles de déclaration et les coordonnées dans les documents du SMQ (action AC-2024-032).",
    ),
    (
        2025,
        "4",
        "L'objectif de 85 % d'actions correctives réalisées dans les délais est reconduit pour 2026, avec un point mensuel en CREX.",
    ),
    (
        2025,
        "Non-conformités et actions correctives",
        "Le retard du plan d'actions s'explique en partie par le départ d'un manipulateur référent au printemps ; un binôme de suivi a été désigné en septembre.",
    ),
    (
        2025,
        "c7",
        "Les délais d'intervention de la maintenance des gamma-caméras seront abordés lors de la renégociation du contrat en 2026.",
    ),
    (
        2025,
        "Ressources",
        "Le recrutement d'un manipulateur supplémentaire est validé pour le premier trimestre 2026.",
    ),
];

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Revue de direction", world.fast)?;
    let layout = Layout::new(
        "Commentaires",
        "Revue de direction — commentaires de la direction",
    )
    .subtitle("Un paragraphe par rubrique de la revue (numéro, lettre du § 9.3.2 ou titre)")
    .col("Année", 8.0)
    .col("Rubrique", 30.0)
    .text_col("Commentaire de la direction", 90.0);
    let mut out = book.sheet(layout)?;
    for (year, section, text) in COMMENTS {
        out.row(&[
            Cell::Num(f64::from(*year)),
            Cell::from(*section),
            Cell::from(*text),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Revue-de-direction.xlsx")?])
}

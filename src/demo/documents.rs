//! The document register: procedures, work instructions, forms and records
//! of every process, plus archived documents. Each applicable document is
//! reviewed every three years; a few are past their review date.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::cal::{self, ymd};
use super::people::{Role, Staff};
use super::rng::Rng;
use super::service::Proc;
use super::xlsx::{Book, Cell, Layout};
use super::{Scale, World};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocStatus {
    Draft,
    InReview,
    InForce,
    Archived,
}

pub struct Document {
    pub reference: String,
    pub title: String,
    pub process: Proc,
    /// Type code: MQ, PO, PR, MO, FO, EN.
    pub kind: &'static str,
    pub archived: bool,
    pub version: String,
    pub effective: Option<NaiveDate>,
    pub next_review: Option<NaiveDate>,
    pub author: String,
    pub reviewer: String,
    pub approver: String,
    pub status: DocStatus,
}

const TITLES: &[(Proc, &[(&str, &str)])] = &[
    (
        Proc::Quality,
        &[
            ("MQ", "Manuel qualité du service"),
            ("PO", "Politique qualité et engagements de la direction"),
            ("PR", "Cartographie des processus"),
            ("PR", "Maîtrise des documents et des enregistrements"),
            ("PR", "Gestion des événements indésirables et CREX"),
            ("PR", "Audits internes"),
            ("PR", "Revue de direction"),
            ("PR", "Gestion des actions correctives et préventives"),
            ("PR", "Gestion des risques"),
            ("FO", "Fiche de déclaration d'événement indésirable"),
            ("FO", "Grille d'audit interne"),
            ("FO", "Fiche d'analyse ORION"),
            ("EN", "Comptes rendus de revue de direction"),
            ("EN", "Comptes rendus de CREX"),
            ("EN", "Comptes rendus de réunion qualité"),
        ],
    ),
    (
        Proc::Reception,
        &[
            ("PR", "Accueil et identification du patient"),
            ("MO", "Vérification de l'identité (identitovigilance)"),
            ("MO", "Traitement des réclamations"),
            ("PO", "Charte d'accueil du patient"),
            ("FO", "Questionnaire avant examen (grossesse, allaitement)"),
            ("FO", "Consentement éclairé"),
            ("EN", "Registre des réclamations"),
        ],
    ),
    (
        Proc::Booking,
        &[
            ("PR", "Prise de rendez-vous"),
            ("MO", "Programmation des examens par caméra"),
            ("FO", "Fiche de préparation — scintigraphie myocardique"),
            ("FO", "Fiche de préparation — scintigraphie osseuse"),
            ("FO", "Fiche de préparation — scintigraphie thyroïdienne"),
        ],
    ),
    (
        Proc::Injection,
        &[
            (
                "PR",
                "Préparation et administration des radiopharmaceutiques",
            ),
            ("MO", "Injection par voie veineuse"),
            ("MO", "Double vérification avant injection"),
            ("MO", "Conduite à tenir en cas d'extravasation"),
            ("MO", "Épreuve d'effort et test pharmacologique"),
            ("MO", "Prise en charge des enfants"),
            ("MO", "Patientes enceintes ou allaitantes"),
            ("FO", "Feuille de traçabilité des injections"),
        ],
    ),
    (
        Proc::Acquisition,
        &[
            ("PR", "Protocoles d'acquisition"),
            ("MO", "Acquisition — scintigraphie osseuse"),
            (
                "MO",
                "Acquisition — scintigraphie myocardique sur caméra CZT",
            ),
            ("MO", "Acquisition TEMP-TDM"),
            ("MO", "Acquisition — TEMP cérébrale (DaTSCAN)"),
            ("MO", "Acquisition — scintigraphie thyroïdienne"),
            ("MO", "Acquisition — scintigraphie pulmonaire"),
            ("MO", "Acquisition — lymphoscintigraphie"),
            ("MO", "Acquisition — scintigraphie rénale"),
            ("MO", "Installation et contention des patients"),
            ("EN", "Contrôles qualité quotidiens des caméras"),
        ],
    ),
    (
        Proc::Reporting,
        &[
            ("PR", "Interprétation et validation des comptes rendus"),
            ("MO", "Dictée numérique et validation"),
            ("FO", "Modèle de compte rendu — scintigraphie osseuse"),
            ("FO", "Modèle de compte rendu — scintigraphie myocardique"),
        ],
    ),
    (
        Proc::Radiopharmacy,
        &[
            ("PR", "Circuit des radiopharmaceutiques"),
            ("MO", "Élution du générateur Tc-99m"),
            ("MO", "Marquage des trousses"),
            ("MO", "Contrôle de pureté radiochimique"),
            ("MO", "Réception des colis radioactifs"),
            ("MO", "Contrôle qualité des activimètres"),
            ("FO", "Fiche de préparation radiopharmaceutique"),
            ("EN", "Registre des entrées et sorties de radionucléides"),
            ("EN", "Contrôles de constance de l'activimètre"),
        ],
    ),
    (
        Proc::Waste,
        &[
            ("PR", "Plan de gestion des déchets et effluents"),
            ("MO", "Tri et conditionnement des déchets radioactifs"),
            ("MO", "Vidange des cuves d'effluents"),
            ("MO", "Surveillance des rejets"),
            ("FO", "Bordereau de suivi des déchets"),
            ("EN", "Registre des déchets"),
        ],
    ),
    (
        Proc::RadiationProtection,
        &[
            ("PR", "Radioprotection des travailleurs"),
            ("PR", "Radioprotection des patients et optimisation"),
            ("PR", "Évaluation des risques et zonage"),
            ("PR", "Organisation de la radioprotection"),
            ("MO", "Contrôles de contamination surfacique"),
            ("MO", "Conduite à tenir en cas de contamination"),
            ("FO", "Fiche individuelle d'exposition"),
            ("EN", "Relevés dosimétriques"),
            ("EN", "Recueil annuel des NRD"),
        ],
    ),
    (
        Proc::Maintenance,
        &[
            ("PR", "Maintenance et contrôle qualité des équipements"),
            ("MO", "Procédure dégradée en cas de panne de caméra"),
            ("EN", "Registre de maintenance"),
            ("EN", "Contrôles qualité externes"),
        ],
    ),
    (
        Proc::InformationSystem,
        &[
            ("PR", "Gestion du système d'information (RIS / PACS)"),
            ("MO", "Procédure dégradée en cas de panne du RIS"),
            ("MO", "Gestion des habilitations informatiques"),
        ],
    ),
    (
        Proc::HumanResources,
        &[
            ("PR", "Accueil et intégration des nouveaux arrivants"),
            ("PR", "Formation et habilitation au poste"),
            ("FO", "Grille d'habilitation au poste — manipulateur"),
            ("FO", "Grille d'habilitation au poste — secrétaire"),
            ("EN", "Plan de formation annuel"),
        ],
    ),
    (
        Proc::Purchasing,
        &[
            ("PR", "Achats et évaluation des fournisseurs"),
            ("FO", "Grille d'évaluation des fournisseurs"),
            ("EN", "Liste des fournisseurs agréés"),
        ],
    ),
];

const ARCHIVES: &[(Proc, &str, &str)] = &[
    (
        Proc::Reception,
        "PR",
        "Accueil des patients (ancienne version, remplacée)",
    ),
    (
        Proc::Acquisition,
        "MO",
        "Acquisition sur caméra planaire (caméra réformée)",
    ),
    (
        Proc::Quality,
        "FO",
        "Fiche papier de déclaration d'événement (avant 2023)",
    ),
    (Proc::Waste, "PR", "Gestion des déchets (version 2018)"),
    (
        Proc::Acquisition,
        "MO",
        "Protocole thallium-201 (abandonné)",
    ),
    (
        Proc::Quality,
        "PR",
        "Revue documentaire (fusionnée dans la maîtrise des documents)",
    ),
    (
        Proc::Reception,
        "FO",
        "Consentement éclairé (ancien modèle)",
    ),
    (Proc::Quality, "EN", "Registre papier des événements 2021"),
];

pub fn generate(rng: &mut Rng, scale: &Scale, staff: &Staff) -> Vec<Document> {
    let base: Vec<(Proc, &str, &str, bool)> = TITLES
        .iter()
        .flat_map(|(p, items)| items.iter().map(move |(k, t)| (*p, *k, *t, false)))
        .chain(ARCHIVES.iter().map(|(p, k, t)| (*p, *k, *t, true)))
        .collect();
    let total = scale.n(base.len()).max(base.len());
    let mut seqs: std::collections::BTreeMap<(&str, Proc), usize> = Default::default();
    let w = Scale::width(3, total);
    let approver = staff.first(Role::Physician).to_owned();
    let mut out = Vec::with_capacity(total);
    for i in 0..total {
        let (process, kind, title, archived) = base[i % base.len()];
        let seq = seqs.entry((kind, process)).or_insert(0);
        *seq += 1;
        let reference = format!("{kind}-{}-{:0w$}", process.code(), seq);
        let title = if i < base.len() {
            title.to_owned()
        } else {
            format!("{title} (site {})", i / base.len() + 1)
        };
        let (status, version, effective, next_review);
        if archived {
            status = DocStatus::Archived;
            version = format!("{}.0", rng.range(1, 3));
            effective = Some(cal::random_workday(rng, ymd(2012, 1, 1), ymd(2021, 12, 31)));
            next_review = None;
        } else {
            let draw = rng.unit();
            let major = rng.range(1, 4);
            let minor = if rng.chance(0.15) { 1 } else { 0 };
            if draw < 0.04 {
                status = DocStatus::Draft;
                version = "1.0".to_owned();
                effective = None;
                next_review = None;
            } else if draw < 0.07 {
                status = DocStatus::InReview;
                version = format!("{}.0", major + 1);
                effective = None;
                next_review = None;
            } else {
                status = DocStatus::InForce;
                version = format!("{major}.{minor}");
                // Most documents were revised in the last three years; the
                // others are past their review date.
                let eff = if rng.chance(0.88) {
                    cal::random_workday(rng, ymd(2023, 11, 15), cal::add_days(cal::as_of(), -2))
                } else {
                    cal::random_workday(rng, ymd(2020, 6, 1), ymd(2023, 9, 30))
                };
                effective = Some(eff);
                next_review = (kind != "EN").then(|| cal::add_days(eff, 3 * 365));
            }
        }
        let at = effective.unwrap_or(cal::as_of());
        let author = staff.pick(rng, process.roles(), at).to_owned();
        let reviewer = staff.pick(rng, &[Role::Quality], at).to_owned();
        out.push(Document {
            reference,
            title,
            process,
            kind,
            archived,
            version,
            effective,
            next_review,
            author,
            reviewer,
            approver: approver.clone(),
            status,
        });
    }
    out
}

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Liste des documents qualité", world.fast)?;
    let layout = Layout::new("Documents", "Liste maîtresse des documents qualité")
        .col("Référence", 14.0)
        .text_col("Titre", 55.0)
        .col("Processus", 28.0)
        .col("Type de document", 20.0)
        .col("Indice", 8.0)
        .col("Date d'application", 13.0)
        .col("Prochaine révision", 13.0)
        .col("Rédigé par", 22.0)
        .col("Vérifié par", 18.0)
        .col("Approuvé par", 22.0)
        .col("Statut", 14.0);
    let mut out = book.sheet(layout)?;
    for d in &world.documents {
        let category = match (d.archived, d.kind) {
            (true, _) => "Archive",
            (false, "PR") => "Procédure",
            (false, "MO") => "Mode opératoire",
            (false, "FO") => "Formulaire",
            (false, "EN") => "Enregistrement",
            (false, _) => "Document applicable",
        };
        let status = match d.status {
            DocStatus::Draft => "En rédaction",
            DocStatus::InReview => "En relecture",
            DocStatus::InForce => "En vigueur",
            DocStatus::Archived => "Archivé",
        };
        out.row(&[
            Cell::from(&d.reference),
            Cell::from(&d.title),
            Cell::from(d.process.label()),
            Cell::from(category),
            Cell::from(&d.version),
            Cell::from(d.effective),
            Cell::from(d.next_review),
            Cell::from(&d.author),
            Cell::from(&d.reviewer),
            Cell::from(&d.approver),
            Cell::from(status),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Documents.xlsx")?])
}

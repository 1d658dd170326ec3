//! The regulatory watch: the texts the service follows (radiation
//! protection, quality assurance, waste, personal data…), with paraphrased
//! titles. The references are given for illustration; a real register must
//! be checked against the official sources.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::cal::{self, ymd};
use super::rng::Rng;
use super::xlsx::{Book, Cell, Layout};
use super::{Scale, World};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicable {
    Yes,
    No,
    ToAssess,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WatchStatus {
    Open,
    InProgress,
    Closed,
}

pub struct Item {
    pub reference: String,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub effective: Option<NaiveDate>,
    pub theme: &'static str,
    pub applicable: Applicable,
    pub impact: &'static str,
    pub source: &'static str,
    /// The action the text called for, and when it was opened.
    pub action: Option<(&'static str, NaiveDate)>,
    pub actions: Vec<String>,
    pub status: WatchStatus,
}

type Ymd = (i32, u32, u32);

/// (reference, title, published, effective, theme, applicable, impact, source, action)
#[allow(clippy::type_complexity)]
const TEXTS: &[(
    &str,
    &str,
    Option<Ymd>,
    Option<Ymd>,
    &str,
    Applicable,
    &str,
    &str,
    Option<(&str, Ymd)>,
)] = &[
    (
        "Directive 2013/59/Euratom",
        "Normes de base de protection contre les dangers des rayonnements ionisants",
        Some((2013, 12, 5)),
        Some((2018, 2, 6)),
        "Radioprotection",
        Applicable::Yes,
        "Exigences reprises en droit français (code de la santé publique, code du travail).",
        "JOUE",
        None,
    ),
    (
        "Décret n° 2018-434",
        "Dispositions diverses en matière nucléaire (transposition de la directive Euratom)",
        Some((2018, 6, 4)),
        Some((2018, 7, 1)),
        "Radioprotection",
        Applicable::Yes,
        "Mise à jour des références réglementaires des procédures de radioprotection.",
        "JORF",
        None,
    ),
    (
        "Décret n° 2018-437",
        "Protection des travailleurs contre les risques dus aux rayonnements ionisants",
        Some((2018, 6, 4)),
        Some((2018, 7, 1)),
        "Radioprotection des travailleurs",
        Applicable::Yes,
        "Évaluation des risques, zonage et suivi dosimétrique des travailleurs.",
        "JORF",
        None,
    ),
    (
        "Décision n° 2019-DC-0660",
        "Obligations d'assurance de la qualité en imagerie médicale mettant en œuvre des rayonnements ionisants",
        Some((2019, 1, 15)),
        Some((2019, 7, 1)),
        "Assurance de la qualité",
        Applicable::Yes,
        "Système de gestion de la qualité : formation et habilitation au poste (art. 9), retour d'expérience (art. 10).",
        "ASN",
        None,
    ),
    (
        "Arrêté du 8 février 2019",
        "Homologation de la décision n° 2019-DC-0660 de l'ASN",
        Some((2019, 2, 8)),
        Some((2019, 7, 1)),
        "Assurance de la qualité",
        Applicable::Yes,
        "Rend la décision opposable.",
        "JORF",
        None,
    ),
    (
        "Décision n° 2014-DC-0463",
        "Règles techniques minimales de conception et d'exploitation des installations de médecine nucléaire in vivo",
        Some((2014, 10, 23)),
        None,
        "Locaux et installations",
        Applicable::Yes,
        "Conformité des locaux vérifiée lors des travaux de la salle chaude.",
        "ASN",
        None,
    ),
    (
        "Décision n° 2008-DC-0095",
        "Règles techniques d'élimination des effluents et déchets contaminés par des radionucléides",
        Some((2008, 1, 29)),
        None,
        "Déchets et effluents",
        Applicable::Yes,
        "Plan de gestion des déchets et effluents à tenir à jour.",
        "ASN",
        None,
    ),
    (
        "Décision n° 2017-DC-0585",
        "Formation continue à la radioprotection des personnes exposées à des fins médicales",
        Some((2017, 3, 14)),
        None,
        "Formation",
        Applicable::Yes,
        "Formation à la radioprotection des patients renouvelée selon la périodicité fixée.",
        "ASN",
        None,
    ),
    (
        "Décision n° 2019-DC-0669",
        "Modification de la décision relative à la formation à la radioprotection des patients",
        Some((2019, 6, 11)),
        None,
        "Formation",
        Applicable::Yes,
        "Suivi des échéances de formation dans le registre des formations.",
        "ASN",
        None,
    ),
    (
        "Décision n° 2019-DC-0667",
        "Niveaux de référence diagnostiques et évaluation des doses délivrées aux patients",
        Some((2019, 4, 18)),
        None,
        "Optimisation des doses",
        Applicable::Yes,
        "Recueil annuel des données NRD et analyse des écarts.",
        "ASN",
        Some((
            "Mettre en place le recueil annuel des NRD et son analyse en réunion d'équipe.",
            (2022, 2, 15),
        )),
    ),
    (
        "Décision n° 2017-DC-0591",
        "Règles techniques d'aménagement des locaux où sont utilisés des appareils émettant des rayons X",
        Some((2017, 6, 13)),
        None,
        "Locaux et installations",
        Applicable::Yes,
        "Concerne les scanners des SPECT-CT.",
        "ASN",
        None,
    ),
    (
        "Arrêté du 23 octobre 2020",
        "Mesurages et vérifications en radioprotection des équipements et des lieux de travail",
        Some((2020, 10, 23)),
        Some((2021, 1, 1)),
        "Radioprotection des travailleurs",
        Applicable::Yes,
        "Programme des vérifications initiales et périodiques à réviser.",
        "JORF",
        Some((
            "Réviser le programme des vérifications de radioprotection.",
            (2022, 3, 8),
        )),
    ),
    (
        "Arrêté du 26 juin 2019",
        "Surveillance individuelle de l'exposition des travailleurs aux rayonnements ionisants",
        Some((2019, 6, 26)),
        None,
        "Dosimétrie",
        Applicable::Yes,
        "Organisation du suivi dosimétrique avec le prestataire.",
        "JORF",
        None,
    ),
    (
        "Arrêté du 18 décembre 2019",
        "Modalités de formation de la personne compétente en radioprotection",
        Some((2019, 12, 18)),
        None,
        "Radioprotection des travailleurs",
        Applicable::Yes,
        "Renouvellement de la certification de la PCR à anticiper.",
        "JORF",
        None,
    ),
    (
        "Décision n° 2021-DC-0704",
        "Activités nucléaires soumises au régime d'enregistrement",
        Some((2021, 2, 4)),
        None,
        "Régime administratif",
        Applicable::Yes,
        "Passage du régime d'autorisation au régime d'enregistrement pour la médecine nucléaire.",
        "ASN",
        Some((
            "Préparer le dossier d'enregistrement de l'activité de médecine nucléaire.",
            (2022, 9, 6),
        )),
    ),
    (
        "Loi n° 2024-450",
        "Gouvernance de la sûreté nucléaire et de la radioprotection (création de l'ASNR)",
        Some((2024, 5, 21)),
        Some((2025, 1, 1)),
        "Autorité de contrôle",
        Applicable::Yes,
        "L'ASN devient l'ASNR : documents et modèles de déclaration à mettre à jour.",
        "JORF",
        Some((
            "Mettre à jour les documents qui citent l'ASN (ASNR à partir de 2025).",
            (2024, 11, 12),
        )),
    ),
    (
        "ISO 9001:2015",
        "Systèmes de management de la qualité — exigences",
        Some((2015, 9, 15)),
        None,
        "Qualité",
        Applicable::Yes,
        "Référentiel de certification du service.",
        "ISO",
        None,
    ),
    (
        "ISO 9001:2015/Amd 1:2024",
        "Amendement relatif à la prise en compte du changement climatique",
        Some((2024, 2, 23)),
        Some((2024, 2, 23)),
        "Qualité",
        Applicable::Yes,
        "Le changement climatique est à considérer dans le contexte (4.1) et les attentes des parties intéressées (4.2).",
        "ISO",
        Some((
            "Intégrer l'enjeu climatique à l'analyse du contexte et des parties intéressées.",
            (2024, 4, 9),
        )),
    ),
    (
        "ISO 19011:2018",
        "Lignes directrices pour l'audit des systèmes de management",
        Some((2018, 7, 1)),
        None,
        "Audit",
        Applicable::Yes,
        "Référence de la formation des auditeurs internes.",
        "ISO",
        None,
    ),
    (
        "Règlement (UE) 2016/679",
        "Protection des données personnelles (RGPD)",
        Some((2016, 4, 27)),
        Some((2018, 5, 25)),
        "Données personnelles",
        Applicable::Yes,
        "Registre des traitements et information des patients.",
        "JOUE",
        Some((
            "Mettre à jour le registre des traitements de données du service.",
            (2023, 1, 17),
        )),
    ),
    (
        "Règlement (UE) 2017/745",
        "Dispositifs médicaux",
        Some((2017, 4, 5)),
        Some((2021, 5, 26)),
        "Dispositifs médicaux",
        Applicable::ToAssess,
        "Obligations de l'utilisateur (matériovigilance) à préciser avec le biomédical.",
        "JOUE",
        None,
    ),
    (
        "Règlement (UE) 2017/746",
        "Dispositifs médicaux de diagnostic in vitro",
        Some((2017, 4, 5)),
        Some((2022, 5, 26)),
        "Dispositifs médicaux",
        Applicable::No,
        "Pas d'activité de biologie dans le service.",
        "JOUE",
        None,
    ),
    (
        "Loi n° 2002-303",
        "Droits des malades et qualité du système de santé",
        Some((2002, 3, 4)),
        None,
        "Droits des patients",
        Applicable::Yes,
        "Information du patient et accès au dossier.",
        "JORF",
        None,
    ),
    (
        "Arrêté du 7 septembre 1999",
        "Entreposage des déchets d'activités de soins à risques infectieux",
        Some((1999, 9, 7)),
        None,
        "Déchets et effluents",
        Applicable::Yes,
        "Durées d'entreposage des DASRI respectées.",
        "JORF",
        None,
    ),
    (
        "CSP art. R. 1333-1 et suivants",
        "Protection des personnes contre les rayonnements ionisants (code de la santé publique)",
        None,
        None,
        "Radioprotection",
        Applicable::Yes,
        "Justification, optimisation, déclaration des événements significatifs.",
        "Légifrance",
        None,
    ),
    (
        "Code du travail art. R. 4451-1 et suivants",
        "Prévention des risques d'exposition aux rayonnements ionisants (code du travail)",
        None,
        None,
        "Radioprotection des travailleurs",
        Applicable::Yes,
        "Évaluation des risques et conseiller en radioprotection.",
        "Légifrance",
        None,
    ),
    (
        "Guide ASN n° 11",
        "Déclaration et codification des événements significatifs",
        None,
        None,
        "Déclaration des événements",
        Applicable::Yes,
        "Critères de déclaration des ESR repris dans la procédure REX.",
        "ASN",
        None,
    ),
    (
        "Guide ASN n° 16",
        "Événements significatifs de radioprotection hors installations nucléaires de base",
        None,
        None,
        "Déclaration des événements",
        Applicable::Yes,
        "Modalités de déclaration à l'autorité.",
        "ASN",
        None,
    ),
    (
        "Révision ISO 9001",
        "Projet de nouvelle version de la norme ISO 9001",
        None,
        None,
        "Qualité",
        Applicable::ToAssess,
        "Suivre la publication et la période de transition.",
        "ISO",
        None,
    ),
];

pub fn generate(rng: &mut Rng, scale: &Scale) -> Vec<Item> {
    let d = |t: Option<Ymd>| t.map(|(y, m, d)| ymd(y, m, d));
    let mut out: Vec<Item> = TEXTS
        .iter()
        .map(
            |&(
                reference,
                title,
                published,
                effective,
                theme,
                applicable,
                impact,
                source,
                action,
            )| Item {
                reference: reference.to_owned(),
                title: title.to_owned(),
                published: d(published),
                effective: d(effective),
                theme,
                applicable,
                impact,
                source,
                action: action.map(|(text, (y, m, dd))| (text, ymd(y, m, dd))),
                actions: Vec::new(),
                status: match applicable {
                    Applicable::ToAssess => WatchStatus::InProgress,
                    _ => WatchStatus::Closed,
                },
            },
        )
        .collect();
    let extra = scale.n(TEXTS.len()).saturating_sub(TEXTS.len());
    let w = Scale::width(5, extra);
    for i in 0..extra {
        let base = &out[i % TEXTS.len()];
        let published = cal::random_workday(rng, ymd(2010, 1, 1), cal::as_of());
        let item = Item {
            reference: format!("VR-{:0w$}", i + 1),
            title: format!("{} (texte d'application n° {})", base.title, i + 1),
            published: Some(published),
            effective: Some(cal::add_days(published, rng.range(0, 400))),
            theme: base.theme,
            applicable: base.applicable,
            impact: base.impact,
            source: base.source,
            action: None,
            actions: Vec::new(),
            status: if rng.chance(0.2) {
                WatchStatus::Open
            } else {
                WatchStatus::Closed
            },
        };
        out.push(item);
    }
    out
}

pub fn write(world: &World, dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut book = Book::new("Veille réglementaire", world.fast)?;
    let layout = Layout::new("Veille", "Veille réglementaire et normative")
        .subtitle("Références données à titre d'exemple : vérifier les textes sur les sources officielles")
        .col("Référence", 30.0)
        .text_col("Intitulé", 55.0)
        .col("Date de publication", 13.0)
        .col("Date d'application", 13.0)
        .col("Thème", 26.0)
        .col("Applicable", 11.0)
        .text_col("Impact", 55.0)
        .col("Action liée", 14.0)
        .col("Statut", 11.0)
        .col("Source", 12.0);
    let mut out = book.sheet(layout)?;
    for it in &world.watch {
        let applicable = match it.applicable {
            Applicable::Yes => "Oui",
            Applicable::No => "Non",
            Applicable::ToAssess => "À évaluer",
        };
        let status = match it.status {
            WatchStatus::Open => "À traiter",
            WatchStatus::InProgress => "En cours",
            WatchStatus::Closed => "Traité",
        };
        out.row(&[
            Cell::from(&it.reference),
            Cell::from(&it.title),
            Cell::from(it.published),
            Cell::from(it.effective),
            Cell::from(it.theme),
            Cell::from(applicable),
            Cell::from(it.impact),
            Cell::from(it.actions.join(", ")),
            Cell::from(status),
            Cell::from(it.source),
        ])?;
    }
    out.finish()?;
    Ok(vec![book.save(dir, "Veille-reglementaire.xlsx")?])
}

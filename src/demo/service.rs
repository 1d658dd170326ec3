//! The demo service: its processes, cameras, exams and radiopharmaceuticals.

use super::people::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Proc {
    Reception,
    Booking,
    Injection,
    Acquisition,
    Reporting,
    Radiopharmacy,
    Waste,
    RadiationProtection,
    Maintenance,
    InformationSystem,
    Quality,
    HumanResources,
    Purchasing,
}

impl Proc {
    pub fn label(self) -> &'static str {
        match self {
            Proc::Reception => "Accueil / secrétariat",
            Proc::Booking => "Prise de rendez-vous",
            Proc::Injection => "Préparation et injection",
            Proc::Acquisition => "Acquisition des images",
            Proc::Reporting => "Interprétation et compte rendu",
            Proc::Radiopharmacy => "Radiopharmacie",
            Proc::Waste => "Gestion des déchets et effluents",
            Proc::RadiationProtection => "Radioprotection",
            Proc::Maintenance => "Maintenance des équipements",
            Proc::InformationSystem => "Système d'information",
            Proc::Quality => "Management de la qualité",
            Proc::HumanResources => "Ressources humaines",
            Proc::Purchasing => "Achats et fournisseurs",
        }
    }

    /// The code in document references (`PR-RPH-012`).
    pub fn code(self) -> &'static str {
        match self {
            Proc::Reception => "ACC",
            Proc::Booking => "RDV",
            Proc::Injection => "INJ",
            Proc::Acquisition => "ACQ",
            Proc::Reporting => "CRE",
            Proc::Radiopharmacy => "RPH",
            Proc::Waste => "DEC",
            Proc::RadiationProtection => "RAP",
            Proc::Maintenance => "MAI",
            Proc::InformationSystem => "SIN",
            Proc::Quality => "QUA",
            Proc::HumanResources => "RHU",
            Proc::Purchasing => "ACH",
        }
    }

    /// Who usually reports an event or pilots an action in this process.
    pub fn roles(self) -> &'static [Role] {
        match self {
            Proc::Reception | Proc::Booking => &[Role::Secretary, Role::Manager],
            Proc::Injection | Proc::Acquisition => {
                &[Role::Technologist, Role::Technologist, Role::Pcr]
            }
            Proc::Reporting => &[Role::Physician, Role::Secretary],
            Proc::Radiopharmacy => &[Role::Radiopharmacist, Role::PharmacyTech],
            Proc::Waste | Proc::RadiationProtection => &[Role::Pcr, Role::Technologist],
            Proc::Maintenance => &[Role::Technologist, Role::Manager],
            Proc::InformationSystem => &[Role::Secretary, Role::Manager, Role::Quality],
            Proc::Quality | Proc::Purchasing => &[Role::Quality],
            Proc::HumanResources => &[Role::Manager],
        }
    }

    /// Who pilots actions in this process.
    pub fn owners(self) -> &'static [Role] {
        match self {
            Proc::Reception | Proc::Booking | Proc::Maintenance | Proc::HumanResources => {
                &[Role::Manager]
            }
            Proc::Injection | Proc::Acquisition => &[Role::Manager, Role::Pcr, Role::Physician],
            Proc::Reporting => &[Role::Physician],
            Proc::Radiopharmacy => &[Role::Radiopharmacist],
            Proc::Waste | Proc::RadiationProtection => &[Role::Pcr],
            Proc::InformationSystem | Proc::Quality | Proc::Purchasing => &[Role::Quality],
        }
    }
}

pub const CAMERAS: &[&str] = &["SPECT-CT 1", "SPECT-CT 2", "CZT 1", "CZT 2"];

pub const EXAMS: &[&str] = &[
    "scintigraphie osseuse",
    "scintigraphie myocardique",
    "scintigraphie thyroïdienne",
    "scintigraphie pulmonaire",
    "scintigraphie rénale",
    "TEMP cérébrale (DaTSCAN)",
    "lymphoscintigraphie",
    "scintigraphie parathyroïdienne",
];

pub const TRACERS: &[&str] = &[
    "HMDP-99mTc",
    "MIBI-99mTc",
    "tétrofosmine-99mTc",
    "MAA-99mTc",
    "DMSA-99mTc",
    "123I-ioflupane",
    "pertechnétate-99mTc",
    "201Tl",
];

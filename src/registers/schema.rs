//! The schema of every register: its fields, their types, whether they are
//! required or personal, and the header spellings that name them in French and
//! English. This table is what smq uses to recognise a sheet, map its columns
//! and read each cell; `smq init` will write its labels as headers.

use serde::Serialize;

use super::vocab::{
    ACTION_TYPE, APPLICABILITY, AUDIT_KIND, CAUSE, DIRECTION, DOC_CATEGORY, DOC_STATUS,
    EFFECTIVENESS, EVENT_TYPE, FREQUENCY, GRADE, INDICATOR_KIND, POPULATION, PROXIMITY, STATUS,
    SUPPLIER_DECISION, SYSTEMIC_ANALYSIS, Vocab,
};
use crate::i18n::Lang;

/// Each kind of sheet smq reads. The indicators and audits registers have two
/// sheets each (definitions and values; audits and findings), so there are
/// thirteen kinds for the eleven registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RegisterKind {
    Rex,
    Actions,
    Suppliers,
    Surveys,
    Indicators,
    IndicatorValues,
    Objectives,
    Audits,
    Findings,
    Documents,
    Watch,
    Parties,
    Training,
    /// The management's commentary per section of the review (optional).
    Comments,
}

impl RegisterKind {
    pub const ALL: &'static [RegisterKind] = &[
        RegisterKind::Rex,
        RegisterKind::Actions,
        RegisterKind::Suppliers,
        RegisterKind::Surveys,
        RegisterKind::Indicators,
        RegisterKind::IndicatorValues,
        RegisterKind::Objectives,
        RegisterKind::Audits,
        RegisterKind::Findings,
        RegisterKind::Documents,
        RegisterKind::Watch,
        RegisterKind::Parties,
        RegisterKind::Training,
        RegisterKind::Comments,
    ];

    /// The key used in `smq.toml` and JSON output.
    pub fn key(self) -> &'static str {
        match self {
            RegisterKind::Rex => "rex",
            RegisterKind::Actions => "actions",
            RegisterKind::Suppliers => "suppliers",
            RegisterKind::Surveys => "surveys",
            RegisterKind::Indicators => "indicators",
            RegisterKind::IndicatorValues => "indicator-values",
            RegisterKind::Objectives => "objectives",
            RegisterKind::Audits => "audits",
            RegisterKind::Findings => "findings",
            RegisterKind::Documents => "documents",
            RegisterKind::Watch => "watch",
            RegisterKind::Parties => "parties",
            RegisterKind::Training => "training",
            RegisterKind::Comments => "comments",
        }
    }

    pub fn from_key(key: &str) -> Option<RegisterKind> {
        RegisterKind::ALL.iter().copied().find(|k| k.key() == key)
    }

    /// The register's name for people.
    pub fn label(self, lang: Lang) -> &'static str {
        let (fr, en) = match self {
            RegisterKind::Rex => ("événements (REX)", "events (REX)"),
            RegisterKind::Actions => ("plan d'actions", "action plan"),
            RegisterKind::Suppliers => ("évaluations fournisseurs", "supplier evaluations"),
            RegisterKind::Surveys => ("enquêtes de satisfaction", "satisfaction surveys"),
            RegisterKind::Indicators => ("indicateurs (définitions)", "indicators (definitions)"),
            RegisterKind::IndicatorValues => ("indicateurs (valeurs)", "indicators (values)"),
            RegisterKind::Objectives => ("objectifs qualité", "quality objectives"),
            RegisterKind::Audits => ("audits", "audits"),
            RegisterKind::Findings => ("constats d'audit", "audit findings"),
            RegisterKind::Documents => ("documents", "documents"),
            RegisterKind::Watch => ("veille réglementaire", "regulatory watch"),
            RegisterKind::Parties => ("parties intéressées", "interested parties"),
            RegisterKind::Training => ("formations et habilitations", "training and habilitation"),
            RegisterKind::Comments => ("commentaires de la revue", "review commentary"),
        };
        match lang {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }

    /// Whether a workspace is expected to hold this register: an optional
    /// one is not reported when absent.
    pub fn optional(self) -> bool {
        self == RegisterKind::Comments
    }

    pub fn spec(self) -> &'static RegisterSpec {
        SPECS
            .iter()
            .find(|s| s.kind == self)
            .expect("every kind has a spec")
    }
}

/// How a cell of a field is read.
#[derive(Debug, Clone, Copy)]
pub enum FieldType {
    /// An identifier: text, trimmed, unique within the register.
    Id,
    /// Short text.
    Text,
    /// Free text that may hold anything (scanned for personal data later).
    FreeText,
    /// A date. `past` dates record something that happened and cannot be
    /// after the as-of date; other dates (due, valid until) may be.
    Date { past: bool },
    /// A calendar month (indicator period).
    Month,
    /// A number, possibly written as `95 %`.
    Number,
    /// A whole number within a scale (severity and frequency 1–5).
    Scale { min: i64, max: i64 },
    /// A year (2025), also read from a date.
    Year,
    /// Yes / no.
    Bool,
    /// One value of a closed list.
    Choice(&'static Vocab),
    /// A list of identifiers separated by commas, semicolons, slashes or line breaks.
    IdList,
}

/// One column of a register.
#[derive(Debug)]
pub struct Field {
    pub key: &'static str,
    pub fr: &'static str,
    pub en: &'static str,
    pub ty: FieldType,
    pub required: bool,
    /// Holds personal data (patient identity, staff names, free comments).
    pub personal: bool,
    /// Other header spellings (the labels count too).
    pub aliases: &'static [&'static str],
}

impl Field {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }
}

/// Columns beyond the schema that a register reads as an open set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extra {
    None,
    /// Supplier evaluation criteria: any other column of numbers.
    Criteria,
    /// Survey questions: any other column of Likert answers.
    Questions,
}

/// A register's schema.
#[derive(Debug)]
pub struct RegisterSpec {
    pub kind: RegisterKind,
    pub fields: &'static [Field],
    pub extra: Extra,
    /// The field holding the row's identifier, if any.
    pub id_field: Option<&'static str>,
}

impl RegisterSpec {
    /// The index of field `key`. Panics on a typo in the code, which tests catch.
    pub fn idx(&self, key: &str) -> usize {
        self.fields
            .iter()
            .position(|f| f.key == key)
            .unwrap_or_else(|| panic!("no field {key} in {}", self.kind.key()))
    }

    pub fn field(&self, key: &str) -> &Field {
        &self.fields[self.idx(key)]
    }
}

const fn f(
    key: &'static str,
    fr: &'static str,
    en: &'static str,
    ty: FieldType,
    aliases: &'static [&'static str],
) -> Field {
    Field {
        key,
        fr,
        en,
        ty,
        required: false,
        personal: false,
        aliases,
    }
}

const fn req(mut field: Field) -> Field {
    field.required = true;
    field
}

const fn personal(mut field: Field) -> Field {
    field.personal = true;
    field
}

const PAST: FieldType = FieldType::Date { past: true };
const ANY_DATE: FieldType = FieldType::Date { past: false };
const SCALE5: FieldType = FieldType::Scale { min: 1, max: 5 };

const PROCESS_ALIASES: &[&str] = &[
    "Process",
    "Processus concerné",
    "Secteur",
    "Activité",
    "Étape du processus",
    "Processus impacté",
];
const STATUS_ALIASES: &[&str] = &["État", "Status", "Avancement", "Situation", "State"];
const OWNER_ALIASES: &[&str] = &[
    "Responsable",
    "Porteur",
    "Owner",
    "Responsable de l'action",
    "Qui",
    "Pilote de l'action",
    "Responsible",
];
const LINKED_ACTION_ALIASES: &[&str] = &[
    "Action(s)",
    "Actions",
    "N° action",
    "Actions associées",
    "Action associée",
    "Action liée",
    "Linked actions",
    "Linked action",
    "Action ID",
    "Réf. action",
    "Plan d'action",
];

static SPECS: &[RegisterSpec] = &[
    RegisterSpec {
        kind: RegisterKind::Rex,
        extra: Extra::None,
        id_field: Some("id"),
        fields: &[
            req(f(
                "id",
                "N° événement",
                "Event ID",
                FieldType::Id,
                &[
                    "ID",
                    "N°",
                    "Numéro",
                    "Référence",
                    "Réf",
                    "Identifiant",
                    "N° FEI",
                    "N° fiche",
                    "Numéro de fiche",
                    "N° de la fiche",
                    "Event number",
                    "No",
                    "Number",
                    "N° EI",
                ],
            )),
            req(f(
                "detected",
                "Date de détection",
                "Detection date",
                PAST,
                &[
                    "Date",
                    "Date de l'événement",
                    "Date événement",
                    "Date de survenue",
                    "Date de constat",
                    "Event date",
                    "Date of event",
                    "Survenu le",
                    "Date détection",
                ],
            )),
            req(f(
                "type",
                "Type",
                "Type",
                FieldType::Choice(&EVENT_TYPE),
                &[
                    "Type d'événement",
                    "Nature",
                    "Catégorie",
                    "Event type",
                    "Type de fiche",
                    "Nature de l'événement",
                    "Kind",
                ],
            )),
            f(
                "process",
                "Processus",
                "Process",
                FieldType::Text,
                PROCESS_ALIASES,
            ),
            personal(f(
                "description",
                "Description",
                "Description",
                FieldType::FreeText,
                &[
                    "Description de l'événement",
                    "Libellé",
                    "Résumé",
                    "Faits",
                    "Objet",
                    "Description des faits",
                    "Summary",
                    "Événement",
                    "Intitulé",
                ],
            )),
            personal(f(
                "patient",
                "Patient",
                "Patient",
                FieldType::Text,
                &[
                    "Nom du patient",
                    "Patient concerné",
                    "IPP",
                    "Identité patient",
                    "Identité du patient",
                    "Patient name",
                    "Patient ID",
                    "N° patient",
                ],
            )),
            personal(f(
                "reporter",
                "Déclarant",
                "Reported by",
                FieldType::Text,
                &[
                    "Rédacteur",
                    "Émetteur",
                    "Auteur",
                    "Déclaré par",
                    "Reporter",
                    "Notifiant",
                    "Nom du déclarant",
                    "Signalé par",
                ],
            )),
            f(
                "severity",
                "Gravité",
                "Severity",
                SCALE5,
                &[
                    "Sévérité",
                    "G",
                    "Niveau de gravité",
                    "Cotation gravité",
                    "Gravité (1-5)",
                    "Impact",
                ],
            ),
            f(
                "frequency",
                "Fréquence",
                "Frequency",
                SCALE5,
                &[
                    "Vraisemblance",
                    "Probabilité",
                    "Occurrence",
                    "Likelihood",
                    "F",
                    "Fréquence d'occurrence",
                    "Fréquence (1-5)",
                    "Probability",
                ],
            ),
            f(
                "cause",
                "Cause",
                "Cause",
                FieldType::Choice(&CAUSE),
                &[
                    "Catégorie de cause",
                    "Famille de cause",
                    "Cause (5M)",
                    "5M",
                    "Cause principale",
                    "Cause category",
                    "Root cause category",
                    "Causes",
                    "Type de cause",
                ],
            ),
            f(
                "declared",
                "Déclaré ASN",
                "Declared to ASN",
                FieldType::Bool,
                &[
                    "Déclaration ASN",
                    "Déclaré à l'ASN",
                    "Déclaration à l'ASN",
                    "ASN",
                    "Déclaration ESR",
                    "Déclaré ASN ?",
                    "ASN declaration",
                    "Declared ASN",
                    "Déclaré ASNR",
                ],
            ),
            f(
                "declared_on",
                "Date de déclaration ASN",
                "ASN declaration date",
                PAST,
                &[
                    "Date déclaration ASN",
                    "Date de déclaration",
                    "Date déclaration",
                    "Déclaré le",
                    "Date of ASN declaration",
                    "Declaration date",
                ],
            ),
            f(
                "systemic",
                "Analyse systémique",
                "Systemic analysis",
                FieldType::Choice(&SYSTEMIC_ANALYSIS),
                &[
                    "Méthode d'analyse",
                    "Analyse approfondie",
                    "Analyse ALARM/ORION",
                    "ALARM / ORION",
                    "Méthode",
                    "Analysis method",
                    "Analyse des causes",
                ],
            ),
            f(
                "supplier",
                "Fournisseur",
                "Supplier",
                FieldType::Text,
                &[
                    "Fournisseur concerné",
                    "Prestataire",
                    "Provider",
                    "Vendor",
                    "Fabricant",
                ],
            ),
            f(
                "actions",
                "Actions liées",
                "Linked actions",
                FieldType::IdList,
                LINKED_ACTION_ALIASES,
            ),
            f(
                "status",
                "Statut",
                "Status",
                FieldType::Choice(&STATUS),
                STATUS_ALIASES,
            ),
            f(
                "closed",
                "Date de clôture",
                "Closing date",
                PAST,
                &[
                    "Clôture",
                    "Date clôture",
                    "Date de clôture de la fiche",
                    "Closed on",
                    "Date de solde",
                    "Date de fin",
                    "Clôturé le",
                    "Date of closure",
                ],
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Actions,
        extra: Extra::None,
        id_field: Some("id"),
        fields: &[
            req(f(
                "id",
                "N° action",
                "Action ID",
                FieldType::Id,
                &[
                    "ID",
                    "N°",
                    "Numéro",
                    "Référence",
                    "Réf",
                    "Réf. action",
                    "Identifiant",
                    "Code action",
                    "Action number",
                    "No",
                    "Number",
                    "Numéro d'action",
                ],
            )),
            f(
                "origin",
                "Origine",
                "Origin",
                FieldType::Text,
                &[
                    "Source",
                    "Origine de l'action",
                    "Provenance",
                    "Réf. origine",
                    "Référence origine",
                    "Source of action",
                    "Issue de",
                ],
            ),
            f(
                "type",
                "Type",
                "Type",
                FieldType::Choice(&ACTION_TYPE),
                &[
                    "Type d'action",
                    "Nature",
                    "Action type",
                    "Nature de l'action",
                    "Kind",
                ],
            ),
            f(
                "process",
                "Processus",
                "Process",
                FieldType::Text,
                PROCESS_ALIASES,
            ),
            req(personal(f(
                "description",
                "Description",
                "Description",
                FieldType::FreeText,
                &[
                    "Action",
                    "Libellé",
                    "Intitulé",
                    "Description de l'action",
                    "Action à mener",
                    "Action décidée",
                    "Action description",
                    "Quoi",
                ],
            ))),
            personal(f(
                "owner",
                "Pilote",
                "Owner",
                FieldType::Text,
                OWNER_ALIASES,
            )),
            req(f(
                "opened",
                "Date d'ouverture",
                "Opening date",
                PAST,
                &[
                    "Date de création",
                    "Date d'émission",
                    "Ouverture",
                    "Date",
                    "Opened",
                    "Opened on",
                    "Date de début",
                    "Créée le",
                    "Date ouverture",
                    "Start date",
                ],
            )),
            f(
                "due",
                "Échéance",
                "Due date",
                ANY_DATE,
                &[
                    "Date d'échéance",
                    "Date prévue",
                    "Délai",
                    "Deadline",
                    "Date butoir",
                    "Pour le",
                    "Échéance prévue",
                    "Date limite",
                    "Due",
                    "Target date",
                ],
            ),
            f(
                "done",
                "Date de réalisation",
                "Done date",
                PAST,
                &[
                    "Réalisé le",
                    "Date de clôture",
                    "Date de fin",
                    "Date effective",
                    "Completion date",
                    "Closed on",
                    "Date de solde",
                    "Date réalisation",
                    "Clôture",
                    "Done on",
                ],
            ),
            req(f(
                "status",
                "Statut",
                "Status",
                FieldType::Choice(&STATUS),
                STATUS_ALIASES,
            )),
            f(
                "effectiveness",
                "Efficacité",
                "Effectiveness",
                FieldType::Choice(&EFFECTIVENESS),
                &[
                    "Efficacité de l'action",
                    "Évaluation de l'efficacité",
                    "Résultat efficacité",
                    "Efficace ?",
                    "Efficacité constatée",
                    "Effective?",
                ],
            ),
            f(
                "checked_on",
                "Date de vérification de l'efficacité",
                "Effectiveness check date",
                PAST,
                &[
                    "Date évaluation efficacité",
                    "Date d'évaluation de l'efficacité",
                    "Date de vérification",
                    "Date efficacité",
                    "Vérifiée le",
                    "Efficacité vérifiée le",
                    "Check date",
                ],
            ),
            f(
                "indicator",
                "Indicateur",
                "Indicator",
                FieldType::Text,
                &[
                    "Indicateur lié",
                    "Code indicateur",
                    "Linked indicator",
                    "Indicateur de suivi",
                ],
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Suppliers,
        extra: Extra::Criteria,
        id_field: None,
        fields: &[
            req(f(
                "supplier",
                "Fournisseur",
                "Supplier",
                FieldType::Text,
                &[
                    "Nom du fournisseur",
                    "Prestataire",
                    "Raison sociale",
                    "Provider",
                    "Vendor",
                    "Fournisseur / prestataire",
                    "Nom",
                ],
            )),
            f(
                "category",
                "Catégorie",
                "Category",
                FieldType::Text,
                &[
                    "Type de fournisseur",
                    "Famille",
                    "Domaine",
                    "Catégorie d'achat",
                    "Type de prestation",
                    "Prestation",
                    "Produit / prestation",
                ],
            ),
            f(
                "critical",
                "Fournisseur à risque",
                "Critical supplier",
                FieldType::Bool,
                &[
                    "Critique",
                    "Fournisseur critique",
                    "À risque",
                    "Critical",
                    "Sensible",
                    "Criticité",
                ],
            ),
            req(f(
                "evaluated",
                "Date d'évaluation",
                "Evaluation date",
                PAST,
                &[
                    "Date",
                    "Évalué le",
                    "Date de l'évaluation",
                    "Date évaluation",
                ],
            )),
            f(
                "score",
                "Score",
                "Score",
                FieldType::Number,
                &[
                    "Note",
                    "Note globale",
                    "Score global",
                    "Total",
                    "Résultat",
                    "Note finale",
                    "Overall score",
                    "Global score",
                ],
            ),
            f(
                "decision",
                "Décision",
                "Decision",
                FieldType::Choice(&SUPPLIER_DECISION),
                &[
                    "Résultat de l'évaluation",
                    "Décision d'agrément",
                    "Agrément",
                    "Statut",
                    "Statut fournisseur",
                    "Conclusion",
                ],
            ),
            personal(f(
                "evaluator",
                "Évaluateur",
                "Evaluator",
                FieldType::Text,
                &["Évalué par", "Evaluated by", "Responsable évaluation"],
            )),
            personal(f(
                "comment",
                "Commentaire",
                "Comment",
                FieldType::FreeText,
                &[
                    "Commentaires",
                    "Remarques",
                    "Observations",
                    "Comments",
                    "Remarks",
                ],
            )),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Surveys,
        extra: Extra::Questions,
        id_field: None,
        fields: &[
            f(
                "date",
                "Date",
                "Date",
                PAST,
                &[
                    "Date de réponse",
                    "Date de l'enquête",
                    "Response date",
                    "Date de saisie",
                    "Date du questionnaire",
                ],
            ),
            req(f(
                "campaign",
                "Campagne",
                "Campaign",
                FieldType::Text,
                &[
                    "Enquête",
                    "Vague",
                    "Survey",
                    "Campagne d'enquête",
                    "Questionnaire",
                    "Période d'enquête",
                ],
            )),
            req(f(
                "population",
                "Population",
                "Population",
                FieldType::Choice(&POPULATION),
                &[
                    "Type de répondant",
                    "Répondant",
                    "Public",
                    "Respondent",
                    "Respondent type",
                    "Cible",
                    "Catégorie de répondant",
                ],
            )),
            personal(f(
                "respondent",
                "Nom du répondant",
                "Respondent name",
                FieldType::Text,
                &["Identité", "Nom", "Name", "Identité du répondant"],
            )),
            personal(f(
                "comment",
                "Commentaire",
                "Comment",
                FieldType::FreeText,
                &[
                    "Commentaires",
                    "Remarques",
                    "Suggestions",
                    "Verbatim",
                    "Comments",
                    "Expression libre",
                    "Commentaire libre",
                    "Vos suggestions",
                ],
            )),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Indicators,
        extra: Extra::None,
        id_field: Some("code"),
        fields: &[
            req(f(
                "code",
                "Code",
                "Code",
                FieldType::Id,
                &[
                    "Code indicateur",
                    "Réf",
                    "Référence",
                    "ID",
                    "Indicator code",
                    "N°",
                    "Identifiant",
                ],
            )),
            req(f(
                "label",
                "Libellé",
                "Label",
                FieldType::Text,
                &[
                    "Indicateur",
                    "Nom",
                    "Intitulé",
                    "Name",
                    "Indicator",
                    "Nom de l'indicateur",
                    "Libellé de l'indicateur",
                ],
            )),
            f(
                "process",
                "Processus",
                "Process",
                FieldType::Text,
                PROCESS_ALIASES,
            ),
            f(
                "unit",
                "Unité",
                "Unit",
                FieldType::Text,
                &["Unité de mesure", "Unit of measure"],
            ),
            f(
                "direction",
                "Sens",
                "Direction",
                FieldType::Choice(&DIRECTION),
                &[
                    "Sens d'amélioration",
                    "Sens de variation",
                    "Évolution souhaitée",
                    "Tendance souhaitée",
                    "Polarité",
                    "Better",
                    "Sens attendu",
                    "Sens souhaité",
                    "Polarity",
                ],
            ),
            f(
                "target",
                "Cible",
                "Target",
                FieldType::Number,
                &[
                    "Objectif",
                    "Valeur cible",
                    "Seuil cible",
                    "Target value",
                    "Valeur objectif",
                ],
            ),
            f(
                "alert",
                "Seuil d'alerte",
                "Alert threshold",
                FieldType::Number,
                &[
                    "Alerte",
                    "Seuil",
                    "Limite",
                    "Alert",
                    "Seuil de vigilance",
                    "Limite d'alerte",
                    "Valeur d'alerte",
                ],
            ),
            f(
                "frequency",
                "Fréquence",
                "Frequency",
                FieldType::Choice(&FREQUENCY),
                &[
                    "Périodicité",
                    "Fréquence de mesure",
                    "Periodicity",
                    "Fréquence de calcul",
                ],
            ),
            personal(f(
                "owner",
                "Pilote",
                "Owner",
                FieldType::Text,
                OWNER_ALIASES,
            )),
            f(
                "kind",
                "Type de données",
                "Data type",
                FieldType::Choice(&INDICATOR_KIND),
                &[
                    "Type",
                    "Nature",
                    "Kind",
                    "Type d'indicateur",
                    "Carte de contrôle",
                    "Control chart",
                    "Type de donnée",
                ],
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::IndicatorValues,
        extra: Extra::None,
        id_field: None,
        fields: &[
            req(f(
                "code",
                "Code",
                "Code",
                FieldType::Id,
                &[
                    "Code indicateur",
                    "Indicateur",
                    "Réf",
                    "Référence",
                    "ID",
                    "Indicator code",
                    "Indicator",
                ],
            )),
            req(f(
                "period",
                "Période",
                "Period",
                FieldType::Month,
                &[
                    "Mois",
                    "Date",
                    "Month",
                    "Mois de mesure",
                    "Période de mesure",
                    "Mois concerné",
                ],
            )),
            f(
                "value",
                "Valeur",
                "Value",
                FieldType::Number,
                &[
                    "Résultat",
                    "Result",
                    "Mesure",
                    "Valeur mesurée",
                    "Valeur du mois",
                    "Taux",
                ],
            ),
            f(
                "numerator",
                "Numérateur",
                "Numerator",
                FieldType::Number,
                &["Num", "Num."],
            ),
            f(
                "denominator",
                "Dénominateur",
                "Denominator",
                FieldType::Number,
                &["Dénom", "Dénom.", "Den", "Effectif"],
            ),
            personal(f(
                "comment",
                "Commentaire",
                "Comment",
                FieldType::FreeText,
                &["Commentaires", "Analyse", "Comments", "Remarque"],
            )),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Objectives,
        extra: Extra::None,
        id_field: None,
        fields: &[
            req(f(
                "year",
                "Année",
                "Year",
                FieldType::Year,
                &["Exercice", "An", "Année de l'objectif"],
            )),
            req(f(
                "objective",
                "Objectif",
                "Objective",
                FieldType::Text,
                &[
                    "Objectif qualité",
                    "Libellé",
                    "Intitulé",
                    "Quality objective",
                    "Objectifs",
                ],
            )),
            f(
                "indicator",
                "Indicateur",
                "Indicator",
                FieldType::Text,
                &[
                    "Code indicateur",
                    "Indicateur lié",
                    "Linked indicator",
                    "Indicateur associé",
                    "Indicateur de suivi",
                ],
            ),
            f(
                "target",
                "Cible",
                "Target",
                FieldType::Number,
                &[
                    "Valeur cible",
                    "Valeur visée",
                    "Target value",
                    "Résultat attendu",
                ],
            ),
            f(
                "deadline",
                "Échéance",
                "Deadline",
                ANY_DATE,
                &[
                    "Date butoir",
                    "Délai",
                    "Due date",
                    "Date limite",
                    "Date d'échéance",
                ],
            ),
            personal(f(
                "owner",
                "Pilote",
                "Owner",
                FieldType::Text,
                OWNER_ALIASES,
            )),
            f(
                "process",
                "Processus",
                "Process",
                FieldType::Text,
                PROCESS_ALIASES,
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Audits,
        extra: Extra::None,
        id_field: Some("id"),
        fields: &[
            req(f(
                "id",
                "N° audit",
                "Audit ID",
                FieldType::Id,
                &[
                    "ID",
                    "Réf. audit",
                    "Référence",
                    "Identifiant",
                    "Code audit",
                    "N°",
                    "Audit",
                    "Audit number",
                ],
            )),
            req(f(
                "kind",
                "Type d'audit",
                "Audit kind",
                FieldType::Choice(&AUDIT_KIND),
                &[
                    "Type",
                    "Nature",
                    "Kind",
                    "Audit type",
                    "Catégorie",
                    "Type d'audit / inspection",
                ],
            )),
            req(f(
                "date",
                "Date",
                "Date",
                ANY_DATE,
                &[
                    "Date de l'audit",
                    "Date d'audit",
                    "Audit date",
                    "Date de début",
                    "Date de visite",
                    "Date de l'inspection",
                ],
            )),
            personal(f(
                "auditor",
                "Auditeur / organisme",
                "Auditor / body",
                FieldType::Text,
                &[
                    "Auditeur",
                    "Auditeurs",
                    "Organisme",
                    "Auditor",
                    "Body",
                    "Certification body",
                    "Inspecteur",
                    "Responsable d'audit",
                    "Organisme certificateur",
                    "Auditeur(s)",
                ],
            )),
            f(
                "scope",
                "Périmètre",
                "Scope",
                FieldType::Text,
                &[
                    "Champ",
                    "Champ de l'audit",
                    "Processus audités",
                    "Périmètre audité",
                    "Audit scope",
                ],
            ),
            f(
                "standard",
                "Référentiel",
                "Standard",
                FieldType::Text,
                &[
                    "Norme",
                    "Référentiels",
                    "Standards",
                    "Référentiel d'audit",
                    "Criteria",
                ],
            ),
            f(
                "status",
                "Statut",
                "Status",
                FieldType::Choice(&STATUS),
                STATUS_ALIASES,
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Findings,
        extra: Extra::None,
        id_field: Some("id"),
        fields: &[
            req(f(
                "id",
                "N° constat",
                "Finding ID",
                FieldType::Id,
                &[
                    "ID",
                    "Réf. constat",
                    "Identifiant",
                    "N° écart",
                    "Numéro",
                    "N°",
                    "Référence",
                    "Finding number",
                ],
            )),
            req(f(
                "audit",
                "N° audit",
                "Audit ID",
                FieldType::Id,
                &[
                    "Audit",
                    "Réf. audit",
                    "ID audit",
                    "Audit ref",
                    "Référence audit",
                ],
            )),
            req(f(
                "grade",
                "Cotation",
                "Grade",
                FieldType::Choice(&GRADE),
                &[
                    "Type de constat",
                    "Type",
                    "Niveau",
                    "Classification",
                    "Nature",
                    "Type d'écart",
                    "Finding type",
                    "Catégorie",
                    "Gravité",
                ],
            )),
            f(
                "clause",
                "Clause / article",
                "Clause / article",
                FieldType::Text,
                &[
                    "Clause",
                    "Chapitre",
                    "Exigence",
                    "Article",
                    "Référence normative",
                    "Chapitre de la norme",
                    "Requirement",
                    "§",
                    "Article / chapitre",
                    "Paragraphe",
                ],
            ),
            f(
                "process",
                "Processus",
                "Process",
                FieldType::Text,
                PROCESS_ALIASES,
            ),
            personal(f(
                "description",
                "Constat",
                "Finding",
                FieldType::FreeText,
                &[
                    "Description",
                    "Libellé",
                    "Description du constat",
                    "Énoncé",
                    "Observation",
                ],
            )),
            f(
                "actions",
                "Action liée",
                "Linked action",
                FieldType::IdList,
                LINKED_ACTION_ALIASES,
            ),
            f(
                "status",
                "Statut",
                "Status",
                FieldType::Choice(&STATUS),
                STATUS_ALIASES,
            ),
            f(
                "closed",
                "Date de clôture",
                "Closing date",
                PAST,
                &[
                    "Clôture",
                    "Closed on",
                    "Levée",
                    "Date de levée",
                    "Date clôture",
                    "Levé le",
                ],
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Documents,
        extra: Extra::None,
        id_field: Some("reference"),
        fields: &[
            req(f(
                "reference",
                "Référence",
                "Reference",
                FieldType::Id,
                &[
                    "Réf",
                    "Code",
                    "Code document",
                    "Document ID",
                    "N°",
                    "Identifiant",
                    "Référence du document",
                ],
            )),
            req(f(
                "title",
                "Titre",
                "Title",
                FieldType::Text,
                &[
                    "Intitulé",
                    "Libellé",
                    "Nom du document",
                    "Document",
                    "Nom",
                    "Document title",
                ],
            )),
            f(
                "process",
                "Processus",
                "Process",
                FieldType::Text,
                PROCESS_ALIASES,
            ),
            f(
                "category",
                "Catégorie",
                "Category",
                FieldType::Choice(&DOC_CATEGORY),
                &[
                    "Type",
                    "Type de document",
                    "Nature",
                    "Document type",
                    "Typologie",
                ],
            ),
            f(
                "version",
                "Version",
                "Version",
                FieldType::Text,
                &[
                    "Indice",
                    "Révision",
                    "Version n°",
                    "Rev",
                    "Indice de révision",
                    "N° de version",
                ],
            ),
            f(
                "effective",
                "Date d'application",
                "Effective date",
                PAST,
                &[
                    "Date de mise en application",
                    "Date de diffusion",
                    "Date d'entrée en vigueur",
                    "Date de validation",
                    "Date de publication",
                    "Date",
                    "Date de version",
                    "Applicable le",
                ],
            ),
            f(
                "next_review",
                "Prochaine révision",
                "Next review",
                ANY_DATE,
                &[
                    "Date de prochaine révision",
                    "Date de révision",
                    "À réviser le",
                    "Review date",
                    "Date de revue",
                    "Prochaine revue",
                    "Next review date",
                    "Date de prochaine revue",
                ],
            ),
            personal(f(
                "author",
                "Rédacteur",
                "Author",
                FieldType::Text,
                &["Auteur", "Rédigé par", "Written by"],
            )),
            personal(f(
                "reviewer",
                "Vérificateur",
                "Reviewer",
                FieldType::Text,
                &["Vérifié par", "Relecteur", "Checked by", "Vérification"],
            )),
            personal(f(
                "approver",
                "Approbateur",
                "Approver",
                FieldType::Text,
                &["Approuvé par", "Validé par", "Approved by", "Approbation"],
            )),
            f(
                "status",
                "Statut",
                "Status",
                FieldType::Choice(&DOC_STATUS),
                STATUS_ALIASES,
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Watch,
        extra: Extra::None,
        id_field: Some("reference"),
        fields: &[
            req(f(
                "reference",
                "Référence",
                "Reference",
                FieldType::Id,
                &[
                    "Réf",
                    "Référence du texte",
                    "N°",
                    "ID",
                    "Code",
                    "Référence réglementaire",
                ],
            )),
            f(
                "title",
                "Intitulé",
                "Title",
                FieldType::Text,
                &[
                    "Titre",
                    "Texte",
                    "Libellé",
                    "Objet",
                    "Texte réglementaire",
                    "Text",
                ],
            ),
            f(
                "published",
                "Date de publication",
                "Publication date",
                PAST,
                &[
                    "Publication",
                    "Date de parution",
                    "Paru le",
                    "Date du texte",
                    "Publié le",
                ],
            ),
            f(
                "effective",
                "Date d'application",
                "Effective date",
                ANY_DATE,
                &[
                    "Date d'entrée en vigueur",
                    "Entrée en vigueur",
                    "Date d'effet",
                    "In force from",
                ],
            ),
            f(
                "theme",
                "Thème",
                "Theme",
                FieldType::Text,
                &["Domaine", "Thématique", "Topic", "Catégorie", "Sujet"],
            ),
            f(
                "applicable",
                "Applicable",
                "Applicable",
                FieldType::Choice(&APPLICABILITY),
                &[
                    "Applicabilité",
                    "Concerné",
                    "Applicability",
                    "Applicable ?",
                    "Applicable au service",
                ],
            ),
            personal(f(
                "impact",
                "Impact",
                "Impact",
                FieldType::FreeText,
                &[
                    "Impacts",
                    "Conséquences",
                    "Analyse d'impact",
                    "Exigences",
                    "Exigences applicables",
                    "Impact pour le service",
                ],
            )),
            f(
                "actions",
                "Action liée",
                "Linked action",
                FieldType::IdList,
                LINKED_ACTION_ALIASES,
            ),
            f(
                "status",
                "Statut",
                "Status",
                FieldType::Choice(&STATUS),
                STATUS_ALIASES,
            ),
            f(
                "source",
                "Source",
                "Source",
                FieldType::Text,
                &["Émetteur", "Origine", "Publié par"],
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Parties,
        extra: Extra::None,
        id_field: Some("name"),
        fields: &[
            req(f(
                "name",
                "Partie intéressée",
                "Interested party",
                FieldType::Id,
                &[
                    "Parties intéressées",
                    "Partie prenante",
                    "Parties prenantes",
                    "Party",
                    "Stakeholder",
                    "Nom de la partie intéressée",
                    "Nom",
                ],
            )),
            f(
                "category",
                "Catégorie",
                "Category",
                FieldType::Text,
                &[
                    "Type",
                    "Famille",
                    "Interne / externe",
                    "Interne/externe",
                    "Nature",
                ],
            ),
            req(f(
                "proximity",
                "Proximité",
                "Proximity",
                FieldType::Choice(&PROXIMITY),
                &[
                    "Niveau",
                    "Influence",
                    "Importance",
                    "Cercle",
                    "Anneau",
                    "Niveau de proximité",
                    "Degré de proximité",
                    "Ring",
                ],
            )),
            f(
                "expectations",
                "Attentes",
                "Expectations",
                FieldType::FreeText,
                &[
                    "Besoins et attentes",
                    "Besoins",
                    "Exigences",
                    "Needs and expectations",
                    "Needs",
                    "Attentes et besoins",
                ],
            ),
            f(
                "risks",
                "Risques et opportunités",
                "Risks and opportunities",
                FieldType::FreeText,
                &[
                    "Risques",
                    "Enjeux",
                    "Risks",
                    "Risques / opportunités",
                    "Opportunités",
                ],
            ),
            f(
                "reviewed",
                "Date de revue",
                "Review date",
                PAST,
                &[
                    "Dernière revue",
                    "Mise à jour",
                    "Date de mise à jour",
                    "Revu le",
                    "Last review",
                    "Updated",
                ],
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Training,
        extra: Extra::None,
        id_field: None,
        fields: &[
            req(personal(f(
                "person",
                "Nom",
                "Name",
                FieldType::Text,
                &[
                    "Agent",
                    "Personne",
                    "Salarié",
                    "Collaborateur",
                    "Nom Prénom",
                    "Nom et prénom",
                    "Person",
                    "Employee",
                    "Staff",
                    "Professionnel",
                    "Prénom Nom",
                ],
            ))),
            f(
                "role",
                "Fonction",
                "Role",
                FieldType::Text,
                &[
                    "Poste",
                    "Métier",
                    "Rôle",
                    "Job",
                    "Profession",
                    "Catégorie professionnelle",
                    "Poste de travail",
                    "Qualification",
                ],
            ),
            req(f(
                "training",
                "Formation",
                "Training",
                FieldType::Text,
                &[
                    "Intitulé de la formation",
                    "Thème",
                    "Module",
                    "Course",
                    "Formation / habilitation",
                    "Intitulé",
                    "Type de formation",
                ],
            )),
            f(
                "date",
                "Date",
                "Date",
                PAST,
                &[
                    "Date de formation",
                    "Date de réalisation",
                    "Réalisée le",
                    "Training date",
                    "Date de session",
                    "Suivie le",
                    "Date de la formation",
                ],
            ),
            f(
                "valid_until",
                "Valable jusqu'au",
                "Valid until",
                ANY_DATE,
                &[
                    "Validité",
                    "Date d'expiration",
                    "Fin de validité",
                    "Date limite",
                    "Échéance",
                    "Prochaine session",
                    "Expiry date",
                    "Recyclage",
                    "Date de recyclage",
                    "Expire le",
                ],
            ),
            f(
                "habilitation",
                "Habilitation",
                "Habilitation",
                FieldType::Bool,
                &[
                    "Habilité",
                    "Habilité au poste",
                    "Habilitation au poste",
                    "Qualified",
                    "Authorised",
                    "Habilitation validée",
                    "Authorized",
                ],
            ),
        ],
    },
    RegisterSpec {
        kind: RegisterKind::Comments,
        extra: Extra::None,
        id_field: None,
        fields: &[
            f(
                "year",
                "Année",
                "Year",
                FieldType::Year,
                &[
                    "Année de la revue",
                    "Revue",
                    "Revue de direction",
                    "Exercice",
                    "Période",
                    "Review",
                    "Review year",
                ],
            ),
            req(f(
                "section",
                "Section",
                "Section",
                FieldType::Text,
                &[
                    "Rubrique",
                    "Chapitre",
                    "Élément d'entrée",
                    "Donnée d'entrée",
                    "Section de la revue",
                    "Paragraphe",
                    "Input",
                    "Review input",
                ],
            )),
            req(f(
                "comment",
                "Commentaire de la direction",
                "Management commentary",
                FieldType::FreeText,
                &[
                    "Commentaire",
                    "Commentaires",
                    "Commentaire direction",
                    "Analyse de la direction",
                    "Texte",
                    "Comment",
                    "Commentary",
                    "Management comment",
                ],
            )),
        ],
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::text::fold;
    use std::collections::HashMap;

    #[test]
    fn every_kind_has_exactly_one_spec() {
        for kind in RegisterKind::ALL {
            assert_eq!(
                SPECS.iter().filter(|s| s.kind == *kind).count(),
                1,
                "{kind:?}"
            );
            assert_eq!(RegisterKind::from_key(kind.key()), Some(*kind));
        }
    }

    #[test]
    fn no_header_spelling_names_two_fields_of_one_register() {
        for spec in SPECS {
            let mut seen: HashMap<String, &str> = HashMap::new();
            for field in spec.fields {
                for s in [field.fr, field.en].iter().chain(field.aliases.iter()) {
                    let k = fold(s);
                    assert!(!k.is_empty(), "{}.{}: '{s}'", spec.kind.key(), field.key);
                    if let Some(prev) = seen.insert(k, field.key) {
                        assert_eq!(
                            prev,
                            field.key,
                            "{}: '{s}' names {prev} and {}",
                            spec.kind.key(),
                            field.key
                        );
                    }
                }
            }
            if let Some(id) = spec.id_field {
                spec.idx(id);
            }
        }
    }
}

//! The schema of every register: its fields, their types, whether they are
//! required or personal, and the header spellings that name them in French and
//! English. This table is what smq uses to recognise a sheet, map its columns
//! and read each cell; `smq init` will write its labels as headers.

use serde::Serialize;

use super::declare::FieldRef;
use super::vocab::Vocab;
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

    /// The register's schema, declared in its own file.
    pub fn spec(self) -> &'static RegisterSpec {
        use super::*;
        match self {
            RegisterKind::Rex => &rex::REX,
            RegisterKind::Actions => &actions::ACTIONS,
            RegisterKind::Suppliers => &suppliers::SUPPLIERS,
            RegisterKind::Surveys => &surveys::SURVEYS,
            RegisterKind::Indicators => &indicators::INDICATORS,
            RegisterKind::IndicatorValues => &indicators::INDICATOR_VALUES,
            RegisterKind::Objectives => &objectives::OBJECTIVES,
            RegisterKind::Audits => &audits::AUDITS,
            RegisterKind::Findings => &audits::FINDINGS,
            RegisterKind::Documents => &documents::DOCUMENTS,
            RegisterKind::Watch => &watch::WATCH,
            RegisterKind::Parties => &parties::PARTIES,
            RegisterKind::Training => &training::TRAINING,
            RegisterKind::Comments => &comments::COMMENTS,
        }
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
    /// Names a process of the service.
    pub process: bool,
    /// Other header spellings (the labels count too).
    pub aliases: &'static [&'static str],
    /// What the column holds (French, English).
    pub help: (&'static str, &'static str),
    /// An example value (French, English); empty when the example row leaves
    /// it empty.
    pub example: (&'static str, &'static str),
}

impl Field {
    pub fn label(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.fr,
            Lang::En => self.en,
        }
    }

    /// What the column holds, in `lang`.
    pub fn help_text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.help.0,
            Lang::En => self.help.1,
        }
    }

    /// The example value, in `lang`.
    pub fn example_text(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Fr => self.example.0,
            Lang::En => self.example.1,
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
    /// The position of the field holding the row's identifier, if any.
    pub id_field: Option<u8>,
}

impl RegisterSpec {
    /// The field holding the row's identifier, if any.
    pub fn id(&self) -> Option<FieldRef> {
        self.id_field.map(|index| FieldRef {
            kind: self.kind,
            index,
        })
    }

    /// Every field, named.
    pub fn refs(&self) -> impl Iterator<Item = FieldRef> + '_ {
        (0..self.fields.len()).map(|i| FieldRef {
            kind: self.kind,
            index: i as u8,
        })
    }

    /// The field whose key is `key` (a key from `smq.toml`).
    pub fn by_key(&self, key: &str) -> Option<FieldRef> {
        self.refs().find(|f| f.key() == key)
    }
}

/// A field of `key` with its French and English header labels and its cell
/// type; the builder methods below add the rest of its declaration.
pub(super) const fn field(
    key: &'static str,
    fr: &'static str,
    en: &'static str,
    ty: FieldType,
) -> Field {
    Field {
        key,
        fr,
        en,
        ty,
        required: false,
        personal: false,
        process: false,
        aliases: &[],
        help: ("", ""),
        example: ("", ""),
    }
}

impl Field {
    /// A register sheet must have this column.
    pub(super) const fn required(mut self) -> Self {
        self.required = true;
        self
    }

    /// The column holds personal data.
    pub(super) const fn personal(mut self) -> Self {
        self.personal = true;
        self
    }

    /// The column names a process of the service (checked against `processes`).
    pub(super) const fn process(mut self) -> Self {
        self.process = true;
        self
    }

    /// Other header spellings (the labels count too).
    pub(super) const fn aliases(mut self, aliases: &'static [&'static str]) -> Self {
        self.aliases = aliases;
        self
    }

    /// What the column holds, in French and English (the instructions sheet
    /// of `smq init`).
    pub(super) const fn help(mut self, fr: &'static str, en: &'static str) -> Self {
        self.help = (fr, en);
        self
    }

    /// An example value as the workbook displays it, in French and English
    /// (empty: left empty in the example row).
    pub(super) const fn example(mut self, fr: &'static str, en: &'static str) -> Self {
        self.example = (fr, en);
        self
    }
}

pub(super) const PAST: FieldType = FieldType::Date { past: true };
pub(super) const ANY_DATE: FieldType = FieldType::Date { past: false };
pub(super) const SCALE5: FieldType = FieldType::Scale { min: 1, max: 5 };

pub(super) const PROCESS_ALIASES: &[&str] = &[
    "Process",
    "Processus concerné",
    "Secteur",
    "Activité",
    "Étape du processus",
    "Processus impacté",
];
pub(super) const STATUS_ALIASES: &[&str] = &["État", "Status", "Avancement", "Situation", "State"];
pub(super) const OWNER_ALIASES: &[&str] = &[
    "Responsable",
    "Porteur",
    "Owner",
    "Responsable de l'action",
    "Qui",
    "Pilote de l'action",
    "Responsible",
];
pub(super) const LINKED_ACTION_ALIASES: &[&str] = &[
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::text::fold;
    use std::collections::{HashMap, HashSet};

    #[test]
    fn every_kind_has_its_own_spec_and_key() {
        for kind in RegisterKind::ALL {
            assert_eq!(kind.spec().kind, *kind, "{kind:?}");
            assert_eq!(RegisterKind::from_key(kind.key()), Some(*kind));
            let keys: HashSet<&str> = kind.spec().fields.iter().map(|f| f.key).collect();
            assert_eq!(
                keys.len(),
                kind.spec().fields.len(),
                "{kind:?}: duplicate key"
            );
        }
    }

    #[test]
    fn every_field_says_what_it_holds_in_both_languages() {
        for kind in RegisterKind::ALL {
            for f in kind.spec().fields {
                assert!(
                    !f.help.0.is_empty() && !f.help.1.is_empty(),
                    "{kind:?}.{}",
                    f.key
                );
            }
        }
    }

    #[test]
    fn no_header_spelling_names_two_fields_of_one_register() {
        for kind in RegisterKind::ALL {
            let spec = kind.spec();
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
        }
    }
}

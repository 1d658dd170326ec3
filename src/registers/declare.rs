//! One declaration per register. A register file (`rex.rs`, `actions.rs`…)
//! declares each field once — its Rust member and type, its header labels
//! and spellings, its cell type, whether it is required or personal, what it
//! holds and an example — and the [`register!`] macro generates from it:
//!
//! - the record struct (one member per field, plus `at`, where it was read);
//! - a field enum (`EventField::Detected`) that names a field in code, so a
//!   misspelt field fails to compile and a [`FieldRef`] carries its register;
//! - the register's [`RegisterSpec`] (what detection, reading, `smq init`
//!   and the configuration use);
//! - the row mapping ([`Record::from_row`]) and the walks over the record's
//!   text members that the personal-data scan and pseudonymisation use.
//!
//! The member's Rust type says how its cell is turned into a value
//! ([`FieldValue`]); a unit test checks that each member's type fits the
//! cell type its field declares.

use chrono::NaiveDate;

use super::model::{Amount, RowRef};
use super::read::Row;
use super::schema::{Field, FieldType, RegisterKind};
use crate::input::parse::Month;

/// A field of a register, named in code: its register and its position in
/// the register's spec. Built from a field enum (`EventField::Process.into()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FieldRef {
    pub kind: RegisterKind,
    pub index: u8,
}

impl FieldRef {
    /// The field's declaration.
    pub fn field(self) -> &'static Field {
        &self.kind.spec().fields[self.index as usize]
    }

    /// The field's key (`smq.toml`, JSON).
    pub fn key(self) -> &'static str {
        self.field().key
    }
}

/// A record member's value: how it is read from its parsed cell, whether it
/// fits a field's cell type, and whether it is text (for the personal-data
/// scan and pseudonymisation).
pub trait FieldValue: Sized {
    /// Takes the value of field `i` out of a parsed row.
    fn read(row: &mut Row, i: usize) -> Self;

    /// Whether a cell of type `ty` parses into this type.
    fn fits(ty: FieldType) -> bool;

    /// The value as text, when it is text.
    fn as_text(&self) -> Option<&str> {
        None
    }

    /// The value as editable text, when it is text.
    fn as_text_mut(&mut self) -> Option<&mut Option<String>> {
        None
    }
}

impl FieldValue for Option<String> {
    fn read(row: &mut Row, i: usize) -> Self {
        row.text(i)
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::Id | FieldType::Text | FieldType::FreeText)
    }
    fn as_text(&self) -> Option<&str> {
        self.as_deref()
    }
    fn as_text_mut(&mut self) -> Option<&mut Option<String>> {
        Some(self)
    }
}

impl FieldValue for Option<NaiveDate> {
    fn read(row: &mut Row, i: usize) -> Self {
        row.date(i)
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::Date { .. })
    }
}

impl FieldValue for Option<Month> {
    fn read(row: &mut Row, i: usize) -> Self {
        row.month(i)
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::Month)
    }
}

/// A number as written, with its `%` sign (targets, values).
impl FieldValue for Option<Amount> {
    fn read(row: &mut Row, i: usize) -> Self {
        row.number(i).map(Amount::from)
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::Number)
    }
}

/// A plain number (scores, numerators).
impl FieldValue for Option<f64> {
    fn read(row: &mut Row, i: usize) -> Self {
        row.number(i).map(|n| n.value)
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::Number)
    }
}

/// A level of a small scale (severity, frequency 1–5).
impl FieldValue for Option<u8> {
    fn read(row: &mut Row, i: usize) -> Self {
        row.int(i).and_then(|n| u8::try_from(n).ok())
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::Scale { min, max } if min >= 0 && max <= 255)
    }
}

/// A year.
impl FieldValue for Option<i32> {
    fn read(row: &mut Row, i: usize) -> Self {
        row.int(i).and_then(|n| i32::try_from(n).ok())
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::Year)
    }
}

impl FieldValue for Option<bool> {
    fn read(row: &mut Row, i: usize) -> Self {
        row.boolean(i)
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::Bool)
    }
}

/// A yes/no whose empty cell means no (declared to the authority).
impl FieldValue for bool {
    fn read(row: &mut Row, i: usize) -> Self {
        row.boolean(i).unwrap_or(false)
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::Bool)
    }
}

impl FieldValue for Vec<String> {
    fn read(row: &mut Row, i: usize) -> Self {
        row.list(i)
    }
    fn fits(ty: FieldType) -> bool {
        matches!(ty, FieldType::IdList)
    }
}

/// A record of a register, as [`register!`] generates it.
pub trait Record: Sized {
    /// The register (sheet kind) it belongs to.
    const KIND: RegisterKind;

    /// Where it was read.
    fn at(&self) -> RowRef;

    /// The record of a parsed row (open-set members are left empty).
    fn from_row(at: RowRef, row: &mut Row) -> Self;

    /// Calls `f` with every non-empty text member and its field.
    fn each_text<'a>(&'a self, f: &mut dyn FnMut(FieldRef, &'a str));

    /// Calls `f` with every text member (empty or not) and its field.
    fn each_text_mut(&mut self, f: &mut dyn FnMut(FieldRef, &mut Option<String>));

    /// Whether every member's type fits its field's cell type (tested).
    fn types_fit() -> bool;
}

/// Declares a register: see the module documentation.
///
/// ```text
/// register! {
///     /// An event of the REX register.
///     pub struct Event: Rex, fields EventField, spec SPEC, id Id {
///         Id id: Option<String> = req(f("id", "N° événement", "Event ID", FieldType::Id, &[…]))
///             .help("…", "…").example("EI-2025-014", "EV-2025-014"),
///         …
///     }
/// }
/// ```
macro_rules! register {
    (
        $(#[$meta:meta])*
        pub struct $record:ident: $kind:ident, fields $fields:ident, spec $spec:ident
            $(, id $id:ident)? $(, open $extra:ident)? {
            $( $(#[$fmeta:meta])* $variant:ident $member:ident: $ty:ty = $field:expr, )*
        }
        $( open {
            $( $(#[$ometa:meta])* $omember:ident: $oty:ty, )*
        } )?
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, serde::Serialize)]
        pub struct $record {
            /// Where the record was read.
            pub at: $crate::registers::model::RowRef,
            $( $(#[$fmeta])* pub $member: $ty, )*
            $($( $(#[$ometa])* pub $omember: $oty, )*)?
        }

        #[doc = concat!("The fields of [`", stringify!($record), "`], in the order of its spec.")]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $fields {
            $( $variant, )*
        }

        impl $fields {
            /// Every field, in spec order.
            pub const ALL: &'static [$fields] = &[ $( $fields::$variant, )* ];

            /// The field's declaration.
            pub fn field(self) -> &'static $crate::registers::schema::Field {
                &$spec.fields[self as usize]
            }
        }

        impl From<$fields> for $crate::registers::declare::FieldRef {
            fn from(f: $fields) -> Self {
                $crate::registers::declare::FieldRef {
                    kind: $crate::registers::schema::RegisterKind::$kind,
                    index: f as u8,
                }
            }
        }

        #[doc = concat!("The schema of [`", stringify!($record), "`].")]
        pub static $spec: $crate::registers::schema::RegisterSpec =
            $crate::registers::schema::RegisterSpec {
                kind: $crate::registers::schema::RegisterKind::$kind,
                fields: &[ $( $field, )* ],
                extra: register!(@extra $($extra)?),
                id_field: register!(@id $fields $($id)?),
            };

        impl $crate::registers::declare::Record for $record {
            const KIND: $crate::registers::schema::RegisterKind =
                $crate::registers::schema::RegisterKind::$kind;

            fn at(&self) -> $crate::registers::model::RowRef {
                self.at
            }

            fn from_row(
                at: $crate::registers::model::RowRef,
                row: &mut $crate::registers::read::Row,
            ) -> Self {
                use $crate::registers::declare::FieldValue;
                $record {
                    at,
                    $( $member: FieldValue::read(row, $fields::$variant as usize), )*
                    $($( $omember: Default::default(), )*)?
                }
            }

            fn each_text<'a>(
                &'a self,
                f: &mut dyn FnMut($crate::registers::declare::FieldRef, &'a str),
            ) {
                use $crate::registers::declare::FieldValue;
                $(
                    if let Some(t) = FieldValue::as_text(&self.$member) {
                        f($fields::$variant.into(), t);
                    }
                )*
            }

            fn each_text_mut(
                &mut self,
                f: &mut dyn FnMut($crate::registers::declare::FieldRef, &mut Option<String>),
            ) {
                use $crate::registers::declare::FieldValue;
                $(
                    if let Some(t) = FieldValue::as_text_mut(&mut self.$member) {
                        f($fields::$variant.into(), t);
                    }
                )*
            }

            fn types_fit() -> bool {
                use $crate::registers::declare::FieldValue;
                true $( && <$ty as FieldValue>::fits($fields::$variant.field().ty) )*
            }
        }
    };
    (@id $fields:ident) => { None };
    (@id $fields:ident $id:ident) => { Some($fields::$id as u8) };
    (@extra) => { $crate::registers::schema::Extra::None };
    (@extra $extra:ident) => { $crate::registers::schema::Extra::$extra };
}

pub(crate) use register;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::*;

    #[test]
    fn every_member_type_fits_its_cell_type() {
        assert!(Event::types_fit());
        assert!(Action::types_fit());
        assert!(SupplierEvaluation::types_fit());
        assert!(SurveyResponse::types_fit());
        assert!(IndicatorDef::types_fit());
        assert!(IndicatorValue::types_fit());
        assert!(Objective::types_fit());
        assert!(Audit::types_fit());
        assert!(Finding::types_fit());
        assert!(Document::types_fit());
        assert!(WatchItem::types_fit());
        assert!(Party::types_fit());
        assert!(Training::types_fit());
        assert!(ReviewComment::types_fit());
    }

    #[test]
    fn a_field_ref_names_its_register_and_key() {
        let f: FieldRef = EventField::DeclaredOn.into();
        assert_eq!(f.kind, RegisterKind::Rex);
        assert_eq!(f.key(), "declared_on");
        assert_eq!(RegisterKind::Rex.spec().id(), Some(EventField::Id.into()));
        assert_eq!(RegisterKind::Training.spec().id(), None);
        assert_eq!(
            RegisterKind::Documents.spec().by_key("next_review"),
            Some(DocumentField::NextReview.into())
        );
        // The record's members follow the spec: a text member reports its own field.
        let mut seen = Vec::new();
        let e = Event {
            at: RowRef { source: 0, row: 3 },
            id: Some("EI-1".into()),
            detected: None,
            kind: None,
            process: Some("Accueil".into()),
            description: None,
            patient: None,
            reporter: Some("C. Martin".into()),
            severity: Some(2),
            frequency: None,
            cause: None,
            declared: false,
            declared_on: None,
            systemic: None,
            supplier: None,
            actions: vec![],
            status: None,
            closed: None,
        };
        e.each_text(&mut |f, t| seen.push((f.key(), t.to_owned())));
        assert_eq!(
            seen,
            [
                ("id", "EI-1".to_owned()),
                ("process", "Accueil".to_owned()),
                ("reporter", "C. Martin".to_owned())
            ]
        );
    }
}

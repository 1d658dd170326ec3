//! Diagnostics are data: a stable code, a severity, where it happened (file ›
//! sheet › cell) and the values that fill the message. They are collected in a
//! list by every layer, never printed where they are found, and rendered at the
//! end in the user's language (see [`crate::i18n`]) as text or JSON.

use std::fmt;

use serde::Serialize;

use crate::i18n::{self, Lang};
use crate::registers::RegisterKind;

/// How bad a finding is. The exit status of `smq check` follows the worst one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $id:literal, $sev:ident; )*) => {
        /// Every check smq knows, with its stable kebab-case id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $( $(#[$doc])* $variant, )* }

        impl Code {
            /// All codes, in catalogue order.
            pub const ALL: &'static [Code] = &[ $( Code::$variant, )* ];

            /// The stable id shown to users and used by `smq explain`.
            pub fn id(self) -> &'static str {
                match self { $( Code::$variant => $id, )* }
            }

            /// The severity a diagnostic of this code has.
            pub fn severity(self) -> Severity {
                match self { $( Code::$variant => Severity::$sev, )* }
            }
        }
    };
}

codes! {
    /// A file could not be opened as a workbook (corrupt, encrypted, not a workbook).
    UnreadableFile = "unreadable-file", Error;
    /// A sheet of a readable workbook could not be read.
    UnreadableSheet = "unreadable-sheet", Error;
    /// A workbook would decompress to more than the limit (a zip bomb).
    LimitSize = "limit-size", Error;
    /// A sheet has filled cells below the row limit.
    LimitRows = "limit-rows", Error;
    /// A sheet has filled cells right of the column limit.
    LimitColumns = "limit-columns", Error;
    /// A sheet has more filled cells than the limit.
    LimitCells = "limit-cells", Error;
    /// A cell holds more characters than the limit.
    LimitCellLength = "limit-cell-length", Error;
    /// The text of a sheet's cells exceeds the limit.
    LimitText = "limit-text", Error;
    /// `smq.toml` is not valid.
    ConfigInvalid = "config-invalid", Error;
    /// No sheet of the workspace holds this register.
    RegisterNotFound = "register-not-found", Warning;
    /// The header row lacks a column the register needs.
    MissingColumn = "missing-column", Error;
    /// Two columns of one sheet map to the same field.
    DuplicateColumn = "duplicate-column", Warning;
    /// A required cell is empty.
    RequiredMissing = "required-missing", Error;
    /// A date cell holds something that is not a date.
    InvalidDate = "invalid-date", Error;
    /// A period cell holds something that is not a month.
    InvalidMonth = "invalid-month", Error;
    /// A number cell holds something that is not a number.
    InvalidNumber = "invalid-number", Error;
    /// A yes/no cell holds something else.
    InvalidBoolean = "invalid-boolean", Error;
    /// A number outside the allowed range (severity and frequency 1–5…).
    OutOfRange = "out-of-range", Error;
    /// A survey answer outside the Likert scale.
    LikertOutOfRange = "likert-out-of-range", Error;
    /// A value that is not one of the allowed values of a list.
    UnknownValue = "unknown-value", Error;
    /// An Excel error value (#DIV/0!, #N/A…) where data is expected.
    ExcelError = "excel-error", Error;
    /// A date implausibly far in the past.
    DateTooOld = "date-too-old", Warning;
    /// A date after the as-of date in a field that records the past.
    DateInFuture = "date-in-future", Warning;
    /// A ratio whose denominator is zero.
    ZeroDenominator = "zero-denominator", Error;
    /// The same identifier on two rows.
    DuplicateId = "duplicate-id", Error;
    /// A closing or done date before the opening or detection date.
    DateBeforeOpen = "date-before-open", Error;
    /// A due date before the opening date.
    DueBeforeOpen = "due-before-open", Error;
    /// A closed status without a closing date.
    ClosedWithoutDate = "closed-without-date", Warning;
    /// A closing date while the status is still open.
    DateWithoutClosed = "date-without-closed", Warning;
    /// A linked action that is not in the actions register.
    UnknownAction = "unknown-action", Error;
    /// An action origin that looks like an identifier but matches nothing.
    UnknownOrigin = "unknown-origin", Error;
    /// A finding whose audit is not in the audits register.
    UnknownAudit = "unknown-audit", Error;
    /// An indicator code that is not defined.
    UnknownIndicator = "unknown-indicator", Error;
    /// An event naming a supplier absent from the supplier register.
    UnknownSupplier = "unknown-supplier", Warning;
    /// An event declared to the ASN that is not of type ESR.
    DeclaredNotEsr = "declared-not-esr", Warning;
    /// A review commentary naming no section of the review.
    UnknownSection = "unknown-section", Warning;
    /// An input of the management review is missing or empty for its period.
    ReviewInputMissing = "review-input-missing", Warning;
    /// Personal data (NIR, e-mail, phone, birth date) in a free-text cell.
    PersonalData = "personal-data", Warning;
    /// A process not in the configured list of processes.
    UnknownProcess = "unknown-process", Warning;
}

impl Code {
    /// Finds a code by its id (`smq explain`).
    pub fn from_id(id: &str) -> Option<Code> {
        Code::ALL.iter().copied().find(|c| c.id() == id)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Where a diagnostic points. Every part is optional because some diagnostics
/// concern a whole register (not found) or a whole file (unreadable).
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Location {
    /// Path relative to the workspace root, with `/` separators.
    pub file: Option<String>,
    pub sheet: Option<String>,
    /// A1 reference (`F12`).
    pub cell: Option<String>,
    /// Line of a text file (`smq.toml`).
    pub line: Option<u32>,
}

impl Location {
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: Some(file.into()),
            ..Location::default()
        }
    }

    pub fn cell(file: &str, sheet: &str, cell: String) -> Self {
        Location {
            file: Some(file.to_owned()),
            sheet: Some(sheet.to_owned()),
            cell: Some(cell),
            line: None,
        }
    }
}

impl fmt::Display for Location {
    /// `REX-2025.xlsx › Registre › F12`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<&str> = [&self.file, &self.sheet, &self.cell]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        f.write_str(&parts.join(" › "))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        Ok(())
    }
}

/// One finding about the input.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    pub code: Code,
    pub register: Option<RegisterKind>,
    pub location: Location,
    /// Named values substituted into the catalogue's message (`{field}`…).
    pub args: Vec<(&'static str, Arg)>,
}

impl Diagnostic {
    pub fn new(code: Code, register: Option<RegisterKind>, location: Location) -> Self {
        Diagnostic {
            code,
            register,
            location,
            args: Vec::new(),
        }
    }

    /// Adds a message argument that reads the same in every language (a cell
    /// value, an identifier, a date).
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// Adds a message argument that has a French and an English form (a field
    /// label, an allowed value).
    pub fn arg_tr(mut self, name: &'static str, fr: &'static str, en: &'static str) -> Self {
        self.args.push((name, Arg::Tr(fr, en)));
        self
    }

    /// Adds a message argument computed in both languages.
    pub fn arg_both(mut self, name: &'static str, fr: String, en: String) -> Self {
        self.args.push((name, Arg::Both(fr, en)));
        self
    }

    fn args_in(&self, lang: Lang) -> Vec<(&'static str, String)> {
        self.args
            .iter()
            .map(|(k, v)| (*k, v.in_lang(lang).to_owned()))
            .collect()
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The message in `lang`, with its arguments filled in.
    pub fn message(&self, lang: Lang) -> String {
        let args = self.args_in(lang);
        let mut text = i18n::fill(i18n::code_text(self.code, "message", lang), &args);
        if let Some((_, s)) = args.iter().find(|(k, _)| *k == "suggestion") {
            text.push_str(&i18n::fill(
                i18n::text("did-you-mean", lang),
                &[("suggestion", s.clone())],
            ));
        }
        text
    }

    /// The hint in `lang`: what to do about it.
    pub fn hint(&self, lang: Lang) -> String {
        i18n::fill(
            i18n::code_text(self.code, "hint", lang),
            &self.args_in(lang),
        )
    }
}

/// A message argument.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Arg {
    Text(String),
    /// French and English forms.
    Tr(&'static str, &'static str),
    /// French and English forms, computed.
    Both(String, String),
}

impl Arg {
    pub fn in_lang(&self, lang: Lang) -> &str {
        match (self, lang) {
            (Arg::Text(s), _) => s,
            (Arg::Tr(fr, _), Lang::Fr) => fr,
            (Arg::Tr(_, en), Lang::En) => en,
            (Arg::Both(fr, _), Lang::Fr) => fr,
            (Arg::Both(_, en), Lang::En) => en,
        }
    }
}

/// Sorts diagnostics into their stable display order and removes exact duplicates.
pub fn sort(diags: &mut Vec<Diagnostic>) {
    diags.sort_by_cached_key(|d| {
        let (row, col) = d
            .location
            .cell
            .as_deref()
            .and_then(crate::input::cellref::parse_a1)
            .unwrap_or((0, 0));
        (
            d.location.file.clone(),
            d.location.sheet.clone(),
            row,
            col,
            d.code,
            d.args.clone(),
        )
    });
    diags.dedup();
}

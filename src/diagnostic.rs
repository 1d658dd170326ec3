//! Diagnostics are data: a stable code, a severity, where it happened (file ›
//! sheet › cell) and the values that fill the message. They are collected in a
//! list by every layer, never printed where they are found, and rendered at the
//! end in the user's language (see [`crate::i18n`]) as text or JSON.

use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

use serde::Serialize;

use crate::i18n::{self, Lang};
use crate::registers::vocab::Vocab;
use crate::registers::{FieldRef, RegisterKind};

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
    /// A header cell of a register sheet names no field smq reads: the
    /// column is not read.
    UnmappedColumn = "unmapped-column", Warning;
    /// A field with no column takes one value for the whole sheet, read from
    /// its title, its name or its file's name.
    SheetValue = "sheet-value", Warning;
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

    /// The `part` (`message`, `hint`, `what`, `why`, `example`) of the code's
    /// catalogue entry, in `lang`.
    pub fn text(self, part: &str, lang: Lang) -> &'static str {
        i18n::text(&format!("{}.{part}", self.id()), lang)
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
    /// value, an identifier, a date, a number).
    pub fn arg(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.args.push((name, Arg::Text(value.into())));
        self
    }

    /// Adds a field of a register, printed as its header label.
    pub fn field(mut self, name: &'static str, field: impl Into<FieldRef>) -> Self {
        self.args.push((name, Arg::Field(field.into())));
        self
    }

    /// Adds a register, printed as its name.
    pub fn register(mut self, name: &'static str, kind: RegisterKind) -> Self {
        self.args.push((name, Arg::Register(kind)));
        self
    }

    /// Adds a catalogue sentence (`reason.encrypted`), filled with the
    /// diagnostic's other arguments when printed.
    pub fn msg(mut self, name: &'static str, key: impl Into<Cow<'static, str>>) -> Self {
        self.args.push((name, Arg::Msg(key.into())));
        self
    }

    /// Adds a value of a closed list, printed as its label.
    pub fn choice(mut self, name: &'static str, vocab: &'static Vocab, index: u8) -> Self {
        self.args.push((name, Arg::Choice(vocab, index)));
        self
    }

    /// Adds the values a closed list allows, printed as "a, b, c".
    pub fn allowed(mut self, name: &'static str, vocab: &'static Vocab) -> Self {
        self.args.push((name, Arg::Allowed(vocab)));
        self
    }

    /// Adds several catalogue sentences, printed joined with ", ".
    pub fn msgs(mut self, name: &'static str, keys: &[&'static str]) -> Self {
        let list = keys.iter().map(|k| Arg::Msg(Cow::Borrowed(*k))).collect();
        self.args.push((name, Arg::List(list)));
        self
    }

    /// The arguments printed in `lang`: plain ones first, then the catalogue
    /// sentences, which may refer to them.
    fn args_in(&self, lang: Lang) -> Vec<(&'static str, String)> {
        let mut out: Vec<(&'static str, String)> = self
            .args
            .iter()
            .filter(|(_, a)| !a.is_msg())
            .map(|(k, a)| (*k, a.render(lang, &[])))
            .collect();
        let msgs: Vec<(&'static str, String)> = self
            .args
            .iter()
            .filter(|(_, a)| a.is_msg())
            .map(|(k, a)| (*k, a.render(lang, &out)))
            .collect();
        out.extend(msgs);
        out
    }

    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The argument named `name`, if any.
    pub fn get(&self, name: &str) -> Option<&Arg> {
        self.args.iter().find(|(k, _)| *k == name).map(|(_, a)| a)
    }

    /// The text of the argument named `name`, when it is one that reads the
    /// same in every language.
    pub fn text_arg(&self, name: &str) -> Option<&str> {
        match self.get(name)? {
            Arg::Text(s) => Some(s),
            _ => None,
        }
    }

    /// The message in `lang`, with its arguments filled in.
    pub fn message(&self, lang: Lang) -> String {
        let args = self.args_in(lang);
        let mut text = i18n::fill(self.code.text("message", lang), &args);
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
        i18n::fill(self.code.text("hint", lang), &self.args_in(lang))
    }
}

/// A message argument, kept typed until the message is printed in the
/// user's language.
#[derive(Debug, Clone)]
pub enum Arg {
    /// Reads the same in every language.
    Text(String),
    /// A catalogue sentence, by key.
    Msg(Cow<'static, str>),
    /// A field's header label.
    Field(FieldRef),
    /// A register's name.
    Register(RegisterKind),
    /// A value of a closed list.
    Choice(&'static Vocab, u8),
    /// Every value a closed list allows.
    Allowed(&'static Vocab),
    /// Several arguments, joined with ", ".
    List(Vec<Arg>),
}

impl Arg {
    fn is_msg(&self) -> bool {
        match self {
            Arg::Msg(_) => true,
            Arg::List(l) => l.iter().any(Arg::is_msg),
            _ => false,
        }
    }

    /// The argument in `lang`; catalogue sentences are filled with `args`.
    pub fn render(&self, lang: Lang, args: &[(&str, String)]) -> String {
        match self {
            Arg::Text(s) => s.clone(),
            Arg::Msg(key) => i18n::fill(i18n::text(key, lang), args),
            Arg::Field(f) => f.field().label(lang).to_owned(),
            Arg::Register(k) => k.label(lang).to_owned(),
            Arg::Choice(v, i) => v.label(*i, lang).to_owned(),
            Arg::Allowed(v) => v.allowed(lang),
            Arg::List(l) => l
                .iter()
                .map(|a| a.render(lang, args))
                .collect::<Vec<_>>()
                .join(", "),
        }
    }

    /// What orders and identifies an argument: its kind and a stable text.
    fn identity(&self) -> (u8, String) {
        match self {
            Arg::Text(s) => (0, s.clone()),
            Arg::Msg(k) => (1, k.to_string()),
            Arg::Field(f) => (2, format!("{}.{}", f.kind.key(), f.key())),
            Arg::Register(k) => (3, k.key().to_owned()),
            Arg::Choice(v, i) => (4, format!("{}.{i}", v.name)),
            Arg::Allowed(v) => (5, v.name.to_owned()),
            Arg::List(l) => (
                6,
                l.iter()
                    .map(|a| a.identity().1)
                    .collect::<Vec<_>>()
                    .join("\u{1f}"),
            ),
        }
    }
}

impl PartialEq for Arg {
    fn eq(&self, other: &Self) -> bool {
        self.identity() == other.identity()
    }
}

impl Eq for Arg {}

impl PartialOrd for Arg {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Arg {
    fn cmp(&self, other: &Self) -> Ordering {
        self.identity().cmp(&other.identity())
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registers::vocab::STATUS;
    use crate::registers::{EventField, FindingField};

    #[test]
    fn every_code_has_every_part_in_both_languages() {
        let keys: std::collections::HashSet<&str> = i18n::keys().collect();
        for code in Code::ALL {
            for part in ["message", "hint", "what", "why", "example"] {
                let key = format!("{}.{part}", code.id());
                assert!(keys.contains(key.as_str()), "missing catalogue entry {key}");
                for lang in [Lang::Fr, Lang::En] {
                    assert!(!code.text(part, lang).is_empty(), "{key}");
                }
            }
        }
    }

    #[test]
    fn arguments_are_printed_in_the_language_of_the_run() {
        let d = Diagnostic::new(
            Code::DateBeforeOpen,
            Some(RegisterKind::Findings),
            Location::default(),
        )
        .field("field", FindingField::Closed)
        .arg("value", "01/02/2025")
        .msg("other", "validate.audit-date")
        .arg("other_value", "03/02/2025");
        let fr = d.message(Lang::Fr);
        let en = d.message(Lang::En);
        assert!(
            fr.contains("Date de clôture") && fr.contains("date de l'audit"),
            "{fr}"
        );
        assert!(
            en.contains("Closing date") && en.contains("audit date"),
            "{en}"
        );
        let s = Diagnostic::new(
            Code::UnknownValue,
            Some(RegisterKind::Rex),
            Location::default(),
        )
        .field("field", EventField::Status)
        .arg("value", "fini")
        .allowed("allowed", &STATUS)
        .choice("suggestion", &STATUS, 3);
        assert!(
            s.message(Lang::Fr).contains("réalisé"),
            "{}",
            s.message(Lang::Fr)
        );
        assert!(
            s.message(Lang::En).contains("done"),
            "{}",
            s.message(Lang::En)
        );
        assert!(
            s.hint(Lang::En).contains("open, waiting"),
            "{}",
            s.hint(Lang::En)
        );
    }

    #[test]
    fn a_sentence_argument_is_filled_with_the_others() {
        let d = Diagnostic::new(Code::ReviewInputMissing, None, Location::default())
            .arg("section", "4")
            .msg("input", "rev.s-c1")
            .register("register", RegisterKind::Surveys)
            .msg("gap", "rev.gap-empty")
            .arg("period", "2025");
        let en = d.message(Lang::En);
        assert!(en.contains("satisfaction surveys"), "{en}");
        assert!(!en.contains('{'), "{en}");
    }
}

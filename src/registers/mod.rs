//! The registers layer: finds every register of a workspace by its headers
//! (wherever it sits: any file, any sheet, below title rows), reads its rows
//! against its schema and returns typed records that remember their source
//! cell. A register may span several sheets or files (one per year): their
//! rows are concatenated, each keeping its own source.

pub mod constants;
pub mod declare;
pub mod detect;
pub mod model;
pub mod read;
pub mod schema;
pub mod settings;
pub mod vocab;

pub mod actions;
pub mod audits;
pub mod comments;
pub mod documents;
pub mod indicators;
pub mod objectives;
pub mod parties;
pub mod rex;
pub mod suppliers;
pub mod surveys;
pub mod training;
pub mod watch;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

pub use actions::{Action, ActionField};
pub use audits::{Audit, AuditField, Finding, FindingField};
pub use comments::{ReviewComment, ReviewCommentField};
pub use declare::{FieldRef, Record};
pub use documents::{Document, DocumentField};
pub use indicators::{IndicatorDef, IndicatorDefField, IndicatorValue, IndicatorValueField};
pub use model::*;
pub use objectives::{Objective, ObjectiveField};
pub use parties::{Party, PartyField};
pub use rex::{Event, EventField};
pub use schema::{RegisterKind, RegisterSpec};
pub use suppliers::{SupplierEvaluation, SupplierEvaluationField};
pub use surveys::{SurveyResponse, SurveyResponseField};
pub use training::{Training, TrainingField};
pub use watch::{WatchItem, WatchItemField};

use crate::diagnostic::{Code, Diagnostic, Location};
use crate::input::cellref::a1;
use crate::input::text::fold;
use crate::input::workbook::OpenError;
use crate::input::{Contents, InputFile, LimitKind, Workbook, list_workbooks};
use detect::{Detection, detect};
use read::{ReadContext, Row, read_rows};
use schema::Extra;
use settings::{ReadSettings, same_file};

/// One sheet read as (part of) a register.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub register: RegisterKind,
    pub file: String,
    pub sheet: String,
    /// Absolute, zero-based header row.
    pub header_row: u32,
    /// Column of each field in spec order (`None`: absent).
    #[serde(skip)]
    pub columns: Vec<Option<u32>>,
    /// Data rows read (blank rows not counted).
    pub rows: usize,
    /// Every non-empty header cell and what it was read as.
    pub headers: Vec<Column>,
    /// Fields with no column that take one value for the whole sheet.
    pub constants: Vec<SheetValue>,
}

/// A non-empty header cell of a register sheet and what smq did with it.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// The header cell (`C4`).
    pub cell: String,
    pub header: String,
    /// The field read from the column: a field key, `criterion` or
    /// `question` for the open-set columns; `None` when not read.
    pub field: Option<String>,
    /// How the column is used: `field`, `criterion`, `question`,
    /// `duplicate` (names a field another column already gives: not read),
    /// `ignored` (by `smq.toml`), `unmapped` (not read, reported) or `blank`
    /// (no field, but nothing under the header either: nothing left unread).
    pub read_as: ColumnUse,
}

/// How a header cell's column is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ColumnUse {
    Field,
    Criterion,
    Question,
    Duplicate,
    Ignored,
    Unmapped,
    Blank,
}

/// A field a sheet gives once (see [`constants`]).
#[derive(Debug, Clone, Serialize)]
pub struct SheetValue {
    pub field: &'static str,
    pub value: String,
    /// `config`, `title`, `sheet` or `file`.
    pub from: &'static str,
}

impl Source {
    /// Where the field at position `index` of row `row` is (the sheet's first
    /// mapped column when the field has no column).
    pub fn cell(&self, row: u32, index: usize) -> Location {
        let col = self.columns[index].or_else(|| self.columns.iter().flatten().next().copied());
        Location::cell(&self.file, &self.sheet, a1(row, col.unwrap_or(0)))
    }
}

/// Calls macro `$m` with the names of every record list of [`Registers`]:
/// the one place that lists them for the walks over all records.
macro_rules! record_lists {
    ($m:ident) => {
        $m!(
            events,
            actions,
            supplier_evaluations,
            survey_responses,
            indicators,
            indicator_values,
            objectives,
            audits,
            findings,
            documents,
            watch,
            parties,
            training,
            comments
        )
    };
}

/// Everything read from a workspace.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Registers {
    /// Sheets read, by register, in reading order.
    pub sources: BTreeMap<RegisterKind, Vec<Source>>,
    pub events: Vec<Event>,
    pub actions: Vec<Action>,
    pub supplier_evaluations: Vec<SupplierEvaluation>,
    /// Names of the supplier criteria columns (open set).
    pub supplier_criteria: Vec<String>,
    pub survey_responses: Vec<SurveyResponse>,
    /// Texts of the survey question columns (open set).
    pub survey_questions: Vec<String>,
    pub indicators: Vec<IndicatorDef>,
    pub indicator_values: Vec<IndicatorValue>,
    pub objectives: Vec<Objective>,
    pub audits: Vec<Audit>,
    pub findings: Vec<Finding>,
    pub documents: Vec<Document>,
    pub watch: Vec<WatchItem>,
    pub parties: Vec<Party>,
    pub training: Vec<Training>,
    pub comments: Vec<ReviewComment>,
}

impl Registers {
    /// Whether at least one sheet holds this register.
    pub fn found(&self, kind: RegisterKind) -> bool {
        self.sources.get(&kind).is_some_and(|s| !s.is_empty())
    }

    /// Where `field` of the record read at `at` is.
    pub fn cell(&self, at: RowRef, field: impl Into<FieldRef>) -> Location {
        let field = field.into();
        match self
            .sources
            .get(&field.kind)
            .and_then(|s| s.get(at.source as usize))
        {
            Some(src) => src.cell(at.row, field.index as usize),
            None => Location::default(),
        }
    }

    /// Calls `f` with every non-empty text member of every record: its
    /// field, where the record was read, and the text.
    pub fn each_text<'a>(&'a self, f: &mut dyn FnMut(FieldRef, RowRef, &'a str)) {
        macro_rules! each {
            ($($vec:ident),*) => {$(
                for r in &self.$vec {
                    let at = r.at();
                    r.each_text(&mut |field, text| f(field, at, text));
                }
            )*};
        }
        record_lists!(each);
    }

    /// Calls `f` with every text member of every record, to rewrite it.
    pub fn each_text_mut(&mut self, f: &mut dyn FnMut(FieldRef, &mut Option<String>)) {
        macro_rules! each {
            ($($vec:ident),*) => {$(
                for r in &mut self.$vec {
                    r.each_text_mut(f);
                }
            )*};
        }
        record_lists!(each);
    }

    /// Adds the record of a parsed row of a sheet of `kind` (its open-set
    /// members left empty for the caller to fill).
    fn push(&mut self, kind: RegisterKind, at: RowRef, row: &mut Row) {
        use RegisterKind as K;
        match kind {
            K::Rex => self.events.push(Record::from_row(at, row)),
            K::Actions => self.actions.push(Record::from_row(at, row)),
            K::Suppliers => self.supplier_evaluations.push(Record::from_row(at, row)),
            K::Surveys => self.survey_responses.push(Record::from_row(at, row)),
            K::Indicators => self.indicators.push(Record::from_row(at, row)),
            K::IndicatorValues => self.indicator_values.push(Record::from_row(at, row)),
            K::Objectives => self.objectives.push(Record::from_row(at, row)),
            K::Audits => self.audits.push(Record::from_row(at, row)),
            K::Findings => self.findings.push(Record::from_row(at, row)),
            K::Documents => self.documents.push(Record::from_row(at, row)),
            K::Watch => self.watch.push(Record::from_row(at, row)),
            K::Parties => self.parties.push(Record::from_row(at, row)),
            K::Training => self.training.push(Record::from_row(at, row)),
            K::Comments => self.comments.push(Record::from_row(at, row)),
        }
    }
}

/// A workbook of the workspace and how reading it went.
#[derive(Debug, Clone, Serialize)]
pub struct FileRead {
    pub file: String,
    pub size: u64,
    /// SHA-256 of the bytes that were parsed (empty when the file could not
    /// be read at all).
    pub sha256: String,
    /// Whether it opened.
    pub readable: bool,
}

/// The result of reading a workspace.
pub struct Loaded {
    pub registers: Registers,
    pub files: Vec<FileRead>,
    pub inputs: Vec<InputFile>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Options for reading.
pub struct LoadOptions<'a> {
    pub settings: ReadSettings<'a>,
    /// Dates after this are in the future.
    pub as_of: NaiveDate,
    /// Called after each workbook with (bytes read so far, bytes in all).
    pub progress: Option<&'a dyn Fn(u64, u64)>,
}

/// Which registers the configuration pins to files or sheets.
fn forced_kind(config: &ReadSettings, file: &str, sheet: &str) -> Option<RegisterKind> {
    RegisterKind::ALL.iter().copied().find(|k| {
        config.register(*k).is_some_and(|rc| {
            !rc.sheets.is_empty()
                && rc.sheets.iter().any(|s| s.trim() == sheet.trim())
                && (rc.files.is_empty() || rc.files.iter().any(|f| same_file(f, file)))
        })
    })
}

/// The registers a sheet of `file` may hold: all, except those the
/// configuration pins to other files.
fn candidates(config: &ReadSettings, file: &str) -> Vec<RegisterKind> {
    RegisterKind::ALL
        .iter()
        .copied()
        .filter(|k| match config.register(*k) {
            Some(rc) if !rc.files.is_empty() => rc.files.iter().any(|f| same_file(f, file)),
            Some(rc) if !rc.sheets.is_empty() => false,
            _ => true,
        })
        .collect()
}

/// Reads every register of the workspace at `root`.
pub fn load(root: &Path, opts: &LoadOptions) -> std::io::Result<Loaded> {
    let inputs = list_workbooks(root)?;
    let total_bytes: u64 = inputs.iter().map(|i| i.size).sum();
    let mut done_bytes = 0u64;
    let mut regs = Registers::default();
    let mut diags = Vec::new();
    let mut files = Vec::new();
    let limits = opts.settings.limits;
    for input in &inputs {
        if let Some(p) = opts.progress {
            p(done_bytes, total_bytes);
        }
        done_bytes += input.size;
        // The file is read once: its hash is of exactly the bytes parsed.
        let contents = match Contents::read(input) {
            Ok(c) => c,
            Err(e) => {
                diags.push(
                    Diagnostic::new(Code::UnreadableFile, None, Location::file(&input.rel))
                        .arg("reason", e.to_string()),
                );
                files.push(FileRead {
                    file: input.rel.clone(),
                    size: input.size,
                    sha256: String::new(),
                    readable: false,
                });
                continue;
            }
        };
        let sha256 = contents.sha256;
        let mut wb = match Workbook::open(input, contents.bytes, limits) {
            Ok(wb) => wb,
            Err(e) => {
                let d = Diagnostic::new(Code::UnreadableFile, None, Location::file(&input.rel));
                let d = match e {
                    OpenError::TooLarge { unpacked, limit } => {
                        let mb = |b: u64| b.div_ceil(1 << 20).to_string();
                        Diagnostic::new(Code::LimitSize, None, Location::file(&input.rel))
                            .arg("size", mb(unpacked))
                            .arg("limit", mb(limit))
                    }
                    OpenError::Limits(hits) => {
                        diags.extend(
                            hits.iter()
                                .map(|(sheet, hit)| limit_diagnostic(&input.rel, sheet, hit)),
                        );
                        files.push(FileRead {
                            file: input.rel.clone(),
                            size: input.size,
                            sha256: sha256.clone(),
                            readable: false,
                        });
                        continue;
                    }
                    OpenError::Encrypted => d.msg("reason", "reason.encrypted"),
                    OpenError::NotAWorkbook => d.msg("reason", "reason.not-a-workbook"),
                    OpenError::Damaged => d.msg("reason", "reason.damaged-file"),
                    OpenError::Reader(m) => d.arg("reason", m),
                };
                diags.push(d);
                files.push(FileRead {
                    file: input.rel.clone(),
                    size: input.size,
                    sha256,
                    readable: false,
                });
                continue;
            }
        };
        files.push(FileRead {
            file: input.rel.clone(),
            size: input.size,
            sha256,
            readable: true,
        });
        let cands = candidates(&opts.settings, &input.rel);
        for (name, hidden) in wb.sheet_names() {
            let forced = forced_kind(&opts.settings, &input.rel, &name);
            if forced.is_none() && cands.is_empty() {
                continue;
            }
            let mut sheet = match wb.sheet(&name) {
                Ok(mut s) => {
                    s.hidden = hidden;
                    diags.extend(
                        s.limits_hit
                            .iter()
                            .map(|hit| limit_diagnostic(&input.rel, &name, hit)),
                    );
                    s
                }
                Err(reason) => {
                    let mut loc = Location::file(&input.rel);
                    loc.sheet = Some(name.clone());
                    let d = Diagnostic::new(Code::UnreadableSheet, None, loc);
                    diags.push(if reason.starts_with("internal reader failure") {
                        d.msg("reason", "reason.damaged-sheet")
                    } else if reason.contains("declared uncompressed size") {
                        d.msg("reason", "reason.lying-archive")
                    } else {
                        d.arg("reason", reason)
                    });
                    continue;
                }
            };
            // Merged areas cost a second pass over the sheet: read them only
            // when the headers look merged, or when nothing was recognised
            // without them.
            let first = detect(&sheet, &input.rel, &cands, forced, &opts.settings);
            let det = match first {
                Some(d) if !detect::needs_merged(&sheet, &d) => d,
                first => {
                    let merged = wb.merged(&name);
                    if merged.is_empty() {
                        match first {
                            Some(d) => d,
                            None => continue,
                        }
                    } else {
                        sheet.set_merged(merged);
                        match detect(&sheet, &input.rel, &cands, forced, &opts.settings) {
                            Some(d) => d,
                            None => continue,
                        }
                    }
                }
            };
            read_sheet(&mut regs, &sheet, det, &input.rel, opts, &mut diags);
        }
    }
    if let Some(p) = opts.progress {
        p(total_bytes, total_bytes);
    }
    for kind in RegisterKind::ALL {
        if !regs.found(*kind) && !kind.optional() {
            diags.push(
                Diagnostic::new(Code::RegisterNotFound, Some(*kind), Location::default())
                    .register("register", *kind)
                    .arg("key", kind.key()),
            );
        }
    }
    Ok(Loaded {
        registers: regs,
        files,
        inputs,
        diagnostics: diags,
    })
}

/// The diagnostic of a limit a sheet ran into, at the first cell beyond it.
fn limit_diagnostic(file: &str, sheet: &str, hit: &crate::input::LimitHit) -> Diagnostic {
    let code = match hit.kind {
        LimitKind::Rows => Code::LimitRows,
        LimitKind::Columns => Code::LimitColumns,
        LimitKind::Cells => Code::LimitCells,
        LimitKind::CellLength => Code::LimitCellLength,
        LimitKind::Text => Code::LimitText,
    };
    Diagnostic::new(
        code,
        None,
        Location::cell(file, sheet, a1(hit.row, hit.col)),
    )
    .arg("limit", hit.limit.to_string())
}

/// Reports the header problems of a detection, then reads its rows into `regs`.
fn read_sheet(
    regs: &mut Registers,
    sheet: &crate::input::Sheet,
    det: Detection,
    file: &str,
    opts: &LoadOptions,
    diags: &mut Vec<Diagnostic>,
) {
    let kind = det.kind;
    let spec = kind.spec();
    let header_cell = |col: u32| Location::cell(file, &sheet.name, a1(det.header_row, col));
    let first_col = det.columns.iter().flatten().min().copied().unwrap_or(0);
    let constants = constants::find(sheet, &det, file, &opts.settings);
    for (field, col) in spec.refs().zip(&det.columns) {
        if field.field().required && col.is_none() && !constants.iter().any(|c| c.field == field) {
            diags.push(
                Diagnostic::new(Code::MissingColumn, Some(kind), header_cell(first_col))
                    .field("field", field)
                    .arg("row", (det.header_row + 1).to_string())
                    .arg("key", kind.key()),
            );
        }
    }
    for (col, i, first) in &det.duplicates {
        let field = FieldRef {
            kind,
            index: *i as u8,
        };
        diags.push(
            Diagnostic::new(Code::DuplicateColumn, Some(kind), header_cell(*col))
                .field("field", field)
                .arg("other", a1(det.header_row, *first)),
        );
    }
    let source_idx = regs.sources.get(&kind).map_or(0, Vec::len) as u16;
    let extra_headers: &[String] = match spec.extra {
        Extra::Criteria => opts.settings.criteria,
        Extra::Questions => opts.settings.questions,
        Extra::None => &[],
    };
    let ctx = ReadContext {
        file,
        as_of: opts.as_of,
        likert_scale: opts.settings.likert_scale,
        extra_headers,
    };
    // Columns the configuration says to leave out are neither fields nor
    // open-set columns.
    let mut det = det;
    let (ignored, unmapped): (Vec<_>, Vec<_>) = std::mem::take(&mut det.unmapped)
        .into_iter()
        .partition(|(_, h)| opts.settings.ignored(kind, h));
    det.unmapped = unmapped;
    let extras = read::extra_columns(sheet, &det, &ctx);
    let headers = column_list(sheet, &det, &extras, &ignored, spec.extra);
    for col in headers.iter().filter(|c| c.read_as == ColumnUse::Unmapped) {
        let mut d = Diagnostic::new(
            Code::UnmappedColumn,
            Some(kind),
            Location::cell(file, &sheet.name, col.cell.clone()),
        )
        .arg("header", col.header.clone())
        .register("register", kind)
        .arg("key", kind.key());
        d = match detect::suggest_field(spec, &col.header) {
            Some(f) => d.field("suggestion", f).arg("target", f.key()),
            None => d.arg("target", "…"),
        };
        diags.push(d);
    }
    for c in &constants {
        let mut at = Location::file(file);
        at.sheet = Some(sheet.name.clone());
        let d = Diagnostic::new(Code::SheetValue, Some(kind), at)
            .field("field", c.field)
            .arg("value", c.text.clone())
            .arg("key", kind.key())
            .arg("key_field", c.field.key());
        let d = match &c.origin {
            constants::Origin::Config => continue,
            constants::Origin::Title { cell, text } => {
                // A title read whole (a survey's campaign) is not quoted twice.
                let key = if *text == c.text {
                    "sheet-value.origin-title-whole"
                } else {
                    "sheet-value.origin-title"
                };
                let mut d = d
                    .msg("origin", key)
                    .arg("cell", cell.clone())
                    .arg("text", text.clone());
                d.location = Location::cell(file, &sheet.name, cell.clone());
                d
            }
            constants::Origin::SheetName => d.msg("origin", "sheet-value.origin-sheet"),
            constants::Origin::FileName => d.msg("origin", "sheet-value.origin-file"),
        };
        diags.push(d);
    }
    // Open-set columns are shared across sheets by header text.
    let names: &mut Vec<String> = match spec.extra {
        Extra::Criteria => &mut regs.supplier_criteria,
        Extra::Questions => &mut regs.survey_questions,
        Extra::None => &mut Vec::new(),
    };
    let extra_index: Vec<usize> = extras
        .columns
        .iter()
        .map(|(_, header)| {
            let folded = fold(header);
            match names.iter().position(|n| fold(n) == folded) {
                Some(i) => i,
                None => {
                    names.push(header.clone());
                    names.len() - 1
                }
            }
        })
        .collect();
    let count = read_rows(sheet, &det, &extras, &ctx, diags, |mut row| {
        for c in &constants {
            row.values[c.field.index as usize] = c.value.clone();
        }
        build(regs, kind, source_idx, row, &extra_index, extras.scale)
    });
    let constants = constants
        .iter()
        .map(|c| SheetValue {
            field: c.field.key(),
            value: c.text.clone(),
            from: match c.origin {
                constants::Origin::Config => "config",
                constants::Origin::Title { .. } => "title",
                constants::Origin::SheetName => "sheet",
                constants::Origin::FileName => "file",
            },
        })
        .collect();
    regs.sources.entry(kind).or_default().push(Source {
        register: kind,
        file: file.to_owned(),
        sheet: sheet.name.clone(),
        header_row: det.header_row,
        columns: det.columns,
        rows: count,
        headers,
        constants,
    });
}

/// Turns a parsed row into its register's typed record, with the open-set
/// columns (supplier criteria, survey answers) it carries.
fn build(
    regs: &mut Registers,
    kind: RegisterKind,
    source: u16,
    mut row: Row,
    extra_index: &[usize],
    scale: u8,
) {
    let at = RowRef {
        source,
        row: row.row,
    };
    regs.push(kind, at, &mut row);
    match kind {
        RegisterKind::Suppliers => {
            let criteria = row
                .extras
                .iter()
                .zip(extra_index)
                .filter_map(|(v, &idx)| match v {
                    read::Value::Number(n) => Some((idx, n.value)),
                    _ => None,
                })
                .collect();
            if let Some(e) = regs.supplier_evaluations.last_mut() {
                e.criteria = criteria;
            }
        }
        RegisterKind::Surveys => {
            let answers = row
                .extras
                .iter()
                .zip(extra_index)
                .filter_map(|(v, &idx)| match v {
                    read::Value::Int(n) => Some((idx, *n as u8)),
                    _ => None,
                })
                .collect();
            if let Some(r) = regs.survey_responses.last_mut() {
                r.answers = answers;
                r.scale = scale;
            }
        }
        _ => {}
    }
}

/// Every non-empty header cell of a recognised sheet, in column order, with
/// what it is read as.
fn column_list(
    sheet: &crate::input::Sheet,
    det: &Detection,
    extras: &read::ExtraColumns,
    ignored: &[(u32, String)],
    extra: Extra,
) -> Vec<Column> {
    let spec = det.kind.spec();
    let header = |c: u32| {
        crate::input::parse::display(sheet.get_merged(det.header_row, c))
            .trim()
            .to_owned()
    };
    let mut out: Vec<(u32, Column)> = Vec::new();
    let mut push = |c: u32, text: String, field: Option<String>, read_as: ColumnUse| {
        out.push((
            c,
            Column {
                cell: a1(det.header_row, c),
                header: text,
                field,
                read_as,
            },
        ))
    };
    for (f, col) in spec.fields.iter().zip(&det.columns) {
        if let Some(c) = col {
            push(*c, header(*c), Some(f.key.to_owned()), ColumnUse::Field);
        }
    }
    for (c, i, _) in &det.duplicates {
        push(
            *c,
            header(*c),
            Some(spec.fields[*i].key.to_owned()),
            ColumnUse::Duplicate,
        );
    }
    for (c, h) in &det.unmapped {
        if extras.columns.iter().any(|(ec, _)| ec == c) {
            let (key, read_as) = match extra {
                Extra::Criteria => ("criterion", ColumnUse::Criterion),
                _ => ("question", ColumnUse::Question),
            };
            push(*c, h.clone(), Some(key.to_owned()), read_as);
        } else {
            let filled = sheet.rows().is_some_and(|(_, last)| {
                (det.header_row + 1..=last)
                    .any(|r| !crate::input::parse::is_empty(sheet.get(r, *c)))
            });
            let read_as = if filled {
                ColumnUse::Unmapped
            } else {
                ColumnUse::Blank
            };
            push(*c, h.clone(), None, read_as);
        }
    }
    for (c, h) in ignored {
        push(*c, h.clone(), None, ColumnUse::Ignored);
    }
    out.sort_by_key(|(c, _)| *c);
    out.into_iter().map(|(_, col)| col).collect()
}

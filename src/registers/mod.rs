//! The registers layer: finds every register of a workspace by its headers
//! (wherever it sits: any file, any sheet, below title rows), reads its rows
//! against its schema and returns typed records that remember their source
//! cell. A register may span several sheets or files (one per year): their
//! rows are concatenated, each keeping its own source.

pub mod detect;
pub mod model;
pub mod read;
pub mod schema;
pub mod vocab;

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

pub use model::*;
pub use schema::{RegisterKind, RegisterSpec};

use crate::config::Config;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::input::cellref::a1;
use crate::input::text::fold;
use crate::input::workbook::OpenError;
use crate::input::{InputFile, LimitKind, Workbook, list_workbooks};
use detect::{Detection, detect};
use read::{ReadContext, Row, read_rows};
use schema::Extra;
use vocab::*;

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
}

impl Source {
    /// Where field `key` of row `row` is.
    pub fn cell(&self, row: u32, key: &str) -> Location {
        let spec = self.register.spec();
        let col =
            self.columns[spec.idx(key)].or_else(|| self.columns.iter().flatten().next().copied());
        Location::cell(&self.file, &self.sheet, a1(row, col.unwrap_or(0)))
    }
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

    /// Where field `key` of a record of `kind` is.
    pub fn cell(&self, kind: RegisterKind, at: RowRef, key: &str) -> Location {
        match self
            .sources
            .get(&kind)
            .and_then(|s| s.get(at.source as usize))
        {
            Some(src) => src.cell(at.row, key),
            None => Location::default(),
        }
    }
}

/// A workbook of the workspace and how reading it went.
#[derive(Debug, Clone, Serialize)]
pub struct FileRead {
    pub file: String,
    pub size: u64,
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
    pub config: &'a Config,
    /// Dates after this are in the future.
    pub as_of: NaiveDate,
    /// Called after each workbook with (bytes read so far, bytes in all).
    pub progress: Option<&'a dyn Fn(u64, u64)>,
}

/// Which registers the configuration pins to files or sheets.
fn forced_kind(config: &Config, file: &str, sheet: &str) -> Option<RegisterKind> {
    RegisterKind::ALL.iter().copied().find(|k| {
        config.register(*k).is_some_and(|rc| {
            !rc.sheets.is_empty()
                && rc.sheets.iter().any(|s| s.trim() == sheet.trim())
                && (rc.files.is_empty() || rc.files.iter().any(|f| same_file(f, file)))
        })
    })
}

fn same_file(configured: &str, rel: &str) -> bool {
    let c = configured.trim().replace('\\', "/");
    c == rel || rel.rsplit('/').next() == Some(c.as_str())
}

/// The registers a sheet of `file` may hold: all, except those the
/// configuration pins to other files.
fn candidates(config: &Config, file: &str) -> Vec<RegisterKind> {
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
    let limits = opts.config.limits.limits();
    for input in &inputs {
        if let Some(p) = opts.progress {
            p(done_bytes, total_bytes);
        }
        done_bytes += input.size;
        let mut wb = match Workbook::open(input, limits) {
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
                            readable: false,
                        });
                        continue;
                    }
                    OpenError::Encrypted => d.arg_tr(
                        "reason",
                        "il est chiffré (protégé par mot de passe)",
                        "it is encrypted (password-protected)",
                    ),
                    OpenError::NotAWorkbook => d.arg_tr(
                        "reason",
                        "ce n'est pas un classeur, ou il est tronqué",
                        "it is not a workbook, or it is truncated",
                    ),
                    OpenError::Damaged => d.arg_tr(
                        "reason",
                        "il est endommagé (tronqué ou corrompu)",
                        "it is damaged (truncated or corrupt)",
                    ),
                    OpenError::Reader(m) => d.arg("reason", m),
                };
                diags.push(d);
                files.push(FileRead {
                    file: input.rel.clone(),
                    size: input.size,
                    readable: false,
                });
                continue;
            }
        };
        files.push(FileRead {
            file: input.rel.clone(),
            size: input.size,
            readable: true,
        });
        let cands = candidates(opts.config, &input.rel);
        for (name, hidden) in wb.sheet_names() {
            let forced = forced_kind(opts.config, &input.rel, &name);
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
                        d.arg_tr(
                            "reason",
                            "elle est endommagée (tronquée ou corrompue)",
                            "it is damaged (truncated or corrupt)",
                        )
                    } else if reason.contains("declared uncompressed size") {
                        d.arg_tr(
                            "reason",
                            "l'archive est corrompue ou piégée (une partie dépasse la taille qu'elle déclare)",
                            "the archive is corrupt or booby-trapped (a part exceeds the size it declares)",
                        )
                    } else {
                        d.arg("reason", reason)
                    });
                    continue;
                }
            };
            // Merged areas cost a second pass over the sheet: read them only
            // when the headers look merged, or when nothing was recognised
            // without them.
            let first = detect(&sheet, &cands, forced, opts.config);
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
                        match detect(&sheet, &cands, forced, opts.config) {
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
                    .arg_tr(
                        "register",
                        kind.label(crate::i18n::Lang::Fr),
                        kind.label(crate::i18n::Lang::En),
                    )
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
    for (field, col) in spec.fields.iter().zip(&det.columns) {
        if field.required && col.is_none() {
            diags.push(
                Diagnostic::new(Code::MissingColumn, Some(kind), header_cell(first_col))
                    .arg_tr("field", field.fr, field.en)
                    .arg("row", (det.header_row + 1).to_string())
                    .arg("key", kind.key()),
            );
        }
    }
    for (col, i, first) in &det.duplicates {
        let field = &spec.fields[*i];
        diags.push(
            Diagnostic::new(Code::DuplicateColumn, Some(kind), header_cell(*col))
                .arg_tr("field", field.fr, field.en)
                .arg("other", a1(det.header_row, *first)),
        );
    }
    let source_idx = regs.sources.get(&kind).map_or(0, Vec::len) as u16;
    let extra_headers: &[String] = match spec.extra {
        Extra::Criteria => &opts.config.suppliers.criteria,
        Extra::Questions => &opts.config.surveys.questions,
        Extra::None => &[],
    };
    let ctx = ReadContext {
        file,
        as_of: opts.as_of,
        likert_scale: opts.config.surveys.scale,
        extra_headers,
    };
    let extras = read::extra_columns(sheet, &det, &ctx);
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
    let count = read_rows(sheet, &det, &extras, &ctx, diags, |row| {
        build(regs, kind, source_idx, row, &extra_index, extras.scale)
    });
    regs.sources.entry(kind).or_default().push(Source {
        register: kind,
        file: file.to_owned(),
        sheet: sheet.name.clone(),
        header_row: det.header_row,
        columns: det.columns,
        rows: count,
    });
}

/// Turns a parsed row into its register's typed record.
fn build(
    regs: &mut Registers,
    kind: RegisterKind,
    source: u16,
    mut row: Row,
    extra_index: &[usize],
    scale: u8,
) {
    let spec = kind.spec();
    let at = RowRef {
        source,
        row: row.row,
    };
    let i = |key: &str| spec.idx(key);
    match kind {
        RegisterKind::Rex => regs.events.push(Event {
            at,
            id: row.text(i("id")),
            detected: row.date(i("detected")),
            kind: row.choice(i("type")).map(EventType::from_index),
            process: row.text(i("process")),
            description: row.text(i("description")),
            patient: row.text(i("patient")),
            reporter: row.text(i("reporter")),
            severity: row.int(i("severity")).map(|n| n as u8),
            frequency: row.int(i("frequency")).map(|n| n as u8),
            cause: row.choice(i("cause")).map(Cause::from_index),
            declared: row.boolean(i("declared")).unwrap_or(false),
            declared_on: row.date(i("declared_on")),
            systemic: row.choice(i("systemic")).map(SystemicAnalysis::from_index),
            supplier: row.text(i("supplier")),
            actions: row.list(i("actions")),
            status: row.choice(i("status")).map(Status::from_index),
            closed: row.date(i("closed")),
        }),
        RegisterKind::Actions => regs.actions.push(Action {
            at,
            id: row.text(i("id")),
            origin: row.text(i("origin")),
            kind: row.choice(i("type")).map(ActionType::from_index),
            process: row.text(i("process")),
            description: row.text(i("description")),
            owner: row.text(i("owner")),
            opened: row.date(i("opened")),
            due: row.date(i("due")),
            done: row.date(i("done")),
            status: row.choice(i("status")).map(Status::from_index),
            effectiveness: row
                .choice(i("effectiveness"))
                .map(Effectiveness::from_index),
            checked_on: row.date(i("checked_on")),
            indicator: row.text(i("indicator")),
        }),
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
            regs.supplier_evaluations.push(SupplierEvaluation {
                at,
                supplier: row.text(i("supplier")),
                category: row.text(i("category")),
                critical: row.boolean(i("critical")),
                evaluated: row.date(i("evaluated")),
                score: row.number(i("score")).map(|n| n.value),
                decision: row.choice(i("decision")).map(SupplierDecision::from_index),
                evaluator: row.text(i("evaluator")),
                comment: row.text(i("comment")),
                criteria,
            })
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
            regs.survey_responses.push(SurveyResponse {
                at,
                date: row.date(i("date")),
                campaign: row.text(i("campaign")),
                population: row.choice(i("population")).map(Population::from_index),
                respondent: row.text(i("respondent")),
                comment: row.text(i("comment")),
                answers,
                scale,
            })
        }
        RegisterKind::Indicators => regs.indicators.push(IndicatorDef {
            at,
            code: row.text(i("code")),
            label: row.text(i("label")),
            process: row.text(i("process")),
            unit: row.text(i("unit")),
            direction: row.choice(i("direction")).map(Direction::from_index),
            target: row.number(i("target")).map(Amount::from),
            alert: row.number(i("alert")).map(Amount::from),
            frequency: row.choice(i("frequency")).map(Frequency::from_index),
            owner: row.text(i("owner")),
            kind: row.choice(i("kind")).map(IndicatorKind::from_index),
        }),
        RegisterKind::IndicatorValues => regs.indicator_values.push(IndicatorValue {
            at,
            code: row.text(i("code")),
            period: row.month(i("period")),
            value: row.number(i("value")).map(Amount::from),
            numerator: row.number(i("numerator")).map(|n| n.value),
            denominator: row.number(i("denominator")).map(|n| n.value),
            comment: row.text(i("comment")),
        }),
        RegisterKind::Objectives => regs.objectives.push(Objective {
            at,
            year: row.int(i("year")).map(|y| y as i32),
            objective: row.text(i("objective")),
            indicator: row.text(i("indicator")),
            target: row.number(i("target")).map(Amount::from),
            deadline: row.date(i("deadline")),
            owner: row.text(i("owner")),
            process: row.text(i("process")),
        }),
        RegisterKind::Audits => regs.audits.push(Audit {
            at,
            id: row.text(i("id")),
            kind: row.choice(i("kind")).map(AuditKind::from_index),
            date: row.date(i("date")),
            auditor: row.text(i("auditor")),
            scope: row.text(i("scope")),
            standard: row.text(i("standard")),
            status: row.choice(i("status")).map(Status::from_index),
        }),
        RegisterKind::Findings => regs.findings.push(Finding {
            at,
            id: row.text(i("id")),
            audit: row.text(i("audit")),
            grade: row.choice(i("grade")).map(Grade::from_index),
            clause: row.text(i("clause")),
            process: row.text(i("process")),
            description: row.text(i("description")),
            actions: row.list(i("actions")),
            status: row.choice(i("status")).map(Status::from_index),
            closed: row.date(i("closed")),
        }),
        RegisterKind::Documents => regs.documents.push(Document {
            at,
            reference: row.text(i("reference")),
            title: row.text(i("title")),
            process: row.text(i("process")),
            category: row.choice(i("category")).map(DocCategory::from_index),
            version: row.text(i("version")),
            effective: row.date(i("effective")),
            next_review: row.date(i("next_review")),
            author: row.text(i("author")),
            reviewer: row.text(i("reviewer")),
            approver: row.text(i("approver")),
            status: row.choice(i("status")).map(DocStatus::from_index),
        }),
        RegisterKind::Watch => regs.watch.push(WatchItem {
            at,
            reference: row.text(i("reference")),
            title: row.text(i("title")),
            published: row.date(i("published")),
            effective: row.date(i("effective")),
            theme: row.text(i("theme")),
            applicable: row.choice(i("applicable")).map(Applicability::from_index),
            impact: row.text(i("impact")),
            actions: row.list(i("actions")),
            status: row.choice(i("status")).map(Status::from_index),
            source: row.text(i("source")),
        }),
        RegisterKind::Parties => regs.parties.push(Party {
            at,
            name: row.text(i("name")),
            category: row.text(i("category")),
            proximity: row.choice(i("proximity")).map(Proximity::from_index),
            expectations: row.text(i("expectations")),
            risks: row.text(i("risks")),
            reviewed: row.date(i("reviewed")),
        }),
        RegisterKind::Training => regs.training.push(Training {
            at,
            person: row.text(i("person")),
            role: row.text(i("role")),
            training: row.text(i("training")),
            date: row.date(i("date")),
            valid_until: row.date(i("valid_until")),
            habilitation: row.boolean(i("habilitation")),
        }),
        RegisterKind::Comments => regs.comments.push(ReviewComment {
            at,
            year: row.int(i("year")).map(|y| y as i32),
            section: row.text(i("section")),
            text: row.text(i("comment")),
        }),
    }
}

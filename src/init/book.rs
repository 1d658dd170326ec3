//! One blank register workbook: an instructions sheet, then one sheet per
//! register with a merged title, a frozen header row in an Excel table, and
//! data validation (drop-down lists, ratings, dates, months, years) over the
//! first thousand rows. Every header is the schema's label, so the reader
//! recognises the sheet by construction.

use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    FormatBorder, Table, TableColumn, TableStyle, Workbook, Worksheet, XlsxError,
};

use super::BookPlan;
use crate::i18n::{self, Lang};
use crate::registers::schema::{Extra, Field, FieldType};
use crate::registers::{RegisterKind, SupplierEvaluationField, SurveyResponseField};

/// Row of the headers (zero-based): a title row and a subtitle row above.
pub(super) const HEADER_ROW: u32 = 2;
/// Empty rows of the table below the headers.
const TABLE_ROWS: u32 = 200;
/// Rows below the headers covered by data validation.
const VALIDATED_ROWS: u32 = 1000;
/// Example criteria of the supplier evaluation and questions of the survey.
const EXTRA_COLUMNS: u8 = 3;
/// Range of dates accepted in date cells: the reader calls earlier dates
/// implausible.
const FIRST_DATE: (u16, u8, u8) = (1990, 1, 1);
const LAST_DATE: (u16, u8, u8) = (2100, 12, 31);
/// Scale of the example supplier criteria.
const CRITERION_SCALE: (i32, i32) = (1, 4);
/// Widths of the instructions sheet's columns.
const HELP_WIDTHS: [f64; 6] = [26.0, 11.0, 13.0, 58.0, 34.0, 30.0];

/// What a column of a register sheet is.
#[derive(Debug, Clone, Copy)]
pub(super) enum ColKind {
    Field(&'static Field),
    /// The n-th example criterion of the supplier evaluation (1-based).
    Criterion(u8),
    /// The n-th example question of the survey (1-based).
    Question(u8),
}

/// One column of a register sheet.
#[derive(Debug, Clone)]
pub(super) struct Column {
    pub kind: RegisterKind,
    pub col: ColKind,
    pub header: &'static str,
}

fn t(key: &str, lang: Lang) -> &'static str {
    i18n::text(key, lang)
}

/// The columns of register `kind`: its schema's fields, and for supplier
/// evaluations and surveys a few example criteria / questions.
pub(super) fn columns(kind: RegisterKind, lang: Lang) -> Vec<Column> {
    let spec = kind.spec();
    let mut out: Vec<Column> = spec
        .fields
        .iter()
        .map(|f| Column {
            kind,
            col: ColKind::Field(f),
            header: f.label(lang),
        })
        .collect();
    // Criteria come before the overall score; questions after who answered.
    let (at, make): (usize, fn(u8) -> ColKind) = match spec.extra {
        Extra::None => return out,
        Extra::Criteria => (SupplierEvaluationField::Score as usize, ColKind::Criterion),
        Extra::Questions => (SurveyResponseField::Respondent as usize, ColKind::Question),
    };
    let prefix = match spec.extra {
        Extra::Criteria => "init.criterion",
        _ => "init.question",
    };
    for n in (1..=EXTRA_COLUMNS).rev() {
        out.insert(
            at,
            Column {
                kind,
                col: make(n),
                header: t(&format!("{prefix}.{n}"), lang),
            },
        );
    }
    out
}

/// The Likert answers offered in the survey questions' lists.
fn likert(lang: Lang) -> Vec<&'static str> {
    (0..=4)
        .rev()
        .map(|i| t(&format!("init.likert.{i}"), lang))
        .collect()
}

fn yes_no(lang: Lang) -> Vec<&'static str> {
    vec![t("yes", lang), t("no", lang)]
}

impl Column {
    pub fn required(&self) -> bool {
        matches!(self.col, ColKind::Field(f) if f.required)
    }

    pub fn personal(&self) -> bool {
        matches!(self.col, ColKind::Field(f) if f.personal)
    }

    /// What the column holds, for the instructions.
    pub fn content(&self, lang: Lang) -> &'static str {
        match self.col {
            ColKind::Field(f) => f.help_text(lang),
            ColKind::Criterion(_) => t("init.criterion.content", lang),
            ColKind::Question(_) => t("init.question.content", lang),
        }
    }

    /// The column's cell in the example row.
    pub fn example(&self, lang: Lang) -> &'static str {
        match self.col {
            ColKind::Field(f) => f.example_text(lang),
            ColKind::Criterion(n) => t(&format!("init.x.criterion.{n}"), lang),
            ColKind::Question(n) => t(&format!("init.x.question.{n}"), lang),
        }
    }

    /// The column's row of the instructions table: label, required,
    /// personal, what it holds, allowed values, example.
    pub fn help_cells(&self, lang: Lang) -> [String; 6] {
        // "no" is a header smq knows (an event ID): a dash says it as well.
        let yes_no = |b: bool| if b { t("yes", lang) } else { "—" }.to_owned();
        [
            self.header.to_owned(),
            yes_no(self.required()),
            yes_no(self.personal()),
            self.content(lang).to_owned(),
            self.allowed(lang),
            self.example(lang).to_owned(),
        ]
    }

    /// Whether the column identifies the rows of its sheet (unique).
    fn is_row_id(&self) -> bool {
        matches!(self.col, ColKind::Field(f) if self.kind.spec().id().is_some_and(|id| id.key() == f.key))
    }

    /// The values the column accepts, for the instructions.
    pub fn allowed(&self, lang: Lang) -> String {
        let ty = match self.col {
            ColKind::Field(f) => f.ty,
            ColKind::Criterion(_) => {
                return scale_text(CRITERION_SCALE.0, CRITERION_SCALE.1, lang);
            }
            ColKind::Question(_) => return likert(lang).join(", "),
        };
        match ty {
            FieldType::Id if self.is_row_id() => t("init.allowed.id", lang).to_owned(),
            FieldType::Id => t("init.allowed.ref", lang).to_owned(),
            FieldType::Text => t("init.allowed.text", lang).to_owned(),
            FieldType::FreeText => t("init.allowed.free-text", lang).to_owned(),
            FieldType::Date { past: true } => t("init.allowed.past-date", lang).to_owned(),
            FieldType::Date { past: false } => t("init.allowed.date", lang).to_owned(),
            FieldType::Month => t("init.allowed.month", lang).to_owned(),
            FieldType::Number => t("init.allowed.number", lang).to_owned(),
            FieldType::Scale { min, max } => scale_text(min as i32, max as i32, lang),
            FieldType::Year => t("init.allowed.year", lang).to_owned(),
            FieldType::Bool => yes_no(lang).join(", "),
            FieldType::Choice(v) => v.allowed(lang),
            FieldType::IdList => t("init.allowed.id-list", lang).to_owned(),
        }
    }

    /// Width of the column: room for its typical content and for its
    /// header on at most two lines beside the filter button.
    pub fn width(&self) -> f64 {
        let typical: usize = match self.col {
            ColKind::Criterion(_) => 11,
            ColKind::Question(_) => 20,
            ColKind::Field(f) => match f.ty {
                FieldType::Id => 15,
                FieldType::Text => 20,
                FieldType::FreeText => 44,
                FieldType::Date { .. } => 13,
                FieldType::Month => 11,
                FieldType::Number => 10,
                FieldType::Scale { .. } => 10,
                FieldType::Year => 9,
                FieldType::Bool => 10,
                FieldType::Choice(v) => {
                    (0..v.entries.len() as u8)
                        .map(|i| v.label(i, Lang::Fr).chars().count())
                        .chain(
                            (0..v.entries.len() as u8)
                                .map(|i| v.label(i, Lang::En).chars().count()),
                        )
                        .max()
                        .unwrap_or(10)
                        + 3
                }
                FieldType::IdList => 16,
            },
        };
        let chars = self.header.chars().count();
        let longest_word = self
            .header
            .split_whitespace()
            .map(|w| w.chars().count())
            .max()
            .unwrap_or(0);
        // 4 characters for the filter button and the cell's margins.
        let header = longest_word.max(chars.div_ceil(2)) + 4;
        typical.max(header).min(48) as f64
    }

    /// The data validation of the column's cells, if any.
    fn validation(&self, lang: Lang) -> Result<Option<DataValidation>, XlsxError> {
        let error_title = t("init.dv.error-title", lang);
        let fill = |key: &str, args: &[(&str, String)]| i18n::fill(t(key, lang), args);
        let list = |values: &[&str]| -> Result<DataValidation, XlsxError> {
            DataValidation::new()
                .allow_list_strings(values)?
                .set_error_title(error_title)?
                .set_error_message(t("init.dv.list", lang))
        };
        let dates = || -> Result<DataValidationRule<ExcelDateTime>, XlsxError> {
            let (y0, m0, d0) = FIRST_DATE;
            let (y1, m1, d1) = LAST_DATE;
            Ok(DataValidationRule::Between(
                ExcelDateTime::from_ymd(y0, m0, d0)?,
                ExcelDateTime::from_ymd(y1, m1, d1)?,
            ))
        };
        let ty = match self.col {
            ColKind::Field(f) => f.ty,
            ColKind::Criterion(_) => FieldType::Scale {
                min: i64::from(CRITERION_SCALE.0),
                max: i64::from(CRITERION_SCALE.1),
            },
            ColKind::Question(_) => return Ok(Some(list(&likert(lang))?)),
        };
        let (dv, message) = match ty {
            FieldType::Choice(v) => {
                let labels: Vec<&str> = (0..v.entries.len() as u8)
                    .map(|i| v.label(i, lang))
                    .collect();
                return Ok(Some(list(&labels)?));
            }
            FieldType::Bool => return Ok(Some(list(&yes_no(lang))?)),
            FieldType::Scale { min, max } => (
                DataValidation::new()
                    .allow_whole_number(DataValidationRule::Between(min as i32, max as i32)),
                fill(
                    "init.dv.scale",
                    &[("min", min.to_string()), ("max", max.to_string())],
                ),
            ),
            FieldType::Date { .. } => (
                DataValidation::new().allow_date(dates()?),
                fill(
                    "init.dv.date",
                    &[("example", t("init.dv.example-date", lang).to_owned())],
                ),
            ),
            FieldType::Month => (
                DataValidation::new().allow_date(dates()?),
                fill(
                    "init.dv.month",
                    &[("example", t("init.dv.example-month", lang).to_owned())],
                ),
            ),
            FieldType::Year => (
                DataValidation::new().allow_whole_number(DataValidationRule::Between(2000, 2100)),
                t("init.dv.year", lang).to_owned(),
            ),
            FieldType::IdList => (
                DataValidation::new().allow_any_value(),
                fill(
                    "init.dv.ids",
                    &[("example", "AC-2025-007 ; AC-2025-012".to_owned())],
                ),
            ),
            FieldType::Id | FieldType::Text | FieldType::FreeText | FieldType::Number => {
                return Ok(None);
            }
        };
        let mut dv = dv.set_input_message(message.clone())?;
        // Excel allows 32 characters of title.
        if self.header.encode_utf16().count() <= 32 {
            dv = dv.set_input_title(self.header)?;
        }
        if !matches!(ty, FieldType::IdList) {
            dv = dv
                .set_error_title(error_title)?
                .set_error_message(message)?;
        }
        Ok(Some(dv))
    }
}

fn scale_text(min: i32, max: i32, lang: Lang) -> String {
    i18n::fill(
        t("init.allowed.scale", lang),
        &[("min", min.to_string()), ("max", max.to_string())],
    )
}

/// The cell formats of a workbook.
struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    header_required: Format,
    date: Format,
    month: Format,
    wrap: Format,
    help_title: Format,
    help_paragraph: Format,
    help_heading: Format,
    help_header: Format,
    help_cell: Format,
    help_label: Format,
    help_label_required: Format,
}

impl Formats {
    fn new(lang: Lang) -> Formats {
        let header = Format::new()
            .set_bold()
            .set_text_wrap()
            .set_align(FormatAlign::VerticalCenter)
            .set_background_color(Color::RGB(0xDDEBF7))
            .set_border(FormatBorder::Thin);
        let help_cell = Format::new()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin)
            .set_border_color(Color::RGB(0xBFBFBF));
        let (date, month) = match lang {
            Lang::Fr => ("dd/mm/yyyy", "mm/yyyy"),
            Lang::En => ("yyyy-mm-dd", "yyyy-mm"),
        };
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new()
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_font_color(Color::RGB(0x595959)),
            header_required: header.clone().set_background_color(Color::RGB(0xF8CBAD)),
            header,
            date: Format::new()
                .set_num_format(date)
                .set_align(FormatAlign::Left),
            month: Format::new()
                .set_num_format(month)
                .set_align(FormatAlign::Left),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            help_title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::VerticalCenter),
            help_paragraph: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            help_heading: Format::new()
                .set_bold()
                .set_font_size(12)
                .set_align(FormatAlign::VerticalCenter),
            help_header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(0xBFBFBF)),
            help_label_required: help_cell
                .clone()
                .set_bold()
                .set_background_color(Color::RGB(0xF8CBAD)),
            help_label: help_cell.clone().set_bold(),
            help_cell,
        }
    }
}

/// The workbook of `plan` in `lang`, as the bytes of an .xlsx file. The
/// document properties are fixed, so the bytes are the same on every run.
pub(super) fn workbook(plan: &BookPlan, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1)?.and_hms(0, 0, 0)?;
    let props = DocProperties::new()
        .set_title(plan.title(lang))
        .set_author("smq")
        .set_comment(t("init.book-comment", lang))
        .set_creation_datetime(&created);
    wb.set_properties(&props);
    let fmt = Formats::new(lang);
    let sheets: Vec<(RegisterKind, Vec<Column>)> =
        plan.kinds.iter().map(|k| (*k, columns(*k, lang))).collect();
    help_sheet(wb.add_worksheet(), plan, &sheets, &fmt, lang)?;
    for (i, (kind, cols)) in sheets.iter().enumerate() {
        let ws = wb.add_worksheet();
        register_sheet(ws, *kind, cols, &fmt, lang)?;
        // The workbook opens on its (first) register, not on the instructions.
        if i == 0 {
            ws.set_active(true);
        }
    }
    wb.save_to_buffer()
}

/// Lines `text` takes in a cell `width` characters wide (greedy word wrap;
/// proportional fonts fit about 1.1 characters per width unit).
fn lines(text: &str, width: f64) -> u32 {
    let per_line = ((width - 1.0) * 1.1).max(4.0) as usize;
    text.split('\n')
        .map(|para| {
            let mut n = 1;
            let mut len = 0;
            for word in para.split_whitespace() {
                let w = word.chars().count();
                if len > 0 && len + 1 + w > per_line {
                    n += 1;
                    len = w;
                } else {
                    len += w + usize::from(len > 0);
                }
            }
            n
        })
        .sum()
}

/// Row height (points) for `n` lines of 11-point text.
fn height(n: u32) -> f64 {
    f64::from(n) * 15.0 + 3.0
}

fn register_sheet(
    ws: &mut Worksheet,
    kind: RegisterKind,
    cols: &[Column],
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    let key = kind.key();
    ws.set_name(t(&format!("init.sheet.{key}"), lang))?;
    let last = (cols.len() - 1) as u16;
    let total_width: f64 = cols.iter().map(Column::width).sum();

    ws.merge_range(
        0,
        0,
        0,
        last,
        t(&format!("init.title.{key}"), lang),
        &fmt.title,
    )?;
    ws.set_row_height(0, 26)?;
    let subtitle = i18n::fill(
        t("init.subtitle", lang),
        &[
            ("row", t(&format!("init.row.{key}"), lang).to_owned()),
            ("help", t("init.help.sheet", lang).to_owned()),
        ],
    );
    ws.merge_range(1, 0, 1, last, &subtitle, &fmt.subtitle)?;
    ws.set_row_height(1, height(lines(&subtitle, total_width)))?;

    let mut table_columns = Vec::with_capacity(cols.len());
    let mut header_lines = 2;
    for (i, col) in cols.iter().enumerate() {
        let c = i as u16;
        let width = col.width();
        ws.set_column_width(c, width)?;
        if let ColKind::Field(f) = col.col {
            match f.ty {
                FieldType::Date { .. } => {
                    ws.set_column_format(c, &fmt.date)?;
                }
                FieldType::Month => {
                    ws.set_column_format(c, &fmt.month)?;
                }
                FieldType::FreeText => {
                    ws.set_column_format(c, &fmt.wrap)?;
                }
                _ => {}
            }
        }
        header_lines = header_lines.max(lines(col.header, width - 3.0));
        let header_format = if col.required() {
            &fmt.header_required
        } else {
            &fmt.header
        };
        table_columns.push(
            TableColumn::new()
                .set_header(col.header)
                .set_header_format(header_format),
        );
        if let Some(dv) = col.validation(lang)? {
            ws.add_data_validation(HEADER_ROW + 1, c, HEADER_ROW + VALIDATED_ROWS, c, &dv)?;
        }
    }
    let table = Table::new()
        .set_name(format!("smq_{}", key.replace('-', "_")))
        .set_style(TableStyle::Light16)
        .set_columns(&table_columns);
    ws.add_table(HEADER_ROW, 0, HEADER_ROW + TABLE_ROWS, last, &table)?;
    ws.set_row_height(HEADER_ROW, height(header_lines))?;
    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;

    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, HEADER_ROW)?;
    Ok(())
}

fn help_sheet(
    ws: &mut Worksheet,
    plan: &BookPlan,
    sheets: &[(RegisterKind, Vec<Column>)],
    fmt: &Formats,
    lang: Lang,
) -> Result<(), XlsxError> {
    ws.set_name(t("init.help.sheet", lang))?;
    for (c, w) in HELP_WIDTHS.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let last = (HELP_WIDTHS.len() - 1) as u16;
    let total: f64 = HELP_WIDTHS.iter().sum();
    let paragraph = |ws: &mut Worksheet, row: u32, text: &str| -> Result<(), XlsxError> {
        ws.merge_range(row, 0, row, last, text, &fmt.help_paragraph)?;
        ws.set_row_height(row, height(lines(text, total)))?;
        Ok(())
    };

    let title = i18n::fill(
        t("init.help.title", lang),
        &[("title", plan.title(lang).to_owned())],
    );
    ws.merge_range(0, 0, 0, last, &title, &fmt.help_title)?;
    ws.set_row_height(0, 26)?;
    let mut row = 2;
    let date_format = t("init.allowed.date-format", lang).to_owned();
    for key in ["p1", "p2", "p3", "p4", "p5"] {
        let text = i18n::fill(
            t(&format!("init.help.{key}"), lang),
            &[("date", date_format.clone())],
        );
        paragraph(ws, row, &text)?;
        row += 1;
    }
    paragraph(ws, row, t("init.help.example-note", lang))?;
    row += 2;

    for (kind, cols) in sheets {
        let heading = i18n::fill(
            t("init.help.heading", lang),
            &[
                (
                    "sheet",
                    t(&format!("init.sheet.{}", kind.key()), lang).to_owned(),
                ),
                (
                    "row",
                    t(&format!("init.row.{}", kind.key()), lang).to_owned(),
                ),
            ],
        );
        ws.merge_range(row, 0, row, last, &heading, &fmt.help_heading)?;
        ws.set_row_height(row, 22)?;
        row += 1;
        let headers = [
            "init.help.column",
            "init.help.required",
            "init.help.personal",
            "init.help.content",
            "init.help.allowed",
            "init.help.example",
        ];
        let mut n = 1;
        for (c, key) in headers.iter().enumerate() {
            ws.write_string_with_format(row, c as u16, t(key, lang), &fmt.help_header)?;
            n = n.max(lines(t(key, lang), HELP_WIDTHS[c]));
        }
        ws.set_row_height(row, height(n))?;
        row += 1;
        for col in cols {
            let label_format = if col.required() {
                &fmt.help_label_required
            } else {
                &fmt.help_label
            };
            let cells = col.help_cells(lang);
            let mut n = 1;
            for (c, text) in cells.iter().enumerate() {
                let format = if c == 0 { label_format } else { &fmt.help_cell };
                if text.is_empty() {
                    ws.write_blank(row, c as u16, format)?;
                } else {
                    ws.write_string_with_format(row, c as u16, text, format)?;
                }
                n = n.max(lines(text, HELP_WIDTHS[c]));
            }
            // Not every spreadsheet fits the height of wrapped rows itself.
            ws.set_row_height(row, height(n))?;
            row += 1;
        }
        let note = match kind.spec().extra {
            Extra::Criteria => Some("init.criterion.note"),
            Extra::Questions => Some("init.question.note"),
            Extra::None => None,
        };
        if let Some(key) = note {
            row += 1;
            paragraph(ws, row, t(key, lang))?;
            row += 1;
        }
        row += 1;
    }
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::parse;
    use crate::input::text::fold;
    use crate::registers::vocab::Vocab;

    fn all_columns(lang: Lang) -> Vec<Column> {
        RegisterKind::ALL
            .iter()
            .flat_map(|k| columns(*k, lang))
            .collect()
    }

    #[test]
    fn every_column_is_explained_with_an_example_of_its_type() {
        for lang in [Lang::Fr, Lang::En] {
            for col in all_columns(lang) {
                let what = format!("{} › {} ({lang:?})", col.kind.key(), col.header);
                assert!(
                    !col.content(lang).is_empty() && col.content(lang) != "?",
                    "{what}"
                );
                let x = col.example(lang);
                assert_ne!(x, "?", "{what}: no example");
                if x.is_empty() {
                    assert!(
                        !col.required(),
                        "{what}: a required column's example is empty"
                    );
                    continue;
                }
                let ok = match col.col {
                    ColKind::Criterion(_) => x.parse::<i32>().is_ok(),
                    ColKind::Question(_) => likert(lang).contains(&x),
                    ColKind::Field(f) => match f.ty {
                        FieldType::Date { .. } => {
                            let d = parse::parse_date_text(x);
                            let shown = d.map(|d| match lang {
                                Lang::Fr => d.format("%d/%m/%Y").to_string(),
                                Lang::En => d.format("%Y-%m-%d").to_string(),
                            });
                            shown.as_deref() == Some(x)
                        }
                        FieldType::Month => parse::parse_month_text(x).is_some(),
                        FieldType::Number => parse::parse_number_text(x).is_some(),
                        FieldType::Scale { min, max } => {
                            x.parse::<i64>().is_ok_and(|n| (min..=max).contains(&n))
                        }
                        FieldType::Year => {
                            x.parse::<i64>().is_ok_and(|y| (2000..=2100).contains(&y))
                        }
                        FieldType::Bool => yes_no(lang).contains(&x),
                        FieldType::Choice(v) => in_vocab(v, x, lang),
                        FieldType::Id
                        | FieldType::Text
                        | FieldType::FreeText
                        | FieldType::IdList => true,
                    },
                };
                assert!(ok, "{what}: example «{x}» does not fit the column");
            }
        }
    }

    fn in_vocab(v: &Vocab, x: &str, lang: Lang) -> bool {
        (0..v.entries.len() as u8).any(|i| v.label(i, lang) == x)
    }

    #[test]
    fn example_criteria_and_questions_name_no_field() {
        for lang in [Lang::Fr, Lang::En] {
            for col in all_columns(lang) {
                if matches!(col.col, ColKind::Field(_)) {
                    continue;
                }
                let spec = col.kind.spec();
                let h = fold(col.header);
                for f in spec.fields {
                    let names = [f.fr, f.en].into_iter().chain(f.aliases.iter().copied());
                    for name in names {
                        assert_ne!(fold(name), h, "{} names {}", col.header, f.key);
                    }
                }
            }
        }
    }

    #[test]
    fn validations_fit_excel_limits() {
        for lang in [Lang::Fr, Lang::En] {
            for col in all_columns(lang) {
                col.validation(lang)
                    .unwrap_or_else(|e| panic!("{} › {}: {e}", col.kind.key(), col.header));
            }
        }
    }

    /// The instructions sheet must not look like a register: no row of it
    /// may name two fields of one register (smq would take it for a header
    /// row), nor may the header of its table.
    #[test]
    fn instructions_never_look_like_a_header_row() {
        use std::collections::{BTreeSet, HashMap};
        let mut spellings: HashMap<String, Vec<(RegisterKind, &str)>> = HashMap::new();
        for kind in RegisterKind::ALL {
            for f in kind.spec().fields {
                for s in [f.fr, f.en].into_iter().chain(f.aliases.iter().copied()) {
                    spellings.entry(fold(s)).or_default().push((*kind, f.key));
                }
            }
        }
        let fields_named = |cells: &[String]| -> Vec<String> {
            let mut per_kind: HashMap<RegisterKind, BTreeSet<&str>> = HashMap::new();
            for cell in cells {
                for (kind, field) in spellings.get(&fold(cell)).into_iter().flatten() {
                    per_kind.entry(*kind).or_default().insert(field);
                }
            }
            per_kind
                .into_iter()
                .filter(|(_, f)| f.len() > 1)
                .map(|(k, f)| format!("{}: {f:?}", k.key()))
                .collect()
        };
        for lang in [Lang::Fr, Lang::En] {
            let table_headers: Vec<String> = [
                "init.help.column",
                "init.help.required",
                "init.help.personal",
                "init.help.content",
                "init.help.allowed",
                "init.help.example",
            ]
            .iter()
            .map(|k| t(k, lang).to_owned())
            .collect();
            for h in &table_headers {
                assert!(
                    !spellings.contains_key(&fold(h)),
                    "{h} is a header smq knows"
                );
            }
            for col in all_columns(lang) {
                let named = fields_named(&col.help_cells(lang));
                assert!(
                    named.is_empty(),
                    "{} › {}: the row names {named:?}",
                    col.kind.key(),
                    col.header
                );
            }
        }
    }

    #[test]
    fn word_wrap_estimate() {
        assert_eq!(lines("abc", 20.0), 1);
        assert_eq!(lines("aaaa bbbb cccc", 6.0), 3);
        assert_eq!(lines("a\nb", 20.0), 2);
    }
}

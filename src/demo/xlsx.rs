//! Writing the demo workbooks the way a service lays out its registers: a
//! merged title row, a blank row, a header row that stays frozen, column
//! widths, an autofilter, dates as real Excel dates (or text, where the
//! register keeps them as text).

use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder,
    Workbook, Worksheet,
};

use super::cal;

/// One cell of a data row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Num(f64),
    /// A real Excel date shown as `dd/mm/yyyy`.
    Date(NaiveDate),
    /// A real Excel date shown as `mm/yyyy` (an indicator period).
    MonthDate(NaiveDate),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_owned())
        }
    }
}

impl From<String> for Cell {
    fn from(s: String) -> Cell {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s)
        }
    }
}

impl From<&String> for Cell {
    fn from(s: &String) -> Cell {
        Cell::from(s.as_str())
    }
}

impl From<f64> for Cell {
    fn from(n: f64) -> Cell {
        Cell::Num(n)
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Num(n as f64)
    }
}

impl From<u32> for Cell {
    fn from(n: u32) -> Cell {
        Cell::Num(f64::from(n))
    }
}

impl From<NaiveDate> for Cell {
    fn from(d: NaiveDate) -> Cell {
        Cell::Date(d)
    }
}

impl<T: Into<Cell>> From<Option<T>> for Cell {
    fn from(o: Option<T>) -> Cell {
        o.map_or(Cell::Empty, Into::into)
    }
}

/// How a register writes its dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateStyle {
    /// Real Excel dates.
    Excel,
    /// Text typed as `12/03/2025`, and now and then `12 mars 2025`.
    Text,
}

impl DateStyle {
    /// The cell for `d`; `salt` decides (deterministically) the rare long form.
    pub fn cell(self, d: NaiveDate, salt: usize) -> Cell {
        match self {
            DateStyle::Excel => Cell::Date(d),
            DateStyle::Text if salt % 13 == 5 => Cell::Text(cal::fr_long(d)),
            DateStyle::Text => Cell::Text(cal::fr_short(d)),
        }
    }

    pub fn opt(self, d: Option<NaiveDate>, salt: usize) -> Cell {
        d.map_or(Cell::Empty, |d| self.cell(d, salt))
    }
}

/// The layout of one register sheet.
pub struct Layout {
    pub name: String,
    /// Merged over the header width on row 1.
    pub title: String,
    /// Optional second line under the title.
    pub subtitle: Option<String>,
    /// A blank narrow column before the register (column A left empty).
    pub blank_first_col: bool,
    /// Header text and width of each column.
    pub columns: Vec<(String, f64)>,
    /// Columns of long text, wrapped.
    pub wrap: Vec<usize>,
    /// Drop-down lists on data columns: (column, allowed values).
    pub lists: Vec<(usize, Vec<String>)>,
}

impl Layout {
    pub fn new(name: &str, title: impl Into<String>) -> Layout {
        Layout {
            name: name.to_owned(),
            title: title.into(),
            subtitle: None,
            blank_first_col: false,
            columns: Vec::new(),
            wrap: Vec::new(),
            lists: Vec::new(),
        }
    }

    pub fn col(mut self, header: &str, width: f64) -> Layout {
        self.columns.push((header.to_owned(), width));
        self
    }

    /// A wrapped column of long text.
    pub fn text_col(mut self, header: &str, width: f64) -> Layout {
        self.wrap.push(self.columns.len());
        self.columns.push((header.to_owned(), width));
        self
    }

    pub fn subtitle(mut self, s: impl Into<String>) -> Layout {
        self.subtitle = Some(s.into());
        self
    }

    pub fn blank_first_col(mut self) -> Layout {
        self.blank_first_col = true;
        self
    }

    pub fn list(mut self, col: usize, values: &[&str]) -> Layout {
        self.lists
            .push((col, values.iter().map(|s| (*s).to_owned()).collect()));
        self
    }
}

struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    date: Format,
    month: Format,
    wrap: Format,
    readme_title: Format,
    readme: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::VerticalCenter),
            subtitle: Format::new()
                .set_italic()
                .set_font_color(Color::RGB(0x595959)),
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color(Color::RGB(0xDDEBF7))
                .set_border(FormatBorder::Thin),
            date: Format::new()
                .set_num_format("dd/mm/yyyy")
                .set_align(FormatAlign::Left),
            month: Format::new()
                .set_num_format("mm/yyyy")
                .set_align(FormatAlign::Left),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            readme_title: Format::new().set_bold().set_font_size(14),
            readme: Format::new().set_text_wrap().set_align(FormatAlign::Top),
        }
    }
}

/// A workbook being written.
pub struct Book {
    wb: Workbook,
    fmt: Formats,
    fast: bool,
}

impl Book {
    /// A workbook whose document properties are fixed, so that the file is
    /// byte-identical from run to run.
    ///
    /// `fast` trades size and looks for speed (stress workspaces): lighter
    /// compression, no wrapped-text cells.
    pub fn new(title: &str, fast: bool) -> anyhow::Result<Book> {
        let mut wb = Workbook::new();
        if fast {
            wb.set_zip_compression_level(1);
        }
        let created = ExcelDateTime::from_ymd(2026, 10, 31)?.and_hms(8, 0, 0)?;
        let props = DocProperties::new()
            .set_title(title)
            .set_author("Responsable qualité")
            .set_company("Centre d'imagerie fonctionnelle — exemple")
            .set_comment("Données fictives générées par smq (jeu de démonstration)")
            .set_creation_datetime(&created);
        wb.set_properties(&props);
        Ok(Book {
            wb,
            fmt: Formats::new(),
            fast,
        })
    }

    /// A free-text sheet (read-me, instructions) that is not a register.
    pub fn text_sheet(&mut self, name: &str, title: &str, lines: &[&str]) -> anyhow::Result<()> {
        let ws = self.wb.add_worksheet();
        ws.set_name(name)?;
        ws.set_column_width(0, 110)?;
        ws.write_string_with_format(0, 0, title, &self.fmt.readme_title)?;
        for (i, line) in lines.iter().enumerate() {
            if !line.is_empty() {
                ws.write_string_with_format(i as u32 + 2, 0, *line, &self.fmt.readme)?;
            }
        }
        Ok(())
    }

    /// Starts a register sheet: title, blank row, headers.
    pub fn sheet(&mut self, layout: Layout) -> anyhow::Result<SheetOut<'_>> {
        let Book { wb, fmt, fast } = self;
        // Stress workspaces write rows in order: stream them to disk.
        let ws = if *fast {
            wb.add_worksheet_with_constant_memory()?
        } else {
            wb.add_worksheet()
        };
        ws.set_name(&layout.name)?;
        let col0: u16 = u16::from(layout.blank_first_col);
        let ncols = layout.columns.len() as u16;
        let last_col = col0 + ncols - 1;
        if layout.blank_first_col {
            ws.set_column_width(0, 3)?;
        }
        ws.merge_range(0, col0, 0, last_col, &layout.title, &fmt.title)?;
        ws.set_row_height(0, 24)?;
        let mut header_row = 2;
        if let Some(sub) = &layout.subtitle {
            ws.write_string_with_format(1, col0, sub, &fmt.subtitle)?;
            header_row = 3;
        }
        for (i, (header, width)) in layout.columns.iter().enumerate() {
            let c = col0 + i as u16;
            ws.set_column_width(c, *width)?;
            ws.write_string_with_format(header_row, c, header, &fmt.header)?;
        }
        ws.set_row_height(header_row, 32)?;
        ws.set_freeze_panes(header_row + 1, 0)?;
        let mut wrap = vec![false; layout.columns.len()];
        for &i in &layout.wrap {
            wrap[i] = true;
        }
        Ok(SheetOut {
            ws,
            fmt,
            col0,
            ncols,
            header_row,
            next_row: header_row + 1,
            wrap,
            lists: layout.lists,
            fast: *fast,
        })
    }

    pub fn save(mut self, dir: &Path, file: &str) -> anyhow::Result<PathBuf> {
        let path = dir.join(file);
        self.wb
            .save(&path)
            .with_context(|| format!("writing {}", path.display()))?;
        Ok(path)
    }
}

/// A register sheet being filled, row by row.
pub struct SheetOut<'a> {
    ws: &'a mut Worksheet,
    fmt: &'a Formats,
    col0: u16,
    ncols: u16,
    header_row: u32,
    next_row: u32,
    wrap: Vec<bool>,
    lists: Vec<(usize, Vec<String>)>,
    /// Stress workspaces skip the cosmetic cell formats.
    fast: bool,
}

impl SheetOut<'_> {
    /// Writes the next data row; `cells` are in column order.
    pub fn row(&mut self, cells: &[Cell]) -> anyhow::Result<()> {
        debug_assert_eq!(
            cells.len(),
            self.ncols as usize,
            "row width of sheet {}",
            self.ws.name()
        );
        let r = self.next_row;
        for (i, cell) in cells.iter().enumerate() {
            let c = self.col0 + i as u16;
            match cell {
                Cell::Empty => {}
                Cell::Text(s) if self.wrap[i] && !self.fast => {
                    self.ws.write_string_with_format(r, c, s, &self.fmt.wrap)?;
                }
                Cell::Text(s) => {
                    self.ws.write_string(r, c, s)?;
                }
                Cell::Num(n) => {
                    self.ws.write_number(r, c, *n)?;
                }
                Cell::Date(d) => {
                    self.ws
                        .write_number_with_format(r, c, cal::serial(*d), &self.fmt.date)?;
                }
                Cell::MonthDate(d) => {
                    self.ws
                        .write_number_with_format(r, c, cal::serial(*d), &self.fmt.month)?;
                }
            }
        }
        self.next_row += 1;
        Ok(())
    }

    /// Adds the autofilter and the drop-down lists over the rows written.
    pub fn finish(self) -> anyhow::Result<()> {
        let last_col = self.col0 + self.ncols - 1;
        let last_row = self.next_row.saturating_sub(1).max(self.header_row + 1);
        self.ws
            .autofilter(self.header_row, self.col0, last_row, last_col)?;
        for (col, values) in &self.lists {
            let dv = DataValidation::new().allow_list_strings(values)?;
            let c = self.col0 + *col as u16;
            self.ws.add_data_validation(
                self.header_row + 1,
                c,
                last_row.max(self.header_row + 200),
                c,
                &dv,
            )?;
        }
        Ok(())
    }
}

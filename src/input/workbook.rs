//! Opening one workbook and reading its sheets. A sheet is kept as calamine's
//! `Range` plus its absolute origin, so that every cell can be named by its
//! real A1 reference: calamine's `Range::start()` is where the used range
//! begins, and forgetting it shifts every reference by the leading blank rows.

use std::fs::File;
use std::io::{BufReader, Read};
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{Data, Dimensions, Range, Reader, Sheets, open_workbook_auto};

use super::workspace::InputFile;

/// Why a workbook could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// Not a zip / OLE container, or an empty file.
    NotAWorkbook,
    /// An OLE container where an OOXML zip was expected: an encrypted
    /// (password-protected) workbook.
    Encrypted,
    /// The reader failed; the text is calamine's.
    Reader(String),
}

/// One sheet's cells.
pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    range: Range<Data>,
    merged: Vec<Dimensions>,
    /// Whether serial numbers count from 1904 (old Mac workbooks).
    pub is_1904: bool,
}

static EMPTY: Data = Data::Empty;

impl Sheet {
    /// Builds a sheet from a range (used by tests and by readers).
    pub fn new(name: String, range: Range<Data>, merged: Vec<Dimensions>, is_1904: bool) -> Self {
        Sheet {
            name,
            hidden: false,
            range,
            merged,
            is_1904,
        }
    }

    /// The first and last used rows, absolute and zero-based.
    pub fn rows(&self) -> Option<(u32, u32)> {
        Some((self.range.start()?.0, self.range.end()?.0))
    }

    /// The first and last used columns, absolute and zero-based.
    pub fn cols(&self) -> Option<(u32, u32)> {
        Some((self.range.start()?.1, self.range.end()?.1))
    }

    /// The cell at an absolute (row, column); empty outside the used range.
    pub fn get(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&EMPTY)
    }

    /// The cell at (row, column), or the top-left cell of the merged area that
    /// covers it: a header merged over two rows still names its column.
    pub fn get_merged(&self, row: u32, col: u32) -> &Data {
        let d = self.get(row, col);
        if !matches!(d, Data::Empty) {
            return d;
        }
        match self.merged.iter().find(|m| m.contains(row, col)) {
            Some(m) => self.get(m.start.0, m.start.1),
            None => d,
        }
    }

    /// Sets the merged areas (see [`Workbook::merged`]).
    pub fn set_merged(&mut self, merged: Vec<Dimensions>) {
        self.merged = merged;
    }
}

/// An open workbook.
pub struct Workbook {
    reader: Sheets<BufReader<File>>,
    is_1904: bool,
}

impl Workbook {
    /// Opens a workbook. Panics inside the reader on malformed files are
    /// caught and reported as [`OpenError::Reader`].
    pub fn open(file: &InputFile) -> Result<Workbook, OpenError> {
        let mut magic = [0u8; 8];
        let n = File::open(&file.path)
            .and_then(|mut f| f.read(&mut magic))
            .map_err(|e| OpenError::Reader(e.to_string()))?;
        let ext = file
            .rel
            .rsplit('.')
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        let is_zip = n >= 4 && magic[..4] == *b"PK\x03\x04";
        let is_ole = n >= 8 && magic == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        match ext.as_str() {
            "xlsx" | "xlsm" | "xlsb" | "ods" if is_ole => return Err(OpenError::Encrypted),
            "xlsx" | "xlsm" | "xlsb" | "ods" if !is_zip => return Err(OpenError::NotAWorkbook),
            "xls" if !is_ole => return Err(OpenError::NotAWorkbook),
            _ => {}
        }
        let opened = catch_unwind(AssertUnwindSafe(|| open_workbook_auto(&file.path)));
        let reader = match opened {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => return Err(classify(&e.to_string())),
            Err(_) => return Err(OpenError::Reader("internal reader failure".into())),
        };
        let is_1904 = match &reader {
            Sheets::Xlsx(x) => x.has_1904_epoch(),
            Sheets::Xls(x) => x.has_1904_epoch(),
            _ => false,
        };
        Ok(Workbook { reader, is_1904 })
    }

    /// Sheet names in workbook order, with whether each is hidden. Chart
    /// sheets and macro sheets are left out.
    pub fn sheet_names(&self) -> Vec<(String, bool)> {
        self.reader
            .sheets_metadata()
            .iter()
            .filter(|s| s.typ == calamine::SheetType::WorkSheet)
            .map(|s| (s.name.clone(), s.visible != calamine::SheetVisible::Visible))
            .collect()
    }

    /// Reads one sheet's cells. Merged areas are not read here: finding them
    /// costs a second pass over the sheet, so [`Workbook::merged`] is asked
    /// only when a header needs them.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet, String> {
        let is_1904 = self.is_1904;
        let reader = &mut self.reader;
        let read = catch_unwind(AssertUnwindSafe(|| {
            reader.worksheet_range(name).map_err(|e| e.to_string())
        }));
        match read {
            Ok(Ok(range)) => Ok(Sheet::new(name.to_owned(), range, Vec::new(), is_1904)),
            Ok(Err(e)) => Err(e),
            Err(_) => Err("internal reader failure".into()),
        }
    }

    /// The merged areas of a sheet (empty when the format does not record them).
    pub fn merged(&mut self, name: &str) -> Vec<Dimensions> {
        let reader = &mut self.reader;
        catch_unwind(AssertUnwindSafe(|| match reader {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            _ => Vec::new(),
        }))
        .unwrap_or_default()
    }
}

fn classify(message: &str) -> OpenError {
    let m = message.to_ascii_lowercase();
    if m.contains("password") || m.contains("encrypt") {
        OpenError::Encrypted
    } else if m.contains("zip") || m.contains("invalid") && m.contains("header") {
        OpenError::NotAWorkbook
    } else {
        OpenError::Reader(message.to_owned())
    }
}

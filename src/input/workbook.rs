//! Opening one workbook and reading its sheets. A sheet is kept as a sparse
//! grid of its filled cells with their absolute positions, so that every cell
//! can be named by its real A1 reference and a stray value at XFD1048576
//! costs one cell, not the dense rectangle up to it. OOXML sheets are streamed
//! cell by cell under the [`Limits`]; the zip's declared decompressed size is
//! checked before anything is inflated (the zip reader refuses to inflate an
//! entry past its declared size, so the check cannot be lied to).

use std::io::Cursor;
use std::panic::{AssertUnwindSafe, catch_unwind};

use calamine::{
    Data, Dimensions, Ods, Range, Reader, Sheets, Xls, Xlsb, Xlsx, open_workbook_from_rs,
};
use sha2::{Digest, Sha256};

use super::limits::{LimitHit, LimitKind, Limits};
use super::workspace::InputFile;

/// Why a workbook could not be opened.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenError {
    /// Not a zip / OLE container, or an empty file.
    NotAWorkbook,
    /// An OLE container where an OOXML zip was expected: an encrypted
    /// (password-protected) workbook.
    Encrypted,
    /// Its parts would decompress to more than the limit (a zip bomb, or a
    /// workbook far beyond any register).
    TooLarge { unpacked: u64, limit: u64 },
    /// Sheets of an `.ods` that would run into a limit once expanded (see
    /// [`super::ods`]): the workbook is not read.
    Limits(Vec<(String, LimitHit)>),
    /// The reader panicked on it: a damaged file.
    Damaged,
    /// The reader failed; the text is calamine's.
    Reader(String),
}

/// One sheet's filled cells, row by row.
pub struct Sheet {
    pub name: String,
    pub hidden: bool,
    grid: Grid,
    merged: Vec<Dimensions>,
    /// Whether serial numbers count from 1904 (old Mac workbooks).
    pub is_1904: bool,
    /// The limits this sheet ran into while it was read.
    pub limits_hit: Vec<LimitHit>,
}

static EMPTY: Data = Data::Empty;

thread_local! {
    /// Set while calamine runs: its panics are caught and reported as an
    /// unreadable file, so the panic hook must not print them.
    static IN_READER: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs a reader call, catching its panics (calamine panics on some damaged
/// files; fuzzing found four) without printing them.
fn guarded<T>(f: impl FnOnce() -> T) -> std::thread::Result<T> {
    IN_READER.with(|r| r.set(true));
    let out = catch_unwind(AssertUnwindSafe(f));
    IN_READER.with(|r| r.set(false));
    out
}

/// Installs a panic hook that stays silent for the reader's caught panics
/// and behaves as before for every other panic. Called once by the CLI.
pub fn quiet_reader_panics() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !IN_READER.with(|r| r.get()) {
            previous(info);
        }
    }));
}

/// What a caught reader panic is reported as.
const DAMAGED: &str = "internal reader failure: the file is damaged (truncated or corrupt)";

/// Filled cells sorted by (row, column), with an index of where each row
/// starts: a lookup is one index step and a binary search within the row.
#[derive(Default)]
struct Grid {
    first_row: u32,
    /// `starts[i]..starts[i + 1]` are the cells of row `first_row + i`.
    starts: Vec<usize>,
    cols: Vec<u32>,
    cells: Vec<Data>,
    col_span: Option<(u32, u32)>,
}

impl Grid {
    /// Builds the grid from filled cells in any order; of two values at one
    /// position the later one wins.
    fn from_cells(mut cells: Vec<(u32, u32, Data)>) -> Grid {
        cells.reverse();
        cells.sort_by_key(|c| (c.0, c.1));
        cells.dedup_by_key(|c| (c.0, c.1));
        let mut rows = Vec::with_capacity(cells.len());
        let mut cols = Vec::with_capacity(cells.len());
        let mut values = Vec::with_capacity(cells.len());
        for (r, c, d) in cells {
            rows.push(r);
            cols.push(c);
            values.push(d);
        }
        Grid::from_parts(rows, cols, values)
    }

    /// Builds the grid from parallel columns of positions and values, as the
    /// collector gathered them: in stream order, which is (row, column)
    /// order in every file seen, so the values are moved, not copied; any
    /// other order goes through [`Grid::from_cells`].
    fn from_parts(rows: Vec<u32>, cols: Vec<u32>, values: Vec<Data>) -> Grid {
        let ordered = rows
            .windows(2)
            .zip(cols.windows(2))
            .all(|(r, c)| (r[0], c[0]) < (r[1], c[1]));
        if !ordered {
            let cells = rows
                .into_iter()
                .zip(cols)
                .zip(values)
                .map(|((r, c), d)| (r, c, d))
                .collect();
            return Grid::from_cells(cells);
        }
        let (Some(&first_row), Some(&last_row)) = (rows.first(), rows.last()) else {
            return Grid::default();
        };
        let mut starts = Vec::with_capacity((last_row - first_row) as usize + 2);
        starts.push(0);
        let mut row = first_row;
        for (i, &r) in rows.iter().enumerate() {
            while row < r {
                starts.push(i);
                row += 1;
            }
        }
        starts.push(rows.len());
        let c0 = cols.iter().copied().min().unwrap_or(0);
        let c1 = cols.iter().copied().max().unwrap_or(0);
        Grid {
            first_row,
            starts,
            cols,
            cells: values,
            col_span: Some((c0, c1)),
        }
    }

    fn rows(&self) -> Option<(u32, u32)> {
        self.col_span?;
        Some((
            self.first_row,
            self.first_row + (self.starts.len() - 2) as u32,
        ))
    }

    fn get(&self, row: u32, col: u32) -> &Data {
        let Some(i) = row.checked_sub(self.first_row).map(|i| i as usize) else {
            return &EMPTY;
        };
        let (Some(&a), Some(&b)) = (self.starts.get(i), self.starts.get(i + 1)) else {
            return &EMPTY;
        };
        match self.cols[a..b].binary_search(&col) {
            Ok(k) => &self.cells[a + k],
            Err(_) => &EMPTY,
        }
    }
}

/// Gathers a sheet's filled cells under the limits.
struct Collector {
    limits: Limits,
    rows: Vec<u32>,
    cols: Vec<u32>,
    values: Vec<Data>,
    hits: Vec<LimitHit>,
    wide: bool,
    text: u64,
}

impl Collector {
    fn new(limits: Limits) -> Self {
        Collector {
            limits,
            rows: Vec::new(),
            cols: Vec::new(),
            values: Vec::new(),
            hits: Vec::new(),
            wide: false,
            text: 0,
        }
    }

    fn hit(&mut self, kind: LimitKind, (row, col): (u32, u32), limit: u64) {
        self.hits.push(LimitHit {
            kind,
            row,
            col,
            limit,
        });
    }

    /// Takes one cell; false when the sheet must not be read further.
    fn push(&mut self, pos: (u32, u32), value: Data) -> bool {
        if matches!(value, Data::Empty) {
            return true;
        }
        let l = self.limits;
        if pos.0 >= l.rows {
            self.hit(LimitKind::Rows, pos, l.rows.into());
            return false;
        }
        if pos.1 >= l.columns {
            // Reported once; the columns within the limit are still read.
            if !self.wide {
                self.wide = true;
                self.hit(LimitKind::Columns, pos, l.columns.into());
            }
            return true;
        }
        if self.values.len() as u64 >= l.cells {
            self.hit(LimitKind::Cells, pos, l.cells);
            return false;
        }
        if let Data::String(s) = &value
            && s.len() > l.cell_length
            && s.chars().count() > l.cell_length
        {
            // The cell is left out (reported, never cut short silently).
            self.hit(LimitKind::CellLength, pos, l.cell_length as u64);
            return true;
        }
        if let Data::String(s) = &value {
            self.text += s.len() as u64;
            if self.text > l.text_bytes {
                self.hit(LimitKind::Text, pos, l.text_bytes >> 20);
                return false;
            }
        }
        self.rows.push(pos.0);
        self.cols.push(pos.1);
        self.values.push(value);
        true
    }
}

impl Sheet {
    fn from_collector(name: String, c: Collector, merged: Vec<Dimensions>, is_1904: bool) -> Self {
        Sheet {
            name,
            hidden: false,
            grid: Grid::from_parts(c.rows, c.cols, c.values),
            merged,
            is_1904,
            limits_hit: c.hits,
        }
    }

    /// The first and last used rows, absolute and zero-based.
    pub fn rows(&self) -> Option<(u32, u32)> {
        self.grid.rows()
    }

    /// The first and last used columns, absolute and zero-based.
    pub fn cols(&self) -> Option<(u32, u32)> {
        self.grid.col_span
    }

    /// The cell at an absolute (row, column); empty where nothing is filled.
    pub fn get(&self, row: u32, col: u32) -> &Data {
        self.grid.get(row, col)
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

/// Copies a range's filled cells into a collector.
fn from_range(c: &mut Collector, range: &Range<Data>) {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (r, col, d) in range.used_cells() {
        if !c.push((r0 + r as u32, c0 + col as u32), d.clone()) {
            break;
        }
    }
}

/// A workbook file's bytes, read once: what is hashed for the report's
/// appendix is exactly what is parsed.
pub struct Contents {
    pub bytes: Vec<u8>,
    /// SHA-256 of the bytes, lower-case hex.
    pub sha256: String,
}

impl Contents {
    /// Reads a file whole.
    pub fn read(file: &InputFile) -> std::io::Result<Contents> {
        let bytes = std::fs::read(&file.path)?;
        Ok(Contents::new(bytes))
    }

    /// Contents of bytes already in memory.
    pub fn new(bytes: Vec<u8>) -> Contents {
        let sha256 = sha256_hex(&bytes);
        Contents { bytes, sha256 }
    }
}

/// SHA-256 of `bytes`, lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// An open workbook.
pub struct Workbook {
    reader: Sheets<Cursor<Vec<u8>>>,
    is_1904: bool,
    limits: Limits,
}

impl Workbook {
    /// Opens a workbook from its bytes (`file` names it and gives its
    /// extension). Panics inside the reader on malformed files are caught and
    /// reported as [`OpenError::Damaged`].
    pub fn open(file: &InputFile, bytes: Vec<u8>, limits: Limits) -> Result<Workbook, OpenError> {
        let n = bytes.len().min(8);
        let mut magic = [0u8; 8];
        magic[..n].copy_from_slice(&bytes[..n]);
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
        if is_zip {
            let unpacked = unpacked_size(&bytes)?;
            if unpacked > limits.unpacked_bytes {
                return Err(OpenError::TooLarge {
                    unpacked,
                    limit: limits.unpacked_bytes,
                });
            }
        }
        if is_ole && ext == "xls" && super::cfb::has_cycle(&bytes) {
            return Err(OpenError::Damaged);
        }
        if ext == "ods" {
            match super::ods::scan(Cursor::new(&bytes[..]), &limits) {
                None => return Err(OpenError::NotAWorkbook),
                Some(hits) if !hits.is_empty() => return Err(OpenError::Limits(hits)),
                Some(_) => {}
            }
        }
        // The reader follows the extension, as calamine's own path-based
        // opening does.
        let data = Cursor::new(bytes);
        let opened = guarded(|| -> Result<Sheets<Cursor<Vec<u8>>>, calamine::Error> {
            Ok(match ext.as_str() {
                "xls" | "xla" => Sheets::Xls(open_workbook_from_rs::<Xls<_>, _>(data)?),
                "xlsb" => Sheets::Xlsb(open_workbook_from_rs::<Xlsb<_>, _>(data)?),
                "ods" => Sheets::Ods(open_workbook_from_rs::<Ods<_>, _>(data)?),
                _ => Sheets::Xlsx(open_workbook_from_rs::<Xlsx<_>, _>(data)?),
            })
        });
        let reader = match opened {
            Ok(Ok(r)) => r,
            Ok(Err(e)) => return Err(classify(&e.to_string())),
            Err(_) => return Err(OpenError::Damaged),
        };
        let is_1904 = match &reader {
            Sheets::Xlsx(x) => x.has_1904_epoch(),
            Sheets::Xls(x) => x.has_1904_epoch(),
            _ => false,
        };
        Ok(Workbook {
            reader,
            is_1904,
            limits,
        })
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

    /// Reads one sheet's cells under the limits; the limits it ran into
    /// are in [`Sheet::limits_hit`]. OOXML sheets are streamed, so memory
    /// follows the filled cells, not the sheet's extent. Merged areas are not
    /// read here: finding them costs a second pass over the sheet, so
    /// [`Workbook::merged`] is asked only when a header needs them.
    pub fn sheet(&mut self, name: &str) -> Result<Sheet, String> {
        let is_1904 = self.is_1904;
        let mut c = Collector::new(self.limits);
        let reader = &mut self.reader;
        let read = guarded(|| -> Result<Collector, String> {
            match reader {
                Sheets::Xlsx(x) => {
                    let mut cells = x.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                    while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
                        let pos = cell.get_position();
                        if !c.push(pos, Data::from(cell.get_value().clone())) {
                            break;
                        }
                    }
                }
                Sheets::Xlsb(x) => {
                    let mut cells = x.worksheet_cells_reader(name).map_err(|e| e.to_string())?;
                    while let Some(cell) = cells.next_cell().map_err(|e| e.to_string())? {
                        let pos = cell.get_position();
                        if !c.push(pos, Data::from(cell.get_value().clone())) {
                            break;
                        }
                    }
                }
                other => {
                    let range = other.worksheet_range(name).map_err(|e| e.to_string())?;
                    from_range(&mut c, &range);
                }
            }
            Ok(c)
        });
        match read {
            Ok(Ok(c)) => Ok(Sheet::from_collector(
                name.to_owned(),
                c,
                Vec::new(),
                is_1904,
            )),
            Ok(Err(e)) => Err(e),
            Err(_) => Err(DAMAGED.into()),
        }
    }

    /// The merged areas of a sheet (empty when the format does not record them).
    pub fn merged(&mut self, name: &str) -> Vec<Dimensions> {
        let reader = &mut self.reader;
        guarded(|| match reader {
            Sheets::Xlsx(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            Sheets::Xls(x) => x.merge_cells_by_sheet_name(name).unwrap_or_default(),
            _ => Vec::new(),
        })
        .unwrap_or_default()
    }
}

/// What a zip's entries declare they decompress to. An unreadable central
/// directory is a truncated or corrupt file.
fn unpacked_size(bytes: &[u8]) -> Result<u64, OpenError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| OpenError::NotAWorkbook)?;
    if let Some(total) = zip.decompressed_size() {
        return Ok(u64::try_from(total).unwrap_or(u64::MAX));
    }
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|_| OpenError::NotAWorkbook)?;
        total = total.saturating_add(entry.size());
    }
    Ok(total)
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

#[cfg(test)]
mod tests {
    use super::*;

    fn s(t: &str) -> Data {
        Data::String(t.into())
    }

    #[test]
    fn contents_are_hashed_with_sha256() {
        // FIPS 180-2, appendix B.1.
        assert_eq!(
            Contents::new(b"abc".to_vec()).sha256,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    /// What is parsed is the bytes that were hashed: a workbook replaced on
    /// disk after it was read does not change what smq reads from it.
    #[test]
    fn a_workbook_is_parsed_from_the_bytes_that_were_hashed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("REX.xlsx");
        let write = |value: &str| {
            let mut book = rust_xlsxwriter::Workbook::new();
            book.add_worksheet().write_string(0, 0, value).unwrap();
            book.save(&path).unwrap();
        };
        write("first");
        let file = InputFile {
            rel: "REX.xlsx".into(),
            path: path.clone(),
            size: std::fs::metadata(&path).unwrap().len(),
        };
        let contents = Contents::read(&file).unwrap();
        assert_eq!(contents.sha256, sha256_hex(&std::fs::read(&path).unwrap()));
        write("second");
        let mut wb = Workbook::open(&file, contents.bytes, Limits::default()).unwrap();
        let name = wb.sheet_names()[0].0.clone();
        let sheet = wb.sheet(&name).unwrap();
        assert_eq!(sheet.get(0, 0), &s("first"));
    }

    #[test]
    fn grid_finds_cells_in_any_order_and_the_last_value_wins() {
        let g = Grid::from_cells(vec![
            (5, 3, s("c")),
            (2, 1, s("a")),
            (5, 0, s("b")),
            (2, 1, s("a2")),
            (9, 7, Data::Float(1.0)),
        ]);
        assert_eq!(g.rows(), Some((2, 9)));
        assert_eq!(g.col_span, Some((0, 7)));
        assert_eq!(g.get(2, 1), &s("a2"));
        assert_eq!(g.get(5, 0), &s("b"));
        assert_eq!(g.get(5, 3), &s("c"));
        assert_eq!(g.get(9, 7), &Data::Float(1.0));
        for (r, c) in [
            (0, 0),
            (2, 0),
            (3, 1),
            (5, 1),
            (9, 6),
            (10, 7),
            (u32::MAX, 0),
        ] {
            assert_eq!(g.get(r, c), &Data::Empty, "({r}, {c})");
        }
        // The same cells gathered in stream order, and out of order.
        let ordered = Grid::from_parts(vec![2, 2, 5], vec![1, 4, 0], vec![s("a"), s("b"), s("c")]);
        assert_eq!(ordered.rows(), Some((2, 5)));
        assert_eq!(ordered.col_span, Some((0, 4)));
        assert_eq!(ordered.get(2, 4), &s("b"));
        assert_eq!(ordered.get(5, 0), &s("c"));
        assert_eq!(ordered.get(3, 0), &Data::Empty);
        let shuffled = Grid::from_parts(vec![5, 2, 2], vec![0, 4, 1], vec![s("c"), s("b"), s("a")]);
        assert_eq!(shuffled.get(2, 1), &s("a"));
        assert_eq!(shuffled.get(5, 0), &s("c"));
        let empty = Grid::from_cells(vec![]);
        assert_eq!(empty.rows(), None);
        assert_eq!(empty.get(0, 0), &Data::Empty);
    }

    #[test]
    fn collector_stops_at_the_limits_and_names_the_first_cell_beyond() {
        let limits = Limits {
            rows: 10,
            columns: 4,
            cells: 6,
            cell_length: 5,
            unpacked_bytes: 1,
            text_bytes: 12,
        };
        let mut c = Collector::new(limits);
        assert!(c.push((0, 0), s("abcde")));
        assert!(c.push((0, 1), s("abcdéf"))); // 6 characters: left out
        assert!(c.push((0, 9), s("x"))); // column beyond: left out, reported once
        assert!(c.push((1, 9), s("x")));
        assert!(c.push((1, 0), Data::Empty)); // empty cells cost nothing
        assert!(c.push((1, 1), Data::Float(2.0)));
        assert!(!c.push((10, 0), s("x"))); // row beyond: stop
        let kinds: Vec<_> = c.hits.iter().map(|h| (h.kind, h.row, h.col)).collect();
        assert_eq!(
            kinds,
            [
                (LimitKind::CellLength, 0, 1),
                (LimitKind::Columns, 0, 9),
                (LimitKind::Rows, 10, 0)
            ]
        );
        assert_eq!(c.values.len(), 2);
        let mut c = Collector::new(limits);
        for i in 0..6 {
            assert!(c.push((i, 0), Data::Int(1)));
        }
        assert!(!c.push((6, 0), Data::Int(1)));
        assert_eq!(c.hits[0].kind, LimitKind::Cells);
        assert_eq!(c.hits[0].limit, 6);
        // 12 bytes of text: the third 5-byte string goes over.
        let mut c = Collector::new(limits);
        assert!(c.push((0, 0), s("abcde")) && c.push((1, 0), s("abcde")));
        assert!(!c.push((2, 0), s("abcde")));
        assert_eq!((c.hits[0].kind, c.hits[0].row), (LimitKind::Text, 2));
    }
}

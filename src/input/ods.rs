//! A pre-scan of an OpenDocument spreadsheet. calamine reads every sheet of
//! an `.ods` when it opens it and expands repeated rows and columns into a
//! dense grid, so one `<table:table-row table:number-rows-repeated="1000000">`
//! of filled cells would take gigabytes. This scan streams `content.xml`
//! once, works out each sheet's filled extent from the repeat counts, and
//! names the first cell beyond the [`Limits`] before calamine is asked.

use std::io::{BufRead, BufReader, Read, Seek};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::limits::{LimitHit, LimitKind, Limits};

/// One sheet's filled extent: first and last filled row and column.
#[derive(Default)]
struct Extent {
    name: String,
    row: u64,
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
}

fn repeat(e: &BytesStart<'_>, key: &str) -> u64 {
    e.try_get_attribute(key)
        .ok()
        .flatten()
        .and_then(|a| a.value.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

fn widen(span: &mut Option<(u64, u64)>, a: u64, b: u64) {
    *span = Some(match *span {
        Some((x, y)) => (x.min(a), y.max(b)),
        None => (a, b),
    });
}

impl Extent {
    /// The limit this sheet runs into, at the first cell beyond it.
    fn hit(&self, limits: &Limits) -> Option<LimitHit> {
        let ((r0, r1), (c0, c1)) = (self.rows?, self.cols?);
        let at = |row: u64, col: u64| {
            (
                row.min(u32::MAX as u64) as u32,
                col.min(u32::MAX as u64) as u32,
            )
        };
        let (kind, (row, col), limit) = if r1 >= limits.rows as u64 {
            (
                LimitKind::Rows,
                at(r0.max(limits.rows as u64), c0),
                limits.rows as u64,
            )
        } else if c1 >= limits.columns as u64 {
            (
                LimitKind::Columns,
                at(r0, c0.max(limits.columns as u64)),
                limits.columns as u64,
            )
        } else if (r1 - r0 + 1).saturating_mul(c1 - c0 + 1) > limits.cells {
            (LimitKind::Cells, at(r1, c1), limits.cells)
        } else {
            return None;
        };
        Some(LimitHit {
            kind,
            row,
            col,
            limit,
        })
    }
}

/// The sheets of an `.ods` archive that run into a limit, with the hit; `None`
/// when `content.xml` is not well-formed (truncated, or an element never
/// closed): calamine 0.38 loops forever on such a file (its ODS reader
/// ignores the end of the XML inside a table or an annotation; found by
/// fuzzing), so it must not be handed to calamine. An archive without a
/// readable `content.xml` returns no hit: calamine then reports it.
pub fn scan<R: Read + Seek>(archive: R, limits: &Limits) -> Option<Vec<(String, LimitHit)>> {
    let Ok(mut zip) = zip::ZipArchive::new(archive) else {
        return Some(Vec::new());
    };
    let Ok(content) = zip.by_name("content.xml") else {
        return Some(Vec::new());
    };
    scan_xml(BufReader::new(content), limits)
}

fn scan_xml<R: BufRead>(xml: R, limits: &Limits) -> Option<Vec<(String, LimitHit)>> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Vec::new();
    let mut sheet: Option<Extent> = None;
    // The row being read: (repeats, filled columns).
    let mut row: Option<(u64, Option<(u64, u64)>)> = None;
    let mut col = 0u64;
    let mut depth_in_cell = 0usize;
    // Open elements: the document is well-formed only if it ends at zero.
    let mut depth = 0usize;
    loop {
        buf.clear();
        let (event, empty) = match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => {
                depth += 1;
                (e.into_owned(), false)
            }
            Ok(Event::Empty(e)) => (e.into_owned(), true),
            Ok(Event::End(e)) => {
                depth = depth.checked_sub(1)?;
                match e.local_name().as_ref() {
                    "table-row" => end_row(&mut sheet, &mut row),
                    "table-cell" | "covered-table-cell" => depth_in_cell = 0,
                    "table" => {
                        if let Some(s) = sheet.take()
                            && let Some(hit) = s.hit(limits)
                        {
                            out.push((s.name, hit));
                        }
                    }
                    _ => {}
                }
                continue;
            }
            Ok(Event::Eof) if depth == 0 => break,
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => continue,
        };
        match event.local_name().as_ref() {
            "table" => {
                let name = event
                    .try_get_attribute("table:name")
                    .ok()
                    .flatten()
                    .map(|a| a.value.into_owned())
                    .unwrap_or_default();
                sheet = Some(Extent {
                    name,
                    ..Extent::default()
                });
            }
            "table-row" => {
                row = Some((repeat(&event, "table:number-rows-repeated"), None));
                col = 0;
                if empty {
                    end_row(&mut sheet, &mut row);
                }
            }
            "table-cell" | "covered-table-cell" if depth_in_cell == 0 => {
                let n = repeat(&event, "table:number-columns-repeated");
                let valued = event
                    .try_get_attribute("office:value-type")
                    .ok()
                    .flatten()
                    .is_some();
                // A cell with children (text) is filled too.
                if (valued || !empty)
                    && let Some((_, cols)) = row.as_mut()
                {
                    widen(cols, col, col.saturating_add(n - 1));
                }
                col = col.saturating_add(n);
                if !empty {
                    depth_in_cell = 1;
                }
            }
            _ => {}
        }
    }
    Some(out)
}

fn end_row(sheet: &mut Option<Extent>, row: &mut Option<(u64, Option<(u64, u64)>)>) {
    let (Some(s), Some((n, cols))) = (sheet.as_mut(), row.take()) else {
        return;
    };
    if let Some((c0, c1)) = cols {
        widen(&mut s.rows, s.row, s.row.saturating_add(n - 1));
        widen(&mut s.cols, c0, c1);
    }
    s.row = s.row.saturating_add(n);
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"<office:document-content xmlns:office="o" xmlns:table="t" xmlns:text="x"><office:body><office:spreadsheet>"#;

    fn scan_str(body: &str, limits: Limits) -> Vec<(String, LimitKind, u32, u32)> {
        let xml =
            format!("{HEAD}{body}</office:spreadsheet></office:body></office:document-content>");
        scan_xml(xml.as_bytes(), &limits)
            .unwrap()
            .into_iter()
            .map(|(n, h)| (n, h.kind, h.row, h.col))
            .collect()
    }

    #[test]
    fn repeated_rows_and_columns_are_counted_without_expanding_them() {
        let l = Limits::default();
        // LibreOffice's trailing empty rows and columns are not filled.
        let ok = r#"<table:table table:name="REX"><table:table-row><table:table-cell office:value-type="string"><text:p>N°</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16383"/></table:table-row><table:table-row table:number-rows-repeated="1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>"#;
        assert_eq!(scan_str(ok, l), []);
        let rows = r#"<table:table table:name="A"><table:table-row table:number-rows-repeated="2"><table:table-cell/></table:table-row><table:table-row table:number-rows-repeated="1000000"><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
        assert_eq!(
            scan_str(rows, l),
            [("A".into(), LimitKind::Rows, 500_000, 0)]
        );
        let cols = r#"<table:table table:name="B"><table:table-row><table:table-cell table:number-columns-repeated="3"/><table:table-cell table:number-columns-repeated="16000" office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>"#;
        assert_eq!(
            scan_str(cols, l),
            [("B".into(), LimitKind::Columns, 0, 500)]
        );
        // 6,000 rows × 400 columns: within rows and columns, but 2.4 M cells.
        let cells = r#"<table:table table:name="C"><table:table-row table:number-rows-repeated="6000"><table:table-cell table:number-columns-repeated="400" office:value-type="float" office:value="1"/></table:table-row></table:table>"#;
        let small = Limits {
            cells: 1_000_000,
            ..l
        };
        assert_eq!(
            scan_str(cells, small),
            [("C".into(), LimitKind::Cells, 5999, 399)]
        );
        assert_eq!(scan_str(cells, l), []);
    }

    #[test]
    fn unclosed_or_truncated_content_is_malformed() {
        let l = Limits::default();
        let open = format!("{HEAD}<table:table table:name=\"A\"><table:table-row>");
        assert_eq!(scan_xml(open.as_bytes(), &l), None);
        let note = format!(
            "{HEAD}<table:table><table:table-row><table:table-cell><office:annotation><text:p>x</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet></office:body></office:document-content>"
        );
        assert_eq!(scan_xml(note.as_bytes(), &l), None);
    }
}

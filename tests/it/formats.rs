//! Workbooks saved by LibreOffice in the three formats services use (.ods,
//! .xls, .xlsx), read back with the same values and the same cells.

use crate::common::*;
use chrono::NaiveDate;
use smq::registers::vocab::{EventType, Status};

fn read_fixture(ext: &str) -> smq::pipeline::Checked {
    let ws = Ws::new();
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("tests/fixtures/rex-libreoffice.{ext}"));
    std::fs::copy(&src, ws.file(&format!("rex.{ext}"))).unwrap();
    check(&ws)
}

#[test]
fn ods_xls_and_xlsx_from_libreoffice_read_alike() {
    for ext in ["ods", "xls", "xlsx"] {
        let c = read_fixture(ext);
        assert_eq!(codes(&c), exp(&[]), "{ext}");
        let src = &c.registers.sources[&smq::registers::RegisterKind::Rex][0];
        assert_eq!((src.header_row, src.rows), (2, 3), "{ext}");
        let ev = &c.registers.events;
        let ids: Vec<_> = ev.iter().map(|e| e.id.clone().unwrap()).collect();
        assert_eq!(
            ids,
            ["FEI-2025-001", "FEI-2025-002", "FEI-2025-003"],
            "{ext}"
        );
        assert_eq!(
            ev[0].detected,
            NaiveDate::from_ymd_opt(2025, 3, 12),
            "{ext}"
        );
        assert_eq!(ev[1].detected, NaiveDate::from_ymd_opt(2025, 4, 2), "{ext}");
        assert_eq!(ev[2].closed, NaiveDate::from_ymd_opt(2025, 5, 30), "{ext}");
        assert_eq!(ev[2].kind, Some(EventType::Esr), "{ext}");
        assert_eq!(ev[1].status, Some(Status::InProgress), "{ext}");
        assert_eq!(
            (ev[0].severity, ev[0].frequency),
            (Some(2), Some(3)),
            "{ext}"
        );
        let cell = c
            .registers
            .cell(ev[2].at, smq::registers::EventField::Closed);
        assert_eq!(cell.to_string(), format!("rex.{ext} › rex › H6"), "{ext}");
    }
}

//! The Typst world of a report. It serves only what it was given: the
//! template files, one in-memory JSON data file (`/data.json`) and in-memory
//! assets. There is no file-system access, no system font and no package
//! download; `today()` is the report's as-of date. Any other path is "not
//! found", so `#read("/etc/passwd")` in a template or a cell fails closed.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::fonts;
use super::templates::TemplateSet;

/// The path templates read their data from.
pub const DATA_PATH: &str = "/data.json";

/// The world of one report compilation.
pub struct ReportWorld {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    main: FileId,
    sources: HashMap<FileId, Source>,
    files: HashMap<FileId, Bytes>,
    today: Datetime,
}

/// The file id of a `/`-rooted virtual path.
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(FileId::new(RootedPath::new(VirtualRoot::Project, vpath)))
}

/// The path of a file id, without its leading slash (for messages).
pub fn file_path(id: FileId) -> String {
    id.get().vpath().get_without_slash().to_owned()
}

impl ReportWorld {
    /// A world compiling `main` (a path in `templates`) with `data` as
    /// `/data.json`, `assets` as extra files (logo…), dated `today`.
    pub fn new(
        templates: &TemplateSet,
        main: &str,
        data: Vec<u8>,
        assets: Vec<(String, Vec<u8>)>,
        today: NaiveDate,
    ) -> Result<ReportWorld, String> {
        let mut sources = HashMap::new();
        let mut files = HashMap::new();
        for (path, bytes) in &templates.files {
            let id = file_id(&format!("/{path}")).ok_or_else(|| path.clone())?;
            if path.ends_with(".typ") {
                let text = String::from_utf8(bytes.clone()).map_err(|_| path.clone())?;
                sources.insert(id, Source::new(id, text));
            }
            files.insert(id, Bytes::new(bytes.clone()));
        }
        for (path, bytes) in assets {
            let id = file_id(&format!("/{path}")).ok_or_else(|| path.clone())?;
            files.insert(id, Bytes::new(bytes));
        }
        let data_id = file_id(DATA_PATH).expect("valid path");
        files.insert(data_id, Bytes::new(data));
        let main = file_id(&format!("/{main}")).ok_or_else(|| main.to_owned())?;
        if !sources.contains_key(&main) {
            return Err(file_path(main));
        }
        let today = Datetime::from_ymd(today.year(), today.month() as u8, today.day() as u8)
            .ok_or_else(|| "date".to_owned())?;
        Ok(ReportWorld {
            library: LazyHash::new(Library::builder().build()),
            book: LazyHash::new(fonts::book()),
            main,
            sources,
            files,
            today,
        })
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        self.sources
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files
            .get(&id)
            .cloned()
            .ok_or_else(|| FileError::NotFound(id.get().vpath().get_with_slash().into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts::fonts().get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}

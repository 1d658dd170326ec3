//! The render layer: a report model (serialised to JSON) goes in, a PDF comes
//! out. Typst is embedded as a library; templates are `.typ` files under
//! `templates/`, embedded and overridable. No Typst markup is ever built from
//! strings here: the data reaches the templates only as `/data.json`.

pub mod fonts;
pub mod templates;
pub mod world;

use chrono::{Datelike, NaiveDate};
use typst::WorldExt;
use typst::diag::{Severity as TypstSeverity, SourceDiagnostic};
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

use templates::TemplateSet;
use world::{ReportWorld, file_path};

/// PDF flavours.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfFlavour {
    /// Tagged PDF 1.7.
    #[default]
    Standard,
    /// PDF/A-2b, for archiving.
    A2b,
}

/// What a render needs besides the data.
pub struct RenderRequest<'a> {
    pub templates: &'a TemplateSet,
    /// The main template (`indicators.typ`).
    pub main: &'a str,
    /// The report model as JSON.
    pub data: Vec<u8>,
    /// Extra files (a logo…), by path.
    pub assets: Vec<(String, Vec<u8>)>,
    /// The as-of date: `today()` in templates, and the PDF's creation date.
    pub as_of: NaiveDate,
    /// A stable identifier of the document (its reference).
    pub ident: String,
    pub flavour: PdfFlavour,
    /// Tagged PDF (structure for accessibility). On by default: on the demo
    /// report it costs about 35 ms (+20 %) and makes the file 2.6× larger
    /// (250 kB against 96 kB), which is acceptable (`examples/render_bench.rs`).
    pub tagged: bool,
}

/// A problem in a template, located at file:line:column.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateMessage {
    pub error: bool,
    pub file: Option<String>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hints: Vec<String>,
}

impl std::fmt::Display for TemplateMessage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.file, self.line, self.column) {
            (Some(file), Some(l), Some(c)) => write!(f, "{file}:{l}:{c}: ")?,
            (Some(file), _, _) => write!(f, "{file}: ")?,
            _ => {}
        }
        write!(
            f,
            "{}: {}",
            if self.error { "error" } else { "warning" },
            self.message
        )?;
        for h in &self.hints {
            write!(f, " (hint: {h})")?;
        }
        Ok(())
    }
}

/// Why a render failed.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("template not found: {0}")]
    MissingTemplate(String),
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Template(Vec<TemplateMessage>),
    #[error("PDF export: {0}")]
    Pdf(String),
}

/// A rendered PDF and the templates' warnings.
pub struct Rendered {
    pub pdf: Vec<u8>,
    pub warnings: Vec<TemplateMessage>,
    pub pages: usize,
}

fn locate(world: &ReportWorld, d: &SourceDiagnostic) -> TemplateMessage {
    let id = d.span.id();
    let (mut line, mut column) = (None, None);
    if let (Some(id), Some(range)) = (id, world.range(d.span)) {
        use typst::World;
        if let Ok(source) = world.source(id)
            && let Some((l, c)) = source.lines().byte_to_line_column(range.start)
        {
            line = Some(l + 1);
            column = Some(c + 1);
        }
    }
    TemplateMessage {
        error: d.severity == TypstSeverity::Error,
        file: id.map(file_path),
        line,
        column,
        message: d.message.to_string(),
        hints: d.hints.iter().map(|h| h.v.to_string()).collect(),
    }
}

/// Lays out the report and exports it as PDF.
pub fn render(req: RenderRequest) -> Result<Rendered, RenderError> {
    let world = ReportWorld::new(req.templates, req.main, req.data, req.assets, req.as_of)
        .map_err(RenderError::MissingTemplate)?;
    let compiled = typst::compile::<PagedDocument>(&world);
    let warnings: Vec<TemplateMessage> = compiled
        .warnings
        .iter()
        .map(|d| locate(&world, d))
        .collect();
    let doc = compiled
        .output
        .map_err(|errs| RenderError::Template(errs.iter().map(|d| locate(&world, d)).collect()))?;
    let standards = match req.flavour {
        PdfFlavour::Standard => PdfStandards::default(),
        PdfFlavour::A2b => PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| RenderError::Pdf(e.message().to_string()))?,
    };
    // Noon UTC of the as-of date: a fixed timestamp, so reruns are identical.
    let timestamp = Datetime::from_ymd_hms(
        req.as_of.year(),
        req.as_of.month() as u8,
        req.as_of.day() as u8,
        12,
        0,
        0,
    )
    .map(Timestamp::new_utc);
    let options = PdfOptions {
        ident: Smart::Custom(req.ident),
        creator: Smart::Custom(Some(format!("smq {}", env!("CARGO_PKG_VERSION")))),
        timestamp,
        standards,
        tagged: req.tagged,
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&doc, &options).map_err(|errs| {
        RenderError::Pdf(
            errs.iter()
                .map(|d| d.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    Ok(Rendered {
        pdf,
        warnings,
        pages: doc.pages().len(),
    })
}

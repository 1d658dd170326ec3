//! What every report command shares: options, rendering the model to PDF
//! with the templates, writing it atomically, `--data-out`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::ValueEnum;
use serde::Serialize;

use crate::i18n::{self, Lang};
use crate::render::templates::TemplateSet;
use crate::render::{self, PdfFlavour, RenderRequest};

/// `--pdf-standard` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PdfStandardArg {
    /// Tagged PDF 1.7 (default).
    #[value(name = "1.7")]
    Pdf17,
    /// PDF/A-2b, for archiving.
    #[value(name = "a-2b")]
    A2b,
}

/// Options of every report command.
#[derive(clap::Args, Debug, Clone)]
pub struct ReportArgs {
    /// Where to write the PDF (default: in the workspace, named after the report).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Folder of templates overriding the built-in ones file by file.
    #[arg(long, value_name = "DIR")]
    pub templates: Option<PathBuf>,
    /// PDF standard.
    #[arg(long, value_enum, default_value_t = PdfStandardArg::Pdf17)]
    pub pdf_standard: PdfStandardArg,
    /// Also write the report's data model as JSON.
    #[arg(long, value_name = "FILE.json")]
    pub data_out: Option<PathBuf>,
}

/// Renders `model` with `main` and writes the PDF to `out`. Returns the
/// exit status.
#[allow(clippy::too_many_arguments)]
pub fn write(
    model: &impl Serialize,
    main: &str,
    out: &Path,
    args: &ReportArgs,
    as_of: NaiveDate,
    ident: String,
    lang: Lang,
    quiet: bool,
) -> anyhow::Result<i32> {
    let data = serde_json::to_vec_pretty(model)?;
    if let Some(path) = &args.data_out {
        render::write_atomic(path, &data)?;
    }
    let templates = match TemplateSet::load(args.templates.as_deref()) {
        Ok(t) => t,
        Err(e) => {
            eprintln!(
                "smq: {}",
                i18n::fill(
                    i18n::text("render.templates-missing", lang),
                    &[("path", e.to_string())]
                )
            );
            return Ok(super::EXIT_USAGE);
        }
    };
    let request = RenderRequest {
        templates: &templates,
        main,
        data,
        assets: Vec::new(),
        as_of,
        ident,
        flavour: match args.pdf_standard {
            PdfStandardArg::Pdf17 => PdfFlavour::Standard,
            PdfStandardArg::A2b => PdfFlavour::A2b,
        },
        tagged: true,
    };
    let rendered = match render::render(request) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("smq: {}", i18n::text("render.failed", lang));
            eprintln!("{e}");
            return Ok(super::EXIT_USAGE);
        }
    };
    for w in &rendered.warnings {
        eprintln!("{w}");
    }
    render::write_atomic(out, &rendered.pdf)?;
    if !quiet {
        println!(
            "{}",
            i18n::fill(
                i18n::text("render.written", lang),
                &[
                    ("path", out.display().to_string()),
                    ("pages", rendered.pages.to_string()),
                    (
                        "size",
                        crate::report::format::size(rendered.pdf.len() as u64, lang)
                    ),
                ]
            )
        );
    }
    Ok(super::EXIT_OK)
}

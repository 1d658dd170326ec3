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
    /// PDF standard (default: `[reports] pdf_standard` in smq.toml, else 1.7).
    #[arg(long, value_enum)]
    pub pdf_standard: Option<PdfStandardArg>,
    /// Also write the report's data model as JSON.
    #[arg(long, value_name = "FILE.json")]
    pub data_out: Option<PathBuf>,
}

/// What a report needs from its workspace: the configuration's report
/// defaults and the logo.
pub struct Workspace<'a> {
    pub root: &'a Path,
    pub config: &'a crate::config::Config,
}

/// The logo's path inside the renderer and its bytes, when configured and readable.
pub fn logo(ws: &Workspace) -> Option<(String, Vec<u8>)> {
    let file = ws.config.service.logo.as_deref()?;
    let ext = Path::new(file).extension()?.to_str()?.to_lowercase();
    let bytes = std::fs::read(ws.root.join(file)).ok()?;
    Some((format!("assets/logo.{ext}"), bytes))
}

/// Renders `model` with `main` and writes the PDF to `out`. Returns the
/// exit status.
#[allow(clippy::too_many_arguments)]
pub fn write(
    model: &impl Serialize,
    main: &str,
    out: &Path,
    args: &ReportArgs,
    ws: &Workspace,
    as_of: NaiveDate,
    ident: String,
    lang: Lang,
    quiet: bool,
) -> anyhow::Result<i32> {
    // Printed lists were bounded where the model was built
    // (report::capped); the model is handed over as it is.
    let data = serde_json::to_vec_pretty(model)?;
    if let Some(path) = &args.data_out {
        crate::output::write_atomic(path, &data)?;
    }
    let folder = args.templates.clone().or_else(|| {
        ws.config
            .reports
            .templates
            .as_ref()
            .map(|t| ws.root.join(t))
    });
    let templates = match TemplateSet::load(folder.as_deref()) {
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
        assets: logo(ws).into_iter().collect(),
        as_of,
        ident,
        flavour: match args.pdf_standard {
            Some(PdfStandardArg::A2b) => PdfFlavour::A2b,
            Some(PdfStandardArg::Pdf17) => PdfFlavour::Standard,
            None if ws.config.reports.pdf_standard.as_deref() == Some("a-2b") => PdfFlavour::A2b,
            None => PdfFlavour::Standard,
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
    crate::output::write_atomic(out, &rendered.pdf)?;
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

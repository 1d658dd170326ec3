//! `smq audit [DIR] --kind KIND --date DATE`: the audit evidence pack.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::ValueEnum;

use super::report::{self, ReportArgs};
use crate::i18n::{self, Lang};
use crate::registers::vocab::AuditKind;
use crate::report::audit::{AuditRequest, kind_key};

/// `--kind` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    Internal,
    Certification,
    Surveillance,
    Renewal,
    Asn,
    Ars,
    Peer,
    Cross,
}

impl From<KindArg> for AuditKind {
    fn from(k: KindArg) -> AuditKind {
        match k {
            KindArg::Internal => AuditKind::Internal,
            KindArg::Certification => AuditKind::Certification,
            KindArg::Surveillance => AuditKind::Surveillance,
            KindArg::Renewal => AuditKind::Renewal,
            KindArg::Asn => AuditKind::Asn,
            KindArg::Ars => AuditKind::Ars,
            KindArg::Peer => AuditKind::Peer,
            KindArg::Cross => AuditKind::Cross,
        }
    }
}

/// Builds and writes the pack; shared with `smq demo`.
pub fn run_in(
    root: &Path,
    req: &AuditRequest,
    as_of: NaiveDate,
    lang: Option<Lang>,
    args: &ReportArgs,
    quiet: bool,
) -> anyhow::Result<i32> {
    if let Some(status) = super::missing_workspace(root, lang) {
        return Ok(status);
    }
    let checked = super::term::read(root, as_of, quiet)?;
    let lang = lang.or(checked.config.lang).unwrap_or_default();
    let model = crate::report::audit::build(&checked, req, as_of, lang)?;
    let name = format!(
        "{}-{}-{}.pdf",
        i18n::text("aud.file-stem", lang),
        kind_key(req.kind),
        req.date
    );
    let out: PathBuf = args.output.clone().unwrap_or_else(|| root.join(name));
    let ident = model.document.reference.clone();
    let ws = report::Workspace {
        root,
        config: &checked.config,
    };
    report::write(
        &model,
        "audit.typ",
        &out,
        args,
        &ws,
        as_of,
        ident,
        lang,
        quiet,
    )
}

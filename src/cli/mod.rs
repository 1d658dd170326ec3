//! The command line: parses arguments, wires the pipeline layers together and
//! turns the outcome into an exit status. This is the only place that reads
//! the clock (the default as-of date is today) or prints.
//!
//! Exit statuses: 0 when no error was found (warnings allowed), 1 when the
//! input has at least one error, 2 for a usage error or a missing folder.

mod audit;
mod check;
mod demo;
mod explain;
mod export;
mod indicators;
mod init;
mod registers;
mod report;
mod review;
mod suggest;
mod term;

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::i18n::Lang;

/// Exit status: the input is clean (warnings allowed).
pub const EXIT_OK: i32 = 0;
/// Exit status: the input has at least one error.
pub const EXIT_ERRORS: i32 = 1;
/// Exit status: usage error, missing folder, or a failure of smq itself.
pub const EXIT_USAGE: i32 = 2;

#[derive(Parser, Debug)]
#[command(name = "smq", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

/// Options shared by the commands that read a workspace.
#[derive(clap::Args, Debug, Clone)]
pub struct Common {
    /// Language of messages: fr (default) or en. Overrides `lang` in smq.toml.
    #[arg(long, value_enum)]
    pub lang: Option<LangArg>,
    /// Date the data is judged at (YYYY-MM-DD); default: today.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub as_of: Option<NaiveDate>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Find and check every register of a folder.
    Check {
        /// Folder of workbooks (default: current folder).
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        #[command(flatten)]
        common: Common,
        /// Print the errors only (the exit status tells the rest).
        #[arg(long, short)]
        quiet: bool,
        /// Print, instead of the report, an smq.toml fragment mapping the
        /// columns, values and sheet values the check could not tie to a field.
        #[arg(long, conflicts_with = "format")]
        suggest: bool,
    },
    /// Explain what a check does, why it matters, with an example.
    Explain {
        /// The check's code, as shown between brackets (`error[duplicate-id]`).
        code: String,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Monthly indicator report: dashboard, control charts of the indicators
    /// in alert, the month's events and late actions, objectives.
    Indicators {
        /// Folder of workbooks (default: current folder).
        dir: Option<PathBuf>,
        /// Month reported (YYYY-MM); default: the month before the as-of date.
        #[arg(long, value_name = "YYYY-MM", value_parser = indicators::parse_month)]
        month: Option<crate::input::parse::Month>,
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        report: report::ReportArgs,
        /// Print nothing on success.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Management review (ISO 9001 §9.3): every §9.3.2 input with trends and
    /// the previous period, opportunities for improvement, §9.3.3 outputs.
    Review {
        /// Folder of workbooks (default: current folder).
        dir: Option<PathBuf>,
        /// Calendar year reviewed; default: the last full year at the as-of date.
        #[arg(long, value_name = "YYYY", conflicts_with_all = ["from", "to"])]
        year: Option<i32>,
        /// First day of the period reviewed (with --to).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires = "to")]
        from: Option<NaiveDate>,
        /// Last day of the period reviewed (with --from).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date, requires = "from")]
        to: Option<NaiveDate>,
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        report: report::ReportArgs,
        /// Print nothing on success.
        #[arg(long, short)]
        quiet: bool,
    },
    /// Audit evidence pack: evidence matrix of the audit's standard(s),
    /// earlier findings, actions, events, documents, a sample for audit
    /// trails. Pseudonymised unless --no-pseudonymize.
    Audit {
        /// Folder of workbooks (default: current folder).
        dir: Option<PathBuf>,
        /// Kind of audit: it sets the standard(s) of the evidence matrix.
        #[arg(long, value_enum)]
        kind: audit::KindArg,
        /// Date of the audit: evidence is counted over the 12 months before it.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: NaiveDate,
        /// Processes audited, comma-separated (default: all).
        #[arg(long, value_name = "PROCESS,...", value_delimiter = ',')]
        scope: Vec<String>,
        /// Seed of the sample for audit trails (default: the audit date, 20261117).
        #[arg(long, value_name = "N")]
        seed: Option<u64>,
        /// Print people's names and free text as written (the pack then holds
        /// personal data; the cover says so).
        #[arg(long)]
        no_pseudonymize: bool,
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        report: report::ReportArgs,
        /// Print nothing on success.
        #[arg(long, short)]
        quiet: bool,
    },
    /// The computed tables (indicators with SPC limits and trends, objectives,
    /// actions, events, suppliers, surveys, open findings) as a workbook with
    /// charts, or as JSON.
    Export {
        /// Folder of workbooks (default: current folder).
        dir: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = export::ExportFormat::Xlsx)]
        format: export::ExportFormat,
        /// Where to write (default: in the workspace, tableaux-smq-DATE.xlsx).
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        common: Common,
        /// Print nothing on success.
        #[arg(long, short)]
        quiet: bool,
    },
    /// The configuration: `smq config show [DIR]` prints the effective one.
    #[command(subcommand)]
    Config(ConfigCommand),
    /// Shell completions: `smq completions bash > ~/.local/share/bash-completion/completions/smq`.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Report templates: write the built-in ones out for customising.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// List the registers, their columns and the headers recognised for each.
    Registers {
        /// One register key (rex, actions, suppliers, surveys, indicators,
        /// indicator-values, objectives, audits, findings, documents, watch,
        /// parties, training).
        key: Option<String>,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Write the demo workspace (a fictional service's registers).
    Demo {
        /// Where to write it (default: ./demo).
        dir: Option<PathBuf>,
        /// Write a stress workspace with this many events (and proportionate
        /// volumes in every register) instead of the demo, for benchmarks.
        #[arg(long, value_name = "EVENTS")]
        stress: Option<usize>,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
    /// Write a blank workspace: one register workbook per register (headers,
    /// drop-down lists, instructions sheet) and a commented smq.toml. Never
    /// overwrites a file.
    Init {
        /// Where to write (default: current folder); created if needed.
        dir: Option<PathBuf>,
        /// Language of the headers, lists, instructions and smq.toml: fr (default) or en.
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
        /// Print nothing on success.
        #[arg(long, short)]
        quiet: bool,
    },
}

/// `smq config` subcommands.
#[derive(Subcommand, Debug)]
pub enum ConfigCommand {
    /// Print the effective configuration (smq.toml merged with the defaults),
    /// after reporting any problem with the file.
    Show {
        /// Folder holding smq.toml (default: current folder).
        dir: Option<PathBuf>,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
}

/// `smq templates` subcommands.
#[derive(Subcommand, Debug)]
pub enum TemplatesCommand {
    /// Write the built-in templates into DIR (never overwrites a file).
    Export {
        dir: PathBuf,
        #[arg(long, value_enum)]
        lang: Option<LangArg>,
    },
}

/// Output format of `smq check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Json,
}

/// `--lang` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Fr,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Fr => Lang::Fr,
            LangArg::En => Lang::En,
        }
    }
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("date attendue au format AAAA-MM-JJ : {s}"))
}

/// `smq config show`: problems with smq.toml on stderr (with their line),
/// then the effective configuration as TOML on stdout.
fn config_show(root: &std::path::Path, lang: Option<Lang>) -> anyhow::Result<i32> {
    let (config, diags) = crate::config::Config::load(root);
    let lang = lang.or(config.lang).unwrap_or_default();
    for d in &diags {
        eprintln!(
            "{}: {}[{}] {}",
            d.location,
            d.severity().as_str(),
            d.code.id(),
            d.message(lang)
        );
    }
    print!("{}", toml::to_string_pretty(&config)?);
    Ok(if diags.is_empty() {
        EXIT_OK
    } else {
        EXIT_ERRORS
    })
}

/// When `root` is not a folder: says so and returns the usage exit status.
fn missing_workspace(root: &std::path::Path, lang: Option<Lang>) -> Option<i32> {
    if root.is_dir() {
        return None;
    }
    eprintln!(
        "smq: {}",
        crate::i18n::fill(
            crate::i18n::text("check.no-workspace", lang.unwrap_or_default()),
            &[("path", root.display().to_string())]
        )
    );
    Some(EXIT_USAGE)
}

/// Today, from the wall clock: the only place smq reads it.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The language of the help, before the arguments are parsed: `--lang`
/// when given, else the environment's locale (`LC_ALL`, `LC_MESSAGES`,
/// `LANG`), else French.
fn early_lang(args: &[std::ffi::OsString]) -> Lang {
    let args: Vec<&str> = args.iter().filter_map(|a| a.to_str()).collect();
    for (i, a) in args.iter().enumerate() {
        let value = match a.strip_prefix("--lang=") {
            Some(v) => Some(v),
            None if *a == "--lang" => args.get(i + 1).copied(),
            None => None,
        };
        if let Some(lang) = value.and_then(Lang::parse) {
            return lang;
        }
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|k| std::env::var(k).ok())
        .find(|v| !v.is_empty())
        .and_then(|v| v.get(..2).and_then(Lang::parse))
        .unwrap_or_default()
}

/// The parser with its descriptions and footers from the catalogue, in `lang`.
fn command(lang: Lang) -> clap::Command {
    let t = |key: &str| crate::i18n::lookup(key, lang);
    let mut cmd = Cli::command();
    for (key, set) in [
        (
            "cli.about",
            clap::Command::about as fn(_, &'static str) -> _,
        ),
        ("cli.long-about", clap::Command::long_about),
        ("cli.after", clap::Command::after_help),
    ] {
        if let Some(text) = t(key) {
            cmd = set(cmd, text);
        }
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|c| c.get_name().to_owned())
        .collect();
    for name in names {
        let about = t(&format!("cli.{name}.about"));
        let after = t(&format!("cli.{name}.after"));
        cmd = cmd.mut_subcommand(&name, |mut c| {
            if let Some(a) = about {
                c = c.about(a).long_about(None::<&str>);
            }
            if let Some(a) = after {
                c = c.after_help(a);
            }
            c
        });
    }
    cmd
}

/// Runs the command line and returns the exit status.
pub fn main() -> i32 {
    crate::input::workbook::quiet_reader_panics();
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let parsed = command(early_lang(&args))
        .try_get_matches_from(&args)
        .and_then(|m| Cli::from_arg_matches(&m));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return match e.kind() {
                clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion => {
                    EXIT_OK
                }
                _ => EXIT_USAGE,
            };
        }
    };
    let result = match cli.command {
        Command::Check {
            dir,
            format,
            common,
            quiet,
            suggest,
        } => check::run(dir, format, &common, quiet, suggest),
        Command::Explain { code, lang } => {
            explain::run(&code, lang.map(Lang::from).unwrap_or_default())
        }
        Command::Indicators {
            dir,
            month,
            common,
            report,
            quiet,
        } => {
            let root = dir.unwrap_or_else(|| PathBuf::from("."));
            let as_of = common.as_of.unwrap_or_else(today);
            indicators::run_in(
                &root,
                month,
                as_of,
                common.lang.map(Lang::from),
                &report,
                quiet,
            )
        }
        Command::Review {
            dir,
            year,
            from,
            to,
            common,
            report,
            quiet,
        } => {
            let root = dir.unwrap_or_else(|| PathBuf::from("."));
            let as_of = common.as_of.unwrap_or_else(today);
            let lang = common.lang.map(Lang::from);
            match review::period(year, from, to, as_of) {
                Ok(period) => review::run_in(&root, period, as_of, lang, &report, quiet),
                Err(key) => {
                    eprintln!("smq: {}", crate::i18n::text(key, lang.unwrap_or_default()));
                    Ok(EXIT_USAGE)
                }
            }
        }
        Command::Audit {
            dir,
            kind,
            date,
            scope,
            seed,
            no_pseudonymize,
            common,
            report,
            quiet,
        } => {
            let root = dir.unwrap_or_else(|| PathBuf::from("."));
            let as_of = common.as_of.unwrap_or_else(today);
            let req = crate::report::audit::AuditRequest {
                kind: kind.into(),
                date,
                scope: scope
                    .into_iter()
                    .map(|s| s.trim().to_owned())
                    .filter(|s| !s.is_empty())
                    .collect(),
                seed: seed.unwrap_or_else(|| crate::analysis::sample::seed_of(date)),
                pseudonymize: !no_pseudonymize,
            };
            audit::run_in(
                &root,
                &req,
                as_of,
                common.lang.map(Lang::from),
                &report,
                quiet,
            )
        }
        Command::Export {
            dir,
            format,
            output,
            common,
            quiet,
        } => {
            let root = dir.unwrap_or_else(|| PathBuf::from("."));
            let as_of = common.as_of.unwrap_or_else(today);
            export::run(
                &root,
                format,
                output,
                as_of,
                common.lang.map(Lang::from),
                quiet,
            )
        }
        Command::Config(ConfigCommand::Show { dir, lang }) => {
            let root = dir.unwrap_or_else(|| PathBuf::from("."));
            config_show(&root, lang.map(Lang::from))
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "smq", &mut std::io::stdout());
            Ok(EXIT_OK)
        }
        Command::Templates(TemplatesCommand::Export { dir, lang }) => {
            let lang = lang.map(Lang::from).unwrap_or_default();
            match crate::render::templates::export(&dir) {
                Ok(files) => {
                    println!(
                        "{}",
                        crate::i18n::fill(
                            crate::i18n::text("templates.exported", lang),
                            &[
                                ("n", files.len().to_string()),
                                ("path", dir.display().to_string())
                            ]
                        )
                    );
                    Ok(EXIT_OK)
                }
                Err(crate::render::templates::ExportError::Exists(p)) => {
                    eprintln!(
                        "smq: {}",
                        crate::i18n::fill(
                            crate::i18n::text("templates.exists", lang),
                            &[("path", p.display().to_string())]
                        )
                    );
                    Ok(EXIT_USAGE)
                }
                Err(crate::render::templates::ExportError::Io(e)) => Err(e.into()),
            }
        }
        Command::Registers { key, lang } => {
            registers::run(key.as_deref(), lang.map(Lang::from).unwrap_or_default())
        }
        Command::Demo { dir, stress, lang } => {
            demo::run(dir, stress, lang.map(Lang::from).unwrap_or_default())
        }
        Command::Init { dir, lang, quiet } => init::run(
            &dir.unwrap_or_else(|| PathBuf::from(".")),
            lang.map(Lang::from).unwrap_or_default(),
            quiet,
        ),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("smq: {e:#}");
            EXIT_USAGE
        }
    }
}

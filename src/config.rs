//! `smq.toml`, the optional workspace configuration. Every setting has a
//! default, so a folder of workbooks with no configuration works. The file is
//! read strictly: an unknown key or a wrong type is a diagnostic naming the
//! line, never silently ignored.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use crate::analysis::suppliers::SuppliersConfig;
use crate::diagnostic::{Code, Diagnostic, Location};
use crate::i18n::Lang;
use crate::input::text::fold;
use crate::registers::RegisterKind;
pub use crate::registers::settings::{ReadSettings, RegisterConfig};

/// The name of the configuration file in a workspace.
pub const FILE_NAME: &str = "smq.toml";

/// The effective configuration.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Language of messages and reports (`fr` or `en`).
    pub lang: Option<Lang>,
    pub service: Service,
    /// Document-control defaults of the reports.
    pub document: DocumentConfig,
    /// Where each register is and how its headers map, by register key.
    pub registers: BTreeMap<String, RegisterConfig>,
    pub suppliers: SuppliersConfig,
    pub surveys: SurveysConfig,
    pub indicators: IndicatorsConfig,
    pub review: ReviewConfig,
    pub audit: AuditConfig,
    pub events: EventsConfig,
    /// The service's processes: a process cell naming another one is a
    /// warning (a typo splits the Pareto of processes). Empty: any process.
    pub processes: Vec<String>,
    pub reports: ReportsConfig,
    /// Resource limits of the reader (rows, columns, cells, cell length,
    /// decompressed size).
    pub limits: crate::input::LimitsConfig,
}

/// Defaults of every report command (the command line wins).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReportsConfig {
    /// `1.7` (tagged PDF, default) or `a-2b` (PDF/A-2b, for archiving).
    pub pdf_standard: Option<String>,
    /// Folder of templates overriding the built-in ones, relative to the workspace.
    pub templates: Option<String>,
}

/// Event settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct EventsConfig {
    /// Criticity (severity × frequency) from which an event is "to watch" (default 5).
    pub watch_from: Option<u8>,
    /// Criticity from which an event is unacceptable (default 10).
    pub unacceptable_from: Option<u8>,
}

impl EventsConfig {
    /// The two thresholds of the criticity grid.
    pub fn bands(&self) -> (u8, u8) {
        (
            self.watch_from.unwrap_or(5),
            self.unacceptable_from.unwrap_or(10),
        )
    }
}

/// Audit evidence pack settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AuditConfig {
    /// Records per register in the sample for audit trails (default 5).
    pub sample_size: Option<usize>,
    /// A secret mixed into the pseudonymisation key (default: none; the key
    /// is then derived from the workbooks' contents alone).
    pub pseudonym_key: Option<String>,
}

/// Management review settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ReviewConfig {
    /// Code of the indicator counting exams, for event rates per 1,000 exams;
    /// found by its label or unit ("Nombre d'examens", "examens") when absent.
    pub exams: Option<String>,
    /// Print the free comments of the satisfaction surveys, pseudonymised
    /// (default: no).
    pub survey_comments: bool,
}

/// Indicator settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct IndicatorsConfig {
    /// Control chart per indicator code (`xmr`, `p`, `u` or `c`), overriding
    /// the choice made from the indicator's data type.
    pub charts: BTreeMap<String, crate::analysis::spc::ChartKind>,
}

/// Who the reports are about.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Service {
    pub name: Option<String>,
    pub address: Option<String>,
    /// Logo printed on report covers: a PNG, JPEG or SVG file, relative to
    /// the workspace.
    pub logo: Option<String>,
}

/// Document-control block of every report.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct DocumentConfig {
    /// Prefix of report references (`SMQ` gives `SMQ-IND-2026-10`).
    pub reference_prefix: Option<String>,
    /// Version written in the block (default `1.0`).
    pub version: Option<String>,
    pub written_by: Option<String>,
    pub checked_by: Option<String>,
    pub approved_by: Option<String>,
}

/// Satisfaction survey settings.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct SurveysConfig {
    /// Number of levels of the Likert scale (4 or 5); detected when absent.
    pub scale: Option<u8>,
    /// Question column headers; when empty, every other column of answers is a question.
    pub questions: Vec<String>,
}

impl Config {
    /// Reads `smq.toml` from `root` if there is one. Problems become
    /// diagnostics and the defaults are used, so a typo never stops a check.
    pub fn load(root: &Path) -> (Config, Vec<Diagnostic>) {
        let path = root.join(FILE_NAME);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return (Config::default(), vec![]);
            }
            Err(e) => {
                let d = Diagnostic::new(Code::ConfigInvalid, None, Location::file(FILE_NAME))
                    .arg("reason", e.to_string());
                return (Config::default(), vec![d]);
            }
        };
        let (mut config, mut diags) = Config::parse(&text);
        if let Some(logo) = config.service.logo.clone() {
            let ext = Path::new(&logo)
                .extension()
                .and_then(|e| e.to_str())
                .map(str::to_lowercase);
            let reason = if !matches!(ext.as_deref(), Some("png" | "jpg" | "jpeg" | "svg")) {
                Some(format!("[service] logo = « {logo} » (PNG, JPEG, SVG)"))
            } else if !root.join(&logo).is_file() {
                Some(format!("[service] logo = « {logo} »\u{a0}: ?"))
            } else {
                None
            };
            if let Some(reason) = reason {
                let mut loc = Location::file(FILE_NAME);
                loc.line = text
                    .lines()
                    .position(|l| l.trim_start().starts_with("logo"))
                    .map(|i| i as u32 + 1);
                diags.push(Diagnostic::new(Code::ConfigInvalid, None, loc).arg("reason", reason));
                // Reports go on without it.
                config.service.logo = None;
            }
        }
        (config, diags)
    }

    /// Parses configuration text.
    pub fn parse(text: &str) -> (Config, Vec<Diagnostic>) {
        match toml::from_str::<Config>(text) {
            Ok(cfg) => {
                let diags = cfg.validate(text);
                (cfg, diags)
            }
            Err(e) => {
                let line = e
                    .span()
                    .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
                let mut loc = Location::file(FILE_NAME);
                loc.line = line.map(|l| l as u32);
                let reason = e.message().trim().to_owned();
                (
                    Config::default(),
                    vec![Diagnostic::new(Code::ConfigInvalid, None, loc).arg("reason", reason)],
                )
            }
        }
    }

    fn validate(&self, text: &str) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        // The line of the first mention of `key` after the section header
        // `section` (the section's line without a key; none when absent).
        let line_of = |section: &str, key: Option<&str>| -> Option<u32> {
            let lines: Vec<&str> = text.lines().collect();
            let start = lines.iter().position(|l| {
                let l = l.trim();
                l.starts_with('[') && l.trim_matches(|c| c == '[' || c == ']').trim() == section
            });
            let find = |from: usize| {
                lines[from..]
                    .iter()
                    .position(|l| {
                        let l = l.trim_start();
                        !l.starts_with('#') && key.is_some_and(|k| l.contains(k))
                    })
                    .map(|i| i + from)
            };
            let i = match (start, key) {
                (Some(s), Some(_)) => find(s).or(Some(s)),
                (Some(s), None) => Some(s),
                (None, Some(_)) => find(0),
                (None, None) => None,
            }?;
            Some(i as u32 + 1)
        };
        let bad_at = |line: Option<u32>, reason: String| {
            let mut loc = Location::file(FILE_NAME);
            loc.line = line;
            Diagnostic::new(Code::ConfigInvalid, None, loc).arg("reason", reason)
        };
        let bad = |reason: String| bad_at(None, reason);
        for (key, reg) in &self.registers {
            let Some(kind) = RegisterKind::from_key(key) else {
                let known: Vec<&str> = RegisterKind::ALL.iter().map(|k| k.key()).collect();
                out.push(bad_at(
                    line_of(&format!("registers.{key}"), None),
                    format!("[registers.{key}]: {} ({})", key, known.join(", ")),
                ));
                continue;
            };
            for field in reg.headers.values() {
                if kind.spec().by_key(field).is_none() {
                    let known: Vec<&str> = kind.spec().fields.iter().map(|f| f.key).collect();
                    out.push(bad_at(
                        line_of(&format!("registers.{key}.headers"), Some(field)),
                        format!(
                            "[registers.{key}.headers]: « {field} » ({})",
                            known.join(", ")
                        ),
                    ));
                }
            }
        }
        for (key, reg) in &self.registers {
            let Some(kind) = RegisterKind::from_key(key) else {
                continue;
            };
            for c in &reg.constants {
                let line = line_of(&format!("registers.{key}.constants"), Some(c.field.trim()))
                    .or_else(|| line_of(&format!("registers.{key}.constants"), None));
                match kind.spec().by_key(c.field.trim()) {
                    None => {
                        let known: Vec<&str> = kind.spec().fields.iter().map(|f| f.key).collect();
                        out.push(bad_at(
                            line,
                            format!(
                                "[[registers.{key}.constants]] field = « {} » ({})",
                                c.field,
                                known.join(", ")
                            ),
                        ));
                    }
                    Some(field) => {
                        if crate::registers::constants::parse_value(field, &c.value).is_none() {
                            let allowed = match field.field().ty {
                                crate::registers::schema::FieldType::Choice(v) => {
                                    format!(" ({})", v.allowed(Lang::Fr))
                                }
                                _ => String::new(),
                            };
                            out.push(bad_at(
                                line,
                                format!(
                                    "[[registers.{key}.constants]] {} = « {} »{allowed}",
                                    c.field, c.value
                                ),
                            ));
                        }
                    }
                }
            }
            for field in &reg.personal {
                if kind.spec().by_key(field.trim()).is_none() {
                    let known: Vec<&str> = kind.spec().fields.iter().map(|f| f.key).collect();
                    out.push(bad_at(
                        line_of(&format!("registers.{key}"), Some("personal")),
                        format!(
                            "[registers.{key}] personal: « {field} » ({})",
                            known.join(", ")
                        ),
                    ));
                }
            }
        }
        for key in self.limits.zeros() {
            out.push(bad_at(
                line_of("limits", Some(key)),
                format!("[limits] {key} = 0 (≥ 1)"),
            ));
        }
        if let Some(scale) = self.surveys.scale
            && !(scale == 4 || scale == 5)
        {
            out.push(bad_at(
                line_of("surveys", Some("scale")),
                format!("[surveys] scale = {scale} (4, 5)"),
            ));
        }
        let weight_line = |criterion: &str| {
            line_of("suppliers.weights", Some(criterion))
                .or_else(|| line_of("suppliers", Some("weights")))
        };
        for (criterion, w) in &self.suppliers.weights {
            if !w.is_finite() || *w < 0.0 {
                out.push(bad_at(
                    weight_line(criterion),
                    format!("[suppliers.weights] « {criterion} » = {w} (≥ 0)"),
                ));
            }
            // A weight for a criterion the configuration does not list.
            if !self.suppliers.criteria.is_empty()
                && !self
                    .suppliers
                    .criteria
                    .iter()
                    .any(|c| fold(c) == fold(criterion))
            {
                out.push(bad_at(
                    weight_line(criterion),
                    format!(
                        "[suppliers.weights] « {criterion} » ∉ criteria ({})",
                        self.suppliers.criteria.join(", ")
                    ),
                ));
            }
        }
        if let Some(p) = &self.reports.pdf_standard
            && !matches!(p.as_str(), "1.7" | "a-2b")
        {
            out.push(bad_at(
                line_of("reports", Some("pdf_standard")),
                format!("[reports] pdf_standard = « {p} » (1.7, a-2b)"),
            ));
        }
        let (w, u) = self.events.bands();
        if !(2..=25).contains(&w) || !(2..=25).contains(&u) || w >= u {
            out.push(bad_at(
                line_of("events", Some("from")),
                format!("[events] watch_from = {w}, unacceptable_from = {u} (2 ≤ watch_from < unacceptable_from ≤ 25)"),
            ));
        }
        // Weights written as shares of 1 or as percentages must add up.
        let sum: f64 = self.suppliers.weights.values().sum();
        for total in [1.0, 100.0] {
            if (sum - total).abs() > 1e-9 && (sum - total).abs() <= total * 0.1 {
                out.push(bad_at(
                    line_of("suppliers.weights", None)
                        .or_else(|| line_of("suppliers", Some("weights"))),
                    format!("[suppliers.weights]: Σ = {sum} ≠ {total}"),
                ));
            }
        }
        if let (Some(a), Some(c)) = (self.suppliers.approve_at, self.suppliers.conditional_at)
            && c > a
        {
            out.push(bad(format!(
                "[suppliers] conditional_at = {c} > approve_at = {a}"
            )));
        }
        out
    }

    /// Whether the configuration marks field `key` of `kind` personal.
    pub fn personal(&self, kind: RegisterKind, key: &str) -> bool {
        self.register(kind)
            .is_some_and(|r| r.personal.iter().any(|p| p.trim() == key))
    }

    /// The register configuration for `kind`, if any.
    pub fn register(&self, kind: RegisterKind) -> Option<&RegisterConfig> {
        self.registers.get(kind.key())
    }

    /// What the registers layer reads with.
    pub fn read_settings(&self) -> ReadSettings<'_> {
        ReadSettings {
            registers: &self.registers,
            criteria: &self.suppliers.criteria,
            questions: &self.surveys.questions,
            likert_scale: self.surveys.scale,
            limits: self.limits.limits(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_is_the_default() {
        let (cfg, diags) = Config::parse("");
        assert!(diags.is_empty());
        assert!(cfg.lang.is_none());
    }

    #[test]
    fn unknown_key_names_its_line() {
        let (_, diags) = Config::parse("lang = \"fr\"\n\nlangue = \"en\"\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].code, Code::ConfigInvalid);
        assert_eq!(diags[0].location.line, Some(3));
    }

    #[test]
    fn header_mapping_to_unknown_field_is_reported() {
        let (_, diags) = Config::parse(
            "[registers.rex.headers]\n\"Date évt\" = \"detected\"\n\"Truc\" = \"nope\"\n",
        );
        assert_eq!(diags.len(), 1);
        let (cfg, diags) = Config::parse("[registers.rex.headers]\n\"Date évt\" = \"detected\"\n");
        assert!(diags.is_empty());
        assert_eq!(
            cfg.read_settings()
                .mapped_field(RegisterKind::Rex, "DATE EVT"),
            Some("detected")
        );
    }

    #[test]
    fn chart_overrides() {
        let (cfg, diags) = Config::parse("[indicators.charts]\n\"IND-02\" = \"c\"\n");
        assert!(diags.is_empty());
        assert_eq!(
            cfg.indicators.charts["IND-02"],
            crate::analysis::spc::ChartKind::C
        );
        let (_, diags) = Config::parse("[indicators.charts]\n\"IND-02\" = \"pie\"\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].location.line, Some(2));
    }

    #[test]
    fn wrong_type_is_reported() {
        let (_, diags) = Config::parse("[surveys]\nscale = \"cinq\"\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].location.line, Some(2));
        let (_, diags) = Config::parse("[surveys]\nscale = 7\n");
        assert_eq!(diags.len(), 1);
    }

    #[test]
    fn validation_problems_name_their_line() {
        let (_, diags) = Config::parse("lang = \"fr\"\n\n[surveys]\nscale = 7\n");
        assert_eq!(diags[0].location.line, Some(4));
        let (_, diags) = Config::parse(
            "[registers.rex.headers]\n\"Date évt\" = \"detected\"\n\"Truc\" = \"nope\"\n",
        );
        assert_eq!(diags[0].location.line, Some(3));
        // Percentages that do not add up to 100, on the weights' line.
        let text = "[suppliers]\ncriteria = [\"Qualité\", \"Délais\", \"Prix\"]\n\n[suppliers.weights]\n\"Qualité\" = 50\n\"Délais\" = 30\n\"Prix\" = 15\n";
        let (_, diags) = Config::parse(text);
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message(Lang::Fr).contains("95"));
        assert_eq!(diags[0].location.line, Some(4));
        // Relative weights (2, 1, 1) are fine; so are percentages adding to 100.
        assert!(Config::parse(&text.replace("15", "20")).1.is_empty());
        let (_, diags) = Config::parse("[suppliers.weights]\n\"Qualité\" = 2\n\"Délais\" = 1\n");
        assert!(diags.is_empty(), "{diags:?}");
        // A weight for a criterion not listed.
        let (_, diags) = Config::parse(
            "[suppliers]\ncriteria = [\"Qualité\"]\n[suppliers.weights]\n\"Qualité\" = 1\n\"Coût\" = 1\n",
        );
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].location.line, Some(5));
    }

    #[test]
    fn criticity_thresholds() {
        let (cfg, diags) = Config::parse("[events]\nwatch_from = 4\nunacceptable_from = 12\n");
        assert!(diags.is_empty());
        assert_eq!(cfg.events.bands(), (4, 12));
        assert_eq!(Config::default().events.bands(), (5, 10));
        let (_, diags) = Config::parse("[events]\nwatch_from = 12\nunacceptable_from = 10\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].location.line, Some(2));
    }

    #[test]
    fn sheet_constants_and_ignored_columns() {
        let text = "[registers.rex]\nignore = [\"Coût\"]\n\n[[registers.rex.constants]]\nfile = \"Réclamations.xlsx\"\nfield = \"type\"\nvalue = \"plainte\"\n";
        let (cfg, diags) = Config::parse(text);
        assert!(diags.is_empty(), "{diags:?}");
        let settings = cfg.read_settings();
        assert!(settings.ignored(RegisterKind::Rex, "COUT"));
        assert!(!settings.ignored(RegisterKind::Actions, "Coût"));
        assert_eq!(
            settings
                .constants(RegisterKind::Rex, "2025/Réclamations.xlsx", "Feuil1")
                .len(),
            1
        );
        assert!(
            settings
                .constants(RegisterKind::Rex, "FEI.xlsx", "Feuil1")
                .is_empty()
        );
        // An unknown field, then a value the list does not have, each on its line.
        let (_, diags) = Config::parse(&text.replace("\"type\"", "\"genre\""));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert_eq!(diags[0].location.line, Some(6));
        let (_, diags) = Config::parse(&text.replace("plainte", "doléance orale"));
        assert_eq!(diags.len(), 1, "{diags:?}");
        assert!(diags[0].message(Lang::Fr).contains("réclamation"));
    }

    #[test]
    fn personal_fields_must_exist() {
        let (cfg, diags) = Config::parse("[registers.training]\npersonal = [\"role\"]\n");
        assert!(diags.is_empty());
        assert!(cfg.personal(RegisterKind::Training, "role"));
        assert!(!cfg.personal(RegisterKind::Training, "training"));
        let (_, diags) = Config::parse("[registers.training]\npersonal = [\"rôle\"]\n");
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].location.line, Some(2));
    }
}

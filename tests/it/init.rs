//! `smq init`: the blank workspace is found whole by `smq check`, its
//! workbooks filled with rows (values taken from their own drop-down lists)
//! check clean, it never overwrites a file, its smq.toml loads, and two runs
//! give the same bytes.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use serde_json::Value;
use smq::i18n::{Lang, text};
use smq::registers::RegisterKind;
use smq::registers::schema::FieldType;
use smq::registers::vocab::*;

fn smq() -> Command {
    Command::cargo_bin("smq").unwrap()
}

fn lang_arg(lang: Lang) -> &'static str {
    lang.code()
}

/// `smq init DIR --lang L`, which must succeed.
fn init(dir: &Path, lang: Lang) {
    let out = smq()
        .arg("init")
        .arg(dir)
        .args(["--lang", lang_arg(lang)])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// `smq check DIR --format json` as of 2026-10-31: (exit status, report).
fn check(dir: &Path) -> (i32, Value) {
    let out = smq()
        .arg("check")
        .arg(dir)
        .args(["--format", "json", "--as-of", "2026-10-31"])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    (out.status.code().unwrap(), v)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// (register key → [(file, sheet, header row (1-based), rows)]) of a check.
fn registers_of(v: &Value) -> BTreeMap<String, Vec<(String, String, u64, u64)>> {
    let mut out: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for r in v["registers"].as_array().unwrap() {
        out.entry(r["register"].as_str().unwrap().to_owned())
            .or_default()
            .push((
                r["file"].as_str().unwrap().to_owned(),
                r["sheet"].as_str().unwrap().to_owned(),
                r["header_row"].as_u64().unwrap(),
                r["rows"].as_u64().unwrap(),
            ));
    }
    out
}

#[test]
fn blank_workspace_holds_every_register_and_checks_clean() {
    for lang in [Lang::Fr, Lang::En] {
        let tmp = tempfile::tempdir().unwrap();
        // A folder that does not exist yet is created.
        let dir = tmp.path().join("registres");
        init(&dir, lang);
        assert_eq!(files_in(&dir).len(), 13, "12 workbooks and smq.toml");
        let (status, v) = check(&dir);
        assert_eq!(status, 0, "{v:#}");
        assert_eq!(v["counts"]["errors"], 0, "{v:#}");
        assert!(v["missing_registers"].as_array().unwrap().is_empty());
        // No blank register is anything but empty, and a year without data
        // is the only thing to say about it.
        for d in v["diagnostics"].as_array().unwrap() {
            assert_eq!(d["code"], "review-input-missing", "{d:#}");
        }
        let regs = registers_of(&v);
        for kind in RegisterKind::ALL {
            let found = regs
                .get(kind.key())
                .unwrap_or_else(|| panic!("{lang:?}: {} not found", kind.key()));
            assert_eq!(found.len(), 1, "{lang:?}: {} found {found:?}", kind.key());
            let (_, _, header_row, rows) = &found[0];
            assert_eq!(*header_row, 3, "{}", kind.key());
            assert_eq!(*rows, 0, "{}", kind.key());
        }
        // One workbook per register, but indicators and audits keep their
        // two sheets together.
        let file = |k: &str| regs[k][0].0.clone();
        assert_eq!(file("indicators"), file("indicator-values"));
        assert_eq!(file("audits"), file("findings"));
        let books: std::collections::BTreeSet<String> =
            regs.values().map(|v| v[0].0.clone()).collect();
        assert_eq!(books.len(), 12);
    }
}

/// The data validations of a worksheet of an .xlsx file: column → (type,
/// whether it has an input message, list values).
fn validations(xlsx: &Path, sheet_index: usize) -> BTreeMap<u32, (String, bool, Vec<String>)> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(xlsx).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name(&format!("xl/worksheets/sheet{}.xml", sheet_index + 1))
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let dv = regex::Regex::new(r#"(?s)<dataValidation ([^>]*[^/])(?:/>|>(.*?)</dataValidation>)"#)
        .unwrap();
    let attr = |name: &str, attrs: &str| {
        regex::Regex::new(&format!(r#"\b{name}="([^"]*)""#))
            .unwrap()
            .captures(attrs)
            .map(|c| c[1].to_owned())
    };
    let formula = regex::Regex::new(r#"<formula1>"(.*)"</formula1>"#).unwrap();
    let mut out = BTreeMap::new();
    for cap in dv.captures_iter(&xml) {
        let attrs = &cap[1];
        let sqref = attr("sqref", attrs).unwrap();
        let letters: String = sqref.chars().take_while(char::is_ascii_uppercase).collect();
        assert!(sqref.ends_with("1003"), "validated over 1000 rows: {sqref}");
        let col = letters
            .bytes()
            .fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1))
            - 1;
        let list = cap
            .get(2)
            .and_then(|body| formula.captures(body.as_str()))
            .map(|f| {
                f[1].replace("&amp;", "&")
                    .replace("&apos;", "'")
                    .replace("&quot;", "\"")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .split(',')
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let ty = attr("type", attrs).unwrap_or_else(|| "any".to_owned());
        out.insert(col, (ty, attr("prompt", attrs).is_some(), list));
    }
    out
}

/// A cell the test writes.
#[derive(Clone, Debug)]
enum Cell {
    Text(String),
    Num(f64),
    Date(u16, u8, u8),
    /// An indicator period: the first day of the month, shown as a month.
    Month(u16, u8),
}

use Cell::*;

fn s(t: &str) -> Cell {
    Text(t.to_owned())
}

/// The test's rows of each register, by field key. Dates fall in 2025, the
/// year the check judges the management review's inputs on; every reference
/// (actions, audits, indicators, suppliers) points at a row that exists.
fn rows(kind: RegisterKind, lang: Lang) -> Vec<Vec<(&'static str, Cell)>> {
    let yes = || s(text("yes", lang));
    let no = || s(text("no", lang));
    let c = |label: &'static str| s(label);
    match kind {
        RegisterKind::Rex => vec![
            vec![
                ("id", s("EI-2025-001")),
                ("detected", Date(2025, 3, 12)),
                ("type", c(EventType::Dysfunction.label(lang))),
                ("process", s("Approvisionnement")),
                ("description", s("Générateur livré avec 3 h de retard")),
                ("reporter", s("C. Martin")),
                ("severity", Num(2.0)),
                ("frequency", Num(3.0)),
                ("cause", c(Cause::Material.label(lang))),
                ("declared", no()),
                ("systemic", c(SystemicAnalysis::None.label(lang))),
                ("supplier", s("Isotopes Services")),
                ("actions", s("AC-2025-001")),
                ("status", c(Status::Closed.label(lang))),
                ("closed", Date(2025, 4, 30)),
            ],
            vec![
                ("id", s("EI-2025-002")),
                ("detected", Date(2025, 6, 3)),
                ("type", c(EventType::Esr.label(lang))),
                ("process", s("Injection")),
                (
                    "description",
                    s("Activité injectée supérieure à la prescription"),
                ),
                ("severity", Num(3.0)),
                ("frequency", Num(1.0)),
                ("cause", c(Cause::Method.label(lang))),
                ("declared", yes()),
                ("declared_on", Date(2025, 6, 5)),
                ("systemic", c(SystemicAnalysis::Alarm.label(lang))),
                ("actions", s("AC-2025-002")),
                ("status", c(Status::InProgress.label(lang))),
            ],
            vec![
                ("id", s("EI-2025-003")),
                ("detected", Date(2025, 9, 10)),
                ("type", c(EventType::Complaint.label(lang))),
                ("process", s("Accueil")),
                ("description", s("Attente jugée trop longue")),
                ("status", c(Status::Open.label(lang))),
            ],
        ],
        RegisterKind::Actions => vec![
            vec![
                ("id", s("AC-2025-001")),
                ("origin", s("EI-2025-001")),
                ("type", c(ActionType::Corrective.label(lang))),
                ("process", s("Approvisionnement")),
                ("description", s("Livraison de secours avant 7 h")),
                ("owner", s("L. Bernard")),
                ("opened", Date(2025, 3, 13)),
                ("due", Date(2025, 4, 30)),
                ("done", Date(2025, 4, 25)),
                ("status", c(Status::Closed.label(lang))),
                ("effectiveness", c(Effectiveness::Effective.label(lang))),
                ("checked_on", Date(2025, 9, 30)),
                ("indicator", s("IND-01")),
            ],
            vec![
                ("id", s("AC-2025-002")),
                ("origin", s("EI-2025-002")),
                ("type", c(ActionType::Corrective.label(lang))),
                (
                    "description",
                    s("Double contrôle de l'activité avant injection"),
                ),
                ("opened", Date(2025, 6, 5)),
                ("due", Date(2026, 12, 31)),
                ("status", c(Status::InProgress.label(lang))),
                ("effectiveness", c(Effectiveness::ToEvaluate.label(lang))),
            ],
            vec![
                ("id", s("AC-2025-003")),
                ("origin", s("RDD-2024")),
                ("type", c(ActionType::Improvement.label(lang))),
                (
                    "description",
                    s("Former les secrétaires à la prise de rendez-vous"),
                ),
                ("opened", Date(2025, 2, 10)),
                ("due", Date(2025, 6, 30)),
                ("done", Date(2025, 6, 20)),
                ("status", c(Status::Done.label(lang))),
            ],
            vec![
                ("id", s("AC-2025-004")),
                ("origin", s("Risque de rupture d'approvisionnement")),
                ("type", c(ActionType::Preventive.label(lang))),
                ("description", s("Second fournisseur de générateurs")),
                ("opened", Date(2025, 5, 2)),
                ("status", c(Status::Open.label(lang))),
            ],
            vec![
                ("id", s("AC-2025-005")),
                ("origin", s("AUD-2025-01-C01")),
                ("type", c(ActionType::Corrective.label(lang))),
                ("description", s("Planifier les évaluations fournisseurs")),
                ("opened", Date(2025, 10, 20)),
                ("due", Date(2025, 12, 31)),
                ("status", c(Status::Waiting.label(lang))),
            ],
        ],
        RegisterKind::Suppliers => vec![
            vec![
                ("supplier", s("Isotopes Services")),
                ("category", s("Générateurs Tc-99m")),
                ("critical", yes()),
                ("evaluated", Date(2025, 1, 15)),
                ("criterion.1", Num(4.0)),
                ("criterion.2", Num(3.0)),
                ("criterion.3", Num(3.0)),
                ("score", Num(3.3)),
                ("decision", c(SupplierDecision::Approved.label(lang))),
                ("evaluator", s("L. Bernard")),
            ],
            vec![
                ("supplier", s("Maintenance Caméras")),
                ("critical", no()),
                ("evaluated", Date(2025, 2, 20)),
                ("criterion.1", Num(3.0)),
                ("criterion.2", Num(2.0)),
                ("criterion.3", Num(2.0)),
                ("decision", c(SupplierDecision::Conditional.label(lang))),
                ("comment", s("Délais d'intervention à suivre")),
            ],
        ],
        RegisterKind::Surveys => vec![
            vec![
                ("date", Date(2025, 6, 5)),
                ("campaign", s("Patients 2025")),
                ("population", c(Population::Patient.label(lang))),
                ("question.1", Num(0.0)),
                ("question.2", Num(2.0)),
                ("question.3", Num(1.0)),
                ("comment", s("Accueil très aimable")),
            ],
            vec![
                ("date", Date(2025, 6, 6)),
                ("campaign", s("Patients 2025")),
                ("population", c(Population::Patient.label(lang))),
                ("question.1", Num(1.0)),
                ("question.2", Num(3.0)),
                ("question.3", Num(4.0)),
            ],
            vec![
                ("date", Date(2025, 6, 9)),
                ("campaign", s("Prescripteurs 2025")),
                ("population", c(Population::Prescriber.label(lang))),
                ("question.1", Num(0.0)),
                ("question.3", Num(1.0)),
            ],
        ],
        RegisterKind::Indicators => vec![
            vec![
                ("code", s("IND-01")),
                ("label", s("Taux d'examens reportés")),
                ("process", s("Réalisation des examens")),
                ("unit", s("%")),
                ("direction", c(Direction::Lower.label(lang))),
                ("target", Num(2.0)),
                ("alert", Num(3.0)),
                ("frequency", c(Frequency::Monthly.label(lang))),
                ("owner", s("L. Bernard")),
                ("kind", c(IndicatorKind::Proportion.label(lang))),
            ],
            vec![
                ("code", s("IND-02")),
                ("label", s("Nombre d'examens")),
                ("unit", s("examens")),
                ("direction", c(Direction::Higher.label(lang))),
                ("frequency", c(Frequency::Monthly.label(lang))),
                ("kind", c(IndicatorKind::Count.label(lang))),
            ],
        ],
        RegisterKind::IndicatorValues => vec![
            vec![
                ("code", s("IND-01")),
                ("period", Month(2025, 3)),
                ("value", Num(2.4)),
                ("numerator", Num(12.0)),
                ("denominator", Num(500.0)),
                ("comment", s("Retard de livraison du générateur")),
            ],
            vec![
                ("code", s("IND-01")),
                ("period", Month(2025, 4)),
                ("numerator", Num(7.0)),
                ("denominator", Num(480.0)),
            ],
            vec![
                ("code", s("IND-02")),
                ("period", Month(2025, 3)),
                ("value", Num(500.0)),
            ],
        ],
        RegisterKind::Objectives => vec![
            vec![
                ("year", Num(2025.0)),
                ("objective", s("Moins de 2 % d'examens reportés")),
                ("indicator", s("IND-01")),
                ("target", Num(2.0)),
                ("deadline", Date(2025, 12, 31)),
                ("owner", s("L. Bernard")),
                ("process", s("Réalisation des examens")),
            ],
            vec![
                ("year", Num(2026.0)),
                ("objective", s("Plus de 6 000 examens")),
                ("indicator", s("IND-02")),
            ],
        ],
        RegisterKind::Audits => vec![
            vec![
                ("id", s("AUD-2025-01")),
                ("kind", c(AuditKind::Internal.label(lang))),
                ("date", Date(2025, 10, 16)),
                ("auditor", s("A. Petit")),
                ("scope", s("Approvisionnement")),
                ("standard", s("ISO 9001:2015")),
                ("status", c(Status::Done.label(lang))),
            ],
            vec![
                ("id", s("AUD-2026-01")),
                ("kind", c(AuditKind::Certification.label(lang))),
                ("date", Date(2026, 11, 17)),
                ("status", c(Status::Open.label(lang))),
            ],
        ],
        RegisterKind::Findings => vec![
            vec![
                ("id", s("AUD-2025-01-C01")),
                ("audit", s("AUD-2025-01")),
                ("grade", c(Grade::MinorNc.label(lang))),
                ("clause", s("8.4.1")),
                ("process", s("Approvisionnement")),
                (
                    "description",
                    s("Évaluations fournisseurs non enregistrées"),
                ),
                ("actions", s("AC-2025-005")),
                ("status", c(Status::InProgress.label(lang))),
            ],
            vec![
                ("id", s("AUD-2025-01-C02")),
                ("audit", s("AUD-2025-01")),
                ("grade", c(Grade::Strength.label(lang))),
                ("description", s("Traçabilité des sources exemplaire")),
                ("status", c(Status::Closed.label(lang))),
                ("closed", Date(2025, 10, 16)),
            ],
        ],
        RegisterKind::Documents => vec![
            vec![
                ("reference", s("PR-RAD-003")),
                ("title", s("Préparation des radiopharmaceutiques")),
                ("process", s("Radiopharmacie")),
                ("category", c(DocCategory::Applicable.label(lang))),
                ("version", s("2.0")),
                ("effective", Date(2025, 2, 1)),
                ("next_review", Date(2027, 2, 1)),
                ("author", s("C. Martin")),
                ("reviewer", s("L. Bernard")),
                ("approver", s("Dr A. Petit")),
                ("status", c(DocStatus::InForce.label(lang))),
            ],
            vec![
                ("reference", s("FO-ACC-001")),
                ("title", s("Fiche d'accueil")),
                ("category", c(DocCategory::Form.label(lang))),
                ("version", s("1.0")),
                ("status", c(DocStatus::Draft.label(lang))),
            ],
        ],
        RegisterKind::Watch => vec![
            vec![
                ("reference", s("2019-DC-0660")),
                ("title", s("Assurance de la qualité en imagerie médicale")),
                ("published", Date(2019, 1, 15)),
                ("effective", Date(2019, 7, 1)),
                ("theme", s("Radioprotection")),
                ("applicable", c(Applicability::Yes.label(lang))),
                ("impact", s("Habilitations au poste")),
                ("actions", s("AC-2025-003")),
                ("status", c(Status::Closed.label(lang))),
                ("source", s("ASN")),
            ],
            vec![
                ("reference", s("Arrêté 2025-17")),
                ("published", Date(2025, 7, 1)),
                ("applicable", c(Applicability::ToAssess.label(lang))),
                ("status", c(Status::Open.label(lang))),
            ],
        ],
        RegisterKind::Parties => vec![
            vec![
                ("name", s("ASN")),
                ("category", s("Autorité")),
                ("proximity", c(Proximity::Strong.label(lang))),
                ("expectations", s("Respect de la décision 2019-DC-0660")),
                ("risks", s("Écart relevé en inspection")),
                ("reviewed", Date(2025, 1, 10)),
            ],
            vec![
                ("name", s("Patients")),
                ("proximity", c(Proximity::Medium.label(lang))),
                ("reviewed", Date(2025, 1, 10)),
            ],
        ],
        RegisterKind::Training => vec![
            vec![
                ("person", s("C. Martin")),
                ("role", s("Manipulateur")),
                ("training", s("Radioprotection des patients")),
                ("date", Date(2024, 5, 20)),
                ("valid_until", Date(2031, 5, 20)),
                ("habilitation", no()),
            ],
            vec![
                ("person", s("L. Bernard")),
                ("training", s("Habilitation au poste d'injection")),
                ("date", Date(2025, 3, 1)),
                ("habilitation", yes()),
            ],
        ],
        RegisterKind::Comments => vec![
            vec![
                ("year", Num(2025.0)),
                ("section", s("c1")),
                ("comment", s("La satisfaction progresse.")),
            ],
            vec![
                ("section", s("Audits")),
                ("comment", s("Aucun écart majeur depuis trois ans.")),
            ],
        ],
    }
}

/// Fills every blank workbook of `dir`: each is rewritten with the same
/// sheets and the same cells (title rows, headers, instructions) plus the
/// test's rows under the headers read back from the file. Choice, yes/no
/// and answer cells hold values of the column's own drop-down list. Returns
/// the rows written per register key.
fn fill(dir: &Path, lang: Lang, blank: &Value) -> BTreeMap<String, u64> {
    let regs = registers_of(blank);
    let mut written = BTreeMap::new();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    let month_format = Format::new().set_num_format("mm/yyyy");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    for path in files {
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        let mut book = open_workbook_auto(&path).unwrap();
        let mut out = Workbook::new();
        for (index, sheet) in book.sheet_names().into_iter().enumerate() {
            let range = book.worksheet_range(&sheet).unwrap();
            let ws = out.add_worksheet();
            ws.set_name(&sheet).unwrap();
            let (r0, c0) = range.start().unwrap_or((0, 0));
            for (r, c, d) in range.used_cells() {
                let (r, c) = (r as u32 + r0, (c as u32 + c0) as u16);
                match d {
                    Data::String(t) => {
                        ws.write_string(r, c, t).unwrap();
                    }
                    Data::Float(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    Data::Int(n) => {
                        ws.write_number(r, c, *n as f64).unwrap();
                    }
                    other => panic!("{file} › {sheet}: unexpected cell {other:?}"),
                }
            }
            let Some((key, header_row)) = regs.iter().find_map(|(k, v)| {
                v.iter()
                    .find(|(f, s, _, _)| *f == file && *s == sheet)
                    .map(|(_, _, h, _)| (k.clone(), *h as u32 - 1))
            }) else {
                continue;
            };
            let kind = RegisterKind::from_key(&key).unwrap();
            let spec = kind.spec();
            let validations = validations(&path, index);
            let lists: BTreeMap<u32, Vec<String>> = validations
                .iter()
                .filter(|(_, (ty, _, _))| ty == "list")
                .map(|(c, (_, _, l))| (*c, l.clone()))
                .collect();
            // The headers as written by smq init.
            let headers: Vec<(u32, String)> = (c0..c0 + range.width() as u32)
                .filter_map(|c| match range.get_value((header_row, c)) {
                    Some(Data::String(h)) => Some((c, h.clone())),
                    _ => None,
                })
                .collect();
            let (mut criteria, mut questions) = (0, 0);
            let mut columns: BTreeMap<String, u32> = BTreeMap::new();
            for (c, h) in &headers {
                match spec.fields.iter().find(|f| f.label(lang) == h) {
                    Some(f) => {
                        columns.insert(f.key.to_owned(), *c);
                        // Each kind of column has its validation.
                        let (want, prompt) = match f.ty {
                            FieldType::Choice(_) | FieldType::Bool => (Some("list"), false),
                            FieldType::Scale { .. } | FieldType::Year => (Some("whole"), true),
                            FieldType::Date { .. } | FieldType::Month => (Some("date"), true),
                            FieldType::IdList => (Some("any"), true),
                            _ => (None, false),
                        };
                        let got = validations.get(c);
                        assert_eq!(
                            got.map(|(t, _, _)| t.as_str()),
                            want,
                            "{file} › {sheet} › {h}"
                        );
                        if prompt {
                            assert!(got.unwrap().1, "{file} › {sheet} › {h}: no input message");
                        }
                    }
                    None if kind == RegisterKind::Suppliers => {
                        criteria += 1;
                        columns.insert(format!("criterion.{criteria}"), *c);
                    }
                    None if kind == RegisterKind::Surveys => {
                        questions += 1;
                        columns.insert(format!("question.{questions}"), *c);
                    }
                    None => panic!("{file} › {sheet}: header {h} is no field of {key}"),
                }
            }
            assert_eq!(columns.len(), headers.len());
            if kind == RegisterKind::Suppliers {
                assert_eq!(criteria, 3, "three example criteria");
            }
            if kind == RegisterKind::Surveys {
                assert_eq!(questions, 3, "three example questions");
            }
            let data = rows(kind, lang);
            for (i, row) in data.iter().enumerate() {
                let r = header_row + 1 + i as u32;
                for (field, cell) in row {
                    let c = *columns
                        .get(*field)
                        .unwrap_or_else(|| panic!("{key}: no column {field}"));
                    let list = lists.get(&c);
                    match cell {
                        // A survey answer: the n-th value of its list.
                        Num(n) if field.starts_with("question.") => {
                            let list = list.expect("answer list");
                            ws.write_string(r, c as u16, &list[*n as usize]).unwrap();
                        }
                        Text(t) => {
                            if let Some(list) = list {
                                assert!(list.contains(t), "{key}.{field}: «{t}» not in {list:?}");
                            }
                            ws.write_string(r, c as u16, t).unwrap();
                        }
                        Num(n) => {
                            ws.write_number(r, c as u16, *n).unwrap();
                        }
                        Date(y, m, d) => {
                            let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                            ws.write_datetime_with_format(r, c as u16, &dt, &date_format)
                                .unwrap();
                        }
                        Month(y, m) => {
                            let dt = ExcelDateTime::from_ymd(*y, *m, 1).unwrap();
                            ws.write_datetime_with_format(r, c as u16, &dt, &month_format)
                                .unwrap();
                        }
                    }
                }
            }
            written.insert(key, data.len() as u64);
        }
        drop(book);
        out.save(&path).unwrap();
    }
    written
}

fn chrono_date(y: i32, m: u32, d: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

#[test]
fn filled_templates_check_clean() {
    for lang in [Lang::Fr, Lang::En] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        init(dir, lang);
        let (_, blank) = check(dir);
        let written = fill(dir, lang, &blank);
        assert_eq!(written.len(), RegisterKind::ALL.len());
        let (status, v) = check(dir);
        assert_eq!(v["counts"]["errors"], 0, "{lang:?}: {:#}", v["diagnostics"]);
        assert_eq!(
            v["counts"]["warnings"], 0,
            "{lang:?}: {:#}",
            v["diagnostics"]
        );
        assert_eq!(status, 0);
        // The example criteria and questions are read as such.
        let checked = smq::pipeline::read_and_check(dir, chrono_date(2026, 10, 31)).unwrap();
        assert_eq!(checked.registers.supplier_criteria.len(), 3);
        assert_eq!(checked.registers.survey_questions.len(), 3);
        let regs = registers_of(&v);
        for kind in RegisterKind::ALL {
            let found = &regs[kind.key()];
            assert_eq!(found.len(), 1, "{lang:?}: {} {found:?}", kind.key());
            assert_eq!(
                found[0].3,
                written[kind.key()],
                "{lang:?}: rows of {}",
                kind.key()
            );
        }
    }
}

#[test]
fn refuses_to_overwrite_and_writes_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("REX.xlsx"), b"the service's own register").unwrap();
    let out = smq().arg("init").arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("REX.xlsx"), "{err}");
    assert!(
        err.contains("existe déjà\u{a0}: rien n'a été écrit"),
        "{err}"
    );
    assert_eq!(files_in(dir), ["REX.xlsx"]);
    assert_eq!(
        std::fs::read(dir.join("REX.xlsx")).unwrap(),
        b"the service's own register"
    );

    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("smq.toml"), "lang = \"en\"\n").unwrap();
    let out = smq()
        .arg("init")
        .arg(dir)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("smq.toml already exists: nothing was written"),
        "{err}"
    );
    assert_eq!(files_in(dir), ["smq.toml"]);

    // A second run over a first one refuses too, and changes nothing.
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    init(dir, Lang::Fr);
    let before: Vec<Vec<u8>> = files_in(dir)
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    let out = smq().arg("init").arg(dir).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let after: Vec<Vec<u8>> = files_in(dir)
        .iter()
        .map(|f| std::fs::read(dir.join(f)).unwrap())
        .collect();
    assert_eq!(before, after);

    // A file where the folder should be.
    let file = tmp.path().join("REX.xlsx");
    let out = smq().arg("init").arg(&file).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn prints_what_it_wrote() {
    let tmp = tempfile::tempdir().unwrap();
    let out = smq()
        .current_dir(tmp.path())
        .args(["init", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("13 files written to .:\n"), "{text}");
    assert!(
        text.contains("  Events.xlsx\n") && text.contains("  smq.toml\n"),
        "{text}"
    );
    assert!(text.contains("smq check ."), "{text}");
}

#[test]
fn generated_configuration_loads_without_diagnostic() {
    for lang in [Lang::Fr, Lang::En] {
        let tmp = tempfile::tempdir().unwrap();
        init(tmp.path(), lang);
        let (cfg, diags) = smq::config::Config::load(tmp.path());
        assert!(diags.is_empty(), "{lang:?}: {diags:?}");
        assert_eq!(cfg.lang, Some(lang));
        assert!(cfg.registers.is_empty() && cfg.service.name.is_none());
    }
}

#[test]
fn two_runs_give_identical_files() {
    for lang in [Lang::Fr, Lang::En] {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        init(a.path(), lang);
        init(b.path(), lang);
        let names = files_in(a.path());
        assert_eq!(names, files_in(b.path()));
        for name in names {
            assert_eq!(
                std::fs::read(a.path().join(&name)).unwrap(),
                std::fs::read(b.path().join(&name)).unwrap(),
                "{lang:?}: {name} differs"
            );
        }
    }
}

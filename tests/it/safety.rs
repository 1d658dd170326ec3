//! The promises that hold for every command: inputs are never written,
//! outputs appear whole or not at all, every report is reproducible byte for
//! byte across processes, and text that would be markup or code anywhere in
//! a register prints verbatim in every report.

use crate::common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::{Format, Workbook};
use sha2::{Digest, Sha256};
use smq::registers::schema::FieldType;

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_smq")
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("samples")
}

/// A copy of the committed sample workspace.
fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir(samples()).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

/// Every file under `dir` with the SHA-256 of its bytes and its mtime.
fn fingerprint(dir: &Path) -> BTreeMap<String, (String, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let bytes = std::fs::read(e.path()).unwrap();
        let hash: String = Sha256::digest(&bytes)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let mtime = e.metadata().unwrap().modified().unwrap();
        out.insert(e.file_name().to_string_lossy().into_owned(), (hash, mtime));
    }
    out
}

/// The commands of smq that read a workspace, each writing into `out`.
fn every_command(ws: &Path, out: &Path) -> Vec<(String, Vec<String>)> {
    let ws = ws.to_string_lossy().into_owned();
    let o = |name: &str| out.join(name).to_string_lossy().into_owned();
    let asof = ["--as-of".to_owned(), "2026-10-31".to_owned()];
    let mut cmds: Vec<(String, Vec<&str>, Option<String>)> = vec![
        ("check".into(), vec!["check"], None),
        ("check-json".into(), vec!["check", "--format", "json"], None),
        ("config".into(), vec!["config", "show"], None),
        (
            "indicators".into(),
            vec!["indicators"],
            Some(o("indicateurs.pdf")),
        ),
        (
            "indicators-en".into(),
            vec!["indicators", "--lang", "en", "--pdf-standard", "a-2b"],
            Some(o("indicators-en.pdf")),
        ),
        (
            "review".into(),
            vec!["review", "--year", "2025"],
            Some(o("revue.pdf")),
        ),
        (
            "review-en".into(),
            vec!["review", "--year", "2025", "--lang", "en"],
            Some(o("review-en.pdf")),
        ),
        (
            "audit-cert".into(),
            vec!["audit", "--kind", "certification", "--date", "2026-11-17"],
            Some(o("audit-cert.pdf")),
        ),
        (
            "audit-asn".into(),
            vec!["audit", "--kind", "asn", "--date", "2026-12-08"],
            Some(o("audit-asn.pdf")),
        ),
        (
            "audit-peer".into(),
            vec![
                "audit",
                "--kind",
                "peer",
                "--date",
                "2026-11-20",
                "--no-pseudonymize",
            ],
            Some(o("audit-peer.pdf")),
        ),
        (
            "export-xlsx".into(),
            vec!["export", "--format", "xlsx"],
            Some(o("export.xlsx")),
        ),
        (
            "export-json".into(),
            vec!["export", "--format", "json"],
            Some(o("export.json")),
        ),
    ];
    cmds.iter_mut()
        .map(|(name, args, output)| {
            let mut v: Vec<String> = vec![args[0].to_owned()];
            if args[0] != "config" {
                v.push(ws.clone());
            }
            v.extend(args[1..].iter().map(|s| s.to_string()));
            if args[0] == "config" {
                v.push(ws.clone());
            } else {
                v.extend(asof.iter().cloned());
            }
            if let Some(out) = output.take() {
                v.push("-o".into());
                v.push(out);
            }
            (name.clone(), v)
        })
        .collect()
}

fn run(args: &[String]) -> std::process::Output {
    assert_cmd::Command::new(bin())
        .args(args)
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap()
}

#[test]
fn no_command_writes_into_the_workspace_and_reports_are_reproducible_across_processes() {
    let ws = sample_copy();
    let before = fingerprint(ws.path());
    let out1 = tempfile::tempdir().unwrap();
    let out2 = tempfile::tempdir().unwrap();
    let first = every_command(ws.path(), out1.path());
    let second = every_command(ws.path(), out2.path());
    for ((name, a), (_, b)) in first.iter().zip(&second) {
        let x = run(a);
        assert!(
            x.status.code().is_some_and(|c| c <= 1),
            "{name}: {}",
            String::from_utf8_lossy(&x.stderr)
        );
        let y = run(b);
        // Console output names no output path: it must be identical too.
        if !a.contains(&"-o".to_owned()) {
            assert_eq!(x.stdout, y.stdout, "{name}: stdout differs between runs");
        }
    }
    assert_eq!(fingerprint(ws.path()), before, "the workspace changed");
    let (a, b) = (fingerprint(out1.path()), fingerprint(out2.path()));
    assert_eq!(a.len(), 9, "{a:?}");
    for (file, (hash, _)) in &a {
        assert_eq!(&b[file].0, hash, "{file} differs between two processes");
    }
}

/// A render that fails (a broken template) leaves the previous file at the
/// target and no temporary file beside it. A failure while the file is
/// written (a full disk, a killed process) is tested with an injected
/// failing writer in src/render/atomic.rs.
#[test]
fn a_failed_render_leaves_the_previous_file_at_the_target() {
    let ws = sample_copy();
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("revue.pdf");
    let args = |t: &Path| {
        vec![
            "review".to_owned(),
            ws.path().to_string_lossy().into_owned(),
            "--year".into(),
            "2025".into(),
            "--as-of".into(),
            "2026-10-31".into(),
            "-o".into(),
            t.to_string_lossy().into_owned(),
        ]
    };
    let templates = out.path().join("modeles");
    std::fs::create_dir(&templates).unwrap();
    std::fs::write(templates.join("review.typ"), "#let x = (\n").unwrap();
    std::fs::write(&target, b"previous version").unwrap();
    let mut a = args(&target);
    a.push("--templates".into());
    a.push(templates.to_string_lossy().into_owned());
    let o = run(&a);
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert_eq!(std::fs::read(&target).unwrap(), b"previous version");
    let strays: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(strays.is_empty(), "{strays:?}");
}

/// Text that would be markup, code, a file read or a formula anywhere it
/// were spliced into Typst, HTML, SQL, a shell or a spreadsheet.
const CORPUS: &[&str] = &[
    "#read(\"/etc/passwd\")",
    "]#panic(\"boum\")[",
    "$x^2$ 5 $",
    "@ref-x",
    "<label-x>",
    "back\\slash \\\\ end",
    "#set page(width: 1cm)",
    "*gras* _ital_ `raw`",
    "{{ inj }} ${inj} %s%n",
    "<script>alert(1)</script>",
    "'; DROP TABLE rex; --",
    "=HYPERLINK(\"http://x\")",
    "// comment /* open",
    "zéro\u{200b}largeur",
];

/// Fields that hold free text and are printed as they are (not codes that
/// link registers, processes that group, or names that are pseudonymised).
const PRINTED: &[&str] = &[
    "description",
    "comment",
    "label",
    "objective",
    "scope",
    "title",
    "theme",
    "impact",
    "expectations",
    "risks",
    "source",
];

/// Rewrites every sample workbook with the corpus appended to each
/// free-text cell; returns how many cells were changed.
fn inject(ws: &Path) -> usize {
    let config = smq::config::Config::load(ws).0;
    let loaded = smq::registers::load(
        ws,
        &smq::registers::LoadOptions {
            settings: config.read_settings(),
            as_of: common::as_of(),
            progress: None,
        },
    )
    .unwrap();
    // (file, sheet) → (header row, text columns)
    let mut targets: BTreeMap<(String, String), (u32, Vec<u32>)> = BTreeMap::new();
    for (kind, sources) in &loaded.registers.sources {
        let spec = kind.spec();
        for s in sources {
            let cols: Vec<u32> = spec
                .fields
                .iter()
                .zip(&s.columns)
                .filter(|(f, _)| {
                    matches!(f.ty, FieldType::Text | FieldType::FreeText)
                        && !f.personal
                        && PRINTED.contains(&f.key)
                })
                .filter_map(|(_, c)| *c)
                .collect();
            targets.insert((s.file.clone(), s.sheet.clone()), (s.header_row, cols));
        }
    }
    let date = Format::new().set_num_format("dd/mm/yyyy");
    let mut k = 0;
    for input in smq::input::list_workbooks(ws).unwrap() {
        let mut book = open_workbook_auto(&input.path).unwrap();
        let mut out = Workbook::new();
        for name in book.sheet_names() {
            let range = book.worksheet_range(&name).unwrap();
            let (r0, c0) = range.start().unwrap_or((0, 0));
            let sheet = out.add_worksheet();
            sheet.set_name(&name).unwrap();
            let target = targets.get(&(input.rel.clone(), name.clone()));
            for (r, c, d) in range.used_cells() {
                let (r, c) = (r0 + r as u32, c0 + c as u32);
                let col = c as u16;
                let inject_here = target.is_some_and(|(h, cols)| r > *h && cols.contains(&c));
                match d {
                    Data::String(s) if inject_here && !s.trim().is_empty() => {
                        // The whole corpus in every cell: every report that
                        // prints any free text must print all of it.
                        sheet
                            .write_string(r, col, format!("{s} | {}", CORPUS.join(" | ")))
                            .unwrap();
                        k += 1;
                    }
                    Data::String(s) => {
                        sheet.write_string(r, col, s).unwrap();
                    }
                    Data::Float(f) => {
                        sheet.write_number(r, col, *f).unwrap();
                    }
                    Data::Int(i) => {
                        sheet.write_number(r, col, *i as f64).unwrap();
                    }
                    Data::Bool(b) => {
                        sheet.write_boolean(r, col, *b).unwrap();
                    }
                    Data::DateTime(dt) => {
                        sheet
                            .write_number_with_format(r, col, dt.as_f64(), &date)
                            .unwrap();
                    }
                    Data::DateTimeIso(s) | Data::DurationIso(s) => {
                        sheet.write_string(r, col, s).unwrap();
                    }
                    Data::Error(_) | Data::Empty => {}
                }
            }
        }
        out.save(&input.path).unwrap();
    }
    k
}

/// Without whitespace, and without the zero-width space pdftotext may drop.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{200b}')
        .collect()
}

#[test]
fn the_injection_corpus_prints_verbatim_in_every_report() {
    let ws = sample_copy();
    let before = smq::pipeline::read_and_check(ws.path(), common::as_of()).unwrap();
    let changed = inject(ws.path());
    assert!(changed > 250, "only {changed} cells carry the corpus");
    let after = smq::pipeline::read_and_check(ws.path(), common::as_of()).unwrap();
    // The rewritten workspace reads as the original did.
    let rows = |c: &smq::pipeline::Checked| -> Vec<(String, usize)> {
        c.registers
            .sources
            .values()
            .flatten()
            .map(|s| (format!("{}›{}", s.file, s.sheet), s.rows))
            .collect()
    };
    assert_eq!(rows(&after), rows(&before));
    let out = tempfile::tempdir().unwrap();
    for (name, args) in every_command(ws.path(), out.path()) {
        let o = run(&args);
        assert!(
            o.status.code().is_some_and(|c| c <= 1),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        let Some(pdf) = args.iter().find(|a| a.ends_with(".pdf")) else {
            continue;
        };
        if std::env::var("SMQ_KEEP_PDF").is_ok() {
            std::fs::copy(pdf, format!("/tmp/inj-{name}.pdf")).unwrap();
        }
        let text = squash(&common::pdf_text(Path::new(pdf)));
        for s in CORPUS {
            assert!(
                text.contains(&squash(s)),
                "{name}: {s:?} is not printed verbatim"
            );
        }
        assert!(!text.contains("root:x:0"), "{name}: a file was read");
    }
    // The JSON export keeps every corpus string as data.
    let json = std::fs::read_to_string(out.path().join("export.json")).unwrap();
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    let all = v.to_string();
    let found = CORPUS
        .iter()
        .filter(|s| {
            all.contains(
                &serde_json::to_string(s)
                    .unwrap()
                    .trim_matches('"')
                    .to_owned(),
            )
        })
        .count();
    assert!(found >= 1, "the export carries the corpus text");
}

/// Runs smq under `sh` with the given umask; returns the mode of each
/// output file written.
#[cfg(unix)]
fn modes_under_umask(umask: &str, args: &[String], outputs: &[&Path]) -> Vec<u32> {
    use std::os::unix::fs::PermissionsExt;
    let o = assert_cmd::Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask}; exec \"$0\" \"$@\""))
        .arg(bin())
        .args(args)
        .timeout(Duration::from_secs(300))
        .output()
        .unwrap();
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    outputs
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().permissions().mode() & 0o777)
        .collect()
}

/// A report put in a shared folder is readable as any file the user
/// creates: its mode is 0666 less the umask, not the temporary file's 0600.
#[cfg(unix)]
#[test]
fn outputs_follow_the_umask() {
    let out = tempfile::tempdir().unwrap();
    let s = |p: &Path| p.to_string_lossy().into_owned();
    let export = |o: &Path| -> Vec<String> {
        vec![
            "export".into(),
            s(&samples()),
            "--as-of".into(),
            "2026-10-31".into(),
            "--format".into(),
            "json".into(),
            "-o".into(),
            s(o),
        ]
    };
    for (umask, mode) in [("022", 0o644), ("077", 0o600), ("027", 0o640)] {
        let o = out.path().join(format!("export-{umask}.json"));
        assert_eq!(
            modes_under_umask(umask, &export(&o), &[&o]),
            [mode],
            "umask {umask}"
        );
    }
    // A PDF report and its data, replacing files of another mode.
    let (pdf, json) = (out.path().join("ind.pdf"), out.path().join("ind.json"));
    for (umask, mode) in [("022", 0o644), ("077", 0o600)] {
        let args: Vec<String> = vec![
            "indicators".into(),
            s(&samples()),
            "--month".into(),
            "2026-10".into(),
            "--as-of".into(),
            "2026-10-31".into(),
            "-o".into(),
            s(&pdf),
            "--data-out".into(),
            s(&json),
        ];
        assert_eq!(
            modes_under_umask(umask, &args, &[&pdf, &json]),
            [mode, mode],
            "umask {umask}"
        );
    }
}

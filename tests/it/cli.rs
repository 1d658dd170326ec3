//! The `smq` binary run in a temporary folder: output formats, languages and
//! exit statuses.

use crate::common::*;
use assert_cmd::Command;

fn smq() -> Command {
    Command::cargo_bin("smq").unwrap()
}

fn small_workspace(with_error: bool) -> Ws {
    let ws = Ws::new();
    let gravity = if with_error { N(9.0) } else { N(2.0) };
    ws.book(
        "REX-2025.xlsx",
        &[(
            "Registre",
            vec![
                vec![S("Registre des événements 2025")],
                vec![],
                vec![
                    S("N°"),
                    S("Date de détection"),
                    S("Type"),
                    S("Gravité"),
                    S("Statut"),
                ],
                vec![S("E-1"), D(2025, 3, 12), S("ESR"), gravity, S("en cours")],
            ],
        )],
    );
    ws
}

#[test]
fn check_exits_1_on_errors_and_prints_file_sheet_cell() {
    let ws = small_workspace(true);
    let out = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("REX-2025.xlsx › Registre › D4: error[out-of-range] «\u{a0}Gravité\u{a0}» doit être entre 1 et 5, trouvé 9"),
        "{text}"
    );
    assert!(
        text.contains(
            "événements (REX)\u{a0}: REX-2025.xlsx › Registre (en-têtes ligne 3) — 1 ligne"
        ),
        "{text}"
    );
    assert!(
        text.contains("1 erreur, 12 avertissements dans 1 fichier lu."),
        "{text}"
    );
}

#[test]
fn check_exits_0_with_only_warnings_and_speaks_english() {
    let ws = small_workspace(false);
    let out = smq()
        .current_dir(ws.path())
        .args(["check", "--lang", "en", "--as-of", "2026-10-31"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("warning[register-not-found] register “action plan” not found in the folder"),
        "{text}"
    );
    assert!(
        text.contains("0 errors, 12 warnings in 1 file read."),
        "{text}"
    );
}

#[test]
fn check_json_has_the_documented_shape() {
    let ws = small_workspace(true);
    let out = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--format", "json", "--as-of", "2026-10-31"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema_version"], 1);
    assert_eq!(v["as_of"], "2026-10-31");
    let diags = v["diagnostics"].as_array().unwrap();
    let err = diags.iter().find(|d| d["severity"] == "error").unwrap();
    assert_eq!(err["code"], "out-of-range");
    assert_eq!(err["register"], "rex");
    assert_eq!(err["file"], "REX-2025.xlsx");
    assert_eq!(err["sheet"], "Registre");
    assert_eq!(err["cell"], "D4");
    assert_eq!(
        err["message"],
        "«\u{a0}Gravité\u{a0}» doit être entre 1 et 5, trouvé 9"
    );
    let regs = v["registers"].as_array().unwrap();
    assert_eq!(regs.len(), 1);
    assert_eq!(regs[0]["register"], "rex");
    assert_eq!(regs[0]["rows"], 1);
    assert_eq!(regs[0]["header_row"], 3);
    assert_eq!(v["counts"]["errors"], 1);
    assert_eq!(v["counts"]["warnings"], 12);
    assert_eq!(v["counts"]["by_code"]["register-not-found"], 12);
}

#[test]
fn lang_from_the_configuration_and_cli_overrides_it() {
    let ws = small_workspace(true);
    std::fs::write(ws.file("smq.toml"), "lang = \"en\"\n").unwrap();
    let out = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("“Severity” must be between 1 and 5, found 9"),
        "{text}"
    );
    let out = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31", "--lang", "fr"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("«\u{a0}Gravité\u{a0}» doit être entre 1 et 5"),
        "{text}"
    );
}

#[test]
fn a_bad_configuration_is_a_diagnostic_with_its_line() {
    let ws = small_workspace(false);
    std::fs::write(ws.file("smq.toml"), "lang = \"fr\"\nlangue = \"en\"\n").unwrap();
    let out = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("smq.toml:2: error[config-invalid]"), "{text}");
}

#[test]
fn usage_errors_and_missing_folder_exit_2() {
    let out = smq()
        .args(["check", "/nonexistent/folder"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("dossier introuvable\u{a0}: /nonexistent/folder")
    );
    let out = smq()
        .args(["check", "--as-of", "31/10/2026"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = smq().args(["frobnicate"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = smq().args(["--help"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8(out.stdout).unwrap().contains("smq check"));
}

#[test]
fn explain_prints_what_why_and_example() {
    let out = smq()
        .args(["explain", "date-before-open"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("date-before-open (Gravité\u{a0}: erreur)"),
        "{text}"
    );
    assert!(text.contains("Pourquoi c'est important"));
    assert!(text.contains("REX-2025.xlsx › Registre › P12"));
    let out = smq()
        .args(["explain", "register-not-found", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        String::from_utf8(out.stdout)
            .unwrap()
            .contains("Why it matters")
    );
    let out = smq().args(["explain", "no-such-code"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("duplicate-id")
    );
}

#[test]
fn every_code_can_be_explained_in_both_languages() {
    for code in smq::diagnostic::Code::ALL {
        for lang in ["fr", "en"] {
            let out = smq()
                .args(["explain", code.id(), "--lang", lang])
                .output()
                .unwrap();
            assert_eq!(out.status.code(), Some(0), "{}", code.id());
            let text = String::from_utf8(out.stdout).unwrap();
            // A missing catalogue entry prints as a lone "?".
            assert!(
                !text.lines().any(|l| l.trim() == "?"),
                "{}: {text}",
                code.id()
            );
            assert!(text.lines().count() >= 12, "{}: {text}", code.id());
        }
    }
}

#[test]
fn inputs_are_never_modified() {
    let ws = small_workspace(true);
    let file = ws.file("REX-2025.xlsx");
    let before = std::fs::read(&file).unwrap();
    let mtime = std::fs::metadata(&file).unwrap().modified().unwrap();
    smq().arg("check").arg(ws.path()).output().unwrap();
    smq()
        .arg("check")
        .arg(ws.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(std::fs::read(&file).unwrap(), before);
    assert_eq!(std::fs::metadata(&file).unwrap().modified().unwrap(), mtime);
    let names: Vec<_> = std::fs::read_dir(ws.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 1, "check writes nothing into the workspace");
}

#[test]
fn demo_refuses_a_folder_holding_other_files() {
    let ws = small_workspace(false);
    let out = smq().arg("demo").arg(ws.path()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("rien n'a été écrit")
    );
    assert_eq!(std::fs::read_dir(ws.path()).unwrap().count(), 1);
}

#[test]
fn the_committed_samples_check_clean() {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let out = smq()
        .arg("check")
        .arg(&samples)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["counts"]["errors"], 0);
    assert_eq!(v["missing_registers"].as_array().unwrap().len(), 0);
    assert_eq!(v["files"].as_array().unwrap().len(), 16);
}

#[test]
fn quiet_check_prints_errors_only_and_never_colours_a_pipe() {
    let ws = small_workspace(true);
    let out = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31", "--quiet"])
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("erreur[out-of-range]") || text.contains("error[out-of-range]"),
        "{text}"
    );
    assert!(
        !text.contains("register-not-found"),
        "warnings are left out: {text}"
    );
    assert!(
        !text.contains('\u{1b}'),
        "no colour when stdout is not a terminal"
    );
    // No progress bar either: stderr is not a terminal.
    assert!(out.stderr.is_empty());
}

#[test]
fn config_show_prints_the_effective_configuration() {
    let ws = Ws::new();
    std::fs::write(
        ws.file("smq.toml"),
        "lang = \"en\"\n[suppliers]\napprove_at = 3.0\n",
    )
    .unwrap();
    let out = smq()
        .args(["config", "show"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    // The printed configuration reads back as the same settings.
    let (cfg, diags) = smq::config::Config::parse(&text);
    assert!(diags.is_empty(), "{diags:?}");
    assert_eq!(cfg.suppliers.approve_at, Some(3.0));
    assert_eq!(cfg.lang, Some(smq::i18n::Lang::En));
    // A bad file: the problem with its line on stderr, exit 1.
    std::fs::write(ws.file("smq.toml"), "[surveys]\nscale = 7\n").unwrap();
    let out = smq()
        .args(["config", "show"])
        .arg(ws.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("smq.toml:2"), "{err}");
}

#[test]
fn completions_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let out = smq().args(["completions", shell]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = String::from_utf8(out.stdout).unwrap();
        for sub in ["check", "review", "audit", "export"] {
            assert!(text.contains(sub), "{shell}: {sub} missing");
        }
    }
}

#[test]
fn processes_logo_and_report_defaults_from_the_configuration() {
    let ws = small_workspace(false);
    // A REX with a process outside the configured list.
    ws.book(
        "REX-2025.xlsx",
        &[(
            "Registre",
            vec![
                vec![S("N°"), S("Date de détection"), S("Type"), S("Processus")],
                vec![S("E-1"), D(2025, 3, 12), S("ESR"), S("Acceuil")],
                vec![S("E-2"), D(2025, 3, 13), S("ESR"), S("Radiopharmacie")],
            ],
        )],
    );
    std::fs::write(
        ws.file("logo.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#1f5f8b"/></svg>"##,
    )
    .unwrap();
    std::fs::write(
        ws.file("smq.toml"),
        "processes = [\"Accueil\", \"Radiopharmacie\"]\n[service]\nname = \"Service test\"\nlogo = \"logo.svg\"\n[reports]\npdf_standard = \"a-2b\"\n",
    )
    .unwrap();
    let out = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let unknown: Vec<&serde_json::Value> = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "unknown-process")
        .collect();
    assert_eq!(unknown.len(), 1);
    assert_eq!(unknown[0]["cell"], "D2");
    assert!(
        unknown[0]["message"]
            .as_str()
            .unwrap()
            .contains("«\u{a0}Accueil\u{a0}»")
    );
    // The report carries the logo and is PDF/A-2b by the configuration.
    let pdf = ws.file("r.pdf");
    let json = ws.file("r.json");
    let out = smq()
        .arg("indicators")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31", "-o"])
        .arg(&pdf)
        .arg("--data-out")
        .arg(&json)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let model: serde_json::Value = serde_json::from_slice(&std::fs::read(&json).unwrap()).unwrap();
    assert_eq!(model["document"]["logo"], "/assets/logo.svg");
    let bytes = std::fs::read(&pdf).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("pdfaid:part"), "PDF/A-2b from [reports]");
    // A logo that is not there: a diagnostic with its line, and reports go on.
    std::fs::write(
        ws.file("smq.toml"),
        "[service]\nname = \"Service test\"\nlogo = \"absent.png\"\n",
    )
    .unwrap();
    let out = smq()
        .arg("check")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let bad = v["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["code"] == "config-invalid")
        .unwrap();
    assert_eq!(bad["line"], 3);
    let out = smq()
        .arg("indicators")
        .arg(ws.path())
        .args(["--as-of", "2026-10-31", "-q", "-o"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn init_quiet_prints_nothing() {
    let ws = Ws::new();
    let dir = ws.path().join("neuf");
    let out = smq().arg("init").arg(&dir).arg("--quiet").output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    assert!(dir.join("smq.toml").is_file());
}

/// The help's descriptions and footers come from the catalogue, in the
/// language of the run: `--lang`, else the locale, else French.
#[test]
fn help_follows_the_language_of_the_run() {
    let help = |args: &[&str], lang_env: &str| {
        let out = smq()
            .args(args)
            .env("LANG", lang_env)
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8(out.stdout).unwrap()
    };
    let fr = help(&["check", "--help"], "C.UTF-8");
    assert!(
        fr.contains("Trouve et vérifie chaque registre d'un dossier."),
        "{fr}"
    );
    assert!(fr.contains("Statut de sortie\u{a0}: 0 sans erreur"), "{fr}");
    let en = help(&["check", "--help", "--lang", "en"], "fr_FR.UTF-8");
    assert!(
        en.contains("Find and check every register of a folder."),
        "{en}"
    );
    assert!(en.contains("Exit status: 0 without errors"), "{en}");
    assert!(!en.contains("Statut de sortie"), "{en}");
    let locale = help(&["--help"], "en_GB.UTF-8");
    assert!(locale.contains("Examples:\n  smq demo"), "{locale}");
}

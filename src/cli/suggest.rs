//! `smq check --suggest`: one `smq.toml` fragment for everything the check
//! could not map — header cells no field took, list values no entry names,
//! values taken from a sheet's title or name — to review and paste. Each
//! line says where it comes from; a line smq cannot complete is commented.

use std::collections::BTreeMap;

use crate::diagnostic::{Arg, Code, Diagnostic};
use crate::i18n::{self, Lang};
use crate::pipeline::Checked;

/// A TOML basic string.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn at(d: &Diagnostic) -> String {
    d.location.to_string()
}

/// The fragment, in `lang`; empty when there is nothing to suggest.
pub fn fragment(checked: &Checked, lang: Lang) -> String {
    // Section → lines, sorted; a line keeps the first place it was seen.
    let mut sections: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut ignore: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut constants: Vec<String> = Vec::new();
    let t = |key: &str| i18n::text(key, lang);
    for d in &checked.diagnostics {
        let Some(register) = d.register else {
            continue;
        };
        let key = register.key();
        match d.code {
            Code::UnmappedColumn => {
                let Some(header) = d.text_arg("header") else {
                    continue;
                };
                match d.get("suggestion") {
                    Some(Arg::Field(f)) => {
                        sections
                            .entry(format!("registers.{key}.headers"))
                            .or_default()
                            .entry(quoted(header))
                            .or_insert_with(|| {
                                format!(
                                    "{} = {}   # {} — {}",
                                    quoted(header),
                                    quoted(f.key()),
                                    at(d),
                                    t("suggest.closest-field")
                                )
                            });
                    }
                    _ => {
                        ignore
                            .entry(key.to_owned())
                            .or_default()
                            .entry(quoted(header))
                            .or_insert_with(|| at(d));
                    }
                }
            }
            Code::UnknownValue => {
                let (Some(Arg::Field(field)), Some(value)) = (d.get("field"), d.text_arg("value"))
                else {
                    continue;
                };
                let section = format!("registers.{key}.values.{}", field.key());
                let line = match d.get("suggestion") {
                    Some(Arg::Choice(vocab, i)) => format!(
                        "{} = {}   # {} — {}",
                        quoted(value),
                        quoted(vocab.label(*i, lang)),
                        at(d),
                        t("suggest.closest-value")
                    ),
                    _ => {
                        let allowed = match d.get("allowed") {
                            Some(a) => a.render(lang, &[]),
                            None => String::new(),
                        };
                        format!(
                            "# {} = \"…\"   # {} — {}",
                            quoted(value),
                            at(d),
                            i18n::fill(t("suggest.allowed"), &[("allowed", allowed)])
                        )
                    }
                };
                sections
                    .entry(section)
                    .or_default()
                    .entry(quoted(value))
                    .or_insert(line);
            }
            Code::SheetValue => {
                let (Some(field), Some(value)) = (d.text_arg("key_field"), d.text_arg("value"))
                else {
                    continue;
                };
                let mut block = format!("[[registers.{key}.constants]]   # {}\n", at(d));
                if let Some(file) = &d.location.file {
                    block.push_str(&format!("file = {}\n", quoted(file)));
                }
                if let Some(sheet) = &d.location.sheet {
                    block.push_str(&format!("sheet = {}\n", quoted(sheet)));
                }
                block.push_str(&format!(
                    "field = {}\nvalue = {}\n",
                    quoted(field),
                    quoted(value)
                ));
                constants.push(block);
            }
            _ => {}
        }
    }
    if sections.is_empty() && ignore.is_empty() && constants.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    for line in t("suggest.intro").lines() {
        out.push_str(&format!("# {line}\n"));
    }
    for (register, headers) in &ignore {
        out.push_str(&format!("\n[registers.{register}]\n"));
        out.push_str(&format!("# {}\n", t("suggest.ignore")));
        for (header, place) in headers {
            out.push_str(&format!("#   {header}: {place}\n"));
        }
        let list: Vec<&str> = headers.keys().map(String::as_str).collect();
        out.push_str(&format!("ignore = [{}]\n", list.join(", ")));
    }
    for (section, lines) in &sections {
        out.push_str(&format!("\n[{section}]\n"));
        for line in lines.values() {
            out.push_str(line);
            out.push('\n');
        }
    }
    for block in &constants {
        out.push('\n');
        out.push_str(block);
    }
    out
}

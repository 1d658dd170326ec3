//! `smq registers [KEY]`: the registers smq knows, their columns, and every
//! header spelling it recognises — the reference a quality manager needs to
//! lay out a workbook or write a header mapping.

use crate::i18n::{self, Lang};
use crate::input::text::fold;
use crate::registers::RegisterKind;
use crate::registers::schema::{Extra, FieldType};

fn type_name(ty: FieldType, lang: Lang) -> String {
    let key = match ty {
        FieldType::Id => "type.id",
        FieldType::Text => "type.text",
        FieldType::FreeText => "type.free-text",
        FieldType::Date { .. } => "type.date",
        FieldType::Month => "type.month",
        FieldType::Number => "type.number",
        FieldType::Scale { .. } => "type.scale",
        FieldType::Year => "type.year",
        FieldType::Bool => "type.bool",
        FieldType::Choice(_) => "type.choice",
        FieldType::IdList => "type.id-list",
    };
    let base = i18n::text(key, lang);
    match ty {
        FieldType::Scale { min, max } => format!("{base} {min}–{max}"),
        FieldType::Choice(v) => format!("{base}{}{}", i18n::colon(lang), v.allowed(lang)),
        _ => base.to_owned(),
    }
}

pub fn run(key: Option<&str>, lang: Lang) -> anyhow::Result<i32> {
    let kinds: Vec<RegisterKind> = match key {
        Some(k) => match RegisterKind::from_key(k) {
            Some(kind) => vec![kind],
            None => {
                let known: Vec<&str> = RegisterKind::ALL.iter().map(|k| k.key()).collect();
                eprintln!(
                    "{}",
                    i18n::fill(
                        i18n::text("registers.unknown", lang),
                        &[("key", k.to_owned()), ("keys", known.join(", "))]
                    )
                );
                return Ok(super::EXIT_USAGE);
            }
        },
        None => RegisterKind::ALL.to_vec(),
    };
    let mut out = String::new();
    for kind in kinds {
        let spec = kind.spec();
        out.push_str(&format!("{} — {}\n", kind.key(), kind.label(lang)));
        for field in spec.fields {
            let mut flags = Vec::new();
            if field.required {
                flags.push(i18n::text("registers.required", lang));
            }
            if field.personal {
                flags.push(i18n::text("registers.personal", lang));
            }
            let flags = if flags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", flags.join(", "))
            };
            out.push_str(&format!(
                "  {} ({}){flags} — {}\n",
                field.label(lang),
                field.key,
                type_name(field.ty, lang)
            ));
            let other = if lang == Lang::Fr { field.en } else { field.fr };
            let mut seen = vec![fold(field.label(lang))];
            let aliases: Vec<&str> = std::iter::once(other)
                .chain(field.aliases.iter().copied())
                .filter(|a| {
                    let k = fold(a);
                    let new = !seen.contains(&k);
                    seen.push(k);
                    new
                })
                .collect();
            out.push_str(&format!(
                "      {}{}{}\n",
                i18n::text("registers.aliases", lang),
                i18n::colon(lang),
                aliases.join(" · ")
            ));
        }
        match spec.extra {
            Extra::Criteria => {
                out.push_str(&format!("  {}\n", i18n::text("registers.criteria", lang)))
            }
            Extra::Questions => {
                out.push_str(&format!("  {}\n", i18n::text("registers.questions", lang)))
            }
            Extra::None => {}
        }
        out.push('\n');
    }
    print!("{out}");
    Ok(super::EXIT_OK)
}

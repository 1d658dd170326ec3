//! `smq explain CODE`: what a check does, why it matters, and an example.

use crate::diagnostic::Code;
use crate::i18n::{self, Lang};

pub fn run(code: &str, lang: Lang) -> anyhow::Result<i32> {
    let Some(c) = Code::from_id(code.trim()) else {
        let codes: Vec<&str> = Code::ALL.iter().map(|c| c.id()).collect();
        eprintln!(
            "{}",
            i18n::fill(
                i18n::text("explain.unknown", lang),
                &[("code", code.to_owned()), ("codes", codes.join(", "))]
            )
        );
        return Ok(super::EXIT_USAGE);
    };
    let severity = i18n::text(c.severity().as_str(), lang);
    println!(
        "{} ({}{}{severity})\n",
        c.id(),
        i18n::text("explain.severity", lang),
        i18n::colon(lang)
    );
    for (title, part) in [
        ("explain.what", "what"),
        ("explain.why", "why"),
        ("explain.example", "example"),
    ] {
        println!("{}", i18n::text(title, lang));
        println!("  {}\n", c.text(part, lang));
    }
    println!("{}", i18n::text("check.hint", lang));
    println!("  {}", c.text("hint", lang));
    Ok(super::EXIT_OK)
}

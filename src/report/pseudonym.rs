//! Personal data in what reports print. The markers of personal data in free
//! text are found and masked on the input side ([`crate::input::personal`]);
//! here:
//!
//! - [`Pseudonymizer`]: replaces the people named in personal columns with
//!   stable pseudonyms (`Personne 07`): the same person gets the same
//!   pseudonym throughout a report, and the numbering follows a keyed hash
//!   (HMAC-SHA-256) of the names, so it cannot be reversed without the key.
//!   Those names are also replaced where free text repeats them.

use std::collections::BTreeMap;

use regex::Regex;
use sha2::{Digest, Sha256};

use crate::config::Config;
use crate::i18n::{self, Lang};
use crate::input::personal::mask;
use crate::input::text::simplify;
use crate::registers::schema::FieldType;
use crate::registers::{FieldRef, Registers};

/// HMAC-SHA-256 (RFC 2104).
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    const BLOCK: usize = 64;
    let mut k = [0u8; BLOCK];
    if key.len() > BLOCK {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let pad = |b: u8| k.iter().map(|x| x ^ b).collect::<Vec<u8>>();
    let inner = Sha256::new()
        .chain_update(pad(0x36))
        .chain_update(message)
        .finalize();
    Sha256::new()
        .chain_update(pad(0x5c))
        .chain_update(inner)
        .finalize()
        .into()
}

/// The pseudonymisation key of a workspace: a hash of its files' contents
/// (their SHA-256) and of the secret set in `smq.toml`, if any. Whoever
/// lacks the workbooks (and the secret) cannot recompute it; whoever has
/// the workbooks has the names anyway.
pub fn workspace_key(file_hashes: &[String], secret: Option<&str>) -> [u8; 32] {
    let mut h = Sha256::new();
    h.update(b"smq-pseudonyms-v1\0");
    for f in file_hashes {
        h.update(f.as_bytes());
        h.update(b"\0");
    }
    if let Some(s) = secret {
        h.update(s.as_bytes());
    }
    h.finalize().into()
}

/// Stable pseudonyms for the people a report names.
#[derive(Debug, Clone)]
pub struct Pseudonymizer {
    enabled: bool,
    lang: Lang,
    /// Folded name → pseudonym number.
    numbers: BTreeMap<String, usize>,
    /// Known names as written, to find in free text.
    names: Option<Regex>,
}

/// The names in the personal name columns of the registers (the schema's
/// personal short-text fields).
pub fn personal_names(regs: &Registers) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    regs.each_text(&mut |field, _, text| {
        let f = field.field();
        if f.personal && !matches!(f.ty, FieldType::FreeText) {
            let t = text.trim();
            if !t.is_empty() {
                out.push(t);
            }
        }
    });
    out
}

fn person_key(name: &str) -> String {
    simplify(name)
}

impl Pseudonymizer {
    /// Pseudonyms for every name of `names`, numbered in the order of their
    /// keyed hash.
    pub fn new<'a>(names: impl IntoIterator<Item = &'a str>, key: &[u8; 32], lang: Lang) -> Self {
        let mut keyed: BTreeMap<[u8; 32], String> = BTreeMap::new();
        let mut spellings: Vec<String> = Vec::new();
        for n in names {
            let k = person_key(n);
            if k.is_empty() {
                continue;
            }
            keyed.insert(hmac_sha256(key, k.as_bytes()), k);
            spellings.push(n.trim().to_owned());
        }
        let numbers = keyed
            .into_values()
            .enumerate()
            .map(|(i, k)| (k, i + 1))
            .collect();
        // Longest first, so "Marie Dupont-Leroy" wins over "Marie Dupont".
        spellings.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
        spellings.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
        let alternatives: Vec<String> = spellings
            .iter()
            .filter(|s| s.chars().count() >= 4)
            .map(|s| regex::escape(s))
            .collect();
        let names = (!alternatives.is_empty())
            .then(|| Regex::new(&format!(r"(?i)\b(?:{})\b", alternatives.join("|"))).ok())
            .flatten();
        Pseudonymizer {
            enabled: true,
            lang,
            numbers,
            names,
        }
    }

    /// No pseudonymisation: names and text print as written.
    pub fn off() -> Self {
        Pseudonymizer {
            enabled: false,
            lang: Lang::Fr,
            numbers: BTreeMap::new(),
            names: None,
        }
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The pseudonym of a person named in a personal column.
    pub fn person(&self, name: &str) -> String {
        if !self.enabled {
            return name.to_owned();
        }
        let width = if self.numbers.len() >= 100 { 3 } else { 2 };
        match self.numbers.get(&person_key(name)) {
            Some(n) => format!("{} {n:0width$}", i18n::text("personal.person", self.lang)),
            None if name.trim().is_empty() => String::new(),
            None => format!("{} ?", i18n::text("personal.person", self.lang)),
        }
    }

    /// Free text with its personal data masked and the known names replaced
    /// by their pseudonyms.
    pub fn text(&self, text: &str) -> String {
        if !self.enabled {
            return text.to_owned();
        }
        let masked = mask(text, self.lang);
        match &self.names {
            Some(re) => re
                .replace_all(&masked, |c: &regex::Captures| self.person(&c[0]))
                .into_owned(),
            None => masked,
        }
    }
}

/// Whether a field holds personal data: marked so in the schema, or listed
/// in `[registers.KEY] personal` of smq.toml.
pub fn is_personal(config: &Config, field: FieldRef) -> bool {
    field.field().personal || config.personal(field.kind, field.key())
}

/// Whether a field is free text (masked rather than replaced).
fn is_free_text(field: FieldRef) -> bool {
    matches!(field.field().ty, FieldType::FreeText)
}

/// The names in the personal short-text fields (schema and configuration).
pub fn names_of(regs: &Registers, config: &Config) -> Vec<String> {
    let mut out = Vec::new();
    regs.each_text(&mut |field, _, text| {
        let t = text.trim();
        if !t.is_empty() && is_personal(config, field) && !is_free_text(field) {
            out.push(t.to_owned());
        }
    });
    out
}

/// A copy of the registers fit to leave the service: personal short texts
/// replaced with their pseudonyms, free text masked (and the known names in
/// it replaced).
pub fn pseudonymise(regs: &Registers, config: &Config, p: &Pseudonymizer) -> Registers {
    let mut copy = regs.clone();
    if !p.enabled() {
        return copy;
    }
    copy.each_text_mut(&mut |field, v| {
        let Some(s) = v.as_deref() else { return };
        if is_free_text(field) {
            *v = Some(p.text(s));
        } else if is_personal(config, field) {
            *v = Some(p.person(s));
        }
    });
    copy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_matches_rfc_4231() {
        // RFC 4231, test case 2.
        let mac = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        let hex: String = mac.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(
            hex,
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn pseudonyms_are_stable_keyed_and_replace_names_in_text() {
        let key = [7u8; 32];
        let names = ["Marie Dupont", "Paul Martin", "marie dupont ", "Zoé Roux"];
        let p = Pseudonymizer::new(names, &key, Lang::Fr);
        let a = p.person("Marie Dupont");
        assert_eq!(a, p.person("MARIE DUPONT"));
        assert_ne!(a, p.person("Paul Martin"));
        assert!(a.starts_with("Personne 0"));
        let all: std::collections::BTreeSet<String> = ["Marie Dupont", "Paul Martin", "Zoé Roux"]
            .iter()
            .map(|n| p.person(n))
            .collect();
        assert_eq!(all.len(), 3);
        // Another key numbers them in another order (for some key).
        let differs = (0u8..16)
            .any(|k| Pseudonymizer::new(names, &[k; 32], Lang::Fr).person("Marie Dupont") != a);
        assert!(differs);
        assert_eq!(
            p.text("Vu avec marie dupont, tél 06 12 34 56 78"),
            format!("Vu avec {a}, tél [téléphone]")
        );
        let off = Pseudonymizer::off();
        assert_eq!(off.person("Marie Dupont"), "Marie Dupont");
        assert_eq!(off.text("tél 06 12 34 56 78"), "tél 06 12 34 56 78");
    }
}

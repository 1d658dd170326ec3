//! Markers of personal data in free text, found where the cells are read so
//! that `smq check` can report them and reports can mask them: French
//! social-security numbers (NIR, 15 characters whose last two are the
//! 97-modulus key, with or without spaces, Corsica's 2A/2B), e-mail
//! addresses, French phone numbers, dates of birth after "né(e) le", and
//! names after a title (M., Mme, Dr…; masked, not reported by [`scan`]).

use std::sync::OnceLock;

use regex::{NoExpand, Regex};
use serde::Serialize;

use crate::i18n::{self, Lang};

/// A kind of personal data found in free text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Marker {
    Nir,
    Email,
    Phone,
    Birth,
}

impl Marker {
    /// The catalogue entry naming the marker in messages (`personal.nir`…).
    pub fn key(self) -> &'static str {
        match self {
            Marker::Nir => "personal.nir",
            Marker::Email => "personal.email",
            Marker::Phone => "personal.phone",
            Marker::Birth => "personal.birth",
        }
    }

    /// What the marker is, for messages.
    pub fn label(self, lang: Lang) -> &'static str {
        i18n::text(self.key(), lang)
    }

    /// What replaces the marker in printed text.
    fn mask(self, lang: Lang) -> &'static str {
        i18n::text(&format!("{}-mask", self.key()), lang)
    }
}

struct Patterns {
    email: Regex,
    nir: Regex,
    phone: Regex,
    birth: Regex,
    titled: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| Patterns {
        email: Regex::new(r"(?i)\b[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}\b").expect("valid"),
        // Sex, year, month, department (2A/2B), commune, order, key; spaces,
        // dots or dashes allowed between the groups. Validated by its key.
        nir: Regex::new(
            r"(?i)\b([1-478])[ .-]?(\d{2})[ .-]?(\d{2})[ .-]?(\d{2}|2a|2b)[ .-]?(\d{3})[ .-]?(\d{3})[ .-]?(\d{2})\b",
        )
        .expect("valid"),
        phone: Regex::new(r"(?:\+33[ .]?|0033[ .]?|\b0)[1-9](?:[ .-]?\d{2}){4}\b").expect("valid"),
        birth: Regex::new(
            r"(?i)\bné(?:e|\(e\))?\s+le\s+(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:er)?\s+[a-zéû]+\.?\s+\d{4})",
        )
        .expect("valid"),
        titled: Regex::new(
            r"\b(M\.|Mme|Mlle|Dr|Pr|Monsieur|Madame|Mademoiselle|Docteur|Professeur|Mr|Mrs|Ms)\.?\s+(?:[A-ZÀ-Ý][\p{L}'-]+|[A-ZÀ-Ý]\.)(?:\s+[A-ZÀ-Ý][\p{L}'-]+)?",
        )
        .expect("valid"),
    })
}

/// Whether the groups of a NIR candidate carry a valid key.
fn nir_valid(c: &regex::Captures) -> bool {
    let dept = c[4].to_ascii_uppercase();
    let dept_num = match dept.as_str() {
        "2A" => "19".to_owned(),
        "2B" => "18".to_owned(),
        d => d.to_owned(),
    };
    let digits = format!("{}{}{}{}{}{}", &c[1], &c[2], &c[3], dept_num, &c[5], &c[6]);
    let Ok(n) = digits.parse::<u64>() else {
        return false;
    };
    let Ok(key) = c[7].parse::<u64>() else {
        return false;
    };
    97 - n % 97 == key
}

/// The markers of personal data in `text` (NIR, e-mail, phone, birth date).
pub fn scan(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    // Cheap tests first: most cells hold none of the markers' ingredients.
    let digits = text.bytes().filter(u8::is_ascii_digit).count();
    let at = text.contains('@');
    let born = text.contains("né") || text.contains("Né") || text.contains("NÉ");
    if digits < 8 && !at && !born {
        return out;
    }
    let p = patterns();
    if digits >= 13 && p.nir.captures_iter(text).any(|c| nir_valid(&c)) {
        out.push(Marker::Nir);
    }
    if at && p.email.is_match(text) {
        out.push(Marker::Email);
    }
    if digits < 9 {
        if born && p.birth.is_match(text) {
            out.push(Marker::Birth);
        }
        return out;
    }
    // A valid NIR is not also a phone number.
    let without_nir = p
        .nir
        .replace_all(text, |c: &regex::Captures| {
            if nir_valid(c) {
                String::new()
            } else {
                c[0].to_owned()
            }
        })
        .into_owned();
    if p.phone.is_match(&without_nir) {
        out.push(Marker::Phone);
    }
    if p.birth.is_match(text) {
        out.push(Marker::Birth);
    }
    out
}

/// `text` with its personal data replaced by bracketed words in `lang`.
pub fn mask(text: &str, lang: Lang) -> String {
    let p = patterns();
    let s = p
        .email
        .replace_all(text, NoExpand(Marker::Email.mask(lang)));
    let s = p.nir.replace_all(&s, |c: &regex::Captures| {
        if nir_valid(c) {
            Marker::Nir.mask(lang).to_owned()
        } else {
            c[0].to_owned()
        }
    });
    let s = p.phone.replace_all(&s, NoExpand(Marker::Phone.mask(lang)));
    let s = p.birth.replace_all(&s, NoExpand(Marker::Birth.mask(lang)));
    let name = i18n::text("personal.name-mask", lang);
    let s = p
        .titled
        .replace_all(&s, |c: &regex::Captures| format!("{} {name}", &c[1]));
    s.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A NIR with its key, 97 − (n mod 97) (checked with Python: 25 for
    /// 1 84 05 75 123 456).
    fn with_key(thirteen: &str) -> String {
        let digits: String = thirteen
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_uppercase()
            .replace("2A", "19")
            .replace("2B", "18");
        let n: u64 = digits.parse().unwrap();
        format!("{thirteen} {:02}", 97 - n % 97)
    }

    #[test]
    fn nir_needs_its_key() {
        let nir = with_key("1 84 05 75 123 456");
        assert_eq!(nir, "1 84 05 75 123 456 25");
        assert_eq!(scan(&format!("patient NIR {nir}")), vec![Marker::Nir]);
        assert_eq!(scan("184057512345625"), vec![Marker::Nir]);
        // Corsica.
        let corse = with_key("2 91 03 2A 004 012");
        assert_eq!(scan(&corse), vec![Marker::Nir]);
        // A wrong key is not a NIR (nor a phone).
        assert!(scan("1 84 05 75 123 456 67").is_empty());
        assert!(scan("184057512345666").is_empty());
        assert_eq!(mask(&format!("NIR {nir} noté"), Lang::Fr), "NIR [NIR] noté");
    }

    #[test]
    fn masks_each_kind_of_marker() {
        assert_eq!(
            mask(
                "Écrire à jean.dupont@exemple.fr ou au 06 12 34 56 78.",
                Lang::Fr
            ),
            "Écrire à [courriel] ou au [téléphone]."
        );
        assert_eq!(mask("Tél. +33 6 12 34 56 78", Lang::Fr), "Tél. [téléphone]");
        assert_eq!(
            mask("appel du 01.23.45.67.89", Lang::Fr),
            "appel du [téléphone]"
        );
        assert_eq!(mask("tél 0612345678", Lang::Fr), "tél [téléphone]");
        assert_eq!(
            mask("patiente née le 12/03/1956, anxieuse", Lang::Fr),
            "patiente né(e) le [date], anxieuse"
        );
        assert_eq!(mask("né le 3 mars 1950", Lang::Fr), "né(e) le [date]");
        assert_eq!(
            mask(
                "Merci au Dr Martin et à Mme Le Gall pour l'accueil",
                Lang::Fr
            ),
            "Merci au Dr [nom] et à Mme [nom] pour l'accueil"
        );
        assert_eq!(
            scan("x@y.fr 06 12 34 56 78 née le 01/02/1960"),
            vec![Marker::Email, Marker::Phone, Marker::Birth]
        );
    }

    #[test]
    fn ordinary_numbers_are_not_personal_data() {
        for s in [
            "Attente trop longue en salle 2, 45 minutes.",
            "Examen du 12/03/2025 reporté.",
            "Activité 120 000 kBq, 12 660 examens en 2025",
            "Lot 2503141 du générateur, lot n° 24-0117-B",
            "Taux 98,5 % ; IND-01 ; AC-2025-014 ; FEI-2025-083",
            "Appel 15 ; chambre 112 ; 1 055 examens",
            "Référence MO-RAP-002 version 3.0 du 01/09/2025",
            "Code postal 75013, 2 patients, 4 caméras",
        ] {
            assert!(scan(s).is_empty(), "{s}: {:?}", scan(s));
            assert_eq!(mask(s, Lang::Fr), s);
        }
    }

    #[test]
    fn masks_are_in_the_report_language() {
        assert_eq!(
            mask(
                "Write to jean.dupont@example.com, born on 12/03/1956? née le 12/03/1956, Dr Martin",
                Lang::En
            ),
            "Write to [e-mail], born on 12/03/1956? born on [date], Dr [name]"
        );
        assert_eq!(mask("tél 0612345678", Lang::En), "tél [phone]");
    }
}

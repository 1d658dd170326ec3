//! Masks the personal data free text may hold before a report prints it:
//! e-mail addresses, French phone numbers, social-security numbers (NIR),
//! dates of birth after "né(e) le", and names after a title (M., Mme, Dr,
//! Pr, Monsieur, Madame, Docteur, Professeur). What is masked becomes a
//! bracketed word, so the sentence still reads.

use std::sync::OnceLock;

use regex::Regex;

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
        // Sex digit, year, month, department (2A/2B), commune, order, key;
        // spaces allowed between the groups.
        nir: Regex::new(
            r"(?i)\b[1-478]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2a|2b)\s?\d{3}\s?\d{3}(?:\s?\d{2})?\b",
        )
        .expect("valid"),
        phone: Regex::new(r"(?:\+33\s?|0033\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b").expect("valid"),
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

/// `text` with its personal data replaced by bracketed words.
pub fn mask(text: &str) -> String {
    let p = patterns();
    let s = p.email.replace_all(text, "[courriel]");
    let s = p.nir.replace_all(&s, "[NIR]");
    let s = p.phone.replace_all(&s, "[téléphone]");
    let s = p.birth.replace_all(&s, "né(e) le [date]");
    let s = p.titled.replace_all(&s, "$1 [nom]");
    s.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_each_kind_of_marker() {
        assert_eq!(
            mask("Écrire à jean.dupont@exemple.fr ou au 06 12 34 56 78."),
            "Écrire à [courriel] ou au [téléphone]."
        );
        assert_eq!(mask("Tél. +33 6 12 34 56 78"), "Tél. [téléphone]");
        assert_eq!(mask("appel du 01.23.45.67.89"), "appel du [téléphone]");
        assert_eq!(mask("NIR 2 84 05 2A 123 456 78 noté"), "NIR [NIR] noté");
        assert_eq!(
            mask("patiente née le 12/03/1956, anxieuse"),
            "patiente né(e) le [date], anxieuse"
        );
        assert_eq!(
            mask("Merci au Dr Martin et à Mme Le Gall pour l'accueil"),
            "Merci au Dr [nom] et à Mme [nom] pour l'accueil"
        );
        assert_eq!(mask("M. Durand attendait"), "M. [nom] attendait");
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        for s in [
            "Attente trop longue en salle 2, 45 minutes.",
            "Très bon accueil, merci à toute l'équipe !",
            "Examen du 12/03/2025 reporté.",
            "Résultat 120 000 kBq",
        ] {
            assert_eq!(mask(s), s);
        }
    }
}

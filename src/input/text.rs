//! Text folding for matching what people type against what smq knows: headers
//! (*Date de détection*, *DATE DETECTION (j)*) and list values (*Soldée*,
//! *clôturé*, *Closed*). Folding ignores case, accents, punctuation, spacing,
//! unit suffixes in brackets, small linking words and the gender/plural endings
//! of French words, so every spelling of one label folds to one key.

/// Linking words dropped when folding (*date **de** détection*, *date **of** detection*).
const STOP_WORDS: &[&str] = &[
    "de", "du", "des", "d", "la", "le", "les", "l", "a", "au", "aux", "en", "et", "of", "the", "an",
];

/// Removes the accent of a Latin letter, and expands ligatures.
fn fold_char(c: char, out: &mut String) {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => {
            out.push_str("oe");
            return;
        }
        'æ' => {
            out.push_str("ae");
            return;
        }
        c => c,
    };
    out.push(base);
}

/// Lower-cases, removes accents, turns every non-alphanumeric run into one
/// space, and drops a trailing bracketed unit (`(j)`, `(%)`, `[€]`).
pub fn simplify(s: &str) -> String {
    let mut s = s.trim();
    // Drop trailing bracketed suffixes: "Délai (j)", "Taux (%)".
    loop {
        let trimmed = s.trim_end();
        let Some(last) = trimmed.chars().last() else {
            break;
        };
        let open = match last {
            ')' => '(',
            ']' => '[',
            _ => break,
        };
        match trimmed.rfind(open) {
            Some(i) if i > 0 => s = &trimmed[..i],
            _ => break,
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            fold_char(c, &mut out);
        } else if c == '%' {
            // A bare "%" header or value still means something.
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push('%');
        } else {
            space = true;
        }
    }
    out
}

/// Strips the French feminine and plural endings (and English plural `s`) so
/// *soldé, soldée, soldés* fold together. Applied identically to aliases and
/// input, so the stems only need to be consistent, not linguistic.
fn stem(word: &str) -> &str {
    let mut w = word;
    while w.len() > 3 && (w.ends_with('s') || w.ends_with('e')) {
        w = &w[..w.len() - 1];
    }
    w
}

/// The matching key of a header or list value: [`simplify`], then linking
/// words removed, endings stemmed and spaces removed.
pub fn fold(s: &str) -> String {
    let simple = simplify(s);
    if simple.is_empty() {
        // Symbols such as "↑" or "≥" are meaningful on their own.
        return s.trim().to_owned();
    }
    let mut out = String::with_capacity(simple.len());
    let words: Vec<&str> = simple.split(' ').filter(|w| !w.is_empty()).collect();
    let all_stop = words.iter().all(|w| STOP_WORDS.contains(w));
    for w in &words {
        if !all_stop && STOP_WORDS.contains(w) {
            continue;
        }
        out.push_str(stem(w));
    }
    out
}

/// Levenshtein distance over chars, for "did you mean" suggestions.
pub fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_fold_across_spellings() {
        let key = fold("Date de détection");
        for variant in [
            "DATE DE DETECTION",
            "date_de_détection",
            "  Date  de   détection ",
            "Date détection",
            "Date de détection (jj/mm/aaaa)",
            "Date of detection",
        ] {
            assert_eq!(fold(variant), key, "{variant}");
        }
        assert_eq!(fold("Délai (j)"), fold("délai"));
        assert_eq!(fold("Taux (%)"), fold("Taux"));
        assert_eq!(fold("Main-d'œuvre"), fold("main d oeuvre"));
    }

    #[test]
    fn list_values_fold_across_gender_and_plural() {
        assert_eq!(fold("Soldée"), fold("soldé"));
        assert_eq!(fold("SOLDÉS"), fold("solde"));
        assert_eq!(fold("Clôturée"), fold("cloture"));
        assert_eq!(fold("Réalisée"), fold("réalisé"));
        assert_ne!(fold("efficace"), fold("non efficace"));
        assert_eq!(fold("oui"), "oui");
    }

    #[test]
    fn a_value_made_only_of_linking_words_is_kept() {
        assert_eq!(fold("A"), "a");
        assert_eq!(fold("de"), "de");
    }

    #[test]
    fn levenshtein_matches_reference_values() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("clos", "clos"), 0);
        assert_eq!(levenshtein("flaw", "lawn"), 2);
    }
}

/// A table from folded spellings to values, for matching many cells against a
/// small vocabulary. Registers repeat the same few spellings thousands of
/// times, so the result for each raw spelling is remembered (up to
/// [`FoldedTable::MEMO_LIMIT`] spellings, so garbage input cannot grow it
/// without bound).
#[derive(Debug)]
pub struct FoldedTable<T: Copy> {
    table: std::collections::HashMap<String, T>,
    memo: std::sync::RwLock<std::collections::HashMap<String, Option<T>>>,
}

impl<T: Copy> FoldedTable<T> {
    /// Spellings remembered at most.
    pub const MEMO_LIMIT: usize = 4096;

    /// Builds the table; the first entry wins when two spellings fold alike.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a str, T)>) -> Self {
        let mut table = std::collections::HashMap::new();
        for (k, v) in entries {
            table.entry(fold(k)).or_insert(v);
        }
        FoldedTable {
            table,
            memo: std::sync::RwLock::new(std::collections::HashMap::new()),
        }
    }

    /// The value `raw` names, if any.
    pub fn get(&self, raw: &str) -> Option<T> {
        if let Ok(memo) = self.memo.read()
            && let Some(v) = memo.get(raw)
        {
            return *v;
        }
        let v = self.table.get(&fold(raw)).copied();
        if let Ok(mut memo) = self.memo.write()
            && memo.len() < Self::MEMO_LIMIT
        {
            memo.insert(raw.to_owned(), v);
        }
        v
    }

    /// The folded keys and their values, sorted by key.
    pub fn entries(&self) -> Vec<(&String, &T)> {
        let mut e: Vec<_> = self.table.iter().collect();
        e.sort_by(|a, b| a.0.cmp(b.0));
        e
    }
}

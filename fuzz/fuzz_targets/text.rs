//! Text parsing: the input, read as UTF-8 (lossy), goes through every parser
//! of what people type in a cell (dates, months, numbers, yes/no, list
//! values), the folding behind header and list matching, the personal-data
//! scan and masking, pseudonyms, A1 references and message templates.
//!
//! Besides "no panic, no hang", it checks properties that hold by
//! construction:
//! - a parsed date/month prints (`2025-03-12`, `2025-03`) as text that parses
//!   back to itself;
//! - a parsed number is finite;
//! - the `Data::String` readers agree with the text parsers they wrap;
//! - Levenshtein distance is symmetric, zero on equal strings and bounded by
//!   the lengths;
//! - a list value found by `lookup` names an entry (its label exists);
//! - an A1 reference that parses prints back as a reference to the same cell;
//! - every name given to the pseudonymizer gets a numbered pseudonym.

#![no_main]

use calamine::Data;
use libfuzzer_sys::fuzz_target;
use smq::i18n::Lang;
use smq::input::{cellref, parse, text};
use smq::registers::vocab::{self, Vocab};
use smq::report::pseudonym;

const VOCABS: &[&Vocab] = &[
    &vocab::EVENT_TYPE,
    &vocab::STATUS,
    &vocab::EFFECTIVENESS,
    &vocab::CAUSE,
    &vocab::SYSTEMIC_ANALYSIS,
    &vocab::ACTION_TYPE,
    &vocab::SUPPLIER_DECISION,
    &vocab::POPULATION,
    &vocab::DIRECTION,
    &vocab::FREQUENCY,
    &vocab::INDICATOR_KIND,
    &vocab::AUDIT_KIND,
    &vocab::GRADE,
    &vocab::DOC_CATEGORY,
    &vocab::DOC_STATUS,
    &vocab::APPLICABILITY,
    &vocab::PROXIMITY,
];

/// Characters of each side given to the quadratic Levenshtein checks.
const LEVENSHTEIN_CHARS: usize = 512;
/// Characters given to `Vocab::suggest`, which runs Levenshtein against every
/// spelling of a list: its cost grows with the input's length (see
/// docs/fuzzing.md).
const SUGGEST_CHARS: usize = 128;

fn cell_parsers(s: &str) {
    let data = Data::String(s.to_owned());

    let date = parse::parse_date_text(s);
    if let Some(d) = date {
        let printed = d.to_string();
        assert_eq!(
            parse::parse_date_text(&printed),
            Some(d),
            "{s:?} → {printed}"
        );
    }
    let month = parse::parse_month_text(s);
    if let Some(m) = month {
        let printed = m.to_string();
        assert_eq!(
            parse::parse_month_text(&printed),
            Some(m),
            "{s:?} → {printed}"
        );
        let _ = m.first_day();
        let _ = m.plus(1).months_until(m);
    }
    let number = parse::parse_number_text(s);
    if let Some(n) = number {
        assert!(n.value.is_finite(), "{s:?} → {n:?}");
    }
    let boolean = parse::parse_bool_text(s);

    // The cell readers: blank markers ("-", "n/a", "sans objet") are empty
    // cells; otherwise they say what the text parser says.
    let blank = parse::is_empty(&data);
    let d = parse::date(&data, false);
    let _ = parse::date(&data, true);
    let m = parse::month(&data, false);
    let n = parse::number(&data);
    let b = parse::boolean(&data);
    let t = parse::text(&data);
    let _ = parse::display(&data);
    if blank {
        assert_eq!(d, Ok(None));
        assert_eq!(m, Ok(None));
        assert_eq!(n, Ok(None));
        if let Ok(Some(t)) = &t {
            panic!("blank text {s:?} read as text {t:?}");
        }
    } else {
        assert_eq!(d.ok().flatten(), date, "date of {s:?}");
        assert_eq!(m.ok().flatten(), month, "month of {s:?}");
        assert_eq!(n.ok().flatten(), number, "number of {s:?}");
        if !s.trim().is_empty() {
            assert_eq!(b.ok().flatten(), boolean, "boolean of {s:?}");
        }
        assert_eq!(t, Ok(Some(s.trim().to_owned())), "text of {s:?}");
    }
    // A1 references.
    if let Some((r, c)) = cellref::parse_a1(s) {
        assert_eq!(cellref::parse_a1(&cellref::a1(r, c)), Some((r, c)), "{s:?}");
    }
    let _ = smq::registers::read::split_ids(s);
    let _ = Lang::parse(s);
}

fn folding(s: &str) {
    let _ = text::simplify(s);
    let _ = text::fold(s);
    // Two halves, split on a character boundary, for the distance.
    let chars: Vec<char> = s.chars().take(2 * LEVENSHTEIN_CHARS).collect();
    let (a, b) = chars.split_at(chars.len() / 2);
    let (a, b): (String, String) = (a.iter().collect(), b.iter().collect());
    let d = text::levenshtein(&a, &b);
    assert_eq!(d, text::levenshtein(&b, &a), "symmetric: {a:?} / {b:?}");
    assert_eq!(text::levenshtein(&a, &a), 0);
    let (la, lb) = (a.chars().count(), b.chars().count());
    assert!(
        d >= la.abs_diff(lb) && d <= la.max(lb),
        "{a:?} / {b:?} → {d}"
    );
}

fn vocabularies(s: &str) {
    for v in VOCABS {
        if let Some(i) = v.lookup(s) {
            assert!((i as usize) < v.entries.len(), "{}: {s:?} → {i}", v.name);
            let _ = v.label(i, Lang::Fr);
            let _ = v.label(i, Lang::En);
            // The same spelling gives the same answer twice (memo).
            assert_eq!(v.lookup(s), Some(i));
        }
    }
    // "Did you mean" runs Levenshtein against every spelling of a list: one
    // list per input (chosen by its length), on its first characters.
    let short = match s.char_indices().nth(SUGGEST_CHARS) {
        Some((i, _)) => &s[..i],
        None => s,
    };
    let v = VOCABS[s.len() % VOCABS.len()];
    let lang = if s.len() % 2 == 0 { Lang::Fr } else { Lang::En };
    if let Some(label) = v.suggest(short, lang) {
        assert!(v.entries.iter().any(|e| e.fr == label || e.en == label));
    }
}

fn personal_data(s: &str) {
    let _ = smq::input::personal::scan(s);
    let _ = smq::input::personal::mask(s, Lang::Fr);
    // The first lines are names, the rest is free text.
    let mut lines = s.splitn(5, '\n');
    let names: Vec<&str> = lines.by_ref().take(4).collect();
    let free = lines.next().unwrap_or(s);
    let key = pseudonym::workspace_key(&[s.len().to_string()], Some("fuzz"));
    let p = pseudonym::Pseudonymizer::new(names.iter().copied(), &key, Lang::Fr);
    for n in &names {
        let alias = p.person(n);
        if !text::simplify(n).is_empty() {
            assert!(
                alias.starts_with("Personne ") && !alias.ends_with('?'),
                "{n:?} → {alias:?}"
            );
        }
    }
    let _ = p.text(free);
}

fn templates(s: &str) {
    let args = [("field", "Date".to_owned()), ("value", s.to_owned())];
    let _ = smq::i18n::fill(s, &args);
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let s = s.as_ref();
    cell_parsers(s);
    folding(s);
    vocabularies(s);
    personal_data(s);
    templates(s);
});

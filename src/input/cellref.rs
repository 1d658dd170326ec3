//! A1 cell references, as Excel shows them (`F12`, `AA3`). Rows and columns
//! are zero-based inside smq and one-based/lettered only when shown.

/// The column letters of a zero-based column index: 0 → `A`, 26 → `AA`.
pub fn col_name(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// The A1 reference of a zero-based (row, column).
pub fn a1(row: u32, col: u32) -> String {
    format!("{}{}", col_name(col), row as u64 + 1)
}

/// Parses `F12` into zero-based (row, column); `None` if it is not a cell.
pub fn parse_a1(s: &str) -> Option<(u32, u32)> {
    let s = s.trim();
    let split = s.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = s.split_at(split);
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    let mut col: u64 = 0;
    for c in letters.chars() {
        col = col * 26 + (c.to_ascii_uppercase() as u64 - b'A' as u64 + 1);
    }
    let row: u64 = digits.parse().ok()?;
    if row == 0 {
        return None;
    }
    Some(((row - 1).try_into().ok()?, (col - 1).try_into().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_follow_excel_lettering() {
        assert_eq!(col_name(0), "A");
        assert_eq!(col_name(25), "Z");
        assert_eq!(col_name(26), "AA");
        assert_eq!(col_name(701), "ZZ");
        assert_eq!(col_name(702), "AAA");
        assert_eq!(col_name(16383), "XFD");
    }

    #[test]
    fn a1_round_trips() {
        assert_eq!(a1(11, 5), "F12");
        for (r, c) in [(0, 0), (9, 27), (1_048_575, 16_383)] {
            assert_eq!(parse_a1(&a1(r, c)), Some((r, c)));
        }
        assert_eq!(parse_a1("12"), None);
        assert_eq!(parse_a1("A0"), None);
    }
}

//! The fonts a report may use, all embedded: Inter (OFL, see `fonts/OFL.txt`)
//! for text and charts, and typst-assets' fonts for mathematics and code.
//! No system font is ever looked up, so a report renders the same everywhere.

use std::sync::OnceLock;

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};

/// The body family's name, as templates use it.
pub const BODY_FAMILY: &str = "Inter";

static INTER: &[&[u8]] = &[
    include_bytes!("../../fonts/Inter-Regular.otf"),
    include_bytes!("../../fonts/Inter-Italic.otf"),
    include_bytes!("../../fonts/Inter-SemiBold.otf"),
    include_bytes!("../../fonts/Inter-Bold.otf"),
    include_bytes!("../../fonts/Inter-BoldItalic.otf"),
];

/// Every embedded font, parsed once per process.
pub fn fonts() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| {
        INTER
            .iter()
            .copied()
            .chain(typst_assets::fonts())
            .flat_map(|data| Font::iter(Bytes::new(data)))
            .collect()
    })
}

/// The font book describing [`fonts`].
pub fn book() -> FontBook {
    FontBook::from_fonts(fonts())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inter_is_there_in_four_styles_and_weights() {
        let inter: Vec<&Font> = fonts()
            .iter()
            .filter(|f| f.info().family == BODY_FAMILY)
            .collect();
        assert_eq!(inter.len(), 5);
    }
}

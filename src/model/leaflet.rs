//! A printable leaflet: declared in the campaign file, written per language
//! in `content/<campaign>/<lang>/leaflets/<id>.md`, laid out by the theme.

/// Whether a thematic break's text (a line Markdown draws as a rule) starts
/// a new part of a leaflet: a rule of dashes, `---`, also written with
/// spaces (`- - -`, as browser editors save it) or longer. `***` and `___`
/// draw a line inside a part.
pub fn is_part_break(rule: &str) -> bool {
    let rule = rule.trim();
    rule.starts_with('-')
        && rule.chars().all(|c| c == '-' || c == ' ' || c == '\t')
        && rule.chars().filter(|&c| c == '-').count() >= 3
}

/// The paper formats outreach knows how to check and fold.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// A4 landscape, printed on both sides and folded twice into six panels.
    A4Trifold,
    /// A5 portrait, two sides.
    A5Flyer,
    /// A6 portrait pocket card, two sides; optionally four to an A4 sheet.
    A6Card,
}

impl Format {
    /// Every format, in the order the documentation lists them.
    pub const ALL: [Format; 3] = [Format::A4Trifold, Format::A5Flyer, Format::A6Card];

    /// The name authors write in `format:`; also the theme's layout file
    /// (`themes/<theme>/leaflets/<name>.typ`).
    pub fn name(self) -> &'static str {
        match self {
            Format::A4Trifold => "a4-trifold",
            Format::A5Flyer => "a5-flyer",
            Format::A6Card => "a6-card",
        }
    }

    /// The format called `name`.
    pub fn parse(name: &str) -> Option<Format> {
        Format::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The parts of the leaflet's text, in the order the author writes
    /// them (separated by `---` lines), named as error messages and the
    /// theme call them.
    pub fn sections(self) -> &'static [&'static str] {
        match self {
            Format::A4Trifold => &["cover", "inside-1", "inside-2", "inside-3", "flap", "back"],
            Format::A5Flyer | Format::A6Card => &["front", "back"],
        }
    }

    /// The width pictures are printed at: a panel's text width at 300
    /// dots per inch (sharp on any office printer), never more.
    pub fn picture_widths(self) -> &'static [u32] {
        match self {
            // 100 mm panels less 2 × 8 mm margins.
            Format::A4Trifold => &[1000],
            // 148 mm less 2 × 12 mm.
            Format::A5Flyer => &[1470],
            // 105 mm less 2 × 7 mm.
            Format::A6Card => &[1080],
        }
    }

    /// How many pages the PDF has: more means the text ran over.
    pub fn pages(self) -> usize {
        2
    }
}

/// One entry of `leaflets:` in a campaign file, checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LeafletSpec {
    /// The leaflet's name: its text files and PDFs are called `<id>.md` and `<id>.pdf`.
    pub id: String,
    /// The paper format.
    pub format: Format,
    /// For `a6-card`: print four cards on an A4 sheet with cut marks.
    pub sheet: bool,
    /// Whether the back carries a QR code to the campaign's page (needs `base_url`).
    pub qr: bool,
    /// Who prints it: an office printer, or a print shop (bleed and crop marks).
    pub print: Printer,
    /// Line in the campaign file where the leaflet is declared.
    pub line: usize,
}

/// Who prints a leaflet (`print:` in the campaign file).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Printer {
    /// An office printer: the page as it is, everything at least 8 mm
    /// from its edges (office printers leave the edges blank).
    #[default]
    Office,
    /// A print shop, which prints on larger paper and cuts it: 3 mm of
    /// bleed (colour running past the edge, so no white line shows where
    /// the cut strays) and crop marks outside it.
    Shop,
}

/// A typeset leaflet.
#[derive(Debug, Clone)]
pub struct PrintedLeaflet {
    /// The campaign's id.
    pub campaign: String,
    /// The language tag.
    pub lang: String,
    /// The leaflet's id.
    pub id: String,
    /// The PDF file.
    pub pdf: Vec<u8>,
}

impl PrintedLeaflet {
    /// Where the PDF goes in the output, relative to its language folder.
    pub fn output_name(id: &str) -> String {
        format!("leaflets/{id}.pdf")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_of_dashes_breaks_a_part_and_others_draw_a_line() {
        for rule in ["---", "- - -", "----", "  ---  ", "-  -  -"] {
            assert!(is_part_break(rule), "{rule:?}");
        }
        for rule in ["***", "___", "* * *", "--", "-*-"] {
            assert!(!is_part_break(rule), "{rule:?}");
        }
    }
}

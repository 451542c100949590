//! A folded leaflet's tags in the order it is read.
//!
//! Screen readers and "read aloud" follow a PDF's tags (its structure
//! tree). Typst writes them in the order of the pages, as printed: a
//! tri-fold's outside (flap, back, cover), then its inside. A reader of
//! the folded leaflet meets the cover first, then the three inside
//! panels, the flap and the back. The layout gives each side's panels as
//! one group (a grid) of three; this moves the panels out of the two
//! groups into the order they are read, under the document itself.

use lopdf::{Document, Object, ObjectId};

/// The tri-fold's panels in reading order, as (side, panel in the side's
/// group): the cover is the outside's third, the flap and back its first two.
pub const TRIFOLD_READING_ORDER: &[(usize, usize)] =
    &[(0, 2), (1, 0), (1, 1), (1, 2), (0, 0), (0, 1)];

/// `pdf` with its panels tagged in `order`, or `None` when its structure
/// is not the one expected (a theme's own layout): it is then kept as
/// Typst wrote it.
pub fn in_reading_order(pdf: &[u8], order: &[(usize, usize)]) -> Option<Vec<u8>> {
    let mut doc = Document::load_mem(pdf).ok()?;
    let root = doc
        .catalog()
        .ok()?
        .get(b"StructTreeRoot")
        .ok()?
        .as_reference()
        .ok()?;
    let top = match doc.get_dictionary(root).ok()?.get(b"K").ok()? {
        Object::Reference(id) => *id,
        Object::Array(children) if children.len() == 1 => children[0].as_reference().ok()?,
        _ => return None,
    };
    let children = |doc: &Document, id: ObjectId| -> Option<Vec<ObjectId>> {
        doc.get_dictionary(id)
            .ok()?
            .get(b"K")
            .ok()?
            .as_array()
            .ok()?
            .iter()
            .map(|child| child.as_reference().ok())
            .collect()
    };
    let sides = children(&doc, top)?;
    let panels: Vec<Vec<ObjectId>> = sides
        .iter()
        .map(|side| children(&doc, *side))
        .collect::<Option<_>>()?;
    let is_div = |doc: &Document, id: ObjectId| {
        doc.get_dictionary(id)
            .ok()
            .and_then(|d| d.get(b"S").ok()?.as_name().ok().map(|s| s == b"Div"))
            .unwrap_or(false)
    };
    let wanted: usize = order.len();
    let found: usize = panels.iter().map(Vec::len).sum();
    if found != wanted
        || !sides.iter().all(|side| is_div(&doc, *side))
        || !panels.iter().flatten().all(|panel| is_div(&doc, *panel))
    {
        return None;
    }
    let mut ordered = Vec::with_capacity(wanted);
    for (side, panel) in order {
        ordered.push(*panels.get(*side)?.get(*panel)?);
    }
    for panel in &ordered {
        doc.get_dictionary_mut(*panel)
            .ok()?
            .set("P", Object::Reference(top));
    }
    doc.get_dictionary_mut(top).ok()?.set(
        "K",
        Object::Array(ordered.iter().map(|id| Object::Reference(*id)).collect()),
    );
    for side in sides {
        doc.objects.remove(&side);
    }
    let mut out = Vec::with_capacity(pdf.len());
    doc.save_to(&mut out).ok()?;
    Some(out)
}

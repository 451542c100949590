//! How alike two texts are, measured as gettext's `msgmerge` measures it,
//! so that outreach's export marks the same translations fuzzy as
//! `msgmerge` would on the same files.

/// `msgmerge` takes an old translation as a fuzzy suggestion for a changed
/// text from this similarity up (gettext's `FUZZY_THRESHOLD`).
pub const FUZZY_THRESHOLD: f64 = 0.6;

/// Similarity of two texts from 0 (nothing in common) to 1 (equal):
/// twice the length of their longest common subsequence over their total
/// length, which is what gettext's `fstrcmp` computes from an edit script.
pub fn similarity(a: &str, b: &str) -> f64 {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let total = a.len() + b.len();
    if total == 0 {
        return 1.0;
    }
    // The common part can be no longer than the shorter text: when even
    // that could not reach the threshold, skip the quadratic work.
    let best_possible = 2.0 * a.len().min(b.len()) as f64 / total as f64;
    if best_possible < FUZZY_THRESHOLD {
        return best_possible;
    }
    2.0 * lcs_len(&a, &b) as f64 / total as f64
}

/// The similarity of two texts when it is at least `at_least`; `None`
/// when it is less, or when the texts are too long to compare quickly (a
/// text of thousands of characters changed is better translated afresh
/// than suggested from a distant match).
pub fn similar_enough(a: &str, b: &str, at_least: f64) -> Option<f64> {
    /// Characters × characters compared at most (a few milliseconds).
    const MAX_WORK: usize = 4_000_000;
    let (la, lb) = (a.chars().count(), b.chars().count());
    let total = la + lb;
    if total == 0 || la * lb > MAX_WORK {
        return None;
    }
    if 2.0 * la.min(lb) as f64 / (total as f64) < at_least {
        return None;
    }
    let s = similarity(a, b);
    (s >= at_least).then_some(s)
}

/// Length of the longest common subsequence, in one row of memory.
fn lcs_len(a: &[char], b: &[char]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diagonal = 0;
        for (j, &y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y {
                diagonal + 1
            } else {
                above.max(row[j])
            };
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_and_unrelated_texts() {
        assert_eq!(similarity("abc", "abc"), 1.0);
        assert_eq!(similarity("", ""), 1.0);
        assert_eq!(similarity("abc", "xyz"), 0.0);
    }

    #[test]
    fn a_small_edit_stays_above_the_threshold() {
        let s = similarity("The cat sat on the mat.", "The cat sat on the red mat.");
        assert!(s > FUZZY_THRESHOLD && s < 1.0, "{s}");
        // 2 × 3 common letters ("ac" + … ) over 8: well below.
        assert!(similarity("Call now", "Pozovite") < FUZZY_THRESHOLD);
    }

    #[test]
    fn similar_enough_skips_what_cannot_reach_the_bound() {
        assert!(similar_enough("The cat sat.", "The cat sat!", 0.6).is_some());
        assert_eq!(
            similar_enough("short", "a much longer text than that", 0.6),
            None
        );
        let long = "x".repeat(3000);
        assert_eq!(
            similar_enough(&long, &long, 0.6),
            None,
            "too long to compare"
        );
    }

    #[test]
    fn counts_characters_not_bytes() {
        // Cyrillic letters are two bytes each; one letter changed of four.
        assert_eq!(similarity("пома", "помо"), 0.75);
    }
}

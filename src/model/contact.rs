//! Help contacts: the hotlines and organisations a campaign sends readers to.

use std::collections::BTreeMap;

/// A checked contact from the campaign file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Contact {
    /// Name per language tag; languages without one show the default language's.
    pub name: BTreeMap<String, String>,
    /// The number as written for people (`+389 2 3103 570`).
    pub phone: String,
    /// The same number for `tel:` links: `+` and ASCII digits only.
    pub tel: String,
    /// WhatsApp number, if the contact uses it.
    pub whatsapp: Option<Number>,
    /// Viber number, if the contact uses it.
    pub viber: Option<Number>,
    /// SMS number, if the contact takes text messages.
    pub sms: Option<Number>,
    /// E-mail address, if any.
    pub email: Option<String>,
    /// Opening hours per language tag, if given.
    pub hours: BTreeMap<String, String>,
    /// ISO 3166 country codes where the contact helps; empty means everywhere.
    pub countries: Vec<String>,
    /// When someone last checked the contact works (days since 1970-01-01).
    pub verified: Option<i64>,
    /// Example data, not a real contact: pages say so next to it.
    pub example: bool,
}

/// A messaging number: printed as the author wrote it, dialled without
/// the spaces (issue 13: leaflets printed `+35500000001`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Number {
    /// As written: `+355 69 000 0001`.
    pub written: String,
    /// `+` and ASCII digits, for links: `+355690000001`.
    pub dial: String,
}

/// `+` and ASCII digits of a phone number as written, for `tel:` and
/// messaging links; `None` if it has anything but digits, spaces, `+`,
/// `-`, `.`, `/` and brackets, or too few digits to be a number.
pub fn dialable(phone: &str) -> Option<String> {
    let phone = phone.trim();
    let mut out = String::new();
    for (i, c) in phone.chars().enumerate() {
        match c {
            '+' if i == 0 => out.push('+'),
            '0'..='9' => out.push(c),
            ' ' | '-' | '.' | '/' | '(' | ')' | '\u{a0}' => {}
            _ => return None,
        }
    }
    (out.trim_start_matches('+').len() >= 3).then_some(out)
}

/// Why a dialable number (`+` and digits) cannot be a real helpline for
/// readers, if it cannot: all zeros (a placeholder), or a full-length
/// number without `+` and a country code, which does not connect from a
/// foreign phone. Short codes such as `112` or `116 006` need no country code.
pub fn placeholder_problem(dial: &str) -> Option<&'static str> {
    let digits = dial.trim_start_matches('+');
    if digits.chars().all(|c| c == '0') {
        return Some("is all zeros: it looks like a placeholder, not a real number");
    }
    if !dial.starts_with('+') && digits.len() >= 7 {
        return Some("has no country code: it cannot be reached from a phone of another country");
    }
    None
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date, if it is a real date.
pub fn parse_date(text: &str) -> Option<i64> {
    let mut parts = text.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d): (i64, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&m) || d == 0 || d > month_days[(m - 1) as usize] {
        return None;
    }
    // Days from civil, after Howard Hinnant's algorithm.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Today, in days since 1970-01-01 (UTC).
pub fn today() -> i64 {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    (secs / 86_400) as i64
}

/// Why `email` is not an e-mail address that a `mailto:` link can carry
/// as it is, if it is not: `name@site.org` with no spaces, and nothing
/// (`?`, `&`, `%`) that would add fields such as `bcc=` to the message.
pub fn email_problem(email: &str) -> Option<String> {
    let Some((local, domain)) = email.split_once('@') else {
        return Some("has no `@`".to_string());
    };
    if let Some(c) = email.chars().find(|c| c.is_whitespace() || c.is_control()) {
        return Some(match c {
            ' ' => "has a space in it".to_string(),
            _ => format!("has an invisible character (U+{:04X}) in it", c as u32),
        });
    }
    let local_ok = !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._+-".contains(c));
    if !local_ok {
        return Some(format!(
            "has `{local}` before the `@`: only letters a–z, digits and `.`, `_`, `+`, `-` can be there"
        ));
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        });
    if !domain_ok {
        return Some(format!(
            "has `{domain}` after the `@`, which is not a site name such as `example.org`"
        ));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_become_dialable() {
        assert_eq!(dialable("+389 2 3103 570").as_deref(), Some("+38923103570"));
        assert_eq!(dialable("(011) 123-45/67").as_deref(), Some("0111234567"));
        assert_eq!(
            dialable("+381 ۱۲۳"),
            None,
            "Persian digits are not written in numbers"
        );
        assert_eq!(dialable("call 112"), None);
        assert_eq!(dialable("12"), None);
        assert_eq!(dialable("1+2"), None);
    }

    #[test]
    fn placeholders_and_local_numbers_are_named() {
        assert!(
            placeholder_problem("+00000000000")
                .unwrap()
                .contains("zeros")
        );
        assert!(
            placeholder_problem("0691234567")
                .unwrap()
                .contains("country code")
        );
        assert_eq!(placeholder_problem("+381691234567"), None);
        assert_eq!(placeholder_problem("112"), None, "an emergency short code");
        assert_eq!(placeholder_problem("116006"), None, "an EU short code");
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2000-03-01"), Some(11_017));
        assert_eq!(parse_date("2024-02-29"), Some(19_782));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2026-13-01"), None);
        assert_eq!(parse_date("26-1-1"), None);
        assert_eq!(
            parse_date("2026-11-28").unwrap() - parse_date("2026-05-01").unwrap(),
            211
        );
    }

    // Issue 13, item 12: `a@b.org?subject=x&body=…` was accepted, so
    // `?bcc=` would have been.
    #[test]
    fn e_mail_addresses_carry_nothing_but_the_address() {
        for good in [
            "help@example.org",
            "la.strada+mk@example.org.mk",
            "info@пример.срб",
        ] {
            assert_eq!(email_problem(good), None, "{good}");
        }
        for (bad, says) in [
            ("a@b.org?subject=x&body=y", "after the `@`"),
            ("a@b.org?bcc=spy@evil.example", "after the `@`"),
            ("a%0Abcc@b.org", "before the `@`"),
            ("help at example.org", "has no `@`"),
            ("help@example", "after the `@`"),
            ("he lp@example.org", "a space"),
            ("help@example.org\n", "U+000A"),
            (".help@example.org", "before the `@`"),
        ] {
            let problem = email_problem(bad).unwrap_or_default();
            assert!(problem.contains(says), "{bad:?}: {problem}");
        }
    }
}

//! Money: "$61 billion", "US$1.2 billion", "€228 million", "£2.5bn",
//! "UAH 40 billion", "Rs 500 crore", "10.8 trillion roubles",
//! "61 billion dollars", "40 million shekels", "R2.3bn".

use super::lexicon::{phrase, After, Table};
use super::number::{digits_scaled, is_space, numeral, short_scale, Form};

/// Currency marks written before the amount, with their ISO 4217 codes.
/// Case-sensitive: "US$" and "Rs" are marks, "us" and "rs" are not.
static PREFIXES: Table<&str> = Table::new(
    &[
        ("$", "USD"),
        ("US$", "USD"),
        ("U.S.$", "USD"),
        ("A$", "AUD"),
        ("AU$", "AUD"),
        ("C$", "CAD"),
        ("CA$", "CAD"),
        ("CAN$", "CAD"),
        ("NZ$", "NZD"),
        ("HK$", "HKD"),
        ("S$", "SGD"),
        ("NT$", "TWD"),
        ("R$", "BRL"),
        ("MX$", "MXN"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("¥", "JPY"),
        ("₹", "INR"),
        ("Rs.", "INR"),
        ("Rs", "INR"),
        ("₩", "KRW"),
        ("₽", "RUB"),
        ("₴", "UAH"),
        ("₪", "ILS"),
        ("₺", "TRY"),
        ("₦", "NGN"),
        ("₱", "PHP"),
        ("฿", "THB"),
    ],
    true,
);

/// ISO codes written before the amount ("UAH 40 billion", "CHF 3.5m").
const CODES: &[&str] = &[
    "USD", "EUR", "GBP", "JPY", "CNY", "RMB", "INR", "UAH", "RUB", "CHF", "AUD", "CAD", "NZD",
    "HKD", "SGD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "TRY", "ILS", "ZAR", "BRL", "MXN",
    "KRW", "TWD", "THB", "MYR", "IDR", "PHP", "VND", "NGN", "KES", "EGP", "SAR", "AED", "QAR",
    "PKR", "BDT",
];

/// Currency words written after the amount. Longer phrases first where they share a start.
pub(super) static WORDS: Table<&str> = Table::new(
    &[
        ("US dollars", "USD"),
        ("U.S. dollars", "USD"),
        ("American dollars", "USD"),
        ("Australian dollars", "AUD"),
        ("Canadian dollars", "CAD"),
        ("Hong Kong dollars", "HKD"),
        ("New Zealand dollars", "NZD"),
        ("Singapore dollars", "SGD"),
        ("Taiwan dollars", "TWD"),
        ("dollars", "USD"),
        ("dollar", "USD"),
        ("euros", "EUR"),
        ("euro", "EUR"),
        ("pounds sterling", "GBP"),
        ("sterling", "GBP"),
        ("yen", "JPY"),
        ("yuan", "CNY"),
        ("renminbi", "CNY"),
        ("rupees", "INR"),
        ("rupee", "INR"),
        ("roubles", "RUB"),
        ("rubles", "RUB"),
        ("rouble", "RUB"),
        ("ruble", "RUB"),
        ("hryvnias", "UAH"),
        ("hryvnia", "UAH"),
        ("shekels", "ILS"),
        ("shekel", "ILS"),
        ("ringgit", "MYR"),
        ("pesos", "MXN"),
        ("francs", "CHF"),
        ("Swiss francs", "CHF"),
        ("won", "KRW"),
        ("rand", "ZAR"),
        ("lira", "TRY"),
        ("liras", "TRY"),
        ("baht", "THB"),
        ("rupiah", "IDR"),
        ("naira", "NGN"),
        ("dirhams", "AED"),
        ("riyals", "SAR"),
        ("zloty", "PLN"),
        ("Danish crowns", "DKK"),
        ("Danish kroner", "DKK"),
        ("Swedish crowns", "SEK"),
        ("Swedish kronor", "SEK"),
        ("Norwegian crowns", "NOK"),
        ("Norwegian kroner", "NOK"),
        ("Czech crowns", "CZK"),
        ("Czech korunas", "CZK"),
        ("korunas", "CZK"),
        ("forints", "HUF"),
        ("Pakistani rupees", "PKR"),
        ("Egyptian pounds", "EGP"),
        ("Argentine pesos", "ARS"),
        ("Chilean pesos", "CLP"),
        ("Colombian pesos", "COP"),
        ("Philippine pesos", "PHP"),
        ("kronor", "SEK"),
        ("kronur", "ISK"),
        ("kroner", "NOK"),
        ("reais", "BRL"),
        ("dong", "VND"),
        ("shillings", "KES"),
        ("cedis", "GHS"),
    ],
    false,
);

/// A currency mark before an amount: returns the rest (at the digits) and the code.
pub fn prefix(input: &str) -> Option<(&str, &'static str)> {
    // Most calls are on digits and lowercase words, which open no mark; a
    // lowercase word would otherwise get past the tables' first-byte index,
    // which ignores case.
    if !input.as_bytes().first().is_some_and(|&b| may_open_mark(b)) {
        return None;
    }
    if let Some((rest, code)) = PREFIXES.longest(input) {
        let rest = rest.trim_start_matches(super::number::is_space);
        return Some((rest, code));
    }
    if let Some(amount) = input.strip_prefix('R').filter(|a| reads_as_rand(a)) {
        return Some((amount, "ZAR"));
    }
    let letters = input
        .get(..3)
        .filter(|l| l.bytes().all(|b| b.is_ascii_uppercase()))?;
    let code = CODES.iter().find(|code| letters == **code)?;
    let rest = &input[code.len()..];
    let spaced = rest.trim_start_matches(super::number::is_space);
    // "UAH 40" or "USD40", never "USDA".
    (spaced.starts_with(|c: char| c.is_ascii_digit())).then_some((spaced, *code))
}

/// Whether a word may open an amount with a currency mark: a mark, or an
/// "R" before digits, whose scale may be the next word ("R400 million").
pub fn may_open(word: &str) -> bool {
    let rand = word
        .strip_prefix('R')
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    rand || prefix(word).is_some()
}

/// Whether the digits after an "R" are an amount of rand. The mark is a
/// capital that also opens names and codes ("R2-D2", the "R101" road), so
/// only an amount written as money counts: with a scale ("R850m", "R400
/// million") or in groups of thousands ("R4,150").
fn reads_as_rand(amount: &str) -> bool {
    let Ok((rest, n)) = digits_scaled(amount) else {
        return false;
    };
    let scaled = matches!(n.form, Form::Digits { scaled: true, .. }) || short_scale(rest).is_ok();
    let grouped =
        || numeral(amount).is_ok_and(|(rest, _)| amount[..amount.len() - rest.len()].contains(','));
    scaled || grouped()
}

/// Whether a currency mark or code may open with the byte `first`: every
/// mark opens with `$`, a capital or a sign beyond ASCII, and every code
/// with a capital.
fn may_open_mark(first: u8) -> bool {
    first == b'$' || first.is_ascii_uppercase() || !first.is_ascii()
}

/// A currency word after an amount: "dollars", "roubles", "Australian dollars".
pub fn suffix<'a>(after: &After<'a>) -> Option<(&'a str, &'static str)> {
    if !after.has_space() {
        return None;
    }
    WORDS
        .longest_at(&after.spaced)
        .map(|(rest, code)| (rest, *code))
}

/// "pounds" after a scaled amount is money ("40 million pounds"); after a
/// plain number it is a weight.
pub fn pounds_suffix<'a>(after: &After<'a>) -> Option<&'a str> {
    phrase(after.spaced.text(), "pounds", false)
}

/// Hundredths of a currency after an amount: "26 cents", "45 US cents",
/// "40 pence". The rest and the currency's code.
pub fn hundredths_suffix<'a>(after: &After<'a>) -> Option<(&'a str, &'static str)> {
    let spaced = after.spaced.text();
    if !spaced.starts_with(['c', 'p', 'U']) || !after.has_space() {
        return None;
    }
    let cents =
        |text: &'a str| phrase(text, "cents", false).or_else(|| phrase(text, "cent", false));
    let currency = |name: &str| {
        phrase(spaced, name, true).and_then(|rest| cents(rest.trim_start_matches(is_space)))
    };
    cents(spaced)
        .or_else(|| currency("US").or_else(|| currency("U.S.")))
        .map(|rest| (rest, "USD"))
        .or_else(|| phrase(spaced, "pence", false).map(|rest| (rest, "GBP")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_mark_and_code_opens_as_the_precheck_allows() {
        let marks = PREFIXES.entries().iter().map(|(mark, _)| *mark);
        for mark in marks.chain(CODES.iter().copied()) {
            assert!(may_open_mark(mark.as_bytes()[0]), "{mark}");
        }
        for first in [b'5', b'u', b' ', b'-'] {
            assert!(!may_open_mark(first));
        }
    }

    #[test]
    fn marks_and_words() {
        assert_eq!(prefix("US$1.2 billion"), Some(("1.2 billion", "USD")));
        assert_eq!(prefix("HK$12"), Some(("12", "HKD")));
        assert_eq!(prefix("UAH 40 billion"), Some(("40 billion", "UAH")));
        assert_eq!(prefix("Rs 500 crore"), Some(("500 crore", "INR")));
        assert_eq!(prefix("USDA 40"), None);
        assert_eq!(prefix("R2.3bn"), Some(("2.3bn", "ZAR")));
        assert_eq!(prefix("R400 million"), Some(("400 million", "ZAR")));
        assert_eq!(prefix("R850m was"), Some(("850m was", "ZAR")));
        assert_eq!(prefix("R4,150 a tonne"), Some(("4,150 a tonne", "ZAR")));
        assert_eq!(prefix("R101 road"), None);
        assert_eq!(prefix("R2-D2"), None);
        assert_eq!(prefix("R5, the"), None);
        assert_eq!(prefix("5 dollars"), None);
        assert_eq!(prefix("us$5"), None);
        let suffix = |text| suffix(&After::new(text));
        assert_eq!(suffix(" roubles."), Some((".", "RUB")));
        assert_eq!(suffix(" Australian dollars"), Some(("", "AUD")));
        assert_eq!(suffix(" wonder"), None);
        assert_eq!(suffix("dollars"), None);
        assert_eq!(pounds_suffix(&After::new(" pounds,")), Some(","));
    }
}

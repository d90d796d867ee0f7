//! Measures: physical and digital quantities with a unit, normalised to a
//! singular spelled-out name in metric spelling ("1,000-km" → kilometre,
//! "120 mph" → mile-per-hour, "64GB" → gigabyte).

use super::lexicon::{phrase, After, Table};

/// Unit symbols, matched with their case ("mW" is not "MW"); they may be
/// attached to the number ("64GB", "40C").
pub(super) static SYMBOLS: Table<&str> = Table::new(
    &[
        ("km", "kilometre"),
        ("kms", "kilometre"),
        ("m", "metre"),
        ("cm", "centimetre"),
        ("mm", "millimetre"),
        ("nm", "nanometre"),
        ("mi", "mile"),
        ("ft", "foot"),
        ("yd", "yard"),
        ("kg", "kilogram"),
        ("kgs", "kilogram"),
        ("g", "gram"),
        ("mg", "milligram"),
        ("lb", "pound"),
        ("lbs", "pound"),
        ("oz", "ounce"),
        ("l", "litre"),
        ("L", "litre"),
        ("ml", "millilitre"),
        ("mL", "millilitre"),
        ("mph", "mile-per-hour"),
        ("km/h", "kilometre-per-hour"),
        ("kph", "kilometre-per-hour"),
        ("kmh", "kilometre-per-hour"),
        ("m/s", "metre-per-second"),
        ("°C", "degree-celsius"),
        ("°F", "degree-fahrenheit"),
        ("ºC", "degree-celsius"),
        ("ºF", "degree-fahrenheit"),
        ("C", "degree-celsius"),
        ("F", "degree-fahrenheit"),
        ("V", "volt"),
        ("kV", "kilovolt"),
        ("W", "watt"),
        ("kW", "kilowatt"),
        ("MW", "megawatt"),
        ("GW", "gigawatt"),
        ("kWh", "kilowatt-hour"),
        ("MWh", "megawatt-hour"),
        ("GWh", "gigawatt-hour"),
        ("TWh", "terawatt-hour"),
        ("mAh", "milliampere-hour"),
        ("hp", "horsepower"),
        ("bhp", "horsepower"),
        ("Nm", "newton-metre"),
        ("lb-ft", "pound-foot"),
        ("lb ft", "pound-foot"),
        ("KB", "kilobyte"),
        ("kB", "kilobyte"),
        ("MB", "megabyte"),
        ("GB", "gigabyte"),
        ("TB", "terabyte"),
        ("PB", "petabyte"),
        ("Kbps", "kilobit-per-second"),
        ("Mbps", "megabit-per-second"),
        ("Gbps", "gigabit-per-second"),
        ("Hz", "hertz"),
        ("kHz", "kilohertz"),
        ("MHz", "megahertz"),
        ("GHz", "gigahertz"),
        ("MP", "megapixel"),
        ("dB", "decibel"),
        ("mpg", "mile-per-gallon"),
        ("cc", "cubic-centimetre"),
        ("sq km", "square-kilometre"),
        ("sq mi", "square-mile"),
        ("km2", "square-kilometre"),
        ("km²", "square-kilometre"),
        ("m2", "square-metre"),
        ("m²", "square-metre"),
        ("ha", "hectare"),
        ("bpd", "barrel-per-day"),
        ("b/d", "barrel-per-day"),
        ("kcal", "kilocalorie"),
    ],
    true,
);

/// Unit words, matched in any case, written after a space or hyphen.
pub(super) static WORDS: Table<&str> = Table::new(
    &[
        ("kilometres", "kilometre"),
        ("kilometre", "kilometre"),
        ("kilometers", "kilometre"),
        ("kilometer", "kilometre"),
        ("metres", "metre"),
        ("metre", "metre"),
        ("meters", "metre"),
        ("meter", "metre"),
        ("centimetres", "centimetre"),
        ("centimeters", "centimetre"),
        ("micrometres", "micrometre"),
        ("micrometers", "micrometre"),
        ("microns", "micrometre"),
        ("millimetres", "millimetre"),
        ("millimeters", "millimetre"),
        ("nanometres", "nanometre"),
        ("nanometers", "nanometre"),
        ("miles", "mile"),
        ("mile", "mile"),
        ("nautical miles", "nautical-mile"),
        ("light-years", "light-year"),
        ("light years", "light-year"),
        ("light-year", "light-year"),
        ("feet", "foot"),
        ("foot", "foot"),
        ("inches", "inch"),
        ("inch", "inch"),
        ("yards", "yard"),
        ("yard", "yard"),
        ("square kilometres", "square-kilometre"),
        ("square kilometers", "square-kilometre"),
        ("square miles", "square-mile"),
        ("square metres", "square-metre"),
        ("square meters", "square-metre"),
        ("square feet", "square-foot"),
        ("acres", "acre"),
        ("acre", "acre"),
        ("magnitude", "magnitude"),
        ("hectares", "hectare"),
        ("hectare", "hectare"),
        ("kilograms", "kilogram"),
        ("kilogram", "kilogram"),
        ("kilos", "kilogram"),
        ("grams", "gram"),
        ("gram", "gram"),
        ("milligrams", "milligram"),
        ("tonnes", "tonne"),
        ("tonne", "tonne"),
        ("metric tons", "tonne"),
        ("tons", "ton"),
        ("ton", "ton"),
        ("pounds", "pound"),
        ("pound", "pound"),
        ("ounces", "ounce"),
        ("litres", "litre"),
        ("litre", "litre"),
        ("liters", "litre"),
        ("liter", "litre"),
        ("millilitres", "millilitre"),
        ("milliliters", "millilitre"),
        ("gallons", "gallon"),
        ("gallon", "gallon"),
        ("barrels", "barrel"),
        ("barrel", "barrel"),
        ("cubic metres", "cubic-metre"),
        ("cubic meters", "cubic-metre"),
        ("cubic feet", "cubic-foot"),
        ("miles per hour", "mile-per-hour"),
        ("miles an hour", "mile-per-hour"),
        ("kilometres per hour", "kilometre-per-hour"),
        ("kilometers per hour", "kilometre-per-hour"),
        ("kilometres an hour", "kilometre-per-hour"),
        ("miles per gallon", "mile-per-gallon"),
        ("knots", "knot"),
        ("degrees Celsius", "degree-celsius"),
        ("degrees centigrade", "degree-celsius"),
        ("degrees Fahrenheit", "degree-fahrenheit"),
        ("degrees C", "degree-celsius"),
        ("degrees F", "degree-fahrenheit"),
        ("degrees", "degree"),
        ("degree", "degree"),
        ("volts", "volt"),
        ("volt", "volt"),
        ("kilovolts", "kilovolt"),
        ("watts", "watt"),
        ("watt", "watt"),
        ("kilowatts", "kilowatt"),
        ("kilowatt", "kilowatt"),
        ("megawatts", "megawatt"),
        ("megawatt", "megawatt"),
        ("gigawatts", "gigawatt"),
        ("gigawatt", "gigawatt"),
        ("kilowatt-hours", "kilowatt-hour"),
        ("kilowatt-hour", "kilowatt-hour"),
        ("kilowatt hours", "kilowatt-hour"),
        ("megawatt-hours", "megawatt-hour"),
        ("megawatt-hour", "megawatt-hour"),
        ("megawatt hours", "megawatt-hour"),
        ("gigawatt-hours", "gigawatt-hour"),
        ("gigawatt-hour", "gigawatt-hour"),
        ("gigawatt hours", "gigawatt-hour"),
        ("terawatt-hours", "terawatt-hour"),
        ("terawatt-hour", "terawatt-hour"),
        ("terawatt hours", "terawatt-hour"),
        ("amps", "ampere"),
        ("amperes", "ampere"),
        ("horsepower", "horsepower"),
        ("pound-feet", "pound-foot"),
        ("pound-foot", "pound-foot"),
        ("foot-pounds", "pound-foot"),
        ("newton-metres", "newton-metre"),
        ("newton-meters", "newton-metre"),
        ("bytes", "byte"),
        ("kilobytes", "kilobyte"),
        ("megabytes", "megabyte"),
        ("gigabytes", "gigabyte"),
        ("terabytes", "terabyte"),
        ("petabytes", "petabyte"),
        ("megabits per second", "megabit-per-second"),
        ("gigabits per second", "gigabit-per-second"),
        ("hertz", "hertz"),
        ("kilohertz", "kilohertz"),
        ("megahertz", "megahertz"),
        ("gigahertz", "gigahertz"),
        ("megapixels", "megapixel"),
        ("megapixel", "megapixel"),
        ("decibels", "decibel"),
        ("calories", "calorie"),
        ("kilocalories", "kilocalorie"),
        ("seconds", "second"),
        ("second", "second"),
        ("minutes", "minute"),
        ("minute", "minute"),
    ],
    false,
);

/// Rates written after a unit: "barrels a day", "tonnes per year", "tonnes
/// per hectare".
static RATES: Table<&str> = Table::new(
    &[
        ("a day", "day"),
        ("per day", "day"),
        ("each day", "day"),
        ("daily", "day"),
        ("a week", "week"),
        ("per week", "week"),
        ("a month", "month"),
        ("per month", "month"),
        ("each month", "month"),
        ("monthly", "month"),
        ("a year", "year"),
        ("per year", "year"),
        ("each year", "year"),
        ("annually", "year"),
        ("per annum", "year"),
        ("a season", "season"),
        ("per season", "season"),
        ("per game", "game"),
        ("a game", "game"),
        ("per capita", "capita"),
        ("per person", "person"),
        ("per head", "person"),
        ("an hour", "hour"),
        ("per hour", "hour"),
        ("per minute", "minute"),
        ("per second", "second"),
        ("per hectare", "hectare"),
        ("a hectare", "hectare"),
        ("per acre", "acre"),
        ("an acre", "acre"),
    ],
    false,
);

/// The unit after a number. `attached` units follow the digits directly
/// ("64GB"); words need a space or hyphen first.
pub fn suffix<'a>(after: &After<'a>) -> Option<(&'a str, &'static str)> {
    if let Some((rest, unit)) = SYMBOLS.longest_at(&after.attached) {
        return Some((rest, unit));
    }
    if after.touches() {
        return None;
    }
    let gapped = &after.gapped;
    let (rest, unit) = SYMBOLS
        .longest_at(gapped)
        .or_else(|| WORDS.longest_at(gapped))?;
    // A letter opening a code is no unit: "two C-130J aircraft", "F-16s".
    let code = rest
        .strip_prefix('-')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()));
    (!code).then_some((rest, *unit))
}

/// A rate after a unit or counted noun: returns the rest and what the
/// amount is per (a period, a person, an area).
pub fn rate(input: &str) -> Option<(&str, &'static str)> {
    let spaced = super::lexicon::after_spaces(input)?;
    RATES.longest(spaced).map(|(rest, period)| (rest, *period))
}

/// A rate after a measure, also past what is measured: "tonnes of CO2 a
/// year", "barrels of crude oil per day" (one or two words after "of").
pub fn rate_of(input: &str) -> Option<(&str, &'static str)> {
    if let Some(found) = rate(input) {
        return Some(found);
    }
    let spaced = super::lexicon::after_spaces(input)?;
    let mut at = phrase(spaced, "of", false)?;
    for _ in 0..2 {
        let word = super::lexicon::after_spaces(at)?;
        let len = word
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(word.len());
        if len == 0 {
            return None;
        }
        at = &word[len..];
        if let Some(found) = rate(at) {
            return Some(found);
        }
    }
    None
}

/// Whether `name` is a unit name measures are reported in ("kilometre",
/// "barrel-per-day"), for checking the units rule files refer to.
pub fn is_unit_name(name: &str) -> bool {
    let known = |n: &str| {
        SYMBOLS
            .entries()
            .iter()
            .chain(WORDS.entries())
            .any(|(_, unit)| *unit == n)
    };
    match name.split_once("-per-") {
        Some((unit, period)) if !known(name) => {
            known(unit) && RATES.entries().iter().any(|(_, p)| *p == period)
        }
        _ => known(name),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units() {
        let suffix = |text| suffix(&After::new(text));
        assert_eq!(suffix("-km front"), Some((" front", "kilometre")));
        assert_eq!(suffix("GB of"), Some((" of", "gigabyte")));
        assert_eq!(suffix("C on"), Some((" on", "degree-celsius")));
        assert_eq!(suffix(" miles per hour"), Some(("", "mile-per-hour")));
        assert_eq!(suffix(" mph,"), Some((",", "mile-per-hour")));
        assert_eq!(suffix("-mile journey"), Some((" journey", "mile")));
        assert_eq!(suffix(" pound-feet"), Some(("", "pound-foot")));
        assert_eq!(suffix("G network"), None);
        assert_eq!(suffix(" miners"), None);
        assert_eq!(suffix(" C-130J aircraft"), None);
        assert_eq!(suffix("-magnitude quake"), Some((" quake", "magnitude")));
        assert_eq!(rate(" a day."), Some((".", "day")));
        assert_eq!(rate(" per person,"), Some((",", "person")));
        assert_eq!(rate_of(" of CO2 a year."), Some((".", "year")));
        assert_eq!(rate_of(" of crude oil per day"), Some(("", "day")));
        // No rate: a date after the substance, or more than two words before the rate.
        assert_eq!(rate_of(" per hectare,"), Some((",", "hectare")));
        assert_eq!(rate_of(" of coal last year"), None);
        assert_eq!(rate_of(" of coal from the mine a day"), None);
        // The singular of a compound unit, as in "a 2,400-megawatt-hour battery".
        assert_eq!(
            suffix("-megawatt-hour battery"),
            Some((" battery", "megawatt-hour"))
        );
        assert_eq!(suffix("-megawatt plant"), Some((" plant", "megawatt")));
        assert_eq!(suffix(" gigawatt hours"), Some(("", "gigawatt-hour")));
    }
}

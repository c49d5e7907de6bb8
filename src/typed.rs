//! Times and dates as people write them, typed in a dialog (with a Chinese input method or
//! without) or in a roster's cells: full-width digits and colons, and the 年 月 日 of a date
//! written in Chinese. The marks are read as input here and never shown.

/// A clock time as typed in a field: `HH:MM` or `H:MM`, with an ASCII or a full-width colon (the
/// one a Chinese input method gives) and digits of either width, spaces around it ignored.
#[must_use]
pub fn clock_time(text: &str) -> Option<chrono::NaiveTime> {
    let text: String = text.trim().chars().map(ascii_digit).collect();
    chrono::NaiveTime::parse_from_str(&text.replace('：', ":"), "%H:%M").ok()
}

/// `０`–`９` (full-width) as `0`–`9`; any other character as it is.
pub fn ascii_digit(c: char) -> char {
    match c {
        '０'..='９' => {
            char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
        }
        _ => c,
    }
}

/// What separates a date's year, month and day.
const DATE_MARKS: [char; 8] = ['-', '/', '.', '年', '月', '－', '／', '．'];

/// A calendar date as written: `2026-12-31`, `2026/12/31`, `2026.12.31` or `2026年12月31日`,
/// month and day with or without a leading zero, digits of either width, spaces around it and its
/// parts ignored.
#[must_use]
pub fn calendar_date(text: &str) -> Option<chrono::NaiveDate> {
    let (year, month, day) = date_parts(text)?;
    chrono::NaiveDate::from_ymd_opt(year, month, day?)
}

/// A year and month as written (`2020.05`, `2020年5月`), or a whole date: the year, the month and
/// the day if there is one.
#[must_use]
pub fn date_parts(text: &str) -> Option<(i32, u32, Option<u32>)> {
    let text: String = text.trim().chars().map(ascii_digit).collect();
    let text = text.strip_suffix('日').unwrap_or(&text);
    let mut parts: Vec<&str> = text.split(DATE_MARKS).map(str::trim).collect();
    // `2020年5月` and `2020.05.` end in a mark.
    if parts.len() > 2 && parts.last() == Some(&"") {
        parts.pop();
    }
    let digits = |p: &str, most: usize| {
        let ok = (1..=most).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| p.parse::<u32>().ok()).flatten()
    };
    let year = |y: &str| i32::try_from(digits(y, 4).filter(|_| y.len() == 4)?).ok();
    match parts[..] {
        [y, m] => Some((year(y)?, digits(m, 2)?, None)),
        [y, m, d] => Some((year(y)?, digits(m, 2)?, Some(digits(d, 2)?))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_times_are_read_as_they_are_typed() {
        let date = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d);
        for text in [
            "2026-12-31",
            "2026/12/31",
            "2026.12.31",
            "2026年12月31日",
            " 2026年12月31 ",
        ] {
            assert_eq!(calendar_date(text), date(2026, 12, 31), "{text}");
        }
        assert_eq!(calendar_date("2027-1-5"), date(2027, 1, 5));
        for text in [
            "2026-02-30",
            "26-12-31",
            "2026-12",
            "2026-12-31-1",
            "十二月底",
            "2026-012-31",
            "",
        ] {
            assert_eq!(calendar_date(text), None, "{text}");
        }
        let time = |h, m| chrono::NaiveTime::from_hms_opt(h, m, 0);
        assert_eq!(clock_time("14:30"), time(14, 30));
        assert_eq!(clock_time("9：05"), time(9, 5));
        assert_eq!(clock_time("１４：３０"), time(14, 30));
        assert_eq!(calendar_date("２０２６年１２月３１日"), date(2026, 12, 31));
        assert_eq!(clock_time("24:00"), None);
        assert_eq!(clock_time("下午三点"), None);
    }
}

//! Timestamps as ISO 8601 text, from milliseconds since the Unix epoch.

/// `ms` since 1970-01-01T00:00:00Z as "YYYY-MM-DDTHH:MM:SS.sssZ" (what `Date.toISOString`
/// gives, for years 0–9999).
pub fn iso_from_millis(ms: i64) -> String {
    let (days, in_day) = (ms.div_euclid(86_400_000), ms.rem_euclid(86_400_000));
    let (y, m, d) = civil_from_days(days);
    let (h, min, s, milli) = (in_day / 3_600_000, in_day / 60_000 % 60, in_day / 1000 % 60, in_day % 1000);
    format!("{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}.{milli:03}Z")
}

/// Year, month, day of the day `z` days after 1970-01-01 (proleptic Gregorian calendar).
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::iso_from_millis;

    #[test]
    fn formats_like_to_iso_string() {
        assert_eq!(iso_from_millis(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(iso_from_millis(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(iso_from_millis(1_795_840_245_123), "2026-11-28T04:30:45.123Z");
        assert_eq!(iso_from_millis(4_107_542_399_999), "2100-02-28T23:59:59.999Z");
        assert_eq!(iso_from_millis(-1), "1969-12-31T23:59:59.999Z");
    }
}

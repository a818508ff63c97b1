package org.armstrace.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Thresholds of the analyses (docs/analytics.md).
 *
 * @param alertDays how far back, in days of seizure, a shipment that joined a known
 * network or whose declared content does not match what was found is an alert (default
 * 90)
 * @param windowYears the years of records the cross-checks read: traces answered, traces
 * opened, handguns acquired (default 3)
 * @param shortTimeToCrimeDays a trace's time to crime under this many days is short
 * (default 1095, three years)
 * @param dealerShortTraces a retail dealer with at least this many firearms traced with a
 * short time to crime is listed (default 3)
 * @param multipleSaleHandguns a holder acquiring at least this many handguns ... (default
 * 2)
 * @param multipleSaleDays ... within this many consecutive days is listed (default 5)
 * @param licenceTraces a licence whose holder's firearms were named by at least this many
 * trace requests is listed (default 2)
 */
@ConfigurationProperties("armstrace.analytics")
record AnalyticsProperties(Integer alertDays, Integer windowYears, Integer shortTimeToCrimeDays,
		Integer dealerShortTraces, Integer multipleSaleHandguns, Integer multipleSaleDays, Integer licenceTraces) {

	AnalyticsProperties {
		alertDays = within("alert-days", alertDays, 90, 1, 3650);
		windowYears = within("window-years", windowYears, 3, 1, 30);
		shortTimeToCrimeDays = within("short-time-to-crime-days", shortTimeToCrimeDays, 1095, 1, 36500);
		dealerShortTraces = within("dealer-short-traces", dealerShortTraces, 3, 1, 100_000);
		multipleSaleHandguns = within("multiple-sale-handguns", multipleSaleHandguns, 2, 2, 1000);
		multipleSaleDays = within("multiple-sale-days", multipleSaleDays, 5, 1, 365);
		licenceTraces = within("licence-traces", licenceTraces, 2, 1, 100_000);
	}

	private static int within(String name, Integer value, int fallback, int least, int most) {
		int v = value == null ? fallback : value;
		if (v < least || v > most) {
			throw new IllegalArgumentException(
					"armstrace.analytics." + name + " must be between " + least + " and " + most + ", was " + v);
		}
		return v;
	}

}

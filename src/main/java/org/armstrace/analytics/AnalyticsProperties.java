package org.armstrace.analytics;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param alertDays how far back, in days of seizure, a shipment that joined a known
 * network or whose declared content does not match what was found is an alert (default
 * 90)
 */
@ConfigurationProperties("armstrace.analytics")
record AnalyticsProperties(Integer alertDays) {

	AnalyticsProperties {
		alertDays = alertDays == null ? 90 : alertDays;
		if (alertDays < 1 || alertDays > 3650) {
			throw new IllegalArgumentException(
					"armstrace.analytics.alert-days must be between 1 and 3650, was " + alertDays);
		}
	}

}

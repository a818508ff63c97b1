package org.armstrace.reference;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param historicalCountries what each historical State a legacy register may name stands
 * for today, as an ISO 3166-1 alpha-3 code: {@code west-germany}, {@code east-germany},
 * {@code soviet-union}, {@code yugoslavia}, {@code czechoslovakia}. Which successor is
 * meant is the State's decision, not ours: the defaults are only where most registers put
 * them.
 */
@ConfigurationProperties("armstrace.reference")
record ReferenceProperties(Map<String, String> historicalCountries) {

	static final Map<String, String> DEFAULT_HISTORICAL = Map.of("west-germany", "DEU", "east-germany", "DEU",
			"soviet-union", "RUS", "yugoslavia", "SRB", "czechoslovakia", "CZE");

	ReferenceProperties {
		Map<String, String> merged = new TreeMap<>(DEFAULT_HISTORICAL);
		if (historicalCountries != null) {
			merged.putAll(historicalCountries);
		}
		merged.forEach((state, code) -> {
			if (!CountryNames.HISTORICAL.containsKey(state)) {
				throw new IllegalArgumentException("armstrace.reference.historical-countries: no historical State '"
						+ state + "'; known: " + CountryNames.HISTORICAL.keySet());
			}
			if (!CountryCode.isValid(code)) {
				throw new IllegalArgumentException("armstrace.reference.historical-countries." + state
						+ " must be an ISO 3166-1 alpha-3 code, was '" + code + "'");
			}
		});
		historicalCountries = Map.copyOf(merged);
	}

}

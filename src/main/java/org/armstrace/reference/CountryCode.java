package org.armstrace.reference;

import java.util.Locale;
import java.util.Set;

/**
 * An ISO 3166-1 alpha-3 country code, checked against the JDK's list (never typed by
 * hand).
 */
public record CountryCode(String code) {

	private static final Set<String> KNOWN = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3);

	public CountryCode {
		if (code == null || !KNOWN.contains(code)) {
			throw new IllegalArgumentException("not an ISO 3166-1 alpha-3 country code: '" + code + "'");
		}
	}

	public static boolean isValid(String code) {
		return code != null && KNOWN.contains(code);
	}

	public static Set<String> all() {
		return KNOWN;
	}

	@Override
	public String toString() {
		return code;
	}

}

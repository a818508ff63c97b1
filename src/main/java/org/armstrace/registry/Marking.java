package org.armstrace.registry;

import java.util.ArrayList;
import java.util.List;

import org.armstrace.command.Limits;

import jakarta.validation.constraints.Size;

/**
 * One marking as stamped on an item. {@code country} and {@code year} are filled where
 * the marking states them (an import marking is a country and a year).
 */
public record Marking(MarkingKind kind, @Size(max = Limits.MARKING) String text,
		@Size(max = Limits.COUNTRY) String country, Integer year) {

	/**
	 * The markings a record implies when none are listed: maker, country, serial and year
	 * (ITI para 8 a).
	 */
	static List<Marking> implied(String make, String countryOfManufacture, String serial, Integer year) {
		List<Marking> markings = new ArrayList<>();
		markings.add(new Marking(MarkingKind.MANUFACTURER, make.trim(), null, null));
		markings.add(new Marking(MarkingKind.COUNTRY_OF_MANUFACTURE, countryOfManufacture, countryOfManufacture, null));
		markings.add(new Marking(MarkingKind.SERIAL, serial.trim(), null, null));
		if (year != null) {
			markings.add(new Marking(MarkingKind.YEAR, year.toString(), null, year));
		}
		return markings;
	}

	public static Marking importMarking(String country, Integer year) {
		return new Marking(MarkingKind.IMPORT, country + (year == null ? "" : " " + year), country, year);
	}

}

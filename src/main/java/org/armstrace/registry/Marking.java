package org.armstrace.registry;

/**
 * One marking as stamped on an item. {@code country} and {@code year} are filled where the marking states them
 * (an import marking is a country and a year).
 */
public record Marking(MarkingKind kind, String text, String country, Integer year) {

	public static Marking importMarking(String country, Integer year) {
		return new Marking(MarkingKind.IMPORT, country + (year == null ? "" : " " + year), country, year);
	}

}

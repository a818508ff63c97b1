package org.armstrace.tracing;

/**
 * What an officer reads on a seized or found item. Any field may be missing. In the serial, '?' stands for one
 * unreadable character and '*' for an unreadable run; case, spaces and separators do not matter.
 */
public record ObservedMarkings(String serial, String make, String model, String calibre, String type,
		String countryOfManufacture, Integer yearFrom, Integer yearTo) {
}

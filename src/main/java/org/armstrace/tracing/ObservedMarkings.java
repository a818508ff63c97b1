package org.armstrace.tracing;

/**
 * What an officer reads on a seized or found item. Any field may be missing. In the
 * serial, '?' stands for one unreadable character and '*' for an unreadable run; case,
 * spaces and separators do not matter. The import marking is compared as read (letters
 * and digits only), e.g. "GBR 2019".
 */
public record ObservedMarkings(String serial, String make, String model, String calibre, String type,
		String countryOfManufacture, String importMarking, Integer yearFrom, Integer yearTo) {

	public static ObservedMarkings ofSerial(String serial, String make) {
		return new ObservedMarkings(serial, make, null, null, null, null, null, null, null);
	}

}

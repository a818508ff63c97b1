package org.armstrace.tracing;

import org.armstrace.command.Limits;

import jakarta.validation.constraints.Size;

/**
 * What an officer reads on a seized or found item. Any field may be missing. In the
 * serial, '?' stands for one unreadable character and '*' for an unreadable run; case,
 * spaces and separators do not matter. The import marking is compared as read (letters
 * and digits only), e.g. "GBR 2019".
 */
public record ObservedMarkings(@Size(max = Limits.MARKING) String serial, @Size(max = Limits.NAME) String make,
		@Size(max = Limits.NAME) String model, @Size(max = Limits.SHORT) String calibre,
		@Size(max = Limits.CODE) String type, @Size(max = Limits.COUNTRY) String countryOfManufacture,
		@Size(max = Limits.MARKING) String importMarking, Integer yearFrom, Integer yearTo) {

	public static ObservedMarkings ofSerial(String serial, String make) {
		return new ObservedMarkings(serial, make, null, null, null, null, null, null, null);
	}

	/** The same markings with the country of manufacture written as {@code country}. */
	public ObservedMarkings withCountryOfManufacture(String country) {
		return new ObservedMarkings(serial, make, model, calibre, type, country, importMarking, yearFrom, yearTo);
	}

}

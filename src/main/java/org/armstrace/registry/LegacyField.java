package org.armstrace.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns of a legacy file whose values are read as reference data, by their column
 * name, with the firearm column an officer's reading of a value changes (none for make
 * and calibre: the record keeps their text, the catalogue says what it stands for).
 */
enum LegacyField {

	MAKE("make", null), CALIBRE("calibre", null), TYPE("type", "type"),
	COUNTRY("country_of_manufacture", "country_of_manufacture"), YEAR("year", "year_of_manufacture"),
	STATUS("status", "status");

	final String column;

	final String firearmColumn;

	LegacyField(String column, String firearmColumn) {
		this.column = column;
		this.firearmColumn = firearmColumn;
	}

	static Optional<LegacyField> of(String column) {
		return Arrays.stream(values()).filter(f -> f.column.equals(column)).findFirst();
	}

}

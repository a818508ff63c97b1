package org.armstrace.transfers;

/**
 * What a line of an authorisation covers: one firearm by its record, parts by kind, or
 * ammunition by calibre, each with a quantity.
 */
public enum LineKind {

	FIREARM, PART, AMMUNITION

}

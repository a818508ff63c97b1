package org.armstrace.seizure;

/** Kind of place of seizure, as the IAFQ distinguishes them. */
public enum PlaceKind {

	STREET, RESIDENCE, VEHICLE, BORDER_CROSSING, AIRPORT, SEAPORT, POSTAL_OR_COURIER_FACILITY, OTHER

}

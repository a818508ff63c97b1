package org.armstrace.registry;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Types of firearm as the UNODC Illicit Arms Flows Questionnaire counts them. */
public enum FirearmType {

	PISTOL, REVOLVER, RIFLE, CARBINE, SHOTGUN, SUBMACHINE_GUN, MACHINE_GUN, OTHER;

	/**
	 * A type as a request names it: the code in any case, or the word registers use in
	 * English, Spanish or French ("pistola", "fusil de chasse", "carabine").
	 */
	@JsonCreator
	public static FirearmType of(String text) {
		return LegacyValues.type(text)
			.orElseThrow(() -> new IllegalArgumentException("not a firearm type: '" + text + "'"));
	}

}

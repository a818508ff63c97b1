package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Types, statuses and dates as legacy registers in English, Spanish, French (and German)
 * write them.
 */
class LegacyValuesTests {

	@Test
	void typesInThreeLanguagesAndTheirCommonForms() {
		Map<String, FirearmType> types = Map.ofEntries(Map.entry("pistol", FirearmType.PISTOL),
				Map.entry("Pistola", FirearmType.PISTOL), Map.entry("pistolet", FirearmType.PISTOL),
				Map.entry("Pistola semiautomática", FirearmType.PISTOL), Map.entry("PISTOLAS", FirearmType.PISTOL),
				Map.entry("revólver", FirearmType.REVOLVER), Map.entry("Revolvers", FirearmType.REVOLVER),
				Map.entry("fusil", FirearmType.RIFLE), Map.entry("Fusil d'assaut", FirearmType.RIFLE),
				Map.entry("rifle de caza", FirearmType.RIFLE), Map.entry("Gewehr", FirearmType.RIFLE),
				Map.entry("carabine", FirearmType.CARBINE), Map.entry("Carabina", FirearmType.CARBINE),
				Map.entry("escopeta", FirearmType.SHOTGUN), Map.entry("fusil de chasse", FirearmType.SHOTGUN),
				Map.entry("Fusil à pompe", FirearmType.SHOTGUN), Map.entry("shot-gun", FirearmType.SHOTGUN),
				Map.entry("SMG", FirearmType.SUBMACHINE_GUN), Map.entry("sub-machine gun", FirearmType.SUBMACHINE_GUN),
				Map.entry("subfusil", FirearmType.SUBMACHINE_GUN),
				Map.entry("pistolet-mitrailleur", FirearmType.SUBMACHINE_GUN),
				Map.entry("ametralladora", FirearmType.MACHINE_GUN), Map.entry("mitrailleuse", FirearmType.MACHINE_GUN),
				Map.entry("MACHINE_GUN", FirearmType.MACHINE_GUN), Map.entry("autre", FirearmType.OTHER));
		types.forEach((text, type) -> assertThat(LegacyValues.type(text)).as(text).contains(type));
		assertThat(LegacyValues.type("bazooka")).isEmpty();
		assertThat(LegacyValues.type("")).isEmpty();
	}

	@Test
	void statusesInThreeLanguages() {
		Map<String, FirearmStatus> statuses = Map.ofEntries(Map.entry("stolen", FirearmStatus.STOLEN),
				Map.entry("Robada", FirearmStatus.STOLEN), Map.entry("hurtado", FirearmStatus.STOLEN),
				Map.entry("volé", FirearmStatus.STOLEN), Map.entry("VOLÉE", FirearmStatus.STOLEN),
				Map.entry("extraviada", FirearmStatus.LOST), Map.entry("perdue", FirearmStatus.LOST),
				Map.entry("incautada", FirearmStatus.SEIZED), Map.entry("saisie", FirearmStatus.SEIZED),
				Map.entry("destruida", FirearmStatus.DESTROYED), Map.entry("détruite", FirearmStatus.DESTROYED),
				Map.entry("desactivado", FirearmStatus.DEACTIVATED),
				Map.entry("neutralisée", FirearmStatus.DEACTIVATED), Map.entry("exportée", FirearmStatus.EXPORTED),
				Map.entry("activo", FirearmStatus.ACTIVE), Map.entry("en service", FirearmStatus.ACTIVE),
				Map.entry("Found after destruction", FirearmStatus.FOUND_AFTER_DESTRUCTION));
		statuses.forEach((text, status) -> assertThat(LegacyValues.status(text)).as(text).contains(status));
		assertThat(LegacyValues.status("not stolen")).as("never by one of its words").isEmpty();
		assertThat(LegacyValues.status("pending review")).isEmpty();
	}

	@Test
	void theYearOfADateInTheCommonLayouts() {
		Map<String, Integer> dates = Map.ofEntries(Map.entry("1987", 1987), Map.entry("1987-03-14", 1987),
				Map.entry("14/03/1987", 1987), Map.entry("03/14/1987", 1987), Map.entry("14.03.1987", 1987),
				Map.entry("4-3-1987", 1987), Map.entry("19870314", 1987), Map.entry("4.3.1987", 1987),
				Map.entry(" 2001 ", 2001));
		dates.forEach((text, year) -> assertThat(LegacyValues.year(text)).as(text).contains(year));
		assertThat(LegacyValues.year("19x7")).isEmpty();
		assertThat(LegacyValues.year("31/02/1987")).as("no such day").isEmpty();
		assertThat(LegacyValues.year("87")).as("which century is not said").isEmpty();
		assertThat(LegacyValues.year("circa 1950")).isEmpty();
	}

}

package org.armstrace.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.armstrace.registry.RegistryEvent.FirearmConverted;
import org.armstrace.registry.RegistryEvent.FirearmDeactivated;
import org.armstrace.registry.RegistryEvent.FirearmDestroyed;
import org.armstrace.registry.RegistryEvent.FirearmExported;
import org.armstrace.registry.RegistryEvent.FirearmFoundAfterDestruction;
import org.armstrace.registry.RegistryEvent.FirearmImported;
import org.armstrace.registry.RegistryEvent.FirearmManufactured;
import org.armstrace.registry.RegistryEvent.FirearmRecovered;
import org.armstrace.registry.RegistryEvent.FirearmReportedLost;
import org.armstrace.registry.RegistryEvent.FirearmReportedStolen;
import org.armstrace.registry.RegistryEvent.FirearmSeized;
import org.armstrace.registry.RegistryEvent.FirearmTransferred;
import org.armstrace.registry.RegistryEvent.LegacyFirearmImported;
import org.armstrace.registry.RegistryEvent.LegacyValueStandardised;

/**
 * What a firearm's own ledger facts say its record shows: the record page compares it
 * with the table it reads, so that a row changed behind the ledger's back is shown as
 * disagreeing, never beside "verified on ledger". The same fold as the registry's
 * projection, for the columns a reader sees.
 */
final class FirearmFacts {

	private final Map<String, Object> expected = new LinkedHashMap<>();

	private FirearmFacts() {
	}

	static FirearmFacts of(List<RegistryEvent> events) {
		FirearmFacts facts = new FirearmFacts();
		events.forEach(facts::apply);
		return facts;
	}

	private void apply(RegistryEvent event) {
		switch (event) {
			case FirearmManufactured e -> registered(e.recordNumber(), e.firearmType(), e.make(), e.model(),
					e.calibre(), e.serial(), e.countryOfManufacture(), e.year(), FirearmStatus.ACTIVE, e.holderId());
			case LegacyFirearmImported e -> registered(e.recordNumber(), e.firearmType(), e.make(), e.model(),
					e.calibre(), e.serial(), e.countryOfManufacture(), e.year(), e.legacyStatus(), e.holderId());
			case FirearmImported e -> {
				expected.put("status", FirearmStatus.ACTIVE);
				expected.put("holder", e.importerId());
			}
			case FirearmTransferred e -> expected.put("holder", e.toHolderId());
			case FirearmExported e -> expected.put("status", FirearmStatus.EXPORTED);
			case FirearmReportedLost e -> expected.put("status", FirearmStatus.LOST);
			case FirearmReportedStolen e -> expected.put("status", FirearmStatus.STOLEN);
			case FirearmRecovered e -> expected.put("status", FirearmStatus.ACTIVE);
			case FirearmSeized e -> expected.put("status", FirearmStatus.SEIZED);
			case FirearmDeactivated e -> expected.put("status", FirearmStatus.DEACTIVATED);
			case FirearmDestroyed e -> expected.put("status", FirearmStatus.DESTROYED);
			case FirearmFoundAfterDestruction e -> expected.put("status", FirearmStatus.FOUND_AFTER_DESTRUCTION);
			case FirearmConverted e -> expected.put("type", e.newType());
			case LegacyValueStandardised e -> LegacyField.of(e.field())
				.filter(field -> field.firearmColumn != null)
				.ifPresent(field -> expected.put(switch (field) {
					case COUNTRY -> "countryOfManufacture";
					case YEAR -> "year";
					default -> field.firearmColumn;
				}, e.value()));
			default -> {
			}
		}
	}

	private void registered(String recordNumber, FirearmType type, String make, String model, String calibre,
			String serial, String country, Integer year, FirearmStatus status, Object holder) {
		expected.put("recordNumber", recordNumber);
		expected.put("type", type);
		expected.put("make", make);
		expected.put("model", model);
		expected.put("calibre", calibre);
		expected.put("serial", serial);
		expected.put("countryOfManufacture", country);
		expected.put("year", year);
		expected.put("status", status);
		expected.put("holder", holder);
	}

	/**
	 * The fields whose shown value differs from what the ledger's facts say, as
	 * {@code field: shown 'x', ledger 'y'}; empty when they agree.
	 */
	List<String> disagreements(Map<String, Object> shown) {
		List<String> differing = new ArrayList<>();
		if (expected.isEmpty()) {
			differing.add("record: no ledger fact registers it");
			return differing;
		}
		expected.forEach((field, value) -> {
			Object actual = shown.get(field);
			if (!Objects.equals(text(value), text(actual))) {
				differing.add(field + ": shown '" + text(actual) + "', ledger '" + text(value) + "'");
			}
		});
		return differing;
	}

	private static String text(Object value) {
		return value == null ? null : value.toString();
	}

}

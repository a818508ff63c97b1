package org.armstrace.ledger;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * How modules name their events and read them back: {@code module.} plus the record's
 * name in kebab case ({@code registry.firearm-transferred}), every record under a
 * module's sealed interface by that name, and an entry's {@code event} object as the
 * record it was written from.
 */
public final class EventTypes {

	private EventTypes() {
	}

	public static String name(String module, Class<?> event) {
		return module + "." + event.getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
	}

	/**
	 * Every record permitted under a sealed interface, through sealed sub-interfaces, by
	 * its type name.
	 */
	public static <E> Map<String, Class<? extends E>> of(Class<E> sealed, Function<Class<?>, String> name) {
		return records(sealed).map(c -> (Class<? extends E>) c.asSubclass(sealed))
			.collect(Collectors.toUnmodifiableMap(name, Function.identity()));
	}

	private static Stream<Class<?>> records(Class<?> type) {
		return type.isInterface() ? Stream.of(type.getPermittedSubclasses()).flatMap(EventTypes::records)
				: Stream.of(type);
	}

	/** The entry's event as the record it was written from. */
	public static <E> E read(JsonMapper json, LedgerEntry entry, Class<E> type) {
		E event = json.treeToValue(json.readTree(entry.canonicalJson()).path("event"), type);
		if (event == null) {
			throw new IllegalArgumentException("ledger entry " + entry.seq() + " holds no event");
		}
		return event;
	}

}

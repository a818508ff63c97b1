package org.armstrace.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.armstrace.benchmark.BenchmarkQueries.Query;
import org.armstrace.tracing.SerialForms;

/**
 * Registered records by folded serial and make, to know when a corrupted reading is
 * another record.
 */
final class Readings {

	private final BenchmarkRegistry registry;

	private final Map<String, List<Integer>> byReading;

	Readings(BenchmarkRegistry registry) {
		this.registry = registry;
		this.byReading = new HashMap<>(registry.size * 2);
		for (int i = 0; i < registry.size; i++) {
			byReading.computeIfAbsent(key(registry.serial[i], registry.make[i]), k -> new ArrayList<>(1)).add(i);
		}
	}

	/**
	 * A serial as read, folded, with its make: equal for readings no method can tell
	 * apart.
	 */
	static String key(String serial, Object make) {
		return SerialForms.fold(SerialForms.normalise(serial)) + "|" + make;
	}

	/**
	 * The query's reading is itself another registered serial of the same make, or a
	 * misreading of one: no method can tell which was meant.
	 */
	boolean isAnotherRecord(Query q) {
		if (q.truth() < 0) {
			return false;
		}
		if (SerialForms.hasWildcards(SerialForms.normalise(q.serial()))) {
			return false;
		}
		List<Integer> same = byReading.get(key(q.serial(), registry.make[q.truth()]));
		return same != null && same.stream().anyMatch(i -> i != q.truth());
	}

}

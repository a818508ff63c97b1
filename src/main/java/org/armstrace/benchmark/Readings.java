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
			byReading
				.computeIfAbsent(SerialForms.fold(SerialForms.normalise(registry.serial[i])) + "|" + registry.make[i],
						k -> new ArrayList<>(1))
				.add(i);
		}
	}

	/**
	 * The query's reading is itself another registered serial of the same make, or a
	 * misreading of one: no method can tell which was meant.
	 */
	boolean isAnotherRecord(Query q) {
		if (q.truth() < 0) {
			return false;
		}
		String reading = SerialForms.fold(SerialForms.normalise(q.serial()));
		if (SerialForms.hasWildcards(reading)) {
			return false;
		}
		List<Integer> same = byReading.get(reading + "|" + registry.make[q.truth()]);
		return same != null && same.stream().anyMatch(i -> i != q.truth());
	}

}

package org.armstrace.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.armstrace.benchmark.BenchmarkQueries.Kind;
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
	 * misreading of one; or, where the leading part is missing, the end of another serial
	 * of the make as well: no method can tell which was meant.
	 */
	boolean isAnotherRecord(Query q) {
		if (q.truth() < 0) {
			return false;
		}
		String reading = SerialForms.normalise(q.serial());
		if (SerialForms.hasWildcards(reading)) {
			return false;
		}
		List<Integer> same = byReading.get(key(q.serial(), registry.make[q.truth()]));
		if (same != null && same.stream().anyMatch(i -> i != q.truth())) {
			return true;
		}
		return (q.kind() == Kind.MISSING_LEADING_1 || q.kind() == Kind.MISSING_LEADING_2)
				&& endsAnother(SerialForms.fold(reading), q.truth());
	}

	/** Every registered serial folded, by its make's name: made when first needed. */
	private FoldedEndings endings;

	/** Another serial of the make ends as {@code end} (folded) does. */
	private boolean endsAnother(String end, int truth) {
		if (endings == null) {
			String[] folded = new String[registry.size];
			String[] make = new String[registry.size];
			IntStream.range(0, registry.size).parallel().forEach(i -> {
				folded[i] = SerialForms.fold(SerialForms.normalise(registry.serial[i]));
				make[i] = registry.makes.get(registry.make[i]).name();
			});
			endings = new FoldedEndings(folded, make);
		}
		return endings.endsAnother(end, registry.makes.get(registry.make[truth]).name(), truth);
	}

}

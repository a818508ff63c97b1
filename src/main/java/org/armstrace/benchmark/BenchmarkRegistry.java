package org.armstrace.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A synthetic registry for the tracing benchmark, the same for the same seed: makes with
 * their own serial formats (letters and digits, digits with separators, year-prefixed,
 * plain digits shared by several makes, digits with a letter suffix), serials issued in
 * production runs with gaps, so near-identical serials abound and the gaps give realistic
 * unregistered firearms.
 */
final class BenchmarkRegistry {

	enum Format {

		LETTERS_DIGITS, DIGITS_SEPARATED, YEAR_PREFIXED, DIGITS_ONLY, DIGITS_LETTERS

	}

	/**
	 * One make of the registry: its catalogue name, its aliases, its format and country.
	 */
	record Make(String name, List<String> aliases, Format format, String country) {
	}

	/** Letters makers use in serials: I, O and Q are commonly left out. */
	private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

	private static final String[] CALIBRES = { "9x19mm", ".45 ACP", ".22 LR", "7.62x39mm", "5.56x45mm",
			".308 Winchester", "12 gauge", ".40 S&W", ".38 Special", "9x18mm Makarov" };

	private static final String[] TYPES = { "PISTOL", "REVOLVER", "RIFLE", "SHOTGUN", "CARBINE" };

	final List<Make> makes;

	final String[] serial;

	final short[] make;

	final String[] model;

	final String[] calibre;

	final String[] type;

	final short[] year;

	final int size;

	/**
	 * Serials a production run skipped: never registered, each with the make that would
	 * have made it.
	 */
	final List<String> gapSerials = new ArrayList<>();

	final List<Short> gapMakes = new ArrayList<>();

	/**
	 * For each gap serial, a registered firearm of the same run (whose attributes it
	 * shares).
	 */
	final List<Integer> gapNeighbours = new ArrayList<>();

	private final SplittableRandom random;

	BenchmarkRegistry(List<Make> makes, int size, long seed) {
		this.makes = makes;
		this.size = size;
		this.serial = new String[size];
		this.make = new short[size];
		this.model = new String[size];
		this.calibre = new String[size];
		this.type = new String[size];
		this.year = new short[size];
		this.random = new SplittableRandom(seed);
		generate();
	}

	private void generate() {
		int[] nextRun = new int[makes.size()];
		int n = 0;
		while (n < size) {
			short m = (short) random.nextInt(makes.size());
			Make mk = makes.get(m);
			int run = nextRun[m]++;
			int length = 200 + random.nextInt(2800);
			double gaps = 0.05 + random.nextDouble() * 0.15;
			short runYear = (short) (1975 + random.nextInt(51));
			String runModel = mk.name().split(" ")[0] + " M" + (1 + random.nextInt(40));
			String runCalibre = CALIBRES[random.nextInt(CALIBRES.length)];
			String runType = TYPES[random.nextInt(TYPES.length)];
			String prefix = prefix(mk.format(), run, runYear);
			int start = mk.format() == Format.DIGITS_ONLY ? 1 + random.nextInt(900_000)
					: mk.format() == Format.YEAR_PREFIXED ? 1 + random.nextInt(90_000) : random.nextInt(50_000);
			for (int i = 0; i < length && n < size; i++) {
				String s = render(mk.format(), prefix, start + i);
				if (random.nextDouble() < gaps) {
					if (gapSerials.size() < 200_000 && n > 0 && make[n - 1] == m && year[n - 1] == runYear && i > 0) {
						gapSerials.add(s);
						gapMakes.add(m);
						gapNeighbours.add(n - 1);
					}
					continue;
				}
				serial[n] = s;
				make[n] = m;
				model[n] = runModel;
				calibre[n] = runCalibre;
				type[n] = runType;
				year[n] = runYear;
				n++;
			}
		}
	}

	private String prefix(Format format, int run, short runYear) {
		return switch (format) {
			case LETTERS_DIGITS -> letters(2 + random.nextInt(2));
			case DIGITS_SEPARATED -> String.format(Locale.ROOT, "%03d", random.nextInt(1000));
			case YEAR_PREFIXED -> Integer.toString(runYear);
			case DIGITS_ONLY -> "";
			case DIGITS_LETTERS -> letters(2);
		};
	}

	private static String render(Format format, String prefix, int number) {
		return switch (format) {
			case LETTERS_DIGITS -> prefix + String.format(Locale.ROOT, "%06d", number);
			case DIGITS_SEPARATED -> prefix + "-" + String.format(Locale.ROOT, "%05d", number % 100_000);
			case YEAR_PREFIXED -> prefix + "-" + String.format(Locale.ROOT, "%06d", number);
			case DIGITS_ONLY -> String.format(Locale.ROOT, "%07d", number);
			case DIGITS_LETTERS -> String.format(Locale.ROOT, "%06d", number) + prefix;
		};
	}

	String letters(int count) {
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < count; i++) {
			b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
		}
		return b.toString();
	}

	/**
	 * A serial in a make's format that no run of this registry issued (a fresh prefix far
	 * from the others).
	 */
	String unseenSerial(short m, SplittableRandom r) {
		Make mk = makes.get(m);
		return switch (mk.format()) {
			case LETTERS_DIGITS -> "X" + LETTERS.charAt(r.nextInt(LETTERS.length())) + "Y"
					+ String.format(Locale.ROOT, "%06d", 900_000 + r.nextInt(99_999));
			case DIGITS_SEPARATED -> String.format(Locale.ROOT, "%03d-9%04d", r.nextInt(1000), r.nextInt(10_000));
			case YEAR_PREFIXED -> "1960-" + String.format(Locale.ROOT, "%06d", r.nextInt(999_999));
			case DIGITS_ONLY -> String.format(Locale.ROOT, "%07d", 9_000_000 + r.nextInt(999_999));
			case DIGITS_LETTERS -> String.format(Locale.ROOT, "%06d", 900_000 + r.nextInt(99_999)) + "XY";
		};
	}

}

package org.armstrace.demo;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;

import org.armstrace.csv.CsvWriter;
import org.armstrace.registry.LegacyImport;

/**
 * A synthetic legacy firearm file in the bulk import's columns
 * ({@link LegacyImport#COLUMNS}) to practise or measure the import with, the same for the
 * same seed. Plain, it writes each maker, type, calibre and country one way; with
 * variants, every column the way registers in many countries write it (see
 * {@link LegacyVariants}).
 */
public final class SyntheticLegacyCsv {

	private static final String[] MAKES = { "Glock", "S&W", "Beretta", "CZ", "Sig Sauer", "Steyr", "Ruger", "Walther",
			"Browning", "Zastava" };

	private static final String[] COUNTRIES = { "AUT", "USA", "ITA", "CZE", "DEU", "AUT", "USA", "DEU", "BEL", "SRB" };

	private static final String[] TYPES = { "pistol", "Revolver", "RIFLE", "shotgun", "carbine" };

	private static final String[] CALIBRES = { "9mm Luger", ".38 Spl", ".308 Win", "12 ga", "7.62x39mm" };

	private SyntheticLegacyCsv() {
	}

	/**
	 * Writes {@code rows} records to {@code out}; with {@code badEvery} = K above 0 every
	 * K-th row cannot be taken over (no serial, no maker, or a serial longer than any
	 * marking); with {@code variants}, every value is written as one of the ways
	 * registers write it.
	 */
	public static void write(Path out, long rows, int badEvery, long seed, boolean variants) throws IOException {
		Random random = new Random(seed);
		LegacyVariants written = new LegacyVariants(random);
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			CsvWriter csv = new CsvWriter(writer).row(LegacyImport.COLUMNS);
			for (long i = 1; i <= rows; i++) {
				int m = random.nextInt(MAKES.length);
				int t = random.nextInt(TYPES.length);
				String serial = String.format(Locale.ROOT, "%s%07d", (char) ('A' + m), i);
				int year = 1970 + random.nextInt(55);
				boolean stolen = random.nextInt(40) == 0;
				String[] row = variants ? written.row(m, t, year, stolen) : new String[] { MAKES[m], TYPES[t],
						CALIBRES[t], COUNTRIES[m], Integer.toString(year), stolen ? "stolen" : "active" };
				String make = row[0];
				if (badEvery > 0 && i % badEvery == 0) {
					switch ((int) (i / badEvery % 3)) {
						case 0 -> serial = "";
						case 1 -> make = "";
						default -> serial = serial.repeat(8);
					}
				}
				csv.row("LEG-" + i, make, "Model " + (1 + random.nextInt(30)), row[1], row[2], serial, row[3], row[4],
						"", row[5]);
			}
		}
	}

}

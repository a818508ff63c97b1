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
 * same seed: makers, types and calibres written as old registers write them, one firearm
 * in forty stolen.
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
	 * K-th row breaks one rule (a country written out, an empty serial, a year that is
	 * not a number).
	 */
	public static void write(Path out, long rows, int badEvery, long seed) throws IOException {
		Random random = new Random(seed);
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
			CsvWriter csv = new CsvWriter(writer).row(LegacyImport.COLUMNS);
			for (long i = 1; i <= rows; i++) {
				int m = random.nextInt(MAKES.length);
				int t = random.nextInt(TYPES.length);
				String serial = String.format(Locale.ROOT, "%s%07d", (char) ('A' + m), i);
				String country = COUNTRIES[m];
				String year = Integer.toString(1970 + random.nextInt(55));
				if (badEvery > 0 && i % badEvery == 0) {
					switch ((int) (i / badEvery % 3)) {
						case 0 -> country = "Austria";
						case 1 -> serial = "";
						default -> year = "19x7";
					}
				}
				csv.row("LEG-" + i, MAKES[m], "Model " + (1 + random.nextInt(30)), TYPES[t], CALIBRES[t], serial,
						country, year, "", random.nextInt(40) == 0 ? "stolen" : "active");
			}
		}
	}

}

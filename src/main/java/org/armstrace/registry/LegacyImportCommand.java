package org.armstrace.registry;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * The {@code import} verb (legacy firearm records from CSV, with a progress bar and a rejects file) and the
 * {@code generate-legacy-csv} verb that writes a synthetic legacy file to train on or to measure with.
 */
@Component
public class LegacyImportCommand {

	private final LegacyImport legacyImport;

	LegacyImportCommand(LegacyImport legacyImport) {
		this.legacyImport = legacyImport;
	}

	public int importFile(ApplicationArguments args) {
		if (args.getNonOptionArgs().size() < 2) {
			System.err.println("usage: armstrace import FILE [--rejects=FILE]");
			return 2;
		}
		Path file = Path.of(args.getNonOptionArgs().get(1));
		Path rejects = Path.of(args.containsOption("rejects") ? args.getOptionValues("rejects").getFirst()
				: file + ".rejects.csv");
		try {
			long size = Files.size(file);
			AtomicLong bytes = new AtomicLong();
			try (InputStream counting = new CountingInputStream(Files.newInputStream(file), bytes);
					Reader reader = new InputStreamReader(counting, StandardCharsets.UTF_8);
					Writer rejected = Files.newBufferedWriter(rejects, StandardCharsets.UTF_8);
					ProgressBar bar = new ProgressBarBuilder().setTaskName("Importing").setInitialMax(size)
						.setStyle(ProgressBarStyle.ASCII).setUnit(" MB", 1_000_000).showSpeed().build()) {
				LegacyImport.Report report = legacyImport.importCsv(reader, rejected, "system:import",
						rows -> bar.stepTo(bytes.get()));
				bar.stepTo(size);
				bar.close();
				System.out.printf(Locale.ROOT, "%,d rows: %,d imported, %,d already imported, %,d rejected "
						+ "(written to %s) in %.1f s%n", report.rows(), report.imported(), report.alreadyImported(),
						report.rejected(), rejects, report.millis() / 1000.0);
				return report.rejected() == 0 ? 0 : 3;
			}
		}
		catch (IOException | IllegalArgumentException e) {
			System.err.println("import of " + file + " failed: " + e.getMessage());
			return 2;
		}
	}

	/** Writes N synthetic legacy records; with --bad-every=K every K-th row breaks one rule. */
	public int generate(ApplicationArguments args) {
		long rows = Long.parseLong(option(args, "rows", "100000"));
		Path out = Path.of(option(args, "out", "legacy-firearms.csv"));
		int badEvery = Integer.parseInt(option(args, "bad-every", "0"));
		Random random = new Random(Long.parseLong(option(args, "seed", "1")));
		String[] makes = { "Glock", "S&W", "Beretta", "CZ", "Sig Sauer", "Steyr", "Ruger", "Walther", "Browning",
				"Zastava" };
		String[] countries = { "AUT", "USA", "ITA", "CZE", "DEU", "AUT", "USA", "DEU", "BEL", "SRB" };
		String[] types = { "pistol", "Revolver", "RIFLE", "shotgun", "carbine" };
		String[] calibres = { "9mm Luger", ".38 Spl", ".308 Win", "12 ga", "7.62x39mm" };
		try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
				CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(LegacyImport.COLUMNS.toArray(String[]::new)).get()
					.print(writer)) {
			for (long i = 1; i <= rows; i++) {
				int m = random.nextInt(makes.length);
				int t = random.nextInt(types.length);
				String serial = String.format(Locale.ROOT, "%s%07d", (char) ('A' + m), i);
				String country = countries[m];
				String year = Integer.toString(1970 + random.nextInt(55));
				if (badEvery > 0 && i % badEvery == 0) {
					switch ((int) (i / badEvery % 3)) {
						case 0 -> country = "Austria";
						case 1 -> serial = "";
						default -> year = "19x7";
					}
				}
				csv.printRecord("LEG-" + i, makes[m], "Model " + (1 + random.nextInt(30)), types[t], calibres[t],
						serial, country, year, "", random.nextInt(40) == 0 ? "stolen" : "active");
			}
		}
		catch (IOException e) {
			System.err.println("cannot write " + out + ": " + e.getMessage());
			return 2;
		}
		System.out.printf(Locale.ROOT, "wrote %,d synthetic legacy records to %s%n", rows, out);
		return 0;
	}

	private static String option(ApplicationArguments args, String name, String fallback) {
		return args.containsOption(name) ? args.getOptionValues(name).getFirst() : fallback;
	}

}

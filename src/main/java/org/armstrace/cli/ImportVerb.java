package org.armstrace.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.armstrace.registry.LegacyImport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * {@code import FILE [--rejects=FILE]}: legacy firearm records from CSV, with a progress
 * bar over the file's bytes; refused rows go to the rejects file (exit 3 when there are
 * any).
 */
@Component
class ImportVerb implements Verb {

	private final LegacyImport legacyImport;

	ImportVerb(LegacyImport legacyImport) {
		this.legacyImport = legacyImport;
	}

	@Override
	public String name() {
		return "import";
	}

	@Override
	public int run(ApplicationArguments args) {
		if (args.getNonOptionArgs().size() < 2) {
			System.err.println("usage: armstrace import FILE [--rejects=FILE]");
			return 2;
		}
		Path file = Path.of(args.getNonOptionArgs().get(1));
		Path rejects = Path.of(Options.value(args, "rejects", file + ".rejects.csv"));
		try {
			long size = Files.size(file);
			try (FileChannel channel = FileChannel.open(file);
					Reader reader = new InputStreamReader(Channels.newInputStream(channel), StandardCharsets.UTF_8);
					Writer rejected = Files.newBufferedWriter(rejects, StandardCharsets.UTF_8);
					ProgressBar bar = new ProgressBarBuilder().setTaskName("Importing")
						.setInitialMax(size)
						.setStyle(ProgressBarStyle.ASCII)
						.setUnit(" MB", 1_000_000)
						.showSpeed()
						.build()) {
				LegacyImport.Report report = legacyImport.importCsv(reader, rejected, "system:import",
						rows -> bar.stepTo(bytesRead(channel)));
				bar.stepTo(size);
				bar.close();
				System.out.printf(Locale.ROOT,
						"%,d rows: %,d imported, %,d already imported, %,d rejected " + "(written to %s) in %.1f s%n",
						report.rows(), report.imported(), report.alreadyImported(), report.rejected(), rejects,
						report.millis() / 1000.0);
				System.out.printf(Locale.ROOT,
						"values read as reference data: %,d of %,d (%.2f %%), %,d of them as a likely misspelling; "
								+ "the others wait in the data-quality queue%n",
						report.valuesRead(), report.values(), report.shareRead(), report.lowConfidence());
				return report.rejected() == 0 ? 0 : 3;
			}
		}
		catch (IOException | IllegalArgumentException e) {
			System.err.println("import of " + file + " failed: " + e.getMessage());
			return 2;
		}
	}

	/**
	 * How far through the file the import has read (its reader reads ahead by a buffer).
	 */
	private static long bytesRead(FileChannel channel) {
		try {
			return channel.position();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}

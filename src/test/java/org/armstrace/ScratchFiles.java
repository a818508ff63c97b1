package org.armstrace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folders and files tests write and leave (homes of Spring contexts, browser
 * profiles, backups): under {@code target/scratch}, which the build empties before the
 * tests run (pom.xml), rather than in the machine's temporary folder, where each run
 * would leave hundreds.
 */
public final class ScratchFiles {

	private static final Path ROOT = Path.of("target", "scratch").toAbsolutePath();

	private ScratchFiles() {
	}

	/** A new, empty folder whose name starts with {@code prefix}. */
	public static Path folder(String prefix) {
		try {
			return Files.createTempDirectory(Files.createDirectories(ROOT), prefix);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * A new, empty file whose name starts with {@code prefix} and ends with
	 * {@code suffix}.
	 */
	public static Path file(String prefix, String suffix) {
		try {
			return Files.createTempFile(Files.createDirectories(ROOT), prefix, suffix);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

}

package org.armstrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What the build enforces beyond the formatter: names are imported, not spelled out in
 * the code.
 */
class CodeHygieneTests {

	/**
	 * A package-qualified type name in code: {@code java.util.List},
	 * {@code org.armstrace.registry.Marking}.
	 */
	private static final Pattern QUALIFIED = Pattern.compile(
			"(?<![\\w.\"/*])(java|javax|jakarta|org|com|tools|io)\\.[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*\\.[A-Z]\\w*");

	@Test
	void noFullyQualifiedNamesInlineWhereAnImportDoes() throws IOException {
		List<String> found = new ArrayList<>();
		for (Path source : sources("src/main/java", "src/test/java")) {
			List<String> lines = Files.readAllLines(source);
			for (int i = 0; i < lines.size(); i++) {
				String line = lines.get(i).strip();
				if (line.startsWith("import ") || line.startsWith("package ") || line.startsWith("*")
						|| line.startsWith("/*") || line.startsWith("//")) {
					continue;
				}
				String code = line.replaceAll("\"([^\"\\\\]|\\\\.)*\"", "\"\"");
				if (QUALIFIED.matcher(code).find()) {
					found.add(source + ":" + (i + 1) + ": " + line);
				}
			}
		}
		assertThat(found).isEmpty();
	}

	private static List<Path> sources(String... roots) throws IOException {
		List<Path> all = new ArrayList<>();
		for (String root : roots) {
			try (Stream<Path> files = Files.walk(Path.of(root))) {
				files.filter(p -> p.toString().endsWith(".java")).forEach(all::add);
			}
		}
		return all;
	}

}

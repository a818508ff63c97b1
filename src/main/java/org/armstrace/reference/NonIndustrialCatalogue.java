package org.armstrace.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.armstrace.command.Limits;
import org.armstrace.csv.CsvReader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.annotation.PostConstruct;
import jakarta.validation.constraints.Size;

/**
 * The catalogue of non-industrial firearms: designs and families of craft-made,
 * 3D-printed, converted, reactivated, modular and polymer-frame firearms, each with its
 * characteristics, how to recognise it, the markings it bears or lacks, hashes of its
 * published files and the sources. Seeded from {@code reference/non-industrial.csv} at
 * first start; a State adds and corrects entries on the admin page or through the API.
 */
@Service
public class NonIndustrialCatalogue {

	/**
	 * @param code a stable key ("FGC-9"): letters, digits, '-', '_' and '.'
	 * @param fileHashes hashes of the design's published files, as the State records them
	 * (e.g. "sha256:…"), one per line
	 */
	public record Entry(@Size(max = CODE) String code, NonIndustrialKind kind, @Size(max = Limits.NAME) String name,
			@Size(max = Limits.LONG_TEXT) String characteristics, @Size(max = Limits.LONG_TEXT) String recognition,
			@Size(max = Limits.LONG_TEXT) String markings, @Size(max = Limits.LONG_TEXT) String fileHashes,
			@Size(max = Limits.LONG_TEXT) String sources) {
	}

	/** The longest entry code. */
	public static final int CODE = 60;

	private static final Pattern CODE_FORM = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0," + (CODE - 1) + "}");

	private final JdbcClient jdbc;

	NonIndustrialCatalogue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@PostConstruct
	void seed() {
		if (jdbc.sql("SELECT COUNT(*) FROM ref_non_industrial").query(Long.class).single() > 0) {
			return;
		}
		try (Reader reader = new InputStreamReader(
				new ClassPathResource("reference/non-industrial.csv").getInputStream(), StandardCharsets.UTF_8)) {
			CsvReader csv = new CsvReader(reader);
			for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
				save(new Entry(value(csv, row, "code"), NonIndustrialKind.valueOf(value(csv, row, "kind")),
						value(csv, row, "name"), value(csv, row, "characteristics"), value(csv, row, "recognition"),
						value(csv, row, "markings"), value(csv, row, "file_hashes"), value(csv, row, "sources")));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String value(CsvReader csv, CsvReader.Row row, String column) {
		String value = row.get(csv.column(column)).trim();
		return value.isEmpty() ? null : value;
	}

	public List<Entry> entries() {
		return jdbc.sql("SELECT * FROM ref_non_industrial ORDER BY kind, name").query(this::row).list();
	}

	public Optional<Entry> entry(String code) {
		return jdbc.sql("SELECT * FROM ref_non_industrial WHERE code = ?").param(code).query(this::row).optional();
	}

	/**
	 * Adds an entry, or replaces the one with the same code.
	 * @throws IllegalArgumentException naming the field when the code, kind or name is
	 * missing or the code is not of letters, digits, '-', '_' and '.'
	 */
	@Transactional
	public Entry save(Entry e) {
		if (e.code() == null || !CODE_FORM.matcher(e.code()).matches()) {
			throw new IllegalArgumentException(
					"code must be 1 to " + CODE + " letters, digits, '-', '_' or '.', was '" + e.code() + "'");
		}
		if (e.kind() == null) {
			throw new IllegalArgumentException("kind is required: one of " + List.of(NonIndustrialKind.values()));
		}
		if (e.name() == null || e.name().isBlank()) {
			throw new IllegalArgumentException("name is required");
		}
		if (e.name().length() > Limits.NAME) {
			throw new IllegalArgumentException("name must be at most " + Limits.NAME + " characters");
		}
		for (String text : List.of(String.valueOf(e.characteristics()), String.valueOf(e.recognition()),
				String.valueOf(e.markings()), String.valueOf(e.fileHashes()), String.valueOf(e.sources()))) {
			if (text.length() > Limits.LONG_TEXT) {
				throw new IllegalArgumentException("a text is at most " + Limits.LONG_TEXT + " characters");
			}
		}
		jdbc.sql("DELETE FROM ref_non_industrial WHERE code = ?").param(e.code()).update();
		jdbc.sql("INSERT INTO ref_non_industrial (code, kind, name, characteristics, recognition, markings, "
				+ "file_hashes, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
			.params(e.code(), e.kind().name(), e.name().trim(), e.characteristics(), e.recognition(), e.markings(),
					e.fileHashes(), e.sources())
			.update();
		return entry(e.code()).orElseThrow();
	}

	private Entry row(ResultSet rs, int n) throws SQLException {
		return new Entry(rs.getString("code"), NonIndustrialKind.valueOf(rs.getString("kind")), rs.getString("name"),
				rs.getString("characteristics"), rs.getString("recognition"), rs.getString("markings"),
				rs.getString("file_hashes"), rs.getString("sources"));
	}

}

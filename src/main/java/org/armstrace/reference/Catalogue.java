package org.armstrace.reference;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.armstrace.command.Limits;
import org.armstrace.csv.CsvReader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import jakarta.annotation.PostConstruct;

/**
 * Canonical makes and calibres with their aliases ("S&W" = "Smith & Wesson"; "9mm Luger"
 * = "9x19mm"). Looking a text up never changes it: records keep what was entered, and the
 * catalogue says what it means. Near-equivalents (5.56x45mm and .223 Remington) are
 * distinct entries, never aliases. Seeded at first start from {@code reference/makes.csv}
 * and {@code reference/calibres.csv}; admins extend it through the API and by CSV.
 */
@Service
public class Catalogue {

	public enum Kind {

		MAKE("ref_make", "ref_make_alias", "make_id", Names::makerKey),
		CALIBRE("ref_calibre", "ref_calibre_alias", "calibre_id", Names::calibreKey);

		final String table;

		final String aliasTable;

		final String idColumn;

		final Function<String, String> key;

		Kind(String table, String aliasTable, String idColumn, Function<String, String> key) {
			this.table = table;
			this.aliasTable = aliasTable;
			this.idColumn = idColumn;
			this.key = key;
		}

	}

	/** A catalogue entry; {@code country} and {@code models} only for makes. */
	public record Entry(String name, String country, List<String> aliases, List<String> models) {
	}

	/**
	 * The outcome of a CSV load: rows taken, and each refused row with its number and
	 * reason.
	 */
	public record CsvReport(int added, int extended, List<String> rejected) {
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	/** Comparison key to canonical name, per kind: every lookup is a map read. */
	private final Map<Kind, Map<String, String>> keys = Map.of(Kind.MAKE, new ConcurrentHashMap<>(), Kind.CALIBRE,
			new ConcurrentHashMap<>());

	private final Countries countries;

	Catalogue(JdbcClient jdbc, TransactionTemplate transactions, Countries countries) {
		this.countries = countries;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	@PostConstruct
	void seedAndLoad() {
		for (Kind kind : Kind.values()) {
			if (jdbc.sql("SELECT COUNT(*) FROM " + kind.table).query(Long.class).single() == 0) {
				String file = "reference/" + (kind == Kind.MAKE ? "makes" : "calibres") + ".csv";
				try (Reader reader = new InputStreamReader(new ClassPathResource(file).getInputStream(),
						StandardCharsets.UTF_8)) {
					CsvReport report = importCsv(kind, reader);
					if (!report.rejected().isEmpty()) {
						throw new IllegalStateException(
								"the starter catalogue " + file + " is inconsistent: " + report.rejected());
					}
				}
				catch (IOException e) {
					throw new UncheckedIOException(e);
				}
			}
			jdbc.sql("SELECT a.alias_key, e.name FROM " + kind.aliasTable + " a JOIN " + kind.table + " e ON e.id = a."
					+ kind.idColumn)
				.query((rs, n) -> keys.get(kind).put(rs.getString(1), rs.getString(2)))
				.list();
		}
	}

	/** The canonical name a free text stands for, if the catalogue knows it. */
	public Optional<String> canonical(Kind kind, String text) {
		String key = kind.key.apply(text);
		return key.isEmpty() ? Optional.empty() : Optional.ofNullable(keys.get(kind).get(key));
	}

	/**
	 * A catalogue name a text stands for, and how sure the match is: 100 for a name or
	 * alias, less for a misspelling (100 less the share of characters that differ).
	 */
	public record Match(String name, int confidence) {

		public boolean exact() {
			return confidence == 100;
		}

	}

	/**
	 * The canonical name a misspelt text most likely stands for: the one catalogue name
	 * or alias within two edits of it (one for short texts), when exactly one entry is
	 * that close; empty when none is or several are.
	 */
	public Optional<String> closest(Kind kind, String text) {
		return match(kind, text).map(Match::name);
	}

	/**
	 * What a text stands for: a name or alias (confidence 100), else the one entry within
	 * two edits of it (one for texts under 7 characters, none under 4).
	 */
	public Optional<Match> match(Kind kind, String text) {
		Optional<String> known = canonical(kind, text);
		if (known.isPresent()) {
			return Optional.of(new Match(known.get(), 100));
		}
		String key = kind.key.apply(text);
		if (key.length() < 4) {
			return Optional.empty();
		}
		int allowed = key.length() < 7 ? 1 : 2;
		int best = allowed + 1;
		Set<String> found = new HashSet<>();
		for (Map.Entry<String, String> e : keys.get(kind).entrySet()) {
			if (Math.abs(e.getKey().length() - key.length()) > allowed) {
				continue;
			}
			int d = editDistance(key, e.getKey(), allowed);
			if (d < best) {
				best = d;
				found.clear();
			}
			if (d == best) {
				found.add(e.getValue());
			}
		}
		return best <= allowed && found.size() == 1
				? Optional.of(new Match(found.iterator().next(), 100 - 100 * best / key.length())) : Optional.empty();
	}

	/** Levenshtein distance with adjacent transpositions, cut off above {@code max}. */
	static int editDistance(String a, String b, int max) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			int rowMin = Integer.MAX_VALUE;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
				rowMin = Math.min(rowMin, d[i][j]);
			}
			if (rowMin > max) {
				return max + 1;
			}
		}
		return d[a.length()][b.length()];
	}

	public List<Entry> entries(Kind kind) {
		return jdbc
			.sql("SELECT id, name" + (kind == Kind.MAKE ? ", country" : ", NULL AS country") + " FROM " + kind.table
					+ " ORDER BY name")
			.query((rs, n) -> new Entry(rs.getString("name"), rs.getString("country"),
					jdbc.sql("SELECT alias FROM " + kind.aliasTable + " WHERE " + kind.idColumn + " = ? ORDER BY alias")
						.param(rs.getInt("id"))
						.query(String.class)
						.list(),
					kind == Kind.MAKE ? jdbc.sql("SELECT name FROM ref_model WHERE make_id = ? ORDER BY name")
						.param(rs.getInt("id"))
						.query(String.class)
						.list() : List.of()))
			.list();
	}

	/**
	 * Adds an entry, or more aliases to an existing one. Refused (nothing written) when
	 * an alias already stands for another entry.
	 */
	public Entry add(Kind kind, String name, String country, List<String> aliases) {
		return add(kind, name, country, aliases, List.of());
	}

	/** As {@link #add(Kind, String, String, List)}, with models (makes only). */
	public Entry add(Kind kind, String name, String countryAsGiven, List<String> aliases, List<String> models) {
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("name is required");
		}
		// a maker's country as a name in any language or a code, kept as its alpha-3 code
		String country = countryAsGiven == null || countryAsGiven.isBlank() ? null
				: countries.codeOrAsGiven(countryAsGiven.trim());
		if (country != null && !CountryCode.isValid(country)) {
			throw new IllegalArgumentException(
					"country must be a country's name or ISO code (Austria, AUT), was '" + countryAsGiven + "'");
		}
		// the same bounds as the API's, for the rows of a CSV file that come in without
		// them
		bounded("name", List.of(name));
		bounded("aliases", aliases);
		bounded("models", models);
		Set<String> all = new LinkedHashSet<>();
		all.add(name.trim());
		aliases.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).forEach(all::add);
		for (String alias : all) {
			String owner = keys.get(kind).get(kind.key.apply(alias));
			if (owner != null && !owner.equals(name.trim())) {
				throw new IllegalArgumentException("alias '" + alias + "' already stands for '" + owner + "'");
			}
			if (kind.key.apply(alias).isEmpty()) {
				throw new IllegalArgumentException("alias '" + alias + "' holds no letter or digit");
			}
		}
		transactions.executeWithoutResult(status -> {
			Integer id = jdbc.sql("SELECT id FROM " + kind.table + " WHERE name = ?")
				.param(name.trim())
				.query(Integer.class)
				.optional()
				.orElse(null);
			if (id == null) {
				if (kind == Kind.MAKE) {
					jdbc.sql("INSERT INTO ref_make (name, country) VALUES (?, ?)")
						.params(name.trim(), blankToNull(country))
						.update();
				}
				else {
					jdbc.sql("INSERT INTO ref_calibre (name) VALUES (?)").param(name.trim()).update();
				}
				id = jdbc.sql("SELECT id FROM " + kind.table + " WHERE name = ?")
					.param(name.trim())
					.query(Integer.class)
					.single();
			}
			Set<String> written = new HashSet<>(keys.get(kind).keySet());
			if (kind == Kind.MAKE) {
				Set<String> known = new HashSet<>(
						jdbc.sql("SELECT name FROM ref_model WHERE make_id = ?").param(id).query(String.class).list());
				for (String model : models) {
					if (model != null && !model.isBlank() && known.add(model.trim())) {
						jdbc.sql("INSERT INTO ref_model (make_id, name) VALUES (?, ?)")
							.params(id, model.trim())
							.update();
					}
				}
			}
			for (String alias : all) {
				String key = kind.key.apply(alias);
				// "Glock" and "Glock Inc" share a key: one row for both
				if (written.add(key)) {
					jdbc.sql("INSERT INTO " + kind.aliasTable + " (alias_key, alias, " + kind.idColumn
							+ ") VALUES (?, ?, ?)")
						.params(key, alias, id)
						.update();
				}
			}
		});
		all.forEach(alias -> keys.get(kind).put(kind.key.apply(alias), name.trim()));
		return entries(kind).stream().filter(e -> e.name().equals(name.trim())).findFirst().orElseThrow();
	}

	/**
	 * Loads a CSV with the header {@code name,country,aliases,models} (makes) or
	 * {@code name,aliases} (calibres), aliases and models separated by '|'; a row may
	 * leave off the columns after its name. A byte-order mark before the header is
	 * dropped. Each row is taken or refused on its own (one that leaves a quote open, or
	 * has more values than the header, too); the report names every refused row by its
	 * line, the header being line 1.
	 */
	public CsvReport importCsv(Kind kind, Reader csv) throws IOException {
		int added = 0;
		int extended = 0;
		List<String> rejected = new ArrayList<>();
		CsvReader file = new CsvReader(csv);
		if (file.column("name") < 0) {
			throw new IllegalArgumentException("the CSV header lacks the column 'name'");
		}
		for (CsvReader.Row row = file.next(); row != null; row = file.next()) {
			if (row.problem() != null && row.problem() != CsvReader.Problem.MISSING_COLUMNS) {
				rejected.add("row " + (row.number() + 1) + ": " + row.problem().describe(row, file.header().size()));
				continue;
			}
			try {
				String name = value(file, row, "name");
				boolean known = canonical(kind, name).isPresent();
				add(kind, name, kind == Kind.MAKE ? blankToNull(value(file, row, "country")) : null,
						list(file, row, "aliases"), kind == Kind.MAKE ? list(file, row, "models") : List.of());
				if (known) {
					extended++;
				}
				else {
					added++;
				}
			}
			catch (IllegalArgumentException | IllegalStateException e) {
				rejected.add("row " + (row.number() + 1) + ": " + e.getMessage());
			}
		}
		return new CsvReport(added, extended, rejected);
	}

	private static void bounded(String field, List<String> values) {
		if (values.size() > Limits.ITEMS) {
			throw new IllegalArgumentException(field + " may hold at most " + Limits.ITEMS + " entries");
		}
		for (String value : values) {
			if (value != null && value.length() > Limits.NAME) {
				throw new IllegalArgumentException(
						field + " must be at most " + Limits.NAME + " characters, was " + value.length());
			}
		}
	}

	private static String value(CsvReader file, CsvReader.Row row, String column) {
		return row.get(file.column(column)).trim();
	}

	private static List<String> list(CsvReader file, CsvReader.Row row, String column) {
		String value = value(file, row, column);
		return value.isBlank() ? List.of() : Arrays.asList(value.split("\\|"));
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}

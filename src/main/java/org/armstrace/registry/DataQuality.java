package org.armstrace.registry;

import java.util.List;

import org.armstrace.reference.Catalogue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data-quality report: texts in the registry that match no catalogue entry, with how
 * often they occur. The records keep them exactly as entered; the report is where someone
 * decides whether each is a new make, an alias to add, or a mistake.
 */
@Service
public class DataQuality {

	public record UnmatchedText(String field, String text, long occurrences) {
	}

	private final JdbcClient jdbc;

	private final Catalogue catalogue;

	DataQuality(JdbcClient jdbc, Catalogue catalogue) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
	}

	@Transactional(readOnly = true)
	public List<UnmatchedText> unmatched() {
		return List
			.of(unmatched("firearm.make", "SELECT make, COUNT(*) FROM firearm GROUP BY make", Catalogue.Kind.MAKE),
					unmatched("firearm.calibre",
							"SELECT calibre, COUNT(*) FROM firearm WHERE calibre IS NOT NULL " + "GROUP BY calibre",
							Catalogue.Kind.CALIBRE),
					unmatched("part.make", "SELECT make, COUNT(*) FROM part GROUP BY make", Catalogue.Kind.MAKE),
					unmatched("ammunition.calibre", "SELECT calibre, COUNT(*) FROM ammunition_lot GROUP BY calibre",
							Catalogue.Kind.CALIBRE))
			.stream()
			.flatMap(List::stream)
			.sorted((a, b) -> Long.compare(b.occurrences(), a.occurrences()))
			.toList();
	}

	private List<UnmatchedText> unmatched(String field, String sql, Catalogue.Kind kind) {
		return jdbc.sql(sql)
			.query((rs, n) -> new UnmatchedText(field, rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.filter(t -> catalogue.canonical(kind, t.text()).isEmpty())
			.toList();
	}

}

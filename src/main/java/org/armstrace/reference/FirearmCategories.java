package org.armstrace.reference;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The State's classification of firearms, which licences cover and every firearm carries:
 * EU Directive 2021/555's categories by default (table {@code firearm_category},
 * documented in docs/licensing.md); a State adds its own.
 */
@Service
public class FirearmCategories {

	/** A firearm recorded before it was classified: no licence covers it. */
	public static final String UNCLASSIFIED = "UNCLASSIFIED";

	/** One category. */
	public record Category(String code, String name, String description) {
	}

	private final JdbcClient jdbc;

	FirearmCategories(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<Category> all() {
		return jdbc.sql("SELECT code, name, description FROM firearm_category ORDER BY ordinal, code")
			.query(Category.class)
			.list();
	}

	public boolean isKnown(String code) {
		return code != null && jdbc.sql("SELECT COUNT(*) FROM firearm_category WHERE code = ?")
			.param(code)
			.query(Long.class)
			.single() > 0;
	}

	/** The codes, for a refusal that lists them. */
	public String codes() {
		return String.join(", ", all().stream().map(Category::code).toList());
	}

	/** Adds a category of the State's own classification, or renames one. */
	@Transactional
	public Category save(String code, String name, String description) {
		int ordinal = jdbc.sql("SELECT COALESCE(MAX(ordinal), 0) + 1 FROM firearm_category WHERE ordinal < 99")
			.query(Integer.class)
			.single();
		if (isKnown(code)) {
			jdbc.sql("UPDATE firearm_category SET name = ?, description = ? WHERE code = ?")
				.params(name, description, code)
				.update();
		}
		else {
			jdbc.sql("INSERT INTO firearm_category (code, name, description, ordinal) VALUES (?, ?, ?, ?)")
				.params(code, name, description, ordinal)
				.update();
		}
		return new Category(code, name, description);
	}

}

package org.armstrace.reference;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;

import org.armstrace.command.Limits;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The reference catalogue over HTTP: read it, match a text against it, extend it (JSON or
 * CSV).
 */
@RestController
@RequestMapping("/api/v1/reference")
@Tag(name = "Reference catalogue", description = "Makes, calibres and countries, with aliases")
class ReferenceController {

	private final Catalogue catalogue;

	ReferenceController(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	record NewEntry(@Size(max = Limits.NAME) String name, @Size(max = Limits.COUNTRY) String country,
			@Size(max = Limits.ITEMS) List<@NotNull @Size(max = Limits.NAME) String> aliases,
			@Size(max = Limits.ITEMS) List<@NotNull @Size(max = Limits.NAME) String> models) {
	}

	record MatchView(String text, String canonical, boolean matched) {
	}

	@GetMapping("/{kind}")
	List<Catalogue.Entry> entries(@PathVariable String kind) {
		return catalogue.entries(kind(kind));
	}

	@Operation(summary = "What a free text stands for in the catalogue (the text itself is never changed)")
	@GetMapping("/{kind}/match")
	MatchView match(@PathVariable String kind, @RequestParam String text) {
		var canonical = catalogue.canonical(kind(kind), text);
		return new MatchView(text, canonical.orElse(null), canonical.isPresent());
	}

	@Operation(summary = "Add an entry, or aliases to an existing one")
	@PostMapping("/{kind}")
	Catalogue.Entry add(@PathVariable String kind, @Valid @RequestBody NewEntry body) {
		return catalogue.add(kind(kind), body.name(), body.country(),
				body.aliases() == null ? List.of() : body.aliases(), body.models() == null ? List.of() : body.models());
	}

	@Operation(summary = "Load entries from CSV: header name,country,aliases,models (makes) or name,aliases "
			+ "(calibres), aliases and models separated by '|'")
	@PostMapping(value = "/{kind}/csv", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	Catalogue.CsvReport importCsv(@PathVariable String kind, @RequestBody String csv) throws IOException {
		return catalogue.importCsv(kind(kind), new StringReader(csv));
	}

	@Operation(summary = "ISO 3166-1 alpha-3 codes with their English names, from the JDK")
	@GetMapping("/countries")
	Map<String, String> countries() {
		Map<String, String> names = new TreeMap<>();
		for (String alpha2 : Locale.getISOCountries()) {
			Locale country = Locale.of("", alpha2);
			names.put(country.getISO3Country(), country.getDisplayCountry(Locale.ENGLISH));
		}
		return names;
	}

	private static Catalogue.Kind kind(String path) {
		return switch (path) {
			case "makes" -> Catalogue.Kind.MAKE;
			case "calibres" -> Catalogue.Kind.CALIBRE;
			default -> throw new NoSuchElementException("no catalogue '" + path + "': makes or calibres");
		};
	}

}

package org.armstrace.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.UUID;

import org.armstrace.identity.Actors;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Bulk import of legacy firearm records over HTTP: the CSV streams in, the report comes
 * back, and the refused rows can be downloaded as a CSV with their row numbers and
 * reasons.
 */
@RestController
@Tag(name = "Registry")
class LegacyImportController {

	/**
	 * @param values the values of the imported rows read as reference data; @param
	 * valuesRead those read without an officer; @param lowConfidence those read as a
	 * likely misspelling, queued to confirm
	 */
	record ImportView(UUID run, long rows, long imported, long alreadyImported, long rejected, long millis,
			String rejectsUrl, long values, long valuesRead, long lowConfidence) {
	}

	private final LegacyImport legacyImport;

	private final Path folder;

	private final Actors actors;

	private final ImportJobs jobs;

	/**
	 * Shares the imports folder, and the rejects download, with the imports started from
	 * the web page.
	 */
	LegacyImportController(LegacyImport legacyImport, ImportJobs jobs, Actors actors) {
		this.actors = actors;
		this.legacyImport = legacyImport;
		this.jobs = jobs;
		this.folder = jobs.folder();
	}

	@Operation(summary = "Import legacy firearm records from CSV (header: legacy_ref,make,model,type,calibre,serial,"
			+ "country_of_manufacture,year,holder_ref,status); importing the same file again adds nothing")
	@PostMapping(value = "/api/v1/firearms/imports", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	ImportView upload(InputStream body, Principal who) throws IOException {
		Files.createDirectories(folder);
		Path rejects = Files.createTempFile(folder, "import-", ".rejects.csv");
		LegacyImport.Report report;
		try (Reader csv = new InputStreamReader(body, StandardCharsets.UTF_8);
				Writer out = Files.newBufferedWriter(rejects, StandardCharsets.UTF_8)) {
			report = legacyImport.importCsv(csv, out, actors.of(who), rows -> {
			});
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(rejects);
			throw e;
		}
		Files.move(rejects, folder.resolve(report.run() + ".rejects.csv"));
		return new ImportView(report.run(), report.rows(), report.imported(), report.alreadyImported(),
				report.rejected(), report.millis(), "/api/v1/firearms/imports/" + report.run() + "/rejects",
				report.values(), report.valuesRead(), report.lowConfidence());
	}

	@Operation(summary = "The refused rows of an import, with row_number and reason")
	@GetMapping(value = "/api/v1/firearms/imports/{run}/rejects", produces = "text/csv")
	ResponseEntity<Resource> rejects(@PathVariable UUID run, Principal who) {
		return jobs.rejectsDownload(run, who);
	}

}

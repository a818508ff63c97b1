package org.armstrace.registry;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import org.armstrace.identity.AccessLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

/**
 * Imports started from the web UI, run one at a time in the background so the page can
 * show their progress. The uploaded file and its rejects file stay in
 * {@code ARMSTRACE_HOME/imports}.
 */
@Component
class ImportJobs {

	/** One import: how far it is, and its report (or error) when it has finished. */
	static final class Job {

		final UUID id;

		final String fileName;

		final long bytes;

		final AtomicLong bytesRead = new AtomicLong();

		final AtomicLong rows = new AtomicLong();

		volatile LegacyImport.Report report;

		volatile String error;

		Job(UUID id, String fileName, long bytes) {
			this.id = id;
			this.fileName = fileName;
			this.bytes = bytes;
		}

		public UUID getId() {
			return id;
		}

		public String getFileName() {
			return fileName;
		}

		public long getRows() {
			return rows.get();
		}

		public int getPercent() {
			return bytes == 0 ? 100 : (int) Math.min(100, bytesRead.get() * 100 / bytes);
		}

		public boolean isDone() {
			return report != null || error != null;
		}

		public LegacyImport.Report getReport() {
			return report;
		}

		public String getError() {
			return error;
		}

	}

	private final LegacyImport legacyImport;

	private final Path folder;

	private final Map<UUID, Job> jobs = new ConcurrentHashMap<>();

	private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
		Thread thread = new Thread(task, "legacy-import");
		thread.setDaemon(true);
		return thread;
	});

	private final AccessLog accessLog;

	ImportJobs(LegacyImport legacyImport, AccessLog accessLog, @Value("${armstrace.home}") Path home) {
		this.legacyImport = legacyImport;
		this.accessLog = accessLog;
		this.folder = home.resolve("imports");
	}

	Path folder() {
		return folder;
	}

	/**
	 * Queues the import of an uploaded file (already saved as {@code <id>.csv} in the
	 * imports folder).
	 */
	Job start(UUID id, String fileName, String actor) throws IOException {
		Path csv = folder.resolve(id + ".csv");
		Job job = new Job(id, fileName, Files.size(csv));
		jobs.put(id, job);
		worker.submit(() -> {
			try (Reader reader = new InputStreamReader(
					new CountingInputStream(Files.newInputStream(csv), job.bytesRead), StandardCharsets.UTF_8);
					Writer rejects = Files.newBufferedWriter(folder.resolve(id + ".rejects.csv"))) {
				job.report = legacyImport.importCsv(reader, rejects, actor, job.rows::set);
			}
			catch (Exception e) {
				job.error = e.getMessage();
			}
		});
		return job;
	}

	/**
	 * The refused rows of an import (from the web page or the API) as a CSV download,
	 * written to the access log as an export.
	 */
	ResponseEntity<Resource> rejectsDownload(UUID run, Principal who) {
		Path file = folder.resolve(run + ".rejects.csv");
		if (!Files.exists(file)) {
			throw new NoSuchElementException("no import run " + run);
		}
		accessLog.record(who, AccessLog.Action.EXPORT, "import rejects " + run, null, null, null);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + run + "-rejects.csv\"")
			.contentType(MediaType.parseMediaType("text/csv"))
			.body(new FileSystemResource(file));
	}

	Optional<Job> job(UUID id) {
		return Optional.ofNullable(jobs.get(id));
	}

	@PreDestroy
	void stop() {
		worker.shutdownNow();
	}

}

package org.armstrace.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.Principal;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.identity.Actors;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Bulk import in the browser: upload a CSV, watch its progress, download the refused
 * rows.
 */
@Controller
class ImportPages {

	private final ImportJobs jobs;

	private final Actors actors;

	ImportPages(ImportJobs jobs, Actors actors) {
		this.jobs = jobs;
		this.actors = actors;
	}

	@GetMapping("/imports")
	String form() {
		return "registry/imports";
	}

	@PostMapping("/imports")
	String upload(@RequestParam("file") MultipartFile file, Principal who) throws IOException {
		UUID id = UUID.randomUUID();
		Files.createDirectories(jobs.folder());
		try (InputStream in = file.getInputStream()) {
			Files.copy(in, jobs.folder().resolve(id + ".csv"));
		}
		jobs.start(id, file.getOriginalFilename(), actors.of(who));
		return "redirect:/imports/" + id;
	}

	@GetMapping("/imports/{id}")
	String job(@PathVariable UUID id, Model model) {
		model.addAttribute("job", jobs.job(id).orElseThrow(() -> new NoSuchElementException("no import " + id)));
		return "registry/import-job";
	}

	/**
	 * The progress box alone, polled by the page (htmx) until the import has finished.
	 */
	@GetMapping("/imports/{id}/progress")
	String progress(@PathVariable UUID id, Model model) {
		model.addAttribute("job", jobs.job(id).orElseThrow(() -> new NoSuchElementException("no import " + id)));
		return "registry/import-job :: progress";
	}

	@GetMapping("/imports/{id}/rejects")
	ResponseEntity<Resource> rejects(@PathVariable UUID id, Principal who) {
		return jobs.rejectsDownload(id, who);
	}

}

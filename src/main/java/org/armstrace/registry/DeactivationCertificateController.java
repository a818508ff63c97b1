package org.armstrace.registry;

import java.util.NoSuchElementException;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Deactivation certificates over HTTP: the document, and the public check. */
@RestController
@Tag(name = "Registry", description = "Firearms, parts, ammunition lots and holders through their life cycle")
class DeactivationCertificateController {

	private final DeactivationCertificates certificates;

	DeactivationCertificateController(DeactivationCertificates certificates) {
		this.certificates = certificates;
	}

	@Operation(summary = "A deactivated firearm's certificate as PDF (EU Regulation 2015/2403, Annex III), in the "
			+ "reader's language and English")
	@GetMapping(value = "/api/v1/firearms/{id}/deactivation-certificate", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> certificate(@PathVariable UUID id) {
		DeactivationCertificates.Certificate certificate = certificates.ofFirearm(id)
			.orElseThrow(() -> new NoSuchElementException("no deactivation certificate for firearm " + id));
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					"attachment; filename=\"deactivation-" + certificate.number().replaceAll("[^A-Za-z0-9-]", "_")
							+ ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(certificates.pdf(certificate));
	}

	@Operation(summary = "Check a deactivation certificate by its number and the firearm's serial (both on the "
			+ "certificate): the firearm it was issued for and whether it is still deactivated (open to anyone)")
	@GetMapping("/api/v1/deactivation-certificates/{number}")
	DeactivationCertificates.Certificate check(@PathVariable String number, @RequestParam String serial) {
		if (number.length() > 100 || serial.length() > 100) {
			throw new IllegalArgumentException("number, serial: at most 100 characters each");
		}
		return certificates.check(number, serial)
			.orElseThrow(
					() -> new NoSuchElementException("no deactivation certificate " + number + " for that serial"));
	}

}

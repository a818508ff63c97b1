package org.armstrace.reference;

import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

/** The catalogue of non-industrial firearms over HTTP: read it, extend it. */
@RestController
@RequestMapping("/api/v1/reference/non-industrial")
@Tag(name = "Reference catalogue")
class NonIndustrialController {

	private final NonIndustrialCatalogue catalogue;

	NonIndustrialController(NonIndustrialCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@Operation(summary = "Craft-made, 3D-printed, converted, reactivated, modular and polymer-frame designs")
	@GetMapping
	List<NonIndustrialCatalogue.Entry> entries() {
		return catalogue.entries();
	}

	@GetMapping("/{code}")
	NonIndustrialCatalogue.Entry entry(@PathVariable String code) {
		return catalogue.entry(code).orElseThrow(() -> new NoSuchElementException("no entry '" + code + "'"));
	}

	@Operation(summary = "Add an entry, or replace the one with the same code")
	@PostMapping
	NonIndustrialCatalogue.Entry save(@Valid @RequestBody NonIndustrialCatalogue.Entry body) {
		return catalogue.save(body);
	}

}

package org.armstrace.reference;

import java.util.List;

import org.armstrace.command.Limits;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The classification of firearms over HTTP. */
@RestController
@RequestMapping("/api/v1/reference/firearm-categories")
@Tag(name = "Reference catalogue", description = "Makes, calibres and countries, with aliases")
class FirearmCategoryController {

	private final FirearmCategories categories;

	FirearmCategoryController(FirearmCategories categories) {
		this.categories = categories;
	}

	record NewCategory(@NotBlank @Size(max = 20) @Pattern(regexp = "[A-Z0-9_-]+") String code,
			@NotBlank @Size(max = Limits.NAME) String name, @Size(max = 1_000) String description) {
	}

	@Operation(summary = "The categories licences cover and firearms carry (EU Directive 2021/555 by default)")
	@GetMapping
	List<FirearmCategories.Category> all() {
		return categories.all();
	}

	@Operation(summary = "Add a category of the State's own classification, or rename one")
	@PostMapping
	ResponseEntity<FirearmCategories.Category> save(@Valid @RequestBody NewCategory body) {
		return ResponseEntity.ok(categories.save(body.code(), body.name().trim(), body.description()));
	}

}

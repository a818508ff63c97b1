package org.armstrace.reference;

import java.util.Arrays;
import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reference catalogue for admins: the makes and calibres with their aliases, and a
 * form to extend them.
 */
@Controller
class CataloguePages {

	private final Catalogue catalogue;

	CataloguePages(Catalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/admin/catalogue")
	String catalogue(Model model) {
		model.addAttribute("makes", catalogue.entries(Catalogue.Kind.MAKE));
		model.addAttribute("calibres", catalogue.entries(Catalogue.Kind.CALIBRE));
		return "reference/catalogue";
	}

	@PostMapping("/admin/catalogue")
	String add(@RequestParam String kind, @RequestParam String name, @RequestParam(required = false) String aliases,
			Model model) {
		try {
			List<String> list = aliases == null || aliases.isBlank() ? List.of()
					: Arrays.stream(aliases.split("\\|")).map(String::trim).toList();
			catalogue.add("calibres".equals(kind) ? Catalogue.Kind.CALIBRE : Catalogue.Kind.MAKE, name, null, list);
			model.addAttribute("added", name.trim());
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		return catalogue(model);
	}

}

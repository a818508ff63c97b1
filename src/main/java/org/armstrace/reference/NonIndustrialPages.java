package org.armstrace.reference;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The catalogue of non-industrial firearms for admins: the entries, and a form to add or
 * correct one.
 */
@Controller
class NonIndustrialPages {

	private final NonIndustrialCatalogue catalogue;

	NonIndustrialPages(NonIndustrialCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@GetMapping("/admin/non-industrial")
	String entries(Model model) {
		model.addAttribute("entries", catalogue.entries());
		model.addAttribute("kinds", NonIndustrialKind.values());
		return "reference/non-industrial";
	}

	@PostMapping("/admin/non-industrial")
	String save(@RequestParam(required = false) String code, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String name, @RequestParam(required = false) String characteristics,
			@RequestParam(required = false) String recognition, @RequestParam(required = false) String markings,
			@RequestParam(required = false) String fileHashes, @RequestParam(required = false) String sources,
			Model model) {
		try {
			NonIndustrialKind known = kind == null || kind.isBlank() ? null : NonIndustrialKind.valueOf(kind);
			catalogue.save(new NonIndustrialCatalogue.Entry(code == null ? null : code.trim(), known, name,
					blankToNull(characteristics), blankToNull(recognition), blankToNull(markings),
					blankToNull(fileHashes), blankToNull(sources)));
			model.addAttribute("saved", code.trim());
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		return entries(model);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}

package org.armstrace.registry;

import java.security.Principal;

import org.armstrace.command.CommandResult;
import org.armstrace.identity.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The data-quality queue in the browser: the share standardised per field, the values
 * awaiting a reading, and a form beside each to approve one.
 */
@Controller
class DataQualityPages {

	private final DataQualityQueue queue;

	private final LegacyReadings readings;

	private final Actors actors;

	DataQualityPages(DataQualityQueue queue, LegacyReadings readings, Actors actors) {
		this.queue = queue;
		this.readings = readings;
		this.actors = actors;
	}

	@GetMapping("/data-quality")
	String queue(Model model) {
		model.addAttribute("queue", queue.queue(DataQualityController.MAX_VALUES));
		return "registry/data-quality";
	}

	@PostMapping("/data-quality/readings")
	String approve(@RequestParam(required = false) String field, @RequestParam(required = false) String text,
			@RequestParam(required = false) String value, Principal who, Model model) {
		CommandResult result = readings.approve(new LegacyReadings.ApproveReading(field, text, value), actors.of(who),
				null);
		switch (result) {
			case CommandResult.Accepted a -> model.addAttribute("approved", a.ledgerSeqs().size());
			case CommandResult.Rejected r -> model.addAttribute("refusals", r.violations());
		}
		return queue(model);
	}

}

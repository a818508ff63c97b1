package org.armstrace.analytics;

import java.security.Principal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;

import org.armstrace.command.Limits;
import org.armstrace.identity.AccessLog;
import org.armstrace.seizure.ShipmentRecords;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages of linked shipments: the networks with the latest alerts, and a network with
 * its graph, its seizures and links as tables, and (once a purpose is stated) its senders
 * and recipients.
 */
@Controller
class AnalyticsPages {

	/** Networks the list page shows. */
	static final int PAGE_NETWORKS = 200;

	private final ShipmentNetworks networks;

	private final ShipmentRecords shipments;

	private final AccessLog accessLog;

	private final MessageSource messages;

	AnalyticsPages(ShipmentNetworks networks, ShipmentRecords shipments, AccessLog accessLog, MessageSource messages) {
		this.networks = networks;
		this.shipments = shipments;
		this.accessLog = accessLog;
		this.messages = messages;
	}

	@GetMapping("/analytics/shipment-networks")
	String networks(Principal who, Model model) {
		List<ShipmentNetworks.Network> found = networks.networks();
		List<ShipmentNetworks.Alert> alerts = networks.alerts(LocalDate.now());
		accessLog.record(who, AccessLog.Action.SEARCH, "shipment networks", null, null, found.size());
		model.addAttribute("networks", found.subList(0, Math.min(PAGE_NETWORKS, found.size())));
		model.addAttribute("total", found.size());
		model.addAttribute("alerts", alerts);
		return "analytics/networks";
	}

	@GetMapping("/analytics/shipment-networks/{id}")
	String network(@PathVariable UUID id, @RequestParam(required = false) String purpose, Principal who, Locale locale,
			Model model) {
		if (purpose != null && purpose.length() > Limits.TEXT) {
			throw new IllegalArgumentException("purpose: at most " + Limits.TEXT + " characters (Size)");
		}
		ShipmentNetworks.NetworkDetail network = networks.network(id)
			.orElseThrow(() -> new NoSuchElementException("no shipment network " + id));
		boolean named = purpose != null && !purpose.isBlank();
		accessLog.record(who, AccessLog.Action.READ, "shipment network " + network.network().firstReference(),
				named ? "parties shown" : null, named ? purpose : null, network.members().size());
		Map<UUID, List<ShipmentRecords.Party>> parties = named
				? shipments.parties(network.members().stream().map(ShipmentNetworks.Member::seizureId).toList())
				: Map.of();
		Map<UUID, String> references = new HashMap<>();
		network.members().forEach(m -> references.put(m.seizureId(), m.reference()));
		model.addAttribute("n", network);
		model.addAttribute("references", references);
		model.addAttribute("sharing",
				network.links()
					.stream()
					.map(l -> l.kinds()
						.stream()
						.map(k -> messages.getMessage("analytics.key." + k, null, locale))
						.collect(Collectors.joining(", ")))
					.toList());
		model.addAttribute("parties", parties);
		model.addAttribute("named", named);
		model.addAttribute("purpose", purpose);
		return "analytics/network";
	}

}

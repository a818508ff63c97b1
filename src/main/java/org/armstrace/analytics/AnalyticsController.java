package org.armstrace.analytics;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.identity.AccessLog;
import org.armstrace.seizure.ShipmentRecords;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Analysis over HTTP: networks of linked shipments and their alerts. A network's senders
 * and recipients are named only with a stated purpose, written to the access log.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics", description = "Networks of linked postal and courier shipments, alerts")
class AnalyticsController {

	/** A network, and its senders and recipients when a purpose was stated. */
	record NetworkAnswer(ShipmentNetworks.NetworkDetail network, List<ShipmentRecords.Party> parties) {
	}

	/** The most networks a list answers. */
	static final int MAX_NETWORKS = 1000;

	private final ShipmentNetworks networks;

	private final ShipmentRecords shipments;

	private final AccessLog accessLog;

	AnalyticsController(ShipmentNetworks networks, ShipmentRecords shipments, AccessLog accessLog) {
		this.networks = networks;
		this.shipments = shipments;
		this.accessLog = accessLog;
	}

	@Operation(summary = "Networks of seized shipments linked by a shared sender, recipient, address, telephone, "
			+ "payment reference or tracking number, the largest first (names no one)")
	@GetMapping("/shipment-networks")
	List<ShipmentNetworks.Network> networks(@RequestParam(defaultValue = "100") int limit, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		if (limit < 1 || limit > MAX_NETWORKS) {
			throw new IllegalArgumentException("limit: between 1 and " + MAX_NETWORKS + " (Max), was " + limit);
		}
		List<ShipmentNetworks.Network> found = networks.networks();
		List<ShipmentNetworks.Network> answer = found.subList(0, Math.min(limit, found.size()));
		accessLog.record(who, AccessLog.Action.SEARCH, "shipment networks", "limit=" + limit, purpose, answer.size());
		return answer;
	}

	@Operation(summary = "A network: its seizures, their links and (with " + AccessLog.PURPOSE_HEADER
			+ ") their senders and recipients")
	@GetMapping("/shipment-networks/{id}")
	NetworkAnswer network(@PathVariable UUID id, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		ShipmentNetworks.NetworkDetail network = networks.network(id)
			.orElseThrow(() -> new NoSuchElementException("no shipment network " + id));
		boolean named = purpose != null && !purpose.isBlank();
		accessLog.record(who, AccessLog.Action.READ, "shipment network " + network.network().firstReference(),
				named ? "parties shown" : null, purpose, network.members().size());
		List<ShipmentRecords.Party> parties = named
				? shipments.parties(network.members().stream().map(ShipmentNetworks.Member::seizureId).toList())
					.values()
					.stream()
					.flatMap(List::stream)
					.toList()
				: List.of();
		return new NetworkAnswer(network, parties);
	}

	@Operation(summary = "Seizures of the last armstrace.analytics.alert-days that joined a known network, "
			+ "or whose declared content does not name what was found")
	@GetMapping("/shipment-alerts")
	List<ShipmentNetworks.Alert> alerts(Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		List<ShipmentNetworks.Alert> alerts = networks.alerts(LocalDate.now());
		accessLog.record(who, AccessLog.Action.SEARCH, "shipment alerts", null, purpose, alerts.size());
		return alerts;
	}

}

package org.armstrace.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import org.armstrace.seizure.ShipmentRecords;
import org.armstrace.seizure.ShipmentRecords.Key;
import org.armstrace.seizure.ShipmentRecords.KeyKind;
import org.armstrace.seizure.ShipmentRecords.Shipment;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.ConnectivityInspector;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.springframework.stereotype.Service;

/**
 * Postal and courier shipments of seizures grouped into networks: two shipments are
 * linked when they share a sender or recipient, an address, a telephone number, a payment
 * reference or a tracking number (compared as {@link ShipmentRecords} keys them); a
 * network is a connected set of two or more linked shipments. Networks are ranked by
 * size, then by spread over time, then over countries; a network is named by its first
 * seizure, which stays its first as others join it.
 */
@Service
public class ShipmentNetworks {

	/** A network: its size, its spread over time and countries, what was found in it. */
	public record Network(UUID id, String firstReference, int seizures, LocalDate firstSeen, LocalDate lastSeen,
			long spanDays, Set<String> countries, int firearms, int parts, int ammunition,
			Map<KeyKind, Integer> links) {
	}

	/** One seizure of a network, and whether its declared content hid what was found. */
	public record Member(UUID seizureId, String reference, LocalDate seizedOn, String country, String originCountry,
			String destinationCountry, String carrier, String declaredContent, int firearms, int parts, int ammunition,
			boolean declaredContentMismatch) {
	}

	/** Two seizures that share values of these kinds. */
	public record Link(UUID from, UUID to, Set<KeyKind> kinds) {
	}

	public record NetworkDetail(Network network, List<Member> members, List<Link> links) {
	}

	public enum AlertKind {

		/** A seizure whose shipment links to shipments seized before it. */
		JOINED_KNOWN_NETWORK,

		/**
		 * A declared content that names no kind of what was found (see
		 * docs/analytics.md).
		 */
		DECLARED_CONTENT_MISMATCH

	}

	/**
	 * An alert on a seizure: it joined a network that had {@code earlierSeizures}
	 * already, or its declared content did not match.
	 */
	public record Alert(AlertKind kind, LocalDate on, UUID seizureId, String reference, UUID networkId,
			String networkReference, int earlierSeizures, String declaredContent) {
	}

	private static final Comparator<Shipment> FIRST_SEIZED = Comparator.comparing(Shipment::seizedOn)
		.thenComparing(Shipment::reference);

	private final ShipmentRecords records;

	private final AnalyticsProperties properties;

	ShipmentNetworks(ShipmentRecords records, AnalyticsProperties properties) {
		this.records = records;
		this.properties = properties;
	}

	/** Every network, the largest first. */
	public List<Network> networks() {
		return analyse().networks().stream().map(NetworkDetail::network).toList();
	}

	public Optional<NetworkDetail> network(UUID id) {
		return analyse().networks().stream().filter(n -> n.network().id().equals(id)).findFirst();
	}

	/**
	 * Seizures of the last {@code armstrace.analytics.alert-days} before {@code today}
	 * that joined a known network or declared something other than what was found, the
	 * latest first.
	 */
	public List<Alert> alerts(LocalDate today) {
		LocalDate since = today.minusDays(properties.alertDays());
		Analysis analysis = analyse();
		List<Alert> alerts = new ArrayList<>();
		for (NetworkDetail n : analysis.networks()) {
			for (int i = 1; i < n.members().size(); i++) {
				Member m = n.members().get(i);
				if (!m.seizedOn().isBefore(since)) {
					alerts.add(new Alert(AlertKind.JOINED_KNOWN_NETWORK, m.seizedOn(), m.seizureId(), m.reference(),
							n.network().id(), n.network().firstReference(), i, null));
				}
			}
		}
		for (Shipment s : analysis.shipments()) {
			if (!s.seizedOn().isBefore(since) && DeclaredContent.hides(s)) {
				NetworkDetail n = analysis.networkOf().get(s.seizureId());
				alerts.add(new Alert(AlertKind.DECLARED_CONTENT_MISMATCH, s.seizedOn(), s.seizureId(), s.reference(),
						n == null ? null : n.network().id(), n == null ? null : n.network().firstReference(), 0,
						s.declaredContent()));
			}
		}
		alerts.sort(Comparator.comparing(Alert::on).reversed().thenComparing(Alert::reference));
		return alerts;
	}

	private record Analysis(List<Shipment> shipments, List<NetworkDetail> networks,
			Map<UUID, NetworkDetail> networkOf) {
	}

	/**
	 * The graph of shipments: each shipment is linked to the first shipment that had each
	 * of its keys (enough for the networks, which are its connected sets), and each link
	 * remembers the kinds of key that made it.
	 */
	private Analysis analyse() {
		List<Shipment> shipments = records.shipments();
		Graph<UUID, DefaultEdge> graph = new SimpleGraph<>(DefaultEdge.class);
		Map<UUID, Shipment> byId = new HashMap<>();
		Map<Key, UUID> firstWith = new HashMap<>();
		Map<List<UUID>, Set<KeyKind>> kinds = new LinkedHashMap<>();
		for (Shipment s : shipments) {
			graph.addVertex(s.seizureId());
			byId.put(s.seizureId(), s);
			for (Key key : s.keys()) {
				UUID first = firstWith.putIfAbsent(key, s.seizureId());
				if (first != null && !first.equals(s.seizureId())) {
					graph.addEdge(first, s.seizureId());
					kinds.computeIfAbsent(List.of(first, s.seizureId()), k -> new TreeSet<>()).add(key.kind());
				}
			}
		}
		List<NetworkDetail> networks = new ConnectivityInspector<>(graph).connectedSets()
			.stream()
			.filter(set -> set.size() > 1)
			.map(set -> detail(set.stream().map(byId::get).sorted(FIRST_SEIZED).toList(), kinds))
			.sorted(Comparator.comparing((NetworkDetail n) -> n.network().seizures())
				.thenComparing(n -> n.network().spanDays())
				.thenComparing(n -> n.network().countries().size())
				.reversed()
				.thenComparing(n -> n.network().firstReference()))
			.toList();
		Map<UUID, NetworkDetail> networkOf = new HashMap<>();
		networks.forEach(n -> n.members().forEach(m -> networkOf.put(m.seizureId(), n)));
		return new Analysis(shipments, networks, networkOf);
	}

	private static NetworkDetail detail(List<Shipment> members, Map<List<UUID>, Set<KeyKind>> kinds) {
		Shipment first = members.getFirst();
		Shipment last = members.getLast();
		Set<String> countries = new TreeSet<>();
		members.forEach(s -> Stream.of(s.country(), s.originCountry(), s.destinationCountry())
			.filter(c -> c != null)
			.forEach(countries::add));
		Set<UUID> ids = new LinkedHashSet<>();
		members.forEach(s -> ids.add(s.seizureId()));
		List<Link> links = new ArrayList<>();
		Map<KeyKind, Integer> byKind = new EnumMap<>(KeyKind.class);
		kinds.forEach((pair, shared) -> {
			if (ids.contains(pair.get(0))) {
				links.add(new Link(pair.get(0), pair.get(1), shared));
				shared.forEach(kind -> byKind.merge(kind, 1, Integer::sum));
			}
		});
		Network network = new Network(first.seizureId(), first.reference(), members.size(), first.seizedOn(),
				last.seizedOn(), ChronoUnit.DAYS.between(first.seizedOn(), last.seizedOn()), countries,
				members.stream().mapToInt(Shipment::firearms).sum(), members.stream().mapToInt(Shipment::parts).sum(),
				members.stream().mapToInt(Shipment::ammunition).sum(), byKind);
		return new NetworkDetail(network,
				members.stream()
					.map(s -> new Member(s.seizureId(), s.reference(), s.seizedOn(), s.country(), s.originCountry(),
							s.destinationCountry(), s.carrier(), s.declaredContent(), s.firearms(), s.parts(),
							s.ammunition(), DeclaredContent.hides(s)))
					.toList(),
				links);
	}

}

package org.armstrace.seizure;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The postal and courier shipments of seizures as analysis reads them: where and when,
 * what was declared and found, and the comparison keys of their parties and tracking
 * numbers (never the names themselves, which {@link #parties} gives to a caller that logs
 * why it reads them).
 */
@Service
public class ShipmentRecords {

	/** A value two shipments may share, compared without case, accents or punctuation. */
	public record Key(KeyKind kind, String value) {
	}

	/**
	 * What a key compares: a sender or recipient (name and address), an address alone, a
	 * telephone number (its last nine digits), a payment reference, a tracking number.
	 */
	public enum KeyKind {

		PARTY, ADDRESS, PHONE, PAYMENT_REFERENCE, TRACKING_NUMBER

	}

	/** A seizure's shipment, with what was found in it by kind. */
	public record Shipment(UUID seizureId, String reference, LocalDate seizedOn, String country, String region,
			String originCountry, String destinationCountry, String carrier, String declaredContent, int firearms,
			int parts, int ammunition, List<Key> keys) {
	}

	/** A sender or recipient as recorded: personal data. */
	public record Party(UUID seizureId, String role, String name, String address, String phone,
			String paymentReference) {
	}

	/** Shortest address, in letters and digits, that may link two shipments. */
	static final int MIN_ADDRESS_KEY = 8;

	/** Digits a telephone number needs to link; its last nine are compared. */
	static final int PHONE_DIGITS = 9;

	private final JdbcClient jdbc;

	ShipmentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Every seizure with a shipment (a carrier, a tracking number or a party). */
	@Transactional(readOnly = true)
	public List<Shipment> shipments() {
		Map<UUID, int[]> found = new HashMap<>();
		jdbc.sql("SELECT i.seizure_id, i.kind, COUNT(*) FROM seized_item i JOIN seizure s ON s.id = i.seizure_id "
				+ "WHERE s.sender_id IS NOT NULL OR s.recipient_id IS NOT NULL OR s.tracking_number IS NOT NULL "
				+ "GROUP BY i.seizure_id, i.kind")
			.query(rs -> {
				int[] counts = found.computeIfAbsent(rs.getObject(1, UUID.class), id -> new int[3]);
				counts[ItemKind.valueOf(rs.getString(2)).ordinal()] += rs.getInt(3);
			});
		return jdbc.sql("SELECT s.id, s.reference, s.seized_on, s.country, s.region, s.origin_country, "
				+ "s.destination_country, s.carrier, s.declared_content, s.tracking_number, "
				+ "a.party_key, a.address, a.phone, a.payment_reference, "
				+ "b.party_key, b.address, b.phone, b.payment_reference FROM seizure s "
				+ "LEFT JOIN shipment_party a ON a.id = s.sender_id LEFT JOIN shipment_party b ON b.id = s.recipient_id "
				+ "WHERE s.sender_id IS NOT NULL OR s.recipient_id IS NOT NULL OR s.tracking_number IS NOT NULL "
				+ "ORDER BY s.seized_on, s.reference")
			.query((rs, n) -> {
				UUID id = rs.getObject(1, UUID.class);
				List<Key> keys = new ArrayList<>();
				add(keys, KeyKind.TRACKING_NUMBER, letters(rs.getString(10)), 1);
				for (int column : new int[] { 11, 15 }) {
					add(keys, KeyKind.PARTY, rs.getString(column), 1);
					add(keys, KeyKind.ADDRESS, letters(rs.getString(column + 1)), MIN_ADDRESS_KEY);
					add(keys, KeyKind.PHONE, phone(rs.getString(column + 2)), PHONE_DIGITS);
					add(keys, KeyKind.PAYMENT_REFERENCE, letters(rs.getString(column + 3)), 1);
				}
				int[] counts = found.getOrDefault(id, new int[3]);
				return new Shipment(id, rs.getString(2), rs.getObject(3, LocalDate.class), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
						counts[ItemKind.FIREARM.ordinal()], counts[ItemKind.PART.ordinal()],
						counts[ItemKind.AMMUNITION.ordinal()], List.copyOf(keys));
			})
			.list();
	}

	/**
	 * The senders and recipients of these seizures, by seizure: personal data, for a
	 * caller that has written the read to the access log.
	 */
	@Transactional(readOnly = true)
	public Map<UUID, List<Party>> parties(Collection<UUID> seizureIds) {
		Map<UUID, List<Party>> parties = new LinkedHashMap<>();
		for (UUID id : seizureIds) {
			jdbc.sql("SELECT 'SENDER', p.name, p.address, p.phone, p.payment_reference FROM seizure s "
					+ "JOIN shipment_party p ON p.id = s.sender_id WHERE s.id = ? UNION ALL "
					+ "SELECT 'RECIPIENT', p.name, p.address, p.phone, p.payment_reference FROM seizure s "
					+ "JOIN shipment_party p ON p.id = s.recipient_id WHERE s.id = ?")
				.params(id, id)
				.query((rs, n) -> new Party(id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list()
				.forEach(p -> parties.computeIfAbsent(id, k -> new ArrayList<>()).add(p));
		}
		return parties;
	}

	private static void add(List<Key> keys, KeyKind kind, String value, int minLength) {
		if (value != null && value.length() >= minLength) {
			Key key = new Key(kind, value);
			if (!keys.contains(key)) {
				keys.add(key);
			}
		}
	}

	/**
	 * Upper-case letters and digits only, accents dropped: "Flat 3, Rue d'Été" →
	 * FLAT3RUEDETE.
	 */
	static String letters(String text) {
		if (text == null) {
			return null;
		}
		return Normalizer.normalize(text, Normalizer.Form.NFD)
			.replaceAll("\\p{M}", "")
			.toUpperCase(Locale.ROOT)
			.replaceAll("[^A-Z0-9]", "");
	}

	/** The last nine digits: "+43 660 123 4567" and "0660 1234567" agree. */
	static String phone(String text) {
		if (text == null) {
			return null;
		}
		String digits = text.replaceAll("[^0-9]", "");
		return digits.length() < PHONE_DIGITS ? null : digits.substring(digits.length() - PHONE_DIGITS);
	}

}

package org.armstrace.seizure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.armstrace.command.LikePatterns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persons and shipment parties of seizures found by name, and the registered firearms
 * seized with them: what the link view of weapons, people and money reads. Names are
 * personal data: only for a reader who stated a purpose.
 */
@Service
public class PeopleInSeizures {

	/** A person involved in a seizure, with the seizure. */
	public record SeizedWith(UUID personId, String name, String nationality, PersonRole role, UUID seizureId,
			String seizureReference, LocalDate seizedOn) {
	}

	/**
	 * A sender ({@code SENDER}) or recipient ({@code RECIPIENT}) of a seized shipment,
	 * with the seizure.
	 */
	public record ShipmentParty(UUID partyId, String name, String address, String phone, String paymentReference,
			String role, UUID seizureId, String seizureReference, LocalDate seizedOn) {
	}

	/** A registered firearm seized in a seizure. */
	public record SeizedFirearm(UUID firearmId, UUID seizureId, String seizureReference, LocalDate seizedOn) {
	}

	private final JdbcClient jdbc;

	PeopleInSeizures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Persons involved in seizures whose name holds the text, in any case. */
	@Transactional(readOnly = true)
	public List<SeizedWith> personsNamed(String text, int limit) {
		return jdbc
			.sql("SELECT p.person_id, i.name, i.nationality, p.role, s.id, s.reference, s.seized_on "
					+ "FROM seizure_person p JOIN seizure_person_identity i ON i.person_id = p.person_id "
					+ "JOIN seizure s ON s.id = p.seizure_id WHERE LOWER(i.name) LIKE ? ESCAPE '!' "
					+ "ORDER BY i.name, s.seized_on, s.reference FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
			.param(LikePatterns.containing(text))
			.query((rs, n) -> new SeizedWith(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					PersonRole.valueOf(rs.getString(4)), rs.getObject(5, UUID.class), rs.getString(6),
					rs.getObject(7, LocalDate.class)))
			.list();
	}

	/** Senders and recipients of seized shipments whose name holds the text. */
	@Transactional(readOnly = true)
	public List<ShipmentParty> partiesNamed(String text, int limit) {
		return jdbc
			.sql("SELECT p.id, p.name, p.address, p.phone, p.payment_reference, "
					+ "CASE WHEN s.sender_id = p.id THEN 'SENDER' ELSE 'RECIPIENT' END, s.id, s.reference, s.seized_on "
					+ "FROM shipment_party p JOIN seizure s ON s.sender_id = p.id OR s.recipient_id = p.id "
					+ "WHERE LOWER(p.name) LIKE ? ESCAPE '!' ORDER BY p.name, s.seized_on, s.reference FETCH FIRST "
					+ Math.max(1, limit) + " ROWS ONLY")
			.param(LikePatterns.containing(text))
			.query((rs, n) -> new ShipmentParty(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getObject(7, UUID.class), rs.getString(8),
					rs.getObject(9, LocalDate.class)))
			.list();
	}

	/** The registered firearms seized in these seizures. */
	@Transactional(readOnly = true)
	public List<SeizedFirearm> firearmsSeizedIn(Collection<UUID> seizureIds) {
		return seized("s.id", seizureIds);
	}

	/** Where these registered firearms were seized. */
	@Transactional(readOnly = true)
	public List<SeizedFirearm> seizuresOf(Collection<UUID> firearmIds) {
		return seized("i.firearm_id", firearmIds);
	}

	private List<SeizedFirearm> seized(String column, Collection<UUID> ids) {
		return jdbc.sql("SELECT DISTINCT i.firearm_id, s.id, s.reference, s.seized_on FROM seized_item i "
				+ "JOIN seizure s ON s.id = i.seizure_id WHERE i.firearm_id IS NOT NULL AND " + column + " = ANY(?)")
			.param(ids.toArray(UUID[]::new))
			.query((rs, n) -> new SeizedFirearm(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
					rs.getString(3), rs.getObject(4, LocalDate.class)))
			.list();
	}

}

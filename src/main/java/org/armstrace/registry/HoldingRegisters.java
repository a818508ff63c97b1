package org.armstrace.registry;

import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.armstrace.csv.CsvWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A holder's register of acquisitions and disposals (EU Directive 2021/555 art. 10):
 * every firearm, part and ammunition lot that came into or left its stock, when, how, and
 * from or to whom. The other party is its role and record id; its name is personal data,
 * read only where a purpose was stated.
 */
@Service
public class HoldingRegisters {

	/** The most lines one register answer holds; a longer period is asked in parts. */
	public static final int LIMIT = 10_000;

	/**
	 * One line: {@code item} names the item as its kind is named (a firearm's record
	 * number, a lot's manufacturer and lot number, a part's kind and make);
	 * {@code serial} a firearm's or part's serial; {@code quantity} the rounds of a lot,
	 * 1 otherwise.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	public record Line(long seq, LocalDate occurredOn, Movement movement, String itemKind, UUID itemId, String item,
			String serial, String category, String calibre, long quantity, UUID counterpartyId,
			HolderRole counterpartyRole, String counterpartyName, String country) {

		Line withoutName() {
			return new Line(seq, occurredOn, movement, itemKind, itemId, item, serial, category, calibre, quantity,
					counterpartyId, counterpartyRole, null, country);
		}

	}

	/** A handgun (pistol or revolver) that came into a holder's stock by a transfer. */
	public record HandgunAcquisition(UUID holderId, HolderRole holderRole, UUID firearmId, String recordNumber,
			LocalDate occurredOn) {
	}

	private final JdbcClient jdbc;

	HoldingRegisters(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The holder's lines between two dates (both inclusive, either open), oldest first;
	 * with {@code names}, the other party's name where the record has it.
	 */
	@Transactional(readOnly = true)
	public List<Line> register(UUID holderId, LocalDate from, LocalDate to, boolean names) {
		return lines(holderId, from, to, names, false, LIMIT);
	}

	/**
	 * Every handgun acquired by a holder other than a dealer or manufacturer on or after
	 * {@code since}, by holder and date: the source of multiple-sale checks.
	 */
	@Transactional(readOnly = true)
	public List<HandgunAcquisition> handgunAcquisitions(LocalDate since) {
		return jdbc
			.sql("SELECT m.holder_id, h.role, m.item_id, f.record_number, m.occurred_on FROM holding_movement m "
					+ "JOIN firearm f ON f.id = m.item_id JOIN holder h ON h.id = m.holder_id "
					+ "WHERE m.movement = 'ACQUIRED' AND m.item_kind = 'FIREARM' AND f.type IN ('PISTOL', 'REVOLVER') "
					+ "AND h.role NOT IN ('DEALER', 'MANUFACTURER') AND m.occurred_on >= ? "
					+ "ORDER BY m.holder_id, m.occurred_on, m.seq")
			.params(since)
			.query((rs, n) -> new HandgunAcquisition(rs.getObject(1, UUID.class), HolderRole.valueOf(rs.getString(2)),
					rs.getObject(3, UUID.class), rs.getString(4), rs.getObject(5, LocalDate.class)))
			.list();
	}

	/** The holder's latest {@code limit} lines, newest first. */
	@Transactional(readOnly = true)
	public List<Line> latest(UUID holderId, int limit, boolean names) {
		return lines(holderId, null, null, names, true, Math.max(1, Math.min(limit, LIMIT)));
	}

	private List<Line> lines(UUID holderId, LocalDate from, LocalDate to, boolean names, boolean newestFirst,
			int limit) {
		StringBuilder sql = new StringBuilder("SELECT m.seq, m.occurred_on, m.movement, m.item_kind, m.item_id, "
				+ "m.quantity, m.counterparty_id, m.country, f.record_number, f.serial AS firearm_serial, f.category, "
				+ "f.calibre AS firearm_calibre, l.manufacturer, l.lot_number, l.calibre AS lot_calibre, p.kind AS part_kind, "
				+ "p.make AS part_make, p.serial AS part_serial, p.calibre AS part_calibre, c.role AS counterparty_role, "
				+ "i.name AS counterparty_name FROM holding_movement m "
				+ "LEFT JOIN firearm f ON m.item_kind = 'FIREARM' AND f.id = m.item_id "
				+ "LEFT JOIN ammunition_lot l ON m.item_kind = 'AMMUNITION' AND l.id = m.item_id "
				+ "LEFT JOIN part p ON m.item_kind = 'PART' AND p.id = m.item_id "
				+ "LEFT JOIN holder c ON c.id = m.counterparty_id "
				+ "LEFT JOIN holder_identity i ON i.holder_id = m.counterparty_id WHERE m.holder_id = ?");
		List<Object> params = new ArrayList<>(List.of(holderId));
		if (from != null) {
			sql.append(" AND m.occurred_on >= ?");
			params.add(from);
		}
		if (to != null) {
			sql.append(" AND m.occurred_on <= ?");
			params.add(to);
		}
		sql.append(newestFirst ? " ORDER BY m.seq DESC, m.movement" : " ORDER BY m.seq, m.movement")
			.append(" FETCH FIRST " + limit + " ROWS ONLY");
		List<Line> lines = jdbc.sql(sql.toString()).params(params).query(HoldingRegisters::line).list();
		return names ? lines : lines.stream().map(Line::withoutName).toList();
	}

	/** The register as CSV, one line per row, with the header the JSON's names. */
	public String csv(List<Line> lines) {
		StringWriter text = new StringWriter();
		CsvWriter csv = new CsvWriter(text);
		csv.row("seq", "occurred_on", "movement", "item_kind", "item_id", "item", "serial", "category", "calibre",
				"quantity", "counterparty_id", "counterparty_role", "counterparty_name", "country");
		for (Line l : lines) {
			csv.row(l.seq(), l.occurredOn(), l.movement(), l.itemKind(), l.itemId(), l.item(), l.serial(), l.category(),
					l.calibre(), l.quantity(), l.counterpartyId(), l.counterpartyRole(), l.counterpartyName(),
					l.country());
		}
		csv.flush();
		return text.toString();
	}

	private static Line line(ResultSet rs, int row) throws SQLException {
		String kind = rs.getString("item_kind");
		String item = switch (kind) {
			case "FIREARM" -> rs.getString("record_number");
			case "AMMUNITION" -> join(rs.getString("manufacturer"), rs.getString("lot_number"));
			default -> join(rs.getString("part_kind"), rs.getString("part_make"));
		};
		String serial = switch (kind) {
			case "FIREARM" -> rs.getString("firearm_serial");
			case "PART" -> rs.getString("part_serial");
			default -> null;
		};
		String calibre = switch (kind) {
			case "FIREARM" -> rs.getString("firearm_calibre");
			case "AMMUNITION" -> rs.getString("lot_calibre");
			default -> rs.getString("part_calibre");
		};
		String role = rs.getString("counterparty_role");
		return new Line(rs.getLong("seq"), rs.getObject("occurred_on", LocalDate.class),
				Movement.valueOf(rs.getString("movement")), kind, rs.getObject("item_id", UUID.class), item, serial,
				rs.getString("category"), calibre, rs.getLong("quantity"), rs.getObject("counterparty_id", UUID.class),
				role == null ? null : HolderRole.valueOf(role), rs.getString("counterparty_name"),
				rs.getString("country"));
	}

	private static String join(String a, String b) {
		return a == null ? b : b == null ? a : a + " " + b;
	}

}

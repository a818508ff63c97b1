package org.armstrace.registry;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Deactivation certificates with the content of EU Implementing Regulation 2015/2403,
 * Annex III (certificate number, verifying entity, date, the firearm's type, make, model,
 * calibre, serial and deactivation marking), in the reader's language and English; and
 * the public check of a certificate by its number and the firearm's serial (both are on
 * the certificate, so the number alone lets no one list the register).
 */
@Service
public class DeactivationCertificates {

	/**
	 * A certificate as the register holds it, and whether the firearm is still
	 * deactivated.
	 */
	public record Certificate(String number, UUID firearmId, String recordNumber, FirearmType type, String make,
			String model, String calibre, String serial, String countryOfManufacture, String standard,
			String verifyingAuthority, String marking, LocalDate deactivatedOn, FirearmStatus currentStatus,
			boolean stillDeactivated) {
	}

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);

	private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);

	private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

	private final JdbcClient jdbc;

	private final MessageSource messages;

	DeactivationCertificates(JdbcClient jdbc, MessageSource messages) {
		this.jdbc = jdbc;
		this.messages = messages;
	}

	@Transactional(readOnly = true)
	public Optional<Certificate> ofFirearm(UUID firearmId) {
		return find("c.firearm_id = ?", firearmId);
	}

	/** The certificate with this number, when the serial given is the firearm's. */
	@Transactional(readOnly = true)
	public Optional<Certificate> check(String number, String serial) {
		return find("c.number = ?", number == null ? "" : number.trim())
			.filter(c -> serial != null && SerialNumbers.key(serial).equals(SerialNumbers.key(c.serial())));
	}

	private Optional<Certificate> find(String where, Object value) {
		return jdbc
			.sql("SELECT c.*, f.record_number, f.type, f.make, f.model, f.calibre, f.serial, f.country_of_manufacture, "
					+ "f.status FROM deactivation_certificate c JOIN firearm f ON f.id = c.firearm_id WHERE " + where
					+ " ORDER BY c.deactivated_on DESC FETCH FIRST 1 ROWS ONLY")
			.param(value)
			.query((rs, n) -> {
				FirearmStatus status = FirearmStatus.valueOf(rs.getString("status"));
				return new Certificate(rs.getString("number"), rs.getObject("firearm_id", UUID.class),
						rs.getString("record_number"), FirearmType.valueOf(rs.getString("type")), rs.getString("make"),
						rs.getString("model"), rs.getString("calibre"), rs.getString("serial"),
						rs.getString("country_of_manufacture"), rs.getString("standard"),
						rs.getString("verifying_authority"), rs.getString("marking"),
						rs.getObject("deactivated_on", LocalDate.class), status, status == FirearmStatus.DEACTIVATED);
			})
			.optional();
	}

	/** The certificate as a PDF, each label in the reader's language and in English. */
	public byte[] pdf(Certificate c) {
		Locale reader = LocaleContextHolder.getLocale();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
		PdfWriter.getInstance(doc, out);
		doc.addTitle(label("title", reader));
		doc.addCreator("ArmsTrace");
		doc.open();
		doc.add(new Paragraph(label("title", reader), TITLE));
		doc.add(new Paragraph(messages.getMessage("deactivation.regulation", null, reader), BODY));
		PdfPTable table = new PdfPTable(new float[] { 2, 3 });
		table.setWidthPercentage(100);
		table.setSpacingBefore(14);
		row(table, label("number", reader), c.number());
		row(table, label("authority", reader), c.verifyingAuthority());
		row(table, label("date", reader), String.valueOf(c.deactivatedOn()));
		row(table, label("standard", reader), c.standard());
		row(table, label("type", reader), messages.getMessage("type." + c.type(), null, c.type().name(), reader));
		row(table, label("make", reader), c.make());
		row(table, label("model", reader), c.model());
		row(table, label("calibre", reader), c.calibre());
		row(table, label("serial", reader), c.serial());
		row(table, label("marking", reader), c.marking());
		row(table, label("record", reader), c.recordNumber());
		doc.add(table);
		doc.close();
		return out.toByteArray();
	}

	/** A label in the reader's language, with the English beside it when they differ. */
	private String label(String key, Locale reader) {
		String local = messages.getMessage("deactivation." + key, null, reader);
		String english = messages.getMessage("deactivation." + key, null, Locale.ENGLISH);
		return local.equals(english) ? english : local + " / " + english;
	}

	private static void row(PdfPTable table, String name, String value) {
		PdfPCell key = new PdfPCell(new Phrase(name, BOLD));
		key.setBackgroundColor(new Color(0xF3, 0xF2, 0xF1));
		table.addCell(key);
		table.addCell(new PdfPCell(new Phrase(value == null ? "—" : value, BODY)));
	}

}

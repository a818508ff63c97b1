package org.armstrace.transfers;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.function.BiFunction;

import org.armstrace.transfers.AuthorisationQueries.AuthorisationView;
import org.armstrace.transfers.AuthorisationQueries.LineView;

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
 * A granted authorisation as a PDF that travels with the goods: the content art. 10(3) of
 * the Firearms Protocol asks (place and date of issue, expiry, countries of export and
 * import, transit countries, final recipient, description and quantities), the consents
 * it rests on, and the verification code anyone can check against the ledger.
 */
final class AuthorisationDocument {

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);

	private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);

	private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

	private static final Font CODE = FontFactory.getFont(FontFactory.COURIER_BOLD, 14);

	private AuthorisationDocument() {
	}

	/**
	 * @param label the document's words: a message key with values
	 * @param verifyAt where the code is checked (this node's address)
	 */
	static byte[] pdf(AuthorisationView a, BiFunction<String, Object[], String> label, String verifyAt) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
		PdfWriter.getInstance(doc, out);
		String title = text(label, "transfers.kind." + a.kind()) + " " + a.number();
		doc.addTitle(title);
		doc.addCreator("ArmsTrace");
		doc.open();
		doc.add(new Paragraph(title, TITLE));
		PdfPTable table = new PdfPTable(new float[] { 1, 2 });
		table.setWidthPercentage(100);
		table.setSpacingBefore(12);
		row(table, text(label, "transfers.number"), a.number());
		row(table, text(label, "transfers.state"), text(label, "transfers.state." + a.state()));
		row(table, text(label, "transfers.field.issuingAuthority"), a.issuingAuthority());
		row(table, text(label, "transfers.field.placeOfIssue"), a.placeOfIssue());
		row(table, text(label, "transfers.validity"), a.issuedOn() + " – " + a.validUntil());
		row(table, text(label, "transfers.field.exportCountry"), a.exportCountry());
		row(table, text(label, "transfers.field.importCountry"), a.importCountry());
		row(table, text(label, "transfers.field.transitCountries"),
				a.transitCountries().isEmpty() ? "—" : String.join(", ", a.transitCountries()));
		row(table, text(label, "transfers.field.finalRecipient"), a.finalRecipient());
		row(table, text(label, "transfers.field.description"), a.description());
		for (LineView l : a.lines()) {
			row(table, text(label, "transfers.line", l.lineNo()),
					(l.recordNumber() == null ? "" : l.recordNumber() + " ") + l.description() + " × " + l.quantity());
		}
		row(table,
				text(label,
						a.kind() == TransferKind.EXPORT ? "transfers.importAuthorisation" : "transfers.foreignExport"),
				a.foreignReference());
		a.transitNotices()
			.forEach(n -> row(table, text(label, "transfers.transitNotice", n.country()),
					n.noticeReference() + " · " + n.noticedOn()));
		if (a.endUserCertificate() != null) {
			row(table, text(label, "transfers.endUserCertificate"),
					a.endUserCertificate().certificateReference() + " · " + a.endUserCertificate().endUser());
		}
		row(table, text(label, "transfers.conditions"), a.conditions());
		doc.add(table);
		Paragraph verify = new Paragraph(text(label, "transfers.pdf.verify", verifyAt), BODY);
		verify.setSpacingBefore(18);
		doc.add(verify);
		doc.add(new Paragraph(a.verificationCode(), CODE));
		doc.close();
		return out.toByteArray();
	}

	private static String text(BiFunction<String, Object[], String> label, String key, Object... values) {
		return label.apply(key, values);
	}

	private static void row(PdfPTable table, String name, String value) {
		PdfPCell key = new PdfPCell(new Phrase(name, BOLD));
		key.setBackgroundColor(new Color(0xF3, 0xF2, 0xF1));
		table.addCell(key);
		table.addCell(new PdfPCell(new Phrase(value == null ? "—" : value, BODY)));
	}

}

package org.armstrace.licensing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.function.BiFunction;

import org.armstrace.licensing.LicenceQueries.LicenceView;

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
 * A licence as a PDF its holder keeps and shows: number, kind, categories and quantities,
 * validity, issuing authority, conditions, state, and the verification code anyone can
 * check against the ledger. The holder appears by record id only.
 */
final class LicenceDocument {

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);

	private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 10);

	private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);

	private static final Font CODE = FontFactory.getFont(FontFactory.COURIER_BOLD, 14);

	private LicenceDocument() {
	}

	/**
	 * @param label the document's words: a key under {@code licence.pdf.} with values
	 * @param verifyAt where the code is checked (this node's address)
	 */
	static byte[] pdf(LicenceView l, BiFunction<String, Object[], String> label, String verifyAt) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
		PdfWriter.getInstance(doc, out);
		doc.addTitle(text(label, "title", l.number()));
		doc.addCreator("ArmsTrace");
		doc.open();
		doc.add(new Paragraph(text(label, "title", l.number()), TITLE));
		doc.add(new Paragraph(text(label, "kind." + l.kind()), BOLD));
		PdfPTable table = new PdfPTable(new float[] { 1, 2 });
		table.setWidthPercentage(100);
		table.setSpacingBefore(12);
		row(table, text(label, "number"), l.number());
		row(table, text(label, "state"), text(label, "state." + l.state()));
		row(table, text(label, "holder"), String.valueOf(l.holderId()));
		row(table, text(label, "authority"), l.issuingAuthority());
		row(table, text(label, "validity"), text(label, "from", l.issuedOn(), l.validUntil()));
		for (Coverage c : l.coverage()) {
			row(table, text(label, "category", c.category()),
					c.quantity() == null ? text(label, "unlimited") : text(label, "quantity", c.quantity()));
		}
		row(table, text(label, "storage"), text(label, l.storageInspected() ? "yes" : "no"));
		row(table, text(label, "conditions"), l.conditions() == null ? "—" : l.conditions());
		doc.add(table);
		Paragraph verify = new Paragraph(text(label, "verify", verifyAt), BODY);
		verify.setSpacingBefore(18);
		doc.add(verify);
		doc.add(new Paragraph(l.verificationCode(), CODE));
		doc.close();
		return out.toByteArray();
	}

	private static String text(BiFunction<String, Object[], String> label, String key, Object... values) {
		return label.apply("licence.pdf." + key, values);
	}

	private static void row(PdfPTable table, String name, String value) {
		PdfPCell key = new PdfPCell(new Phrase(name, BOLD));
		key.setBackgroundColor(new Color(0xF3, 0xF2, 0xF1));
		table.addCell(key);
		table.addCell(new PdfPCell(new Phrase(value == null ? "—" : value, BODY)));
	}

}

package org.armstrace.tracing;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.armstrace.command.Wording;
import org.armstrace.tracing.CustodyChain.ChainEvent;
import org.armstrace.tracing.CustodyChain.Flag;
import org.armstrace.tracing.CustodyChain.LegalHolder;
import org.armstrace.tracing.TraceRequestQueries.TraceRequestView;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The trace report an officer hands on: the request, what was observed, the answer as
 * frozen (record, chain of custody, flags) and the ledger entry that holds it. Holder
 * names are resolved for the reader at print time.
 */
final class TraceReport {

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);

	private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);

	private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

	private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

	private TraceReport() {
	}

	/**
	 * The report in the reader's language: {@code sentence} gives a bundle sentence with
	 * its values (the report's own are {@code report.*}), {@code words} a coded fact or
	 * flag in words, {@code holderName} a holder's name.
	 */
	record Texts(BiFunction<String, Object[], String> sentence, Function<Wording, String> words,
			Function<UUID, String> holderName) {

		String label(String key, Object... values) {
			return sentence.apply("report." + key, values);
		}

	}

	/**
	 * The report; {@code indexBehind}: ledger entries the candidate index had not applied
	 * when it was printed, said on a request not yet answered (its record may be among
	 * them).
	 */
	static byte[] pdf(TraceRequestView request, Texts t, long indexBehind) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(doc, out);
		doc.addTitle(t.label("title", request.reference()));
		doc.addCreator("ArmsTrace");
		doc.open();
		doc.add(new Paragraph(t.label("title", request.reference()), TITLE));
		doc.add(new Paragraph(t.label("case", request.caseReference(), request.state(), request.priority())
				+ (request.urgentReason() == null ? "" : " (" + request.urgentReason() + ")"), BODY));
		doc.add(new Paragraph(t.label("received", request.openedOn(), request.dueOn())
				+ (request.unit() == null ? "" : " · " + t.label("unit", request.unit())), BODY));
		observed(doc, request, t);
		section(doc, t.label("answer"));
		TracingEvent.TraceRequestAnswered answer = request.answer();
		if (answer == null) {
			doc.add(new Paragraph(t.label("notAnswered"), BODY));
			if (indexBehind > 0) {
				doc.add(new Paragraph(t.words().apply(new IndexLag(indexBehind)), BOLD));
			}
		}
		else if (answer.chain() == null) {
			doc.add(new Paragraph(t.label("unresolved", answer.answeredOn(), answer.unresolvedReason()), BODY));
		}
		else {
			chain(doc, request, answer, t);
		}
		if (request.closedOn() != null) {
			section(doc, t.label("closed"));
			doc.add(new Paragraph(
					request.closedOn() + (request.closingNote() == null ? "" : ": " + request.closingNote()), BODY));
		}
		doc.close();
		return out.toByteArray();
	}

	private static void observed(Document doc, TraceRequestView request, Texts t) {
		section(doc, t.label("observed"));
		ObservedMarkings o = request.observed();
		PdfPTable observed = table(2, new float[] { 1, 3 });
		row(observed, t.label("serial"), o.serial());
		row(observed, t.label("make"), o.make());
		row(observed, t.label("model"), o.model());
		row(observed, t.label("calibre"), o.calibre());
		row(observed, t.label("type"), o.type());
		row(observed, t.label("countryOfManufacture"), o.countryOfManufacture());
		row(observed, t.label("importMarking"), o.importMarking());
		row(observed, t.label("recovered"),
				(request.recoveredOn() == null ? "" : request.recoveredOn().toString())
						+ (request.recoveredCountry() == null ? "" : " · " + request.recoveredCountry())
						+ (request.recoveredPlace() == null ? "" : ", " + request.recoveredPlace()));
		row(observed, t.label("seizure"), request.seizureReference());
		doc.add(observed);
	}

	private static void chain(Document doc, TraceRequestView request, TracingEvent.TraceRequestAnswered answer,
			Texts t) {
		CustodyChain chain = answer.chain();
		doc.add(new Paragraph(
				t.label("answeredRecord", answer.answeredOn(), chain.recordNumber()) + (request.confirmedBand() == null
						? "" : " (" + request.confirmedBand() + ", " + request.confirmedScore() + ")"),
				BOLD));
		PdfPTable facts = table(2, new float[] { 1, 3 });
		LegalHolder last = chain.lastLegalHolder();
		row(facts, t.label("lastLegalHolder"), last == null ? t.label("noneOnRecord")
				: t.holderName().apply(last.holderId()) + " (" + last.role() + ", " + last.from() + ")");
		row(facts, t.label("pointOfDiversion"), chain.pointOfDiversion() == null ? ""
				: chain.pointOfDiversion().occurredOn() + ": " + t.words().apply(chain.pointOfDiversion()));
		row(facts, t.label("firstRetailSale"),
				chain.firstRetailSale() == null ? t.label("noneOnRecord") : chain.firstRetailSale().occurredOn() + " · "
						+ t.holderName().apply(chain.firstRetailSale().dealerId()));
		row(facts, t.label("timeToCrime"), chain.timeToCrimeDays() == null ? t.label("unknown")
				: t.label("days", chain.timeToCrimeDays(), chain.recoveredOn()));
		doc.add(facts);

		section(doc, t.label("flags"));
		if (chain.flags().isEmpty()) {
			doc.add(new Paragraph(t.label("none"), BODY));
		}
		for (Flag flag : chain.flags()) {
			doc.add(new Paragraph(
					t.sentence().apply("flag." + flag.kind(), new Object[0]) + ": " + t.words().apply(flag), BODY));
		}

		section(doc, t.label("legalHolders"));
		PdfPTable holders = table(4, new float[] { 3, 1, 1, 1 });
		header(holders, t.label("holder"), t.label("role"), t.label("from"), t.label("until"));
		for (LegalHolder h : chain.holders()) {
			cells(holders, t.holderName().apply(h.holderId()), h.role(), String.valueOf(h.from()),
					h.until() == null ? "" : h.until().toString());
		}
		doc.add(holders);

		section(doc, t.label("events"));
		PdfPTable events = table(4, new float[] { 1, 1, 4, 1 });
		header(events, t.label("ledgerEntry"), t.label("date"), t.label("whatHappened"), t.label("legalChain"));
		for (ChainEvent e : chain.events()) {
			cells(events, String.valueOf(e.ledgerSeq()), String.valueOf(e.occurredOn()), t.words().apply(e),
					t.label(e.legal() ? "yes" : "no"));
		}
		doc.add(events);
	}

	private static void section(Document doc, String title) {
		Paragraph p = new Paragraph(title, HEADING);
		p.setSpacingBefore(12);
		p.setSpacingAfter(4);
		doc.add(p);
	}

	private static PdfPTable table(int columns, float[] widths) {
		PdfPTable table = new PdfPTable(columns);
		table.setWidthPercentage(100);
		table.setWidths(widths);
		return table;
	}

	private static void row(PdfPTable table, String label, String value) {
		PdfPCell l = new PdfPCell(new Phrase(label, BOLD));
		l.setBackgroundColor(new Color(0xF3, 0xF2, 0xF1));
		table.addCell(l);
		table.addCell(new Phrase(value == null ? "" : value, BODY));
	}

	private static void header(PdfPTable table, String... titles) {
		for (String t : titles) {
			PdfPCell c = new PdfPCell(new Phrase(t, BOLD));
			c.setHorizontalAlignment(Element.ALIGN_LEFT);
			c.setBackgroundColor(new Color(0xF3, 0xF2, 0xF1));
			table.addCell(c);
		}
		table.setHeaderRows(1);
	}

	private static void cells(PdfPTable table, String... values) {
		for (String v : values) {
			table.addCell(new Phrase(v == null ? "" : v, BODY));
		}
	}

}

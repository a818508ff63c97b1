package org.armstrace.tracing;

import java.io.ByteArrayOutputStream;
import java.awt.Color;
import java.util.UUID;
import java.util.function.Function;

import org.armstrace.tracing.CustodyChain.ChainEvent;
import org.armstrace.tracing.CustodyChain.Flag;
import org.armstrace.tracing.CustodyChain.LegalHolder;
import org.armstrace.tracing.TraceRequests.TraceRequestView;

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
 * The trace report an officer hands on: the request, what was observed, the answer as frozen (record, chain of
 * custody, flags) and the ledger entry that holds it. Holder names are resolved for the reader at print time.
 */
final class TraceReport {

	private static final Font TITLE = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);

	private static final Font HEADING = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);

	private static final Font BODY = FontFactory.getFont(FontFactory.HELVETICA, 9);

	private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);

	private TraceReport() {
	}

	static byte[] pdf(TraceRequestView request, Function<UUID, String> holderName) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document doc = new Document(PageSize.A4, 40, 40, 40, 40);
		PdfWriter.getInstance(doc, out);
		doc.addTitle("Trace report " + request.reference());
		doc.addCreator("ArmsTrace");
		doc.open();
		doc.add(new Paragraph("Trace report " + request.reference(), TITLE));
		doc.add(new Paragraph("Investigation case " + request.caseReference() + " · state " + request.state()
				+ " · priority " + request.priority()
				+ (request.urgentReason() == null ? "" : " (" + request.urgentReason() + ")"), BODY));
		doc.add(new Paragraph("Received " + request.openedOn() + " · due " + request.dueOn()
				+ (request.unit() == null ? "" : " · unit " + request.unit()), BODY));

		section(doc, "Observed markings");
		ObservedMarkings o = request.observed();
		PdfPTable observed = table(2, new float[] { 1, 3 });
		row(observed, "Serial", o.serial());
		row(observed, "Make", o.make());
		row(observed, "Model", o.model());
		row(observed, "Calibre", o.calibre());
		row(observed, "Type", o.type());
		row(observed, "Country of manufacture", o.countryOfManufacture());
		row(observed, "Import marking", o.importMarking());
		row(observed, "Recovered", (request.recoveredOn() == null ? "" : request.recoveredOn().toString())
				+ (request.recoveredCountry() == null ? "" : " in " + request.recoveredCountry())
				+ (request.recoveredPlace() == null ? "" : ", " + request.recoveredPlace()));
		row(observed, "Seizure", request.seizureReference());
		doc.add(observed);

		section(doc, "Answer");
		TracingEvent.TraceRequestAnswered answer = request.answer();
		if (answer == null) {
			doc.add(new Paragraph("Not answered yet.", BODY));
		}
		else if (answer.chain() == null) {
			doc.add(new Paragraph("Answered " + answer.answeredOn() + ": unresolved. " + answer.unresolvedReason(),
					BODY));
		}
		else {
			CustodyChain chain = answer.chain();
			doc.add(new Paragraph("Answered " + answer.answeredOn() + ": record " + chain.recordNumber()
					+ (request.confirmedBand() == null ? "" : " (" + request.confirmedBand() + ", score "
							+ request.confirmedScore() + ")"), BOLD));
			PdfPTable facts = table(2, new float[] { 1, 3 });
			LegalHolder last = chain.lastLegalHolder();
			row(facts, "Last legal holder", last == null ? "none on record"
					: holderName.apply(last.holderId()) + " (" + last.role() + ", since " + last.from() + ")");
			row(facts, "Point of diversion", chain.pointOfDiversion() == null ? "" : chain.pointOfDiversion()
				.occurredOn() + ": " + chain.pointOfDiversion().description());
			row(facts, "First retail sale", chain.firstRetailSale() == null ? "none on record"
					: chain.firstRetailSale().occurredOn() + " by " + holderName.apply(chain.firstRetailSale()
						.dealerId()));
			row(facts, "Time-to-crime", chain.timeToCrimeDays() == null ? "unknown"
					: chain.timeToCrimeDays() + " days (to " + chain.recoveredOn() + ")");
			doc.add(facts);

			section(doc, "Flags");
			if (chain.flags().isEmpty()) {
				doc.add(new Paragraph("None.", BODY));
			}
			for (Flag flag : chain.flags()) {
				doc.add(new Paragraph(flag.kind() + ": " + flag.detail(), BODY));
			}

			section(doc, "Legal holders");
			PdfPTable holders = table(4, new float[] { 3, 1, 1, 1 });
			header(holders, "Holder", "Role", "From", "Until");
			for (LegalHolder h : chain.holders()) {
				cells(holders, holderName.apply(h.holderId()), h.role(), String.valueOf(h.from()),
						h.until() == null ? "" : h.until().toString());
			}
			doc.add(holders);

			section(doc, "Events");
			PdfPTable events = table(4, new float[] { 1, 1, 4, 1 });
			header(events, "Ledger entry", "Date", "What happened", "Legal chain");
			for (ChainEvent e : chain.events()) {
				cells(events, String.valueOf(e.ledgerSeq()), String.valueOf(e.occurredOn()), e.description(),
						e.legal() ? "yes" : "no");
			}
			doc.add(events);
		}
		if (request.closedOn() != null) {
			section(doc, "Closed");
			doc.add(new Paragraph(request.closedOn() + (request.closingNote() == null ? "" : ": "
					+ request.closingNote()), BODY));
		}
		doc.close();
		return out.toByteArray();
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

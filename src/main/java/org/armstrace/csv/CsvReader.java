package org.armstrace.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads a CSV file with a header row (RFC 4180: comma, quotes doubled inside a quoted
 * value, line breaks allowed inside one), streaming, one row at a time. A UTF-8
 * byte-order mark before the header is dropped; blank lines are skipped. A row that
 * cannot be read as the header says is handed back with its {@link Problem}, and the
 * reader goes on with the next row: a quote opened and not closed by the end of the file
 * (or within {@link #MAX_ROW_CHARS} characters) makes that row, read as far as its first
 * line goes, an {@link Problem#UNCLOSED_QUOTE}, and the lines after it are read as rows
 * of their own.
 * <p>
 * Why not Commons CSV, which the tests use to read what ArmsTrace writes: a legacy
 * register's file is untrusted input, and Commons CSV fails the whole file at a quote
 * left open (reading the rest of the file into one value, with no bound), where an import
 * must refuse that row, keep what it can read of the others and hold at most one bounded
 * row in memory. {@code CsvProperties} checks that both read every well-formed file
 * alike.
 */
public final class CsvReader {

	/** The longest row, in characters: one line, or the lines a quoted value spans. */
	public static final int MAX_ROW_CHARS = 65_536;

	private static final char BYTE_ORDER_MARK = '\uFEFF';

	/** Why a row does not fit the header. */
	public enum Problem {

		/** Fewer values than the header has columns. */
		MISSING_COLUMNS,
		/** More values than the header has columns, and the extra ones are not empty. */
		EXTRA_COLUMNS,
		/** A quoted value that is not closed. */
		UNCLOSED_QUOTE,
		/** A line longer than {@link CsvReader#MAX_ROW_CHARS} characters. */
		TOO_LONG;

		/** In English, for reports that are not translated. */
		public String describe(Row row, int columns) {
			return switch (this) {
				case MISSING_COLUMNS -> "has " + row.cells().size() + " of the header's " + columns + " columns";
				case EXTRA_COLUMNS ->
					"has " + row.cells().size() + " values, more than the header's " + columns + " columns";
				case UNCLOSED_QUOTE -> "a quoted value is not closed";
				case TOO_LONG -> "is longer than " + MAX_ROW_CHARS + " characters";
			};
		}

	}

	/**
	 * One row.
	 *
	 * @param number 1 for the first row after the header (blank lines not counted)
	 * @param cells the values as written (not trimmed)
	 * @param problem null when the row fits the header
	 */
	public record Row(long number, List<String> cells, Problem problem) {

		/** The value in a column, or "" when the row is shorter. */
		public String get(int column) {
			return column >= 0 && column < cells.size() ? cells.get(column) : "";
		}

		/** The values beyond the header's columns. */
		public List<String> extra(int columns) {
			return cells.size() > columns ? cells.subList(columns, cells.size()) : List.of();
		}

	}

	private final BufferedReader in;

	private final Deque<Line> pushedBack = new ArrayDeque<>();

	private final List<String> header;

	private long rows;

	/**
	 * Reads the header.
	 * @throws IllegalArgumentException when the file is empty or its header leaves a
	 * quote open
	 */
	public CsvReader(Reader reader) throws IOException {
		this.in = reader instanceof BufferedReader buffered ? buffered : new BufferedReader(reader);
		Line first = nextNonBlankLine();
		if (first == null) {
			throw new IllegalArgumentException("the CSV file is empty: it needs a header row");
		}
		if (first.text().charAt(0) == BYTE_ORDER_MARK) {
			first = new Line(first.text().substring(1), first.end(), first.tooLong());
		}
		Row row = read(first);
		if (row.problem() == Problem.UNCLOSED_QUOTE || row.problem() == Problem.TOO_LONG) {
			throw new IllegalArgumentException("the CSV header leaves a quoted value open or is too long");
		}
		this.header = row.cells().stream().map(String::trim).toList();
	}

	/** The column names, trimmed. */
	public List<String> header() {
		return header;
	}

	/** Where a column is in the header (case ignored), or -1. */
	public int column(String name) {
		for (int i = 0; i < header.size(); i++) {
			if (header.get(i).toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
				return i;
			}
		}
		return -1;
	}

	/** The next row, or null at the end of the file. */
	public Row next() throws IOException {
		Line first = nextNonBlankLine();
		if (first == null) {
			return null;
		}
		rows++;
		Row row = read(first);
		if (row.problem() != null) {
			return row;
		}
		if (row.cells().size() < header.size()) {
			return new Row(row.number(), row.cells(), Problem.MISSING_COLUMNS);
		}
		boolean extra = row.extra(header.size()).stream().anyMatch(v -> !v.isBlank());
		return extra ? new Row(row.number(), row.cells(), Problem.EXTRA_COLUMNS) : row;
	}

	/**
	 * The row that begins with {@code first}: further lines while a quoted value is open;
	 * if it is never closed, the first line alone, and the others are read again.
	 */
	private Row read(Line first) throws IOException {
		if (first.tooLong()) {
			return new Row(rows, List.of(), Problem.TOO_LONG);
		}
		Values values = new Values();
		values.feed(first);
		List<Line> taken = new ArrayList<>();
		int length = first.text().length();
		while (values.quoted) {
			Line more = length > MAX_ROW_CHARS ? null : nextLine();
			if (more == null) {
				for (int i = taken.size() - 1; i >= 0; i--) {
					pushedBack.push(taken.get(i));
				}
				Values alone = new Values();
				alone.feed(first);
				return new Row(rows, alone.closeOpen(), Problem.UNCLOSED_QUOTE);
			}
			taken.add(more);
			length += more.text().length() + more.end().length();
			values.feed(more);
		}
		return new Row(rows, values.cells, null);
	}

	private Line nextNonBlankLine() throws IOException {
		Line line = nextLine();
		while (line != null && line.text().isEmpty() && !line.tooLong()) {
			line = nextLine();
		}
		return line;
	}

	private Line nextLine() throws IOException {
		return pushedBack.isEmpty() ? readLine() : pushedBack.pop();
	}

	/**
	 * One line and the line break that ends it (\n, \r\n, \r, or none at the end of the
	 * file), so a value that spans lines keeps its own; at most {@link #MAX_ROW_CHARS}
	 * characters of it are kept, so one endless line cannot fill the memory.
	 */
	private Line readLine() throws IOException {
		StringBuilder text = new StringBuilder();
		boolean tooLong = false;
		boolean any = false;
		for (int c = in.read(); c != -1; c = in.read()) {
			any = true;
			if (c == '\n') {
				return new Line(text.toString(), "\n", tooLong);
			}
			if (c == '\r') {
				in.mark(1);
				int next = in.read();
				if (next == '\n') {
					return new Line(text.toString(), "\r\n", tooLong);
				}
				if (next != -1) {
					in.reset();
				}
				return new Line(text.toString(), "\r", tooLong);
			}
			if (text.length() < MAX_ROW_CHARS) {
				text.append((char) c);
			}
			else {
				tooLong = true;
			}
		}
		return any ? new Line(text.toString(), "", tooLong) : null;
	}

	/** A line's text, the line break after it, and whether it was cut short. */
	private record Line(String text, String end, boolean tooLong) {
	}

	/** The values of a row, fed line by line. */
	private static final class Values {

		final List<String> cells = new ArrayList<>();

		final StringBuilder cell = new StringBuilder();

		boolean quoted;

		boolean fresh = true;

		int lineBreak;

		void feed(Line whole) {
			String line = whole.text();
			for (int i = 0; i < line.length(); i++) {
				char c = line.charAt(i);
				if (quoted) {
					if (c != '"') {
						cell.append(c);
					}
					else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
						cell.append('"');
						i++;
					}
					else {
						quoted = false;
					}
				}
				else if (c == ',') {
					end();
				}
				else if (c == '"' && fresh) {
					quoted = true;
					fresh = false;
				}
				else {
					cell.append(c);
					fresh = false;
				}
			}
			if (quoted) {
				cell.append(whole.end());
				lineBreak = whole.end().length();
			}
			else {
				end();
			}
		}

		/** The values so far, the open one ending where its line ends. */
		List<String> closeOpen() {
			if (quoted) {
				cell.setLength(Math.max(0, cell.length() - lineBreak));
				end();
			}
			return cells;
		}

		private void end() {
			cells.add(cell.toString());
			cell.setLength(0);
			fresh = true;
		}

	}

}

package org.armstrace.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes CSV (RFC 4180: comma, CRLF, a cell quoted when it must be) that a spreadsheet
 * program cannot run. A text cell that begins with a character a spreadsheet reads as the
 * start of a formula ({@code = + - @}, tab, carriage return, NUL, and their full-width
 * forms) is written with a single quote before it, and quoted, as OWASP's CSV-injection
 * guidance recommends: {@code =HYPERLINK(...)} is written {@code "'=HYPERLINK(...)"}. A
 * plain number ({@code -12}, {@code +3.5}) is data and is written as it is; so is every
 * {@link Number}. Every CSV that ArmsTrace hands out is written with this class.
 */
public final class CsvWriter {

	/** The characters that make a spreadsheet read a cell as a formula. */
	private static final String FORMULA_STARTS = "=+-@\t\r\0\uFF1D\uFF0B\uFF0D\uFF20";

	private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

	private final Writer out;

	public CsvWriter(Writer out) {
		this.out = out;
	}

	public CsvWriter row(Object... cells) {
		return row(Arrays.asList(cells));
	}

	/** One line: each cell as {@link #cell(Object)} writes it. */
	public CsvWriter row(List<?> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			String cell = cell(cells.get(i));
			// a line of one empty cell would read as a blank line
			line.append(cells.size() == 1 && cell.isEmpty() ? "\"\"" : cell);
		}
		try {
			out.write(line.append("\r\n").toString());
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the CSV file", e);
		}
		return this;
	}

	public void flush() {
		try {
			out.flush();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot write the CSV file", e);
		}
	}

	/**
	 * A value as one CSV cell: empty for null, neutralised when it would start a formula,
	 * quoted when it is neutralised or holds a comma, a quote, a line break or
	 * surrounding spaces.
	 */
	public static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		boolean formula = !(value instanceof Number) && neutralised(text);
		String safe = formula ? "'" + text : text;
		return formula || mustBeQuoted(safe) ? '"' + safe.replace("\"", "\"\"") + '"' : safe;
	}

	/**
	 * Whether a spreadsheet program would read this text as a formula: it begins with one
	 * of {@code = + - @}, tab, carriage return or NUL (or a full-width {@code = + - @})
	 * and is not a plain number.
	 */
	public static boolean startsFormula(String text) {
		return text != null && !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0
				&& !PLAIN_NUMBER.matcher(text).matches();
	}

	/**
	 * The text a neutralised cell was written for: a single quote before a formula's
	 * first character is taken off, so a file ArmsTrace wrote reads back as what it held.
	 */
	public static String restore(String cell) {
		return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && neutralised(cell.substring(1))
				? cell.substring(1) : cell;
	}

	/**
	 * Whether a text is written with a quote before it: it would start a formula, or it
	 * already begins with quotes before one (so that {@link #restore(String)} gives back
	 * {@code '=1} as {@code '=1}, not {@code =1}).
	 */
	private static boolean neutralised(String text) {
		int quotes = 0;
		while (quotes < text.length() && text.charAt(quotes) == '\'') {
			quotes++;
		}
		return startsFormula(text.substring(quotes));
	}

	private static boolean mustBeQuoted(String text) {
		if (text.isEmpty()) {
			return false;
		}
		if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1))) {
			return true;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == ',' || c == '"' || c == '\n' || c == '\r') {
				return true;
			}
		}
		return false;
	}

}

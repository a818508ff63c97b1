package org.armstrace.identity;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads the {@value AccessLog#PURPOSE_HEADER} header as the text it stands for, before
 * anything else reads it. HTTP header values are ISO-8859-1, so a purpose in another
 * script is sent one of three ways, all read as UTF-8:
 * <ul>
 * <li>percent-encoded (RFC 3986): {@code %D0%B4%D0%B5%D0%BB%D0%BE%20123} is "дело 123"; a
 * {@code %} not followed by two hex digits is itself, and a literal {@code %} before two
 * hex digits is written {@code %25};</li>
 * <li>RFC 8187 style, with the charset first: {@code UTF-8''%D0%B4…} (or
 * {@code UTF-8'ru'…}; {@code ISO-8859-1''…} is read as Latin-1);</li>
 * <li>raw UTF-8 bytes, as some clients send them.</li>
 * </ul>
 * A value whose bytes are not valid UTF-8 once decoded is kept exactly as received.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PurposeHeader extends OncePerRequestFilter {

	private static final Pattern EXT_VALUE = Pattern.compile("(?i)(UTF-8|ISO-8859-1)'[A-Za-z0-9-]*'(.*)");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String raw = request.getHeader(AccessLog.PURPOSE_HEADER);
		chain.doFilter(raw == null ? request : new Decoded(request, decode(raw)), response);
	}

	/** The text a header value stands for (see the class comment). */
	static String decode(String raw) {
		Matcher ext = EXT_VALUE.matcher(raw.strip());
		if (ext.matches()) {
			Charset charset = ext.group(1).equalsIgnoreCase("UTF-8") ? StandardCharsets.UTF_8
					: StandardCharsets.ISO_8859_1;
			String text = text(percentDecoded(ext.group(2)), charset);
			return text == null ? raw : text;
		}
		String text = text(percentDecoded(raw), StandardCharsets.UTF_8);
		return text == null ? raw : text;
	}

	/**
	 * The header's bytes (ISO-8859-1: one per character) with every {@code %XX} turned
	 * into its byte; null when a character is not a byte.
	 */
	private static byte[] percentDecoded(String value) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c > 0xFF) {
				return null;
			}
			if (c == '%' && i + 2 < value.length() && hex(value.charAt(i + 1)) >= 0 && hex(value.charAt(i + 2)) >= 0) {
				bytes.write(hex(value.charAt(i + 1)) * 16 + hex(value.charAt(i + 2)));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toByteArray();
	}

	private static int hex(char c) {
		return Character.digit(c, 16);
	}

	/** The bytes as text in the charset, or null when they are not valid in it. */
	private static String text(byte[] bytes, Charset charset) {
		if (bytes == null) {
			return null;
		}
		try {
			return charset.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException e) {
			return null;
		}
	}

	/** The request with the purpose header as decoded text. */
	private static final class Decoded extends HttpServletRequestWrapper {

		private final String purpose;

		Decoded(HttpServletRequest request, String purpose) {
			super(request);
			this.purpose = purpose;
		}

		@Override
		public String getHeader(String name) {
			return AccessLog.PURPOSE_HEADER.equalsIgnoreCase(name) ? purpose : super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			return AccessLog.PURPOSE_HEADER.equalsIgnoreCase(name) ? Collections.enumeration(List.of(purpose))
					: super.getHeaders(name);
		}

	}

}

package org.armstrace.tracing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.BoostAttribute;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MaxNonCompetitiveBoostAttribute;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.BytesRefBuilder;
import org.apache.lucene.util.UnicodeUtil;
import org.apache.lucene.util.automaton.Automaton;
import org.apache.lucene.util.automaton.CompiledAutomaton;

/**
 * The terms within one or two edits (a character read wrong, added, left out, or two
 * neighbours swapped) of a serial after a literal prefix: the same terms, weights and
 * rewrite as Lucene's {@link FuzzyQuery} with transpositions, whose automata are built
 * here straight over the bytes of a serial of ASCII characters. Lucene builds them over
 * Unicode, prunes them and converts them to UTF-8 on every query, which took a fifth of a
 * trace search's time; a folded serial of ASCII characters needs none of it. A serial
 * with any other character is asked through {@link FuzzyQuery} itself ({@link #of}).
 */
final class NearSerialQuery extends MultiTermQuery {

	private final Term term;

	private final int maxEdits;

	private final int prefixLength;

	/** By the number of edits: the serial itself, within one edit, within two. */
	private final CompiledAutomaton[] automata;

	/** The whole term's length in code points: what a term's weight is measured by. */
	private final int termLength;

	private NearSerialQuery(Term term, int maxEdits, int prefixLength, int maxExpansions) {
		super(term.field(), new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(maxExpansions));
		this.term = term;
		this.maxEdits = maxEdits;
		this.prefixLength = prefixLength;
		String text = term.text();
		this.termLength = text.codePointCount(0, text.length());
		byte[] prefix = text.substring(0, prefixLength).getBytes(StandardCharsets.UTF_8);
		byte[] serial = text.substring(prefixLength).getBytes(StandardCharsets.US_ASCII);
		this.automata = new CompiledAutomaton[maxEdits + 1];
		for (int edits = 0; edits <= maxEdits; edits++) {
			automata[edits] = new CompiledAutomaton(automaton(prefix, serial, edits), true, false, true);
		}
	}

	/**
	 * The terms within {@code maxEdits} (1 or 2) of the term's text after its first
	 * {@code prefixLength} characters, the best {@code maxExpansions} of them.
	 */
	static Query of(Term term, int maxEdits, int prefixLength, int maxExpansions) {
		String text = term.text();
		boolean ascii = prefixLength <= text.length();
		for (int i = prefixLength; ascii && i < text.length(); i++) {
			ascii = text.charAt(i) < 0x80;
		}
		if (!ascii || maxEdits < 1 || maxEdits > 2 || maxExpansions < 1) {
			return new FuzzyQuery(term, maxEdits, prefixLength, maxExpansions, true);
		}
		return new NearSerialQuery(term, maxEdits, prefixLength, maxExpansions);
	}

	/** A state of the automaton for "within k edits" after the prefix: two rows. */
	private record Rows(byte[] previous, byte[] current) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Rows r && Arrays.equals(previous, r.previous) && Arrays.equals(current, r.current);
		}

		@Override
		public int hashCode() {
			return 31 * Arrays.hashCode(previous) + Arrays.hashCode(current);
		}

	}

	/** No character of the serial: any other byte, or any character of several bytes. */
	private static final int OTHER = -1;

	/**
	 * A deterministic automaton over UTF-8 bytes for the prefix followed by a text within
	 * {@code k} edits of {@code serial} (ASCII), edits counted in characters, a swap of
	 * two neighbours as one (Damerau's restricted distance, as Lucene's automata count
	 * it). Each state holds the edit-distance row of the text read so far against every
	 * beginning of the serial (values above {@code k} cut to {@code k + 1}), and the row
	 * before it where a swap can still complete: a state whose row is all above {@code k}
	 * is never made, so the automaton has no dead state and needs no pruning.
	 */
	static Automaton automaton(byte[] prefix, byte[] serial, int k) {
		int n = serial.length;
		byte over = (byte) (k + 1);
		int[] symbols = symbols(serial);
		List<Rows> states = new ArrayList<>();
		Map<Rows, Integer> ids = new HashMap<>();
		byte[] first = new byte[n + 1];
		for (int j = 0; j <= n; j++) {
			first[j] = (byte) Math.min(j, k + 1);
		}
		byte[] none = new byte[n + 1];
		Arrays.fill(none, over);
		Rows start = new Rows(none, first);
		states.add(start);
		ids.put(start, 0);
		// the target of every state for every symbol (-1: no transition)
		List<int[]> targets = new ArrayList<>();
		for (int s = 0; s < states.size(); s++) {
			Rows rows = states.get(s);
			int[] to = new int[symbols.length + 1];
			for (int x = 0; x <= symbols.length; x++) {
				int c = x < symbols.length ? symbols[x] : OTHER;
				Rows next = step(rows, serial, c, k);
				if (next == null) {
					to[x] = -1;
					continue;
				}
				Integer id = ids.get(next);
				if (id == null) {
					id = states.size();
					states.add(next);
					ids.put(next, id);
				}
				to[x] = id;
			}
			targets.add(to);
		}
		// states: the prefix's bytes, the rows, then for every target reached by another
		// character the continuation states of a character of two, three or four bytes
		int base = prefix.length;
		int[] continuation = new int[states.size()];
		Arrays.fill(continuation, -1);
		int count = base + states.size();
		for (int[] to : targets) {
			int other = to[symbols.length];
			if (other >= 0 && continuation[other] < 0) {
				continuation[other] = count;
				count += 3;
			}
		}
		Automaton a = new Automaton(count, count * 4);
		for (int s = 0; s < count; s++) {
			a.createState();
		}
		for (int i = 0; i < prefix.length; i++) {
			a.addTransition(i, i + 1, prefix[i] & 0xff);
		}
		for (int s = 0; s < states.size(); s++) {
			int state = base + s;
			a.setAccept(state, states.get(s).current()[n] <= k);
			int[] to = targets.get(s);
			for (int x = 0; x < symbols.length; x++) {
				if (to[x] >= 0) {
					a.addTransition(state, base + to[x], symbols[x]);
				}
			}
			int other = to[symbols.length];
			if (other >= 0) {
				// every ASCII byte that is no character of the serial
				int from = 0;
				for (int symbol : symbols) {
					if (symbol > from) {
						a.addTransition(state, base + other, from, symbol - 1);
					}
					from = symbol + 1;
				}
				if (from <= 0x7f) {
					a.addTransition(state, base + other, from, 0x7f);
				}
				int c = continuation[other];
				a.addTransition(state, c, 0xc2, 0xdf);
				a.addTransition(state, c + 1, 0xe0, 0xef);
				a.addTransition(state, c + 2, 0xf0, 0xf4);
			}
		}
		for (int s = 0; s < states.size(); s++) {
			int c = continuation[s];
			if (c >= 0) {
				a.addTransition(c, base + s, 0x80, 0xbf);
				a.addTransition(c + 1, c, 0x80, 0xbf);
				a.addTransition(c + 2, c + 1, 0x80, 0xbf);
			}
		}
		a.finishState();
		return a;
	}

	/** The serial's distinct bytes in order. */
	private static int[] symbols(byte[] serial) {
		boolean[] seen = new boolean[0x80];
		for (byte b : serial) {
			seen[b] = true;
		}
		int[] symbols = new int[0x80];
		int count = 0;
		for (int b = 0; b < 0x80; b++) {
			if (seen[b]) {
				symbols[count++] = b;
			}
		}
		return Arrays.copyOf(symbols, count);
	}

	/**
	 * The rows after reading character {@code c} ({@link #OTHER} for one that is not in
	 * the serial), or null when no text that begins so is within {@code k} edits.
	 */
	private static Rows step(Rows rows, byte[] serial, int c, int k) {
		int n = serial.length;
		byte[] current = rows.current();
		byte[] previous = rows.previous();
		byte[] next = new byte[n + 1];
		next[0] = (byte) Math.min(current[0] + 1, k + 1);
		int least = next[0];
		for (int j = 1; j <= n; j++) {
			int v = Math.min(current[j] + 1, next[j - 1] + 1);
			v = Math.min(v, current[j - 1] + (c == serial[j - 1] ? 0 : 1));
			if (j >= 2 && c == serial[j - 2]) {
				// the previous character was serial[j - 1] (kept only where it was) and
				// this one serial[j - 2]: the two swapped
				v = Math.min(v, previous[j - 2] + 1);
			}
			next[j] = (byte) Math.min(v, k + 1);
			least = Math.min(least, next[j]);
		}
		if (least > k) {
			return null;
		}
		// what a swap completed by the next character can start from: the current row
		// where the serial's next character is the one just read
		byte[] swap = new byte[n + 1];
		Arrays.fill(swap, (byte) (k + 1));
		for (int m = 0; m + 1 < n; m++) {
			if (serial[m + 1] == c) {
				swap[m] = current[m];
			}
		}
		return new Rows(swap, next);
	}

	@Override
	protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
		return new NearTerms(terms, atts, term.bytes(), automata, termLength);
	}

	@Override
	public void visit(QueryVisitor visitor) {
		if (visitor.acceptField(field)) {
			visitor.consumeTermsMatching(this, field, () -> automata[maxEdits].runAutomaton);
		}
	}

	@Override
	public String toString(String field) {
		return (this.field.equals(field) ? "" : this.field + ":") + term.text() + "~" + maxEdits;
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other) && other instanceof NearSerialQuery q && term.equals(q.term)
				&& maxEdits == q.maxEdits && prefixLength == q.prefixLength;
	}

	@Override
	public int hashCode() {
		return Objects.hash(super.hashCode(), term, maxEdits, prefixLength);
	}

	/**
	 * The matching terms of one segment, each weighted by its edit distance: Lucene's
	 * {@code FuzzyTermsEnum} on these automata, moving to a smaller automaton once the
	 * best terms collected so far are all closer than the larger one allows.
	 */
	private static final class NearTerms extends BaseTermsEnum {

		private final Terms terms;

		private final AttributeSource atts;

		private final BoostAttribute boostAtt;

		private final MaxNonCompetitiveBoostAttribute maxBoostAtt;

		private final BytesRef term;

		private final CompiledAutomaton[] automata;

		private final int termLength;

		private TermsEnum actualEnum;

		private float bottom;

		private BytesRef bottomTerm;

		private BytesRef queuedBottom;

		private int maxEdits;

		NearTerms(Terms terms, AttributeSource atts, BytesRef term, CompiledAutomaton[] automata, int termLength)
				throws IOException {
			this.terms = terms;
			this.atts = atts;
			this.term = term;
			this.automata = automata;
			this.termLength = termLength;
			this.maxEdits = automata.length - 1;
			this.maxBoostAtt = atts.addAttribute(MaxNonCompetitiveBoostAttribute.class);
			this.boostAtt = atts.addAttribute(BoostAttribute.class);
			this.bottom = maxBoostAtt.getMaxNonCompetitiveBoost();
			this.bottomTerm = maxBoostAtt.getCompetitiveTerm();
			bottomChanged(null);
		}

		private void bottomChanged(BytesRef lastTerm) throws IOException {
			int oldMaxEdits = maxEdits;
			boolean termAfter = bottomTerm == null || (lastTerm != null && lastTerm.compareTo(bottomTerm) >= 0);
			while (maxEdits > 0) {
				float maxBoost = 1.0f - ((float) maxEdits / (float) termLength);
				if (bottom < maxBoost || (bottom == maxBoost && !termAfter)) {
					break;
				}
				maxEdits--;
			}
			if (oldMaxEdits != maxEdits || lastTerm == null) {
				CompiledAutomaton compiled = automata[maxEdits];
				BytesRef seek = lastTerm == null ? null : compiled.floor(lastTerm, new BytesRefBuilder());
				actualEnum = terms.intersect(compiled, seek);
			}
		}

		@Override
		public BytesRef next() throws IOException {
			if (queuedBottom != null) {
				bottomChanged(queuedBottom);
				queuedBottom = null;
			}
			BytesRef found = actualEnum.next();
			if (found == null) {
				return null;
			}
			int ed = maxEdits;
			while (ed > 0 && (ed - 1 == 0 ? found.bytesEquals(term)
					: automata[ed - 1].runAutomaton.run(found.bytes, found.offset, found.length))) {
				ed--;
			}
			if (ed == 0) {
				boostAtt.setBoost(1.0f);
			}
			else {
				int length = Math.min(UnicodeUtil.codePointCount(found), termLength);
				boostAtt.setBoost(1.0f - (float) ed / (float) length);
			}
			float bottom = maxBoostAtt.getMaxNonCompetitiveBoost();
			BytesRef bottomTerm = maxBoostAtt.getCompetitiveTerm();
			if (bottom != this.bottom || bottomTerm != this.bottomTerm) {
				this.bottom = bottom;
				this.bottomTerm = bottomTerm;
				// changed only before the next term: docFreq() and the rest still
				// answer for this one
				queuedBottom = BytesRef.deepCopyOf(found);
			}
			return found;
		}

		@Override
		public int docFreq() throws IOException {
			return actualEnum.docFreq();
		}

		@Override
		public long totalTermFreq() throws IOException {
			return actualEnum.totalTermFreq();
		}

		@Override
		public PostingsEnum postings(PostingsEnum reuse, int flags) throws IOException {
			return actualEnum.postings(reuse, flags);
		}

		@Override
		public ImpactsEnum impacts(int flags) throws IOException {
			return actualEnum.impacts(flags);
		}

		@Override
		public void seekExact(BytesRef text, TermState state) throws IOException {
			actualEnum.seekExact(text, state);
		}

		@Override
		public TermState termState() throws IOException {
			return actualEnum.termState();
		}

		@Override
		public long ord() throws IOException {
			return actualEnum.ord();
		}

		@Override
		public AttributeSource attributes() {
			return atts;
		}

		@Override
		public boolean seekExact(BytesRef text) throws IOException {
			return actualEnum.seekExact(text);
		}

		@Override
		public SeekStatus seekCeil(BytesRef text) throws IOException {
			return actualEnum.seekCeil(text);
		}

		@Override
		public void seekExact(long ord) throws IOException {
			actualEnum.seekExact(ord);
		}

		@Override
		public BytesRef term() throws IOException {
			return actualEnum.term();
		}

	}

}

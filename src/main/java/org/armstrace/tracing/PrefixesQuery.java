package org.armstrace.tracing;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.index.FilteredTermsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.util.AttributeSource;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.automaton.Automata;
import org.apache.lucene.util.automaton.ByteRunAutomaton;
import org.apache.lucene.util.automaton.Operations;

/**
 * The terms that begin with any of a few prefixes, each scoring its boost alone, as a
 * {@code PrefixQuery} does: the terms dictionary is sought to each prefix in turn and
 * read while its terms begin so. A {@code PrefixQuery} compiles an automaton for its
 * prefix, and an automaton of many prefixes is compiled again for its common suffix, on
 * every query: a few percent of a trace search, for prefixes a sorted walk finds as well.
 */
final class PrefixesQuery extends MultiTermQuery {

	/** In order, none the beginning of another (a longer one finds nothing more). */
	private final BytesRef[] prefixes;

	PrefixesQuery(String field, List<String> prefixes) {
		super(field, MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE);
		List<BytesRef> sorted = new ArrayList<>(prefixes.size());
		for (String prefix : prefixes) {
			sorted.add(new BytesRef(prefix));
		}
		sorted.sort(null);
		List<BytesRef> kept = new ArrayList<>(sorted.size());
		for (BytesRef prefix : sorted) {
			if (kept.isEmpty() || !StringHelper.startsWith(prefix, kept.get(kept.size() - 1))) {
				kept.add(prefix);
			}
		}
		this.prefixes = kept.toArray(BytesRef[]::new);
	}

	@Override
	protected TermsEnum getTermsEnum(Terms terms, AttributeSource atts) throws IOException {
		if (prefixes.length == 0) {
			return TermsEnum.EMPTY;
		}
		return new FilteredTermsEnum(terms.iterator()) {

			private int at;

			@Override
			protected AcceptStatus accept(BytesRef term) {
				while (at < prefixes.length) {
					BytesRef prefix = prefixes[at];
					if (StringHelper.startsWith(term, prefix)) {
						return AcceptStatus.YES;
					}
					if (term.compareTo(prefix) < 0) {
						return AcceptStatus.NO_AND_SEEK;
					}
					at++;
				}
				return AcceptStatus.END;
			}

			@Override
			protected BytesRef nextSeekTerm(BytesRef current) {
				return at < prefixes.length ? prefixes[at] : null;
			}

		};
	}

	@Override
	public void visit(QueryVisitor visitor) {
		if (visitor.acceptField(field)) {
			visitor.consumeTermsMatching(this, field,
					() -> new ByteRunAutomaton(Operations.determinize(Operations.concatenate(
							List.of(Automata.makeStringUnion(Arrays.asList(prefixes)), Automata.makeAnyBinary())),
							Operations.DEFAULT_DETERMINIZE_WORK_LIMIT), true));
		}
	}

	@Override
	public String toString(String field) {
		StringBuilder out = new StringBuilder(this.field.equals(field) ? "" : this.field + ":");
		for (int i = 0; i < prefixes.length; i++) {
			out.append(i == 0 ? "" : "|").append(prefixes[i].utf8ToString()).append('*');
		}
		return out.toString();
	}

	@Override
	public boolean equals(Object other) {
		return super.equals(other) && other instanceof PrefixesQuery q && Arrays.equals(prefixes, q.prefixes);
	}

	@Override
	public int hashCode() {
		return 31 * super.hashCode() + Arrays.hashCode(prefixes);
	}

}

package dev.wirewatch.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.intervals.IntervalQuery;
import org.apache.lucene.queries.intervals.Intervals;
import org.apache.lucene.queries.intervals.IntervalsSource;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.util.BytesRef;

/**
 * Parses Wirewatch's topic query language into Lucene queries:
 * <pre>
 * query  := or
 * or     := and ("OR" and)*
 * and    := unary (["AND"] unary)*          adjacent terms must all match
 * unary  := "NOT" unary | near
 * near   := atom ("NEAR/" n atom)*          both sides within n words, in either order
 * atom   := "(" or ")" | "\"phrase\"" | word | wild*card?
 * </pre>
 * Words and phrases go through {@link NewsAnalyzer#forQueries()}, so {@code Su-35} and {@code "Су 35"} are the
 * same query. {@code NEAR} is built on interval queries; its sides may be words, phrases, prefixes, OR-groups and
 * other NEARs, not AND or NOT.
 *
 * <p>Immutable and thread safe. Operators are upper case; errors carry the 0-based position of the problem.
 */
public final class TopicQueryParser {

    private static final Analyzer ANALYZER = NewsAnalyzer.forQueries();
    private static final String FIELD = NewsAnalyzer.FIELD;

    private TopicQueryParser() {
    }

    /** Parses {@code query}; throws with the position of the first problem. */
    public static Query parse(String query) throws QuerySyntaxException {
        return tree(query).query();
    }

    /**
     * Why {@code text} (analyzed as matching analyzes documents) matches {@code query} or not, clause by clause.
     * The verdict is the same as matching's.
     */
    public static QueryExplanation explain(String query, String text) throws QuerySyntaxException {
        QueryExplanation.Clause clause = tree(query).explain(new ExplainContext(text == null ? "" : text));
        return new QueryExplanation(clause.matched(), clause);
    }

    private static Node tree(String query) throws QuerySyntaxException {
        Parser parser = new Parser(Lexer.lex(query));
        Node node = parser.or();
        if (!parser.atEnd()) {
            Lexer.Token extra = parser.peek();
            throw new QuerySyntaxException("unexpected '" + extra.text() + "'", extra.position());
        }
        return node;
    }

    // ---- syntax tree ----

    private sealed interface Node permits Words, Prefix, Wildcard, And, Or, Not, Near {
        Query query() throws QuerySyntaxException;

        IntervalsSource intervals() throws QuerySyntaxException;

        /** The clause as the query language writes it. */
        String text();

        /** This clause against the text; by default a leaf: found words or "not in the text". */
        default QueryExplanation.Clause explain(ExplainContext doc) throws QuerySyntaxException {
            Query query = query();
            List<QueryExplanation.Found> found = doc.found(query, ExplainContext.MAX_FOUND);
            boolean matched = doc.matches(query);
            return new QueryExplanation.Clause(text(), matched, found, matched ? "found" : "not in the text",
                    List.of());
        }
    }

    private static List<QueryExplanation.Clause> explainAll(List<Node> parts, ExplainContext doc)
            throws QuerySyntaxException {
        List<QueryExplanation.Clause> out = new ArrayList<>();
        for (Node part : parts) {
            out.add(part.explain(doc));
        }
        return out;
    }

    private static String joined(List<Node> parts, String operator) {
        return String.join(operator, parts.stream().map(p -> p instanceof Or || p instanceof And
                ? "(" + p.text() + ")" : p.text()).toList());
    }

    private record Words(List<String> terms, String written, int position) implements Node {
        public String text() {
            return terms.size() > 1 || written.contains(" ") ? "\"" + written + "\"" : written;
        }

        public Query query() {
            if (terms.size() == 1) {
                return new TermQuery(new Term(FIELD, terms.get(0)));
            }
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            terms.forEach(t -> phrase.add(new Term(FIELD, t)));
            return phrase.build();
        }

        public IntervalsSource intervals() {
            return terms.size() == 1 ? Intervals.term(terms.get(0)) : Intervals.phrase(terms.toArray(String[]::new));
        }
    }

    private record Prefix(String prefix) implements Node {
        public String text() {
            return prefix + "*";
        }

        public Query query() {
            return new PrefixQuery(new Term(FIELD, prefix));
        }

        public IntervalsSource intervals() {
            return Intervals.prefix(new BytesRef(prefix), 1024);
        }
    }

    private record Wildcard(String pattern) implements Node {
        public String text() {
            return pattern;
        }

        public Query query() {
            return new WildcardQuery(new Term(FIELD, pattern));
        }

        public IntervalsSource intervals() {
            return Intervals.wildcard(new BytesRef(pattern), 1024);
        }
    }

    private record And(List<Node> parts, int position) implements Node {
        public Query query() throws QuerySyntaxException {
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            boolean positive = false;
            for (Node part : parts) {
                if (part instanceof Not not) {
                    all.add(not.negated().query(), Occur.MUST_NOT);
                } else {
                    all.add(part.query(), Occur.MUST);
                    positive = true;
                }
            }
            if (!positive) {
                all.add(new MatchAllDocsQuery(), Occur.MUST);
            }
            return all.build();
        }

        public IntervalsSource intervals() throws QuerySyntaxException {
            throw new QuerySyntaxException("AND cannot be inside NEAR", position);
        }

        public String text() {
            return joined(parts, " AND ");
        }

        public QueryExplanation.Clause explain(ExplainContext doc) throws QuerySyntaxException {
            List<QueryExplanation.Clause> explained = explainAll(parts, doc);
            List<String> failing = explained.stream().filter(c -> !c.matched()).map(QueryExplanation.Clause::clause)
                    .toList();
            return new QueryExplanation.Clause(text(), failing.isEmpty(), List.of(), failing.isEmpty()
                    ? "every part holds" : "does not hold: " + String.join("; ", failing), explained);
        }
    }

    private record Or(List<Node> parts) implements Node {
        public Query query() throws QuerySyntaxException {
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            for (Node part : parts) {
                any.add(part.query(), Occur.SHOULD);
            }
            return any.build();
        }

        public IntervalsSource intervals() throws QuerySyntaxException {
            List<IntervalsSource> sources = new ArrayList<>();
            for (Node part : parts) {
                sources.add(part.intervals());
            }
            return Intervals.or(sources);
        }

        public String text() {
            return joined(parts, " OR ");
        }

        public QueryExplanation.Clause explain(ExplainContext doc) throws QuerySyntaxException {
            List<QueryExplanation.Clause> explained = explainAll(parts, doc);
            List<QueryExplanation.Found> found = explained.stream().flatMap(c -> c.found().stream()).distinct()
                    .sorted(java.util.Comparator.comparingInt(QueryExplanation.Found::word))
                    .limit(ExplainContext.MAX_FOUND).toList();
            boolean matched = explained.stream().anyMatch(QueryExplanation.Clause::matched);
            return new QueryExplanation.Clause(text(), matched, found, matched ? "found" : "no alternative in the text",
                    explained);
        }
    }

    private record Not(Node negated, int position) implements Node {
        public Query query() throws QuerySyntaxException {
            return new BooleanQuery.Builder().add(new MatchAllDocsQuery(), Occur.MUST)
                    .add(negated.query(), Occur.MUST_NOT).build();
        }

        public IntervalsSource intervals() throws QuerySyntaxException {
            throw new QuerySyntaxException("NOT cannot be inside NEAR", position);
        }

        public String text() {
            return "NOT " + (negated instanceof Or || negated instanceof And ? "(" + negated.text() + ")"
                    : negated.text());
        }

        public QueryExplanation.Clause explain(ExplainContext doc) throws QuerySyntaxException {
            QueryExplanation.Clause inner = negated.explain(doc);
            return new QueryExplanation.Clause(text(), !inner.matched(), inner.found(), inner.matched()
                    ? "excluded: the text has " + negated.text() : "absent, as required", List.of(inner));
        }
    }

    private record Near(Node left, Node right, int slop) implements Node {
        public Query query() throws QuerySyntaxException {
            return new IntervalQuery(FIELD, intervals());
        }

        public IntervalsSource intervals() throws QuerySyntaxException {
            return Intervals.maxgaps(slop, Intervals.unordered(left.intervals(), right.intervals()));
        }

        public String text() {
            return side(left) + " NEAR/" + slop + " " + side(right);
        }

        private static String side(Node node) {
            return node instanceof Or || node instanceof Near ? "(" + node.text() + ")" : node.text();
        }

        public QueryExplanation.Clause explain(ExplainContext doc) throws QuerySyntaxException {
            QueryExplanation.Clause l = left.explain(doc);
            QueryExplanation.Clause r = right.explain(doc);
            Query query = query();
            boolean matched = doc.matches(query);
            String why;
            if (matched) {
                why = "both sides within " + slop + " words of each other";
            } else if (!l.matched() || !r.matched()) {
                why = (!l.matched() ? side(left) : side(right)) + " is not in the text";
            } else {
                int gap = nearestGap(doc.spans(new IntervalQuery(FIELD, left.intervals())),
                        doc.spans(new IntervalQuery(FIELD, right.intervals())));
                why = "both sides are in the text, but at best " + gap + " words apart; NEAR/" + slop
                        + " allows " + slop;
            }
            return new QueryExplanation.Clause(text(), matched, matched ? doc.found(query, ExplainContext.MAX_FOUND)
                    : List.of(), why, List.of(l, r));
        }

        /** The fewest words between a span of one side and a span of the other. */
        private static int nearestGap(List<int[]> a, List<int[]> b) {
            int best = Integer.MAX_VALUE;
            for (int[] x : a) {
                for (int[] y : b) {
                    int gap = Math.max(y[0] - x[1], x[0] - y[1]) - 1;
                    best = Math.min(best, Math.max(0, gap));
                }
            }
            return best;
        }
    }

    // ---- recursive descent ----

    private static final class Parser {
        private final List<Lexer.Token> tokens;
        private int next;

        Parser(List<Lexer.Token> tokens) {
            this.tokens = tokens;
        }

        boolean atEnd() {
            return next >= tokens.size();
        }

        Lexer.Token peek() {
            return tokens.get(next);
        }

        private boolean at(Lexer.Kind kind) {
            return !atEnd() && peek().kind() == kind;
        }

        private int position() {
            return atEnd() ? (tokens.isEmpty() ? 0 : tokens.get(tokens.size() - 1).end()) : peek().position();
        }

        Node or() throws QuerySyntaxException {
            List<Node> parts = new ArrayList<>(List.of(and()));
            while (at(Lexer.Kind.OR)) {
                next++;
                parts.add(and());
            }
            return parts.size() == 1 ? parts.get(0) : new Or(parts);
        }

        Node and() throws QuerySyntaxException {
            int start = position();
            List<Node> parts = new ArrayList<>(List.of(unary()));
            while (!atEnd() && !at(Lexer.Kind.OR) && !at(Lexer.Kind.CLOSE)) {
                if (at(Lexer.Kind.AND)) {
                    next++;
                }
                parts.add(unary());
            }
            return parts.size() == 1 ? parts.get(0) : new And(parts, start);
        }

        Node unary() throws QuerySyntaxException {
            if (at(Lexer.Kind.NOT)) {
                int position = peek().position();
                next++;
                return new Not(unary(), position);
            }
            return near();
        }

        Node near() throws QuerySyntaxException {
            Node node = atom();
            while (at(Lexer.Kind.NEAR)) {
                int slop = peek().slop();
                next++;
                node = new Near(node, atom(), slop);
            }
            return node;
        }

        Node atom() throws QuerySyntaxException {
            if (atEnd()) {
                throw new QuerySyntaxException(tokens.isEmpty() ? "empty query" : "a word, phrase or '(' is missing",
                        position());
            }
            Lexer.Token token = tokens.get(next++);
            switch (token.kind()) {
                case OPEN -> {
                    Node inner = or();
                    if (!at(Lexer.Kind.CLOSE)) {
                        throw new QuerySyntaxException("'(' is not closed", token.position());
                    }
                    next++;
                    return inner;
                }
                case PHRASE, WORD -> {
                    if (token.kind() == Lexer.Kind.WORD && (token.text().contains("*")
                            || token.text().contains("?"))) {
                        return wildcard(token);
                    }
                    List<String> terms = analyze(token.text());
                    if (terms.isEmpty()) {
                        throw new QuerySyntaxException("'" + token.text() + "' has no searchable word",
                                token.position());
                    }
                    return new Words(terms, token.text(), token.position());
                }
                default -> throw new QuerySyntaxException("'" + token.text() + "' needs a word or phrase before it",
                        token.position());
            }
        }

        private Node wildcard(Lexer.Token token) throws QuerySyntaxException {
            String pattern = token.text();
            if (pattern.replace("*", "").replace("?", "").length() < 3) {
                throw new QuerySyntaxException("a wildcard needs at least 3 letters besides '*' and '?'",
                        token.position());
            }
            String normalized = ANALYZER.normalize(FIELD, pattern).utf8ToString();
            String stem = normalized.substring(0, normalized.length() - 1);
            if (normalized.endsWith("*") && !stem.contains("*") && !stem.contains("?")) {
                return new Prefix(stem);
            }
            return new Wildcard(normalized);
        }
    }

    /** The analyzed terms of a word or phrase, in order; stacked tokens are not expected from the query side. */
    static List<String> analyze(String text) {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream(FIELD, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (increment.getPositionIncrement() > 0) {
                    terms.add(term.toString());
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail", e);
        }
        return terms;
    }
}

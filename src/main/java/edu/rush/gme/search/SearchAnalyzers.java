package edu.rush.gme.search;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The analysis chains of the search index. Every chain splits at spaces and punctuation, drops
 * possessives, lowercases, folds accents ("Québec" to "quebec") and rewrites British spellings;
 * then:
 * <ul>
 *   <li>{@link #index()}: drops English stop words and stems ("pediatrics" and "pediatric" meet);</li>
 *   <li>{@link #query()}: the same, after expanding what applicants type with the staff's synonyms
 *       ("peds", "heme/onc", "kids", "heart") at query time only, so a new synonym needs no re-index;</li>
 *   <li>{@link #words()}: no stemming, for typo tolerance, search-as-you-type and spelling suggestions,
 *       which need the words as written.</li>
 * </ul>
 */
public final class SearchAnalyzers {

    /**
     * Words the stemmer would merge with words of another meaning: Porter makes "intern" of
     * "internal", "international" and "interns", so "internal medicine" found every program that
     * welcomes international graduates.
     */
    private static final CharArraySet NOT_STEMMED = CharArraySet.unmodifiableSet(new CharArraySet(
            List.of("internal", "international", "internationally"), false));

    private final Map<String, String> spellings;
    private final SynonymMap synonyms;
    private final Analyzer words;
    private final Analyzer index;
    private final Analyzer query;
    private final Set<String> synonymWords;

    /** Analyzers with the staff's synonym rules (Solr format); problems in them throw {@link ParseException}. */
    public SearchAnalyzers(String synonymRules) throws ParseException {
        this.spellings = loadSpellings();
        this.words = chain(false, false);
        this.synonyms = parseSynonyms(synonymRules == null ? "" : synonymRules);
        this.synonymWords = synonymWords(synonymRules == null ? "" : synonymRules);
        this.index = new PerFieldAnalyzerWrapper(chain(true, false), Map.of(SearchFields.WORDS, words));
        this.query = new PerFieldAnalyzerWrapper(chain(true, true), Map.of(SearchFields.WORDS, words));
    }

    public Analyzer words() {
        return words;
    }

    public Analyzer index() {
        return index;
    }

    public Analyzer query() {
        return query;
    }

    /**
     * Every word that starts a synonym rule, as typed ("gen" of "gen surg", "peds"): such a word
     * means something here though no page has it, so it is never "corrected" to another word.
     */
    public boolean isSynonymWord(String word) {
        return synonymWords.contains(word);
    }

    /** The words on the typed side of each rule (both sides of "a, b" rules), through the words chain. */
    private Set<String> synonymWords(String rules) {
        Set<String> words = new HashSet<>();
        for (String line : rules.split("\\R")) {
            String rule = line.strip();
            if (rule.isEmpty() || rule.startsWith("#")) {
                continue;
            }
            int arrow = rule.indexOf("=>");
            String typed = arrow >= 0 ? rule.substring(0, arrow) : rule;
            words.addAll(SearchIndex.tokens(this.words, SearchFields.WORDS, typed, 64));
        }
        return Set.copyOf(words);
    }

    private Analyzer chain(boolean stem, boolean expandSynonyms) {
        return new Analyzer() {
            @Override
            protected TokenStreamComponents createComponents(String fieldName) {
                StandardTokenizer tokenizer = new StandardTokenizer();
                TokenStream stream = new EnglishPossessiveFilter(tokenizer);
                stream = new LowerCaseFilter(stream);
                stream = new ASCIIFoldingFilter(stream);
                stream = new SpellingFilter(stream, spellings);
                if (stem) {
                    stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
                }
                if (expandSynonyms && synonyms != null && synonyms.fst != null) {
                    stream = new SynonymGraphFilter(stream, synonyms, true);
                }
                if (stem) {
                    stream = new SetKeywordMarkerFilter(stream, NOT_STEMMED);
                    stream = new PorterStemFilter(stream);
                }
                return new TokenStreamComponents(tokenizer, stream);
            }
        };
    }

    /** Rules are read with the words chain, so they are written as applicants type them. */
    private SynonymMap parseSynonyms(String rules) throws ParseException {
        SolrSynonymParser parser = new SolrSynonymParser(true, true, words);
        try {
            parser.parse(new StringReader(rules));
            return parser.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> loadSpellings() {
        Map<String, String> spellings = new HashMap<>();
        try (InputStream in = SearchAnalyzers.class.getResourceAsStream("/search/spellings.txt");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                line = line.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("=>");
                spellings.put(parts[0].strip(), parts[1].strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(spellings);
    }
}

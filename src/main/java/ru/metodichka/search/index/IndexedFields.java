package ru.metodichka.search.index;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;

/** The index's fields and how a {@link SearchDocument} becomes a Lucene document. */
public final class IndexedFields {
  private IndexedFields() {}

  public static final String KEY = "key";
  public static final String PAGE_ID = "page_id";
  public static final String AUDIENCE = "audience";
  public static final String SHADOWED = "shadowed";
  public static final String PUBLIC = "public";
  public static final String INSIDERS = "insiders";
  public static final String TITLE = "title";
  public static final String BODY = "body";

  /** The text of the page's attached files, one value per file (names in {@link #FILE_NAMES}). */
  public static final String FILES = "files";

  public static final String FILE_NAMES = "file_names";
  public static final String TITLE_WORDS = "title_words";
  public static final String SPELL = "spell";
  public static final String COMMUNITY = "community";
  public static final String COMMUNITY_NAME = "community_name";
  public static final String COMMUNITY_ID = "community_id";
  public static final String SLUG = "slug";
  public static final String KIND = "kind";
  public static final String STATUS = "status";
  public static final String SUBJECT = "subject";
  public static final String LEVEL = "level";
  public static final String LICENCE = "licence";
  public static final String YEAR = "year";
  public static final String NEWEST = "newest";
  public static final String VIEWS = "views";
  public static final String PUBLISHED = "published";
  public static final String AUTHORS = "authors";
  public static final String UPDATED_AT = "updated_at";
  public static final String PUBLISHED_AT = "published_at";

  /** The facet dimensions, in the order the API lists them. */
  public static final List<String> FACETS = List.of(COMMUNITY, KIND, SUBJECT, LEVEL, LICENCE, YEAR);

  /**
   * Title and body: analysed (stemmed) for search, stored for snippets and «similar», and with
   * offsets in the postings so that the UnifiedHighlighter finds the matches without analysing the
   * text again (several times faster snippets on long articles, for a bigger index).
   */
  private static final FieldType TEXT_WITH_OFFSETS = textWithOffsets();

  /**
   * The spelling dictionary: only which pages hold a word counts (the spell checker ranks by
   * document frequency), so no frequencies, positions or norms. Norms of a field that drafts lack
   * were sparse, and reading them back when the postings were written took a tenth of indexing.
   */
  private static final FieldType WORDS_ONLY = wordsOnly();

  /** Subjects and levels are lists; the other dimensions hold one value per page. */
  public static FacetsConfig facetsConfig() {
    FacetsConfig config = new FacetsConfig();
    config.setMultiValued(SUBJECT, true);
    config.setMultiValued(LEVEL, true);
    return config;
  }

  static Document toLucene(SearchDocument page, FacetsConfig config) throws IOException {
    Document doc = new Document();
    // The page's identity: not analysed, so updateDocument/deleteDocuments match it exactly.
    doc.add(new StringField(KEY, page.key(), Field.Store.YES));
    // Both documents of a page carry its id: view counts are set on both at once, and «similar
    // materials» leave out the page itself whichever document matches.
    doc.add(new StringField(PAGE_ID, Long.toString(page.pageId()), Field.Store.NO));
    // Who may find it (the searcher's scope, Queries.access): everyone, or the community's
    // insiders;
    // a public document shadowed by an insiders' one is left to everyone but those insiders.
    boolean published = page.audience() == SearchDocument.Audience.PUBLIC;
    doc.add(new StringField(AUDIENCE, published ? PUBLIC : INSIDERS, Field.Store.NO));
    if (page.shadowed()) {
      doc.add(new StringField(SHADOWED, "1", Field.Store.NO));
    }
    doc.add(new Field(TITLE, page.title(), TEXT_WITH_OFFSETS));
    CollectedWords words = published ? new CollectedWords() : null;
    doc.add(body(page.body(), words));
    // Attached files' text: searched and highlighted like the body, one value per file, with
    // the files' names stored in the same order for «в файле „…“».
    for (SearchDocument.FileText file : page.files()) {
      doc.add(new Field(FILES, file.text(), TEXT_WITH_OFFSETS));
      doc.add(new StoredField(FILE_NAMES, file.name()));
    }
    // Title words unstemmed and unstored: prefix queries for autocomplete as the user types.
    doc.add(new TextField(TITLE_WORDS, page.title(), Field.Store.NO));
    if (published) {
      // Words as written, public documents only: the dictionary of the spelling and keyboard-layout
      // corrections, which must never offer a word that only a draft or an unreviewed edit
      // contains. The body's words
      // were collected while the body was analysed, and are replayed after it.
      doc.add(new Field(SPELL, page.title(), WORDS_ONLY));
      doc.add(new Field(SPELL, words, WORDS_ONLY));
    }
    // Filters are exact terms (FILTER clauses: no scoring, cached); the displayed ones are stored.
    doc.add(new StringField(COMMUNITY, page.communitySlug(), Field.Store.YES));
    doc.add(new StoredField(COMMUNITY_NAME, page.communityName()));
    doc.add(new StringField(COMMUNITY_ID, Long.toString(page.communityId()), Field.Store.NO));
    doc.add(new StoredField(SLUG, page.pageSlug()));
    doc.add(new StringField(KIND, page.kind(), Field.Store.YES));
    doc.add(new StringField(STATUS, page.status(), Field.Store.YES));
    page.subjects().stream()
        .filter(s -> !s.isBlank())
        .forEach(s -> doc.add(new StringField(SUBJECT, s, Field.Store.NO)));
    page.levels().stream()
        .filter(l -> !l.isBlank())
        .forEach(l -> doc.add(new StringField(LEVEL, l, Field.Store.NO)));
    // Sort keys live in doc values: column-wise, read without loading stored documents.
    doc.add(new NumericDocValuesField(NEWEST, page.newest().toEpochMilli()));
    doc.add(new NumericDocValuesField(VIEWS, page.views()));
    addFacets(doc, page);
    // Shown with each hit and never searched or sorted on: stored only, so a hit's authors and
    // dates come out of the stored document the highlighter decompresses anyway, with no query to
    // PostgreSQL per search. Authors in the order they first wrote (stored values keep theirs); the
    // publication date only while the page is published.
    page.authors().forEach(author -> doc.add(new StoredField(AUTHORS, author)));
    doc.add(new StoredField(UPDATED_AT, page.updatedAt().toEpochMilli()));
    if (published && page.publishedAt() != null) {
      doc.add(new StoredField(PUBLISHED_AT, page.publishedAt().toEpochMilli()));
    }
    // Taxonomy-free facets: counted from sorted-set doc values, nothing to keep in sync on disk.
    return config.build(doc);
  }

  /** The body, stored as is; analysed with the text chain, handing its words to {@code words}. */
  private static Field body(String text, CollectedWords words) {
    if (words == null) {
      return new Field(BODY, text, TEXT_WITH_OFFSETS);
    }
    return new Field(BODY, text, TEXT_WITH_OFFSETS) {
      @Override
      public TokenStream tokenStream(Analyzer analyzer, TokenStream reuse) {
        return SearchAnalyzers.text(text, words);
      }
    };
  }

  private static void addFacets(Document doc, SearchDocument page) {
    doc.add(new SortedSetDocValuesFacetField(COMMUNITY, page.communitySlug()));
    doc.add(new SortedSetDocValuesFacetField(KIND, page.kind()));
    page.subjects().stream()
        .filter(s -> !s.isBlank())
        .distinct()
        .forEach(s -> doc.add(new SortedSetDocValuesFacetField(SUBJECT, s)));
    page.levels().stream()
        .filter(l -> !l.isBlank())
        .distinct()
        .forEach(l -> doc.add(new SortedSetDocValuesFacetField(LEVEL, l)));
    if (page.licence() != null && !page.licence().isBlank()) {
      doc.add(new SortedSetDocValuesFacetField(LICENCE, page.licence()));
    }
    if (page.year() != null) {
      doc.add(new SortedSetDocValuesFacetField(YEAR, page.year().toString()));
    }
  }

  private static FieldType wordsOnly() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setIndexOptions(IndexOptions.DOCS);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static FieldType textWithOffsets() {
    FieldType type = new FieldType(TextField.TYPE_STORED);
    type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    type.freeze();
    return type;
  }
}

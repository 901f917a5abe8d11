package ru.metodichka.search.index;

import java.io.IOException;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;

/**
 * The facet ordinal map of the current reader. Building it reads every segment's facet values, so
 * it is made once per refreshed reader, not per search.
 */
public final class FacetStates {
  private final FacetsConfig config;
  private volatile SortedSetDocValuesReaderState current;

  FacetStates(FacetsConfig config) {
    this.config = config;
  }

  /** The state for this reader, or null when no page in it has facets (an empty index). */
  public SortedSetDocValuesReaderState forReader(IndexReader reader) throws IOException {
    SortedSetDocValuesReaderState state = current;
    if (state != null && state.getReader() == reader) {
      return state;
    }
    synchronized (this) {
      state = current;
      if (state != null && state.getReader() == reader) {
        return state;
      }
      if (reader.numDocs() == 0) {
        return null;
      }
      try {
        state = new DefaultSortedSetDocValuesReaderState(reader, config);
      } catch (IllegalArgumentException noFacetsYet) {
        return null;
      }
      current = state;
      return state;
    }
  }
}

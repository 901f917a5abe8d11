package ru.metodichka.search;

import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import ru.metodichka.search.index.IndexedFields;

/** Facet counts over the hits a search collected (already filtered by access and filters). */
final class FacetCounts {
  private FacetCounts() {}

  /** Values shown per dimension, most frequent first. */
  static final int MAX_VALUES = 50;

  static Map<String, Map<String, Long>> count(
      SortedSetDocValuesReaderState state, FacetsCollector hits) throws IOException {
    Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
    IndexedFields.FACETS.forEach(dim -> counts.put(dim, new LinkedHashMap<>()));
    if (state != null && hits != null) {
      Facets facets = new SortedSetDocValuesFacetCounts(state, hits);
      for (FacetResult result : facets.getAllDims(MAX_VALUES)) {
        Map<String, Long> values = counts.get(result.dim);
        if (values != null) {
          for (LabelAndValue value : result.labelValues) {
            values.put(value.label, value.value.longValue());
          }
        }
      }
    }
    counts.replaceAll((dim, values) -> Collections.unmodifiableMap(values));
    return Collections.unmodifiableMap(counts);
  }
}

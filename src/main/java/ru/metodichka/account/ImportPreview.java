package ru.metodichka.account;

import java.util.List;
import ru.metodichka.error.AppError;

/**
 * What an import would do: the rows read, and every problem found (each names its row and field,
 * e.g. {@code rows[3].email}). Nothing is imported while there is one.
 */
public record ImportPreview<T>(List<T> rows, List<AppError.FieldError> errors) {
  public ImportPreview {
    rows = List.copyOf(rows);
    errors = List.copyOf(errors);
  }

  public boolean valid() {
    return errors.isEmpty() && !rows.isEmpty();
  }
}

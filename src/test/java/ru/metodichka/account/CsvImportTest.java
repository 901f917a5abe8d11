package ru.metodichka.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import ru.metodichka.error.AppError;

/** Reading the import files as Excel and people write them. */
class CsvImportTest {
  @Test
  void readsExcelsSemicolonsWithAByteOrderMarkAndRussianHeaders() {
    String csv =
        "\uFEFFЛогин;ФИО;Почта;Организация;Должность;Методист\r\n"
            + "petrova;Петрова Анна Ивановна;petrova@school.ru;МБОУ СОШ № 1;учитель;нет\r\n"
            + "sidorov;\"Сидоров; Пётр\";;;методист;да\r\n";
    var preview = CsvImport.users(csv);
    assertThat(preview.errors()).isEmpty();
    assertThat(preview.rows())
        .containsExactly(
            new ImportedUser(
                2,
                "petrova",
                "Петрова Анна Ивановна",
                "petrova@school.ru",
                "МБОУ СОШ № 1",
                "учитель",
                false),
            new ImportedUser(3, "sidorov", "Сидоров; Пётр", null, null, "методист", true));
  }

  @Test
  void readsCommasAndColumnsInAnyOrder() {
    String csv = "name,login,methodist\nИванова,ivanova,1\n";
    var preview = CsvImport.users(csv);
    assertThat(preview.errors()).isEmpty();
    assertThat(preview.rows().getFirst().login()).isEqualTo("ivanova");
    assertThat(preview.rows().getFirst().methodist()).isTrue();
  }

  @Test
  void namesTheRowAndColumnOfEveryProblem() {
    String csv =
        "login;name;email;methodist\n"
            + "ok-login;Имя;a@b.ru;\n"
            + "OK-LOGIN;Другое имя;not-an-email;может быть\n"
            + "я;;;\n";
    var preview = CsvImport.users(csv);
    assertThat(preview.valid()).isFalse();
    assertThat(preview.errors())
        .extracting(AppError.FieldError::field, AppError.FieldError::messageKey)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("rows[3].login", "csv_login_twice"),
            org.assertj.core.groups.Tuple.tuple("rows[3].email", "email"),
            org.assertj.core.groups.Tuple.tuple("rows[3].methodist", "csv_flag"),
            org.assertj.core.groups.Tuple.tuple("rows[4].login", "login"),
            org.assertj.core.groups.Tuple.tuple("rows[4].name", "required"));
  }

  @Test
  void aFileWithoutTheRequiredColumnsOrRowsIsRefusedAsAWhole() {
    assertThat(CsvImport.users("name;email\nИмя;a@b.ru\n").errors())
        .extracting(AppError.FieldError::field, AppError.FieldError::messageKey)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("header", "csv_missing_column"));
    assertThat(CsvImport.users("login;name\n").errors())
        .extracting(AppError.FieldError::messageKey)
        .containsExactly("csv_empty");
    assertThat(CsvImport.users("").errors())
        .extracting(AppError.FieldError::messageKey)
        .containsExactly("csv_empty");
    assertThat(CsvImport.users("login;name\n\"unterminated;Имя\n").errors())
        .extracting(AppError.FieldError::messageKey)
        .containsExactly("csv_malformed");
  }

  @Test
  void readsInstitutionsWithKindsInRussianAndASchoolByDefault() {
    String csv =
        "\uFEFFНазвание;Краткое название;Тип\n"
            + "МБДОУ «Детский сад № 7 „Солнышко“»;ДС № 7;детский сад\n"
            + "МБОУ «Гимназия № 3»;Гимназия № 3;\n"
            + "Что-то;;завод\n";
    var preview = CsvImport.institutions(csv);
    assertThat(preview.rows())
        .extracting(ImportedInstitution::kind)
        .containsExactly("kindergarten", "school", "other");
    assertThat(preview.errors())
        .extracting(AppError.FieldError::field)
        .containsExactly("rows[4].kind");
  }
}

package ru.metodichka;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Injects the run's {@link TestApp} and a {@link Fixtures} into integration tests. */
public final class AppExtension implements ParameterResolver {
  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == TestApp.class || type == Fixtures.class || type == Api.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    TestApp app = TestApp.get(context);
    Class<?> type = parameter.getParameter().getType();
    if (type == Fixtures.class) {
      return new Fixtures(app);
    }
    return type == Api.class ? app.api() : app;
  }
}

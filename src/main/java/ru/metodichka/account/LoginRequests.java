package ru.metodichka.account;

import io.vertx.core.Future;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import ru.metodichka.auth.AuthService;
import ru.metodichka.auth.LoginAttempt;
import ru.metodichka.error.AppError;
import ru.metodichka.web.AuthHandler;
import ru.metodichka.web.ClientAddress;
import ru.metodichka.web.SessionCookies;

/**
 * What the login screen and the session API share: the attempt as the request makes it (the
 * client's address, the device cookie, the session it ends) and, on success, the cookies. Refused
 * with 403 {@code local_login_disabled} when the site signs in through OIDC only.
 */
final class LoginRequests {
  private final AuthService auth;
  private final ClientAddress clientAddress;
  private final boolean localLogin;

  LoginRequests(AuthService auth, ClientAddress clientAddress, boolean localLogin) {
    this.auth = auth;
    this.clientAddress = clientAddress;
    this.localLogin = localLogin;
  }

  /** Logs in; on success the response carries the session and device cookies. */
  Future<AuthService.Login> login(RoutingContext ctx, String login, String password) {
    if (!localLogin) {
      return Future.failedFuture(AppError.forbidden("local_login_disabled"));
    }
    Cookie device = ctx.request().getCookie(SessionCookies.DEVICE);
    LoginAttempt attempt =
        new LoginAttempt(
            login,
            password,
            clientAddress.of(ctx),
            device == null ? null : device.getValue(),
            AuthHandler.token(ctx));
    return auth.login(attempt)
        .onSuccess(
            session ->
                ctx.response()
                    .addCookie(SessionCookies.live(ctx, session.token(), session.ttl()))
                    .addCookie(SessionCookies.device(ctx, session.deviceCookie())));
  }
}

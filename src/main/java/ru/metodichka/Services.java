package ru.metodichka;

import io.vertx.sqlclient.Pool;
import java.util.List;
import ru.metodichka.auth.AuthHandler;
import ru.metodichka.auth.SessionRoutes;
import ru.metodichka.auth.UserRoutes;
import ru.metodichka.auth.UserService;
import ru.metodichka.community.CommunityRoutes;
import ru.metodichka.community.CommunityService;
import ru.metodichka.page.Pages;
import ru.metodichka.search.Search;
import ru.metodichka.web.Csrf;
import ru.metodichka.web.Screens;
import ru.metodichka.web.Templates;

/** The application's services, built once in {@link Main} and shared by every HTTP verticle. */
public record Services(
    Pool pool,
    UserService users,
    CommunityService communities,
    Pages pages,
    AuthHandler authHandler,
    SessionRoutes sessionRoutes,
    UserRoutes userRoutes,
    CommunityRoutes communityRoutes,
    Csrf csrf,
    Templates templates,
    List<Screens> screens,
    Housekeeping housekeeping,
    Search search) {}

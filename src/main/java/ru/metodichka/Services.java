package ru.metodichka;

import io.vertx.sqlclient.Pool;
import ru.metodichka.auth.AuthHandler;
import ru.metodichka.auth.SessionRoutes;
import ru.metodichka.auth.UserRoutes;
import ru.metodichka.auth.UserService;
import ru.metodichka.community.CommunityRoutes;
import ru.metodichka.community.CommunityService;
import ru.metodichka.page.Pages;

/** The application's services, built once in {@link Main} and shared by every HTTP verticle. */
public record Services(
    Pool pool,
    UserService users,
    CommunityService communities,
    Pages pages,
    AuthHandler authHandler,
    SessionRoutes sessionRoutes,
    UserRoutes userRoutes,
    CommunityRoutes communityRoutes) {}

-- Keycloak keeps its own database on the same PostgreSQL server (first start only).
CREATE DATABASE keycloak OWNER metodichka;

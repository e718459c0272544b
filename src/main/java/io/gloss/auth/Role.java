package io.gloss.auth;

/** The three roles; Keycloak realm roles of the same names map onto them. */
public final class Role {
    public static final String EDITOR = "editor";
    public static final String REVIEWER = "reviewer";
    public static final String ADMIN = "admin";

    public static final java.util.Set<String> ALL = java.util.Set.of(EDITOR, REVIEWER, ADMIN);

    private Role() {
    }
}

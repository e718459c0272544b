package io.gloss.web;

/**
 * The cookie that carries a login of Gloss' own sessions, for the error mapper, which drops it
 * when it no longer holds. The auth package owns sessions and their settings and provides this;
 * web, the lowest package, may not import auth to read them itself.
 */
public interface SessionCookie {

    String name();
}

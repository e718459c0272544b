package io.gloss.auth;

import io.gloss.web.SessionCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Hands the web package the session cookie's name from {@code gloss.session.cookie-name}. */
@ApplicationScoped
class ConfiguredSessionCookie implements SessionCookie {

    @Inject
    SessionConfig config;

    @Override
    public String name() {
        return config.cookieName();
    }
}

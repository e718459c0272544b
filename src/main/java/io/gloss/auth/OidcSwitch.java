package io.gloss.auth;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Whether Keycloak (OIDC) logins are on: the operator's one run-time switch,
 * {@code quarkus.oidc.tenant-enabled}, read here and nowhere else in Gloss.
 */
@ApplicationScoped
public class OidcSwitch {

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean on;

    public boolean isOn() {
        return on;
    }
}

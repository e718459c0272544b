package io.gloss.auth;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;

/**
 * Gloss with the Keycloak switch on, against the real Keycloak of {@link KeycloakResource}. Only
 * the classes with this profile see it: the rest of the suite runs with OIDC off, as shipped.
 */
public class KeycloakProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KeycloakResource.class));
    }
}

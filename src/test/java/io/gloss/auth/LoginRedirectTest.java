package io.gloss.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** Where /login/oidc sends a person back to: only ever a path of this site. */
class LoginRedirectTest {

    @Test
    void keepsAPathOfThisSite() {
        assertEquals(URI.create("/projects/1"), LoginResource.localPath("/projects/1"));
        assertEquals(URI.create("/articles/7?label=c"), LoginResource.localPath("/articles/7?label=c"));
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[] {null, "", "projects", "//evil.example/x", "/\\evil.example",
                "https://evil.example/", "/a b"}) {
            assertEquals(URI.create("/"), LoginResource.localPath(bad), String.valueOf(bad));
        }
    }
}

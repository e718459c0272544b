package io.gloss.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Supplies {@code quarkus.http.auth.session.encryption-key} from {@code <data-dir>/session.key},
 * generating a random key there on first use, so that the CSRF tokens it keys ({@link CsrfTokens})
 * survive a restart without anyone configuring a secret. A key set in the environment or application.properties wins
 * (this source has the lowest ordinal). The file is read lazily: a build never creates it.
 */
public class SessionKeyConfigSource implements ConfigSource {

    static final String KEY = "quarkus.http.auth.session.encryption-key";

    private final Path file;
    private volatile String value;

    SessionKeyConfigSource(Path dataDir) {
        this.file = dataDir.resolve("session.key");
    }

    /** Not listed, so that nothing enumerating the configuration (e.g. the build) creates the file. */
    @Override
    public Set<String> getPropertyNames() {
        return Set.of();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!KEY.equals(propertyName)) {
            return null;
        }
        if (value == null) {
            value = readOrCreate();
        }
        return value;
    }

    private String readOrCreate() {
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] random = new byte[32];
                new SecureRandom().nextBytes(random);
                String key = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.writeString(file, key + "\n", StandardCharsets.US_ASCII, StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                }
            }
            return Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the session key " + file
                    + "; set quarkus.http.auth.session.encryption-key instead", e);
        }
    }

    @Override
    public int getOrdinal() {
        return 50;
    }

    @Override
    public String getName() {
        return "gloss-session-key";
    }
}

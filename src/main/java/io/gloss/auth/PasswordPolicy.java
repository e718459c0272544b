package io.gloss.auth;

import io.gloss.web.GlossException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: at least {@value #MIN_LENGTH} characters, at most
 * {@value #MAX_BYTES} bytes in UTF-8 (bcrypt ignores every byte after the 72nd, so a longer
 * password would only seem stronger), not the username, and not one of the passwords every
 * guessing list starts with ({@code auth/common-passwords.txt}, compared ignoring case).
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    static void check(String username, String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw GlossException.badRequest("password", "A password needs at least " + MIN_LENGTH + " characters.");
        }
        if (tooLong(password)) {
            throw GlossException.badRequest("password", "A password has at most " + MAX_BYTES
                    + " bytes (72 letters of the English alphabet, fewer of others): bcrypt ignores the rest.");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower) || lower.equals(username == null ? null : username.toLowerCase(Locale.ROOT))) {
            throw GlossException.badRequest("password",
                    "That password is among the first ones guessed (or is the username): choose another.");
        }
    }

    /** Too long for bcrypt to check whole: such a password is never accepted at login either. */
    static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES;
    }

    private static Set<String> load() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/auth/common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("auth/common-passwords.txt is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

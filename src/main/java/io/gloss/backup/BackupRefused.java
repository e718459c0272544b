package io.gloss.backup;

import io.gloss.web.GlossException;

/** A zip that cannot be restored, and why, in words for the person who chose it; nothing was written. */
class BackupRefused extends GlossException {

    BackupRefused(int status, String error, String message) {
        super(status, error, message + " Nothing was restored.");
    }

    /** The file is not a Gloss backup, or not an intact one. */
    static BackupRefused invalid(String message) {
        return new BackupRefused(400, "invalid_backup", message);
    }

    /** An intact backup this server cannot take as it is (its format, its people). */
    static BackupRefused unrestorable(String error, String message) {
        return new BackupRefused(422, error, message);
    }
}

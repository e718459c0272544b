package io.gloss.backup;

import java.util.Map;

/**
 * {@code manifest.json}, the zip's table of contents: which Gloss made it, in which format, of
 * which project and when, and each table's file with its row count and SHA-256, so that a restore
 * knows a damaged or edited file before it writes anything.
 */
public record BackupManifest(String format, int formatVersion, String glossVersion, long projectId,
        String projectName, String createdAt, String createdBy, Map<String, TableFile> tables) {

    public static final String FILE_NAME = "manifest.json";
    public static final String FORMAT = "gloss-project-backup";
    /** Raised when a restore could no longer read what older versions wrote. */
    public static final int FORMAT_VERSION = 1;

    public record TableFile(String file, long rows, String sha256) {
    }
}

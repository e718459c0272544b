package io.gloss.backup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

/**
 * Reads a backup zip and checks it before anything is written: a manifest of our format and
 * version, only tables this Gloss knows, every file present with the SHA-256 and row count the
 * manifest gives, every line a JSON object. Each refusal says what is wrong with the file.
 */
@ApplicationScoped
class BackupReader {

    /** What a zip may unpack to: it is held in memory while it is restored, and a small zip can unpack to a lot. */
    static final long MAX_UNPACKED_BYTES = 512L * 1024 * 1024;

    @Inject
    ObjectMapper json;

    BackupContent read(byte[] zip) {
        Map<String, byte[]> entries = unpack(zip);
        byte[] manifestBytes = entries.remove(BackupManifest.FILE_NAME);
        if (manifestBytes == null) {
            throw BackupRefused.invalid("The zip has no " + BackupManifest.FILE_NAME + ": it is not a Gloss project backup.");
        }
        BackupManifest manifest = manifest(manifestBytes);
        Map<String, List<ObjectNode>> rows = new HashMap<>();
        for (Map.Entry<String, BackupManifest.TableFile> listed : manifest.tables().entrySet()) {
            String tableName = listed.getKey();
            BackupManifest.TableFile file = listed.getValue();
            BackupTable table = BackupTables.named(tableName).orElseThrow(() -> BackupRefused.unrestorable("unknown_table",
                    "The backup holds the table \"" + tableName + "\", which this Gloss does not know: it was made by another "
                            + "version of Gloss (" + manifest.glossVersion() + ")."));
            if (file == null || !table.fileName().equals(file.file())) {
                throw BackupRefused.invalid("The manifest names the wrong file for the table " + tableName + ".");
            }
            byte[] bytes = entries.remove(file.file());
            if (bytes == null) {
                throw BackupRefused.invalid("The zip lacks " + file.file() + ", which its manifest lists.");
            }
            if (!HexFormat.of().formatHex(BackupWriter.sha256().digest(bytes)).equalsIgnoreCase(String.valueOf(file.sha256()))) {
                throw BackupRefused.invalid(file.file() + " is not the file that was backed up: its SHA-256 differs from "
                        + "the manifest's (damaged or edited).");
            }
            List<ObjectNode> lines = lines(file.file(), bytes);
            if (lines.size() != file.rows()) {
                throw BackupRefused.invalid(file.file() + " has " + lines.size() + " rows; the manifest says " + file.rows() + ".");
            }
            rows.put(tableName, lines);
        }
        if (!entries.isEmpty()) {
            throw BackupRefused.invalid("The zip holds files its manifest does not list: " + String.join(", ", entries.keySet()) + ".");
        }
        List<ObjectNode> project = rows.get(BackupTables.PROJECT);
        if (project == null || project.size() != 1) {
            throw BackupRefused.invalid("The backup holds no project (" + BackupTables.PROJECT + ".jsonl must hold one row).");
        }
        return new BackupContent(manifest, rows);
    }

    private Map<String, byte[]> unpack(byte[] zip) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        long unpacked = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip == null ? new byte[0] : zip), StandardCharsets.UTF_8)) {
            byte[] buffer = new byte[64 * 1024];
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream content = new ByteArrayOutputStream();
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw BackupRefused.unrestorable("too_large", "The backup unpacks to more than "
                                + MAX_UNPACKED_BYTES / (1024 * 1024) + " MiB, more than a restore holds.");
                    }
                    content.write(buffer, 0, n);
                }
                if (entries.put(entry.getName(), content.toByteArray()) != null) {
                    throw BackupRefused.invalid("The zip holds " + entry.getName() + " twice.");
                }
            }
        } catch (ZipException e) {
            throw notAZip();
        } catch (IOException e) {
            throw notAZip();
        }
        if (entries.isEmpty()) {
            throw notAZip();
        }
        return entries;
    }

    private static BackupRefused notAZip() {
        return BackupRefused.invalid("The file is not a zip (or an empty one): choose a backup downloaded from Gloss, "
                + "gloss-project-….zip.");
    }

    private BackupManifest manifest(byte[] bytes) {
        BackupManifest manifest;
        try {
            manifest = json.readValue(bytes, BackupManifest.class);
        } catch (IOException e) {
            throw BackupRefused.invalid(BackupManifest.FILE_NAME + " is not the manifest of a Gloss backup: " + message(e));
        }
        if (manifest == null || !BackupManifest.FORMAT.equals(manifest.format()) || manifest.tables() == null) {
            throw BackupRefused.invalid(BackupManifest.FILE_NAME + " is not the manifest of a Gloss project backup.");
        }
        if (manifest.formatVersion() != BackupManifest.FORMAT_VERSION) {
            throw BackupRefused.unrestorable("unsupported_version", "The backup is in format version " + manifest.formatVersion()
                    + " (made by Gloss " + manifest.glossVersion() + "); this Gloss reads version " + BackupManifest.FORMAT_VERSION + ".");
        }
        return manifest;
    }

    private List<ObjectNode> lines(String file, byte[] bytes) {
        List<ObjectNode> rows = new ArrayList<>();
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isEmpty()) {
                continue;
            }
            try {
                JsonNode row = json.readTree(lines[i]);
                if (!(row instanceof ObjectNode object)) {
                    throw BackupRefused.invalid(file + ", line " + (i + 1) + ", is not a JSON object.");
                }
                rows.add(object);
            } catch (JsonProcessingException e) {
                throw BackupRefused.invalid(file + ", line " + (i + 1) + ", is not JSON: " + message(e));
            }
        }
        return rows;
    }

    private static String message(IOException e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    }
}

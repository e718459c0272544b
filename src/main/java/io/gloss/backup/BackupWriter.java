package io.gloss.backup;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.gloss.web.GlossException;
import io.gloss.web.GlossVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a project's backup zip: one JSON Lines file per table of {@link BackupTables} (every
 * column the table has, one object a row), then {@code manifest.json}. All tables are read in
 * one repeatable-read transaction of their own, so the files agree with each other even while
 * people keep working (a transition is never in without its annotation).
 */
@ApplicationScoped
public class BackupWriter {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    @Inject
    GlossVersion version;

    /** The zip's bytes; a project that does not exist is a 404. Must run outside a transaction. */
    public byte[] write(long projectId, String createdBy) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
                String projectName = null;
                Map<String, BackupManifest.TableFile> files = new LinkedHashMap<>();
                for (BackupTable table : BackupTables.ALL) {
                    zip.putNextEntry(new ZipEntry(table.fileName()));
                    MessageDigest sha = sha256();
                    List<String> names = new ArrayList<>();
                    long rows = writeRows(connection, table, projectId, new DigestOutputStream(unclosable(zip), sha), names);
                    zip.closeEntry();
                    if (table.isProject()) {
                        if (rows == 0) {
                            throw GlossException.notFound("Project " + projectId);
                        }
                        projectName = names.get(0);
                    }
                    files.put(table.name(), new BackupManifest.TableFile(table.fileName(), rows, HexFormat.of().formatHex(sha.digest())));
                }
                zip.putNextEntry(new ZipEntry(BackupManifest.FILE_NAME));
                json.writerWithDefaultPrettyPrinter().writeValue(unclosable(zip), new BackupManifest(BackupManifest.FORMAT,
                        BackupManifest.FORMAT_VERSION, version.version(), projectId, projectName, Instant.now().toString(),
                        createdBy, files));
                zip.closeEntry();
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The backup of project " + projectId + " could not be read", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the rows, one JSON object a line; {@code names} receives the project's name when the table is the project's. */
    private long writeRows(Connection connection, BackupTable table, long projectId, OutputStream out, List<String> names)
            throws SQLException, IOException {
        long rows = 0;
        try (PreparedStatement select = connection.prepareStatement(BackupQueries.rowsOf(table));
                JsonGenerator lines = json.getFactory().createGenerator(out)) {
            lines.setRootValueSeparator(null);
            select.setLong(1, projectId);
            try (ResultSet row = select.executeQuery()) {
                ResultSetMetaData meta = row.getMetaData();
                List<ColumnValues> columns = new ArrayList<>();
                List<Integer> positions = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    if (!ColumnValues.isDerived(meta, i)) {
                        columns.add(ColumnValues.of(meta, i));
                        positions.add(i);
                    }
                }
                while (row.next()) {
                    lines.writeStartObject();
                    for (int c = 0; c < columns.size(); c++) {
                        int at = positions.get(c);
                        lines.writeFieldName(columns.get(c).column());
                        lines.writeTree(columns.get(c).read(row, at));
                        if (table.isProject() && columns.get(c).column().equals("name")) {
                            names.add(row.getString(at));
                        }
                    }
                    lines.writeEndObject();
                    lines.writeRaw('\n');
                    rows++;
                }
            }
        }
        return rows;
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The zip entry's stream, which the JSON writers may close without closing the zip. */
    private static OutputStream unclosable(OutputStream out) {
        return new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}

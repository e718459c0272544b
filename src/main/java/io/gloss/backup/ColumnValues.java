package io.gloss.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BinaryNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;

/**
 * A column's values as JSON, by the column's SQL type, the same on H2 and PostgreSQL: whole
 * numbers and booleans as such, times as ISO-8601 text (with their offset), decimals as text (no
 * digit lost), bytes as Base64, everything else as text. A restore reads them back by the type
 * of the column on this server.
 */
record ColumnValues(String column, Kind kind) {

    enum Kind { WHOLE, INT, BOOLEAN, DECIMAL, ZONED_TIME, LOCAL_TIME, DATE, BYTES, TEXT }

    /** Column {@code i} of a result's metadata; the name in lower case, as the migrations write it. */
    /**
     * Whether the database makes the column from the others (PostgreSQL's search vectors,
     * db/postgresql/V29): a backup leaves it out and a restore lets the database make it again.
     */
    static boolean isDerived(ResultSetMetaData meta, int i) throws SQLException {
        return meta.getColumnTypeName(i).equalsIgnoreCase("tsvector");
    }

    static ColumnValues of(ResultSetMetaData meta, int i) throws SQLException {
        return new ColumnValues(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), kindOf(meta.getColumnType(i),
                meta.getColumnTypeName(i).toLowerCase(Locale.ROOT)));
    }

    private static Kind kindOf(int type, String typeName) {
        return switch (type) {
            case Types.BIGINT -> Kind.WHOLE;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Kind.INT;
            case Types.BOOLEAN, Types.BIT -> Kind.BOOLEAN;
            case Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT, Types.DOUBLE -> Kind.DECIMAL;
            case Types.TIMESTAMP_WITH_TIMEZONE -> Kind.ZONED_TIME;
            // PostgreSQL reports timestamptz as TIMESTAMP, and says which by its name.
            case Types.TIMESTAMP -> typeName.contains("tz") || typeName.contains("time zone") ? Kind.ZONED_TIME : Kind.LOCAL_TIME;
            case Types.DATE -> Kind.DATE;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> Kind.BYTES;
            default -> Kind.TEXT;
        };
    }

    JsonNode read(ResultSet row, int i) throws SQLException {
        JsonNode value = switch (kind) {
            case WHOLE, INT -> LongNode.valueOf(row.getLong(i));
            case BOOLEAN -> BooleanNode.valueOf(row.getBoolean(i));
            case DECIMAL -> {
                BigDecimal number = row.getBigDecimal(i);
                yield number == null ? null : TextNode.valueOf(number.toPlainString());
            }
            case ZONED_TIME -> text(row.getObject(i, OffsetDateTime.class));
            case LOCAL_TIME -> text(row.getObject(i, LocalDateTime.class));
            case DATE -> text(row.getObject(i, LocalDate.class));
            case BYTES -> {
                byte[] bytes = row.getBytes(i);
                yield bytes == null ? null : BinaryNode.valueOf(bytes);
            }
            case TEXT -> text(row.getString(i));
        };
        return value == null || row.wasNull() ? NullNode.getInstance() : value;
    }

    /** Binds a value read from a backup; one that does not fit the column is an {@link IllegalArgumentException}. */
    void bind(PreparedStatement insert, int i, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            insert.setObject(i, null);
            return;
        }
        switch (kind) {
            case WHOLE -> insert.setLong(i, whole(value));
            case INT -> insert.setInt(i, Math.toIntExact(whole(value)));
            case BOOLEAN -> {
                if (!value.isBoolean()) {
                    throw new IllegalArgumentException("true or false expected, found " + value);
                }
                insert.setBoolean(i, value.booleanValue());
            }
            case DECIMAL -> insert.setBigDecimal(i, new BigDecimal(value.asText()));
            case ZONED_TIME -> insert.setObject(i, OffsetDateTime.parse(value.asText()));
            case LOCAL_TIME -> insert.setObject(i, LocalDateTime.parse(value.asText()));
            case DATE -> insert.setObject(i, LocalDate.parse(value.asText()));
            case BYTES -> insert.setBytes(i, Base64.getDecoder().decode(value.asText()));
            case TEXT -> insert.setString(i, value.isTextual() ? value.textValue() : value.toString());
        }
    }

    static long whole(JsonNode value) {
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("a whole number expected, found " + value);
        }
        return value.longValue();
    }

    private static JsonNode text(Object value) {
        return value == null ? null : JsonNodeFactory.instance.textNode(value.toString());
    }
}

package io.viplane.codec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * JSON edge format, driven by the Avro schema so that {@code schemas/} stays the single source
 * of truth: field names, required fields, enum symbols, logical types and the
 * {@code minimum}/{@code maximum} field properties are all read from the schema.
 * Unknown fields are ignored (forward compatibility, CONTRACT.md).
 */
public final class JsonCodec<T extends SpecificRecord> implements Codec<T> {
    // Two concatenated objects in one record are a producer bug, not "the first one".
    static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final Schema schema;
    private final SpecificData model;

    public JsonCodec(Class<T> type) {
        this.model = SpecificData.getForClass(type);
        this.schema = model.getSchema(type);
    }

    public Schema schema() {
        return schema;
    }

    @Override
    public byte[] encode(T value) {
        try {
            return MAPPER.writeValueAsBytes(toTree(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public ObjectNode toTree(T value) {
        return (ObjectNode) write(schema, value);
    }

    @Override
    public T decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            // Only the position: the parser's own message quotes the offending text (personal data).
            throw new InvalidRecordException("", (truncated(e) ? "malformed JSON (truncated)" : "malformed JSON")
                    + at(e.getLocation()));
        } catch (IOException e) {
            throw new InvalidRecordException("", "unreadable JSON");
        }
        return fromTree(tree);
    }

    @SuppressWarnings("unchecked")
    public T fromTree(JsonNode tree) {
        if (tree == null || !tree.isObject()) {
            throw new InvalidRecordException("", "expected a JSON object for " + schema.getName());
        }
        return (T) read(schema, tree, "");
    }

    private Object read(Schema s, JsonNode node, String path) {
        switch (s.getType()) {
            case RECORD:
                return readRecord(s, node, path);
            case UNION:
                return readUnion(s, node, path);
            case STRING:
                expect(node.isTextual(), path, "expected a string");
                return node.textValue();
            case BOOLEAN:
                expect(node.isBoolean(), path, "expected true or false");
                return node.booleanValue();
            case INT:
                if (s.getLogicalType() != null) {
                    return readLogical(s, node, path);
                }
                expect(node.isIntegralNumber() && node.canConvertToInt(), path, "expected an integer");
                return node.intValue();
            case LONG:
                if (s.getLogicalType() != null) {
                    return readLogical(s, node, path);
                }
                expect(node.isIntegralNumber() && node.canConvertToLong(), path, "expected an integer");
                return node.longValue();
            case DOUBLE:
            case FLOAT:
                expect(node.isNumber(), path, "expected a number");
                double d = node.doubleValue();
                expect(Double.isFinite(d), path, "expected a finite number");
                return s.getType() == Schema.Type.FLOAT ? (Object) (float) d : (Object) d;
            case ENUM:
                expect(node.isTextual(), path, "expected one of " + s.getEnumSymbols());
                expect(s.hasEnumSymbol(node.textValue()), path, "unknown value, expected one of " + s.getEnumSymbols());
                return model.createEnum(node.textValue(), s);
            case ARRAY:
                expect(node.isArray(), path, "expected an array");
                List<Object> items = new ArrayList<>(node.size());
                for (int i = 0; i < node.size(); i++) {
                    String itemPath = path + "[" + i + "]";
                    JsonNode item = node.get(i);
                    expect(!item.isNull(), itemPath, "null is not allowed in this array");
                    items.add(read(s.getElementType(), item, itemPath));
                }
                return items;
            default:
                throw new IllegalStateException("schema type not supported by the JSON codec: " + s.getType());
        }
    }

    private Object readRecord(Schema s, JsonNode node, String path) {
        expect(node.isObject(), path, "expected an object");
        SpecificRecord record = (SpecificRecord) model.newRecord(null, s);
        for (Schema.Field f : s.getFields()) {
            String fieldPath = path.isEmpty() ? f.name() : path + "." + f.name();
            JsonNode v = node.get(f.name());
            Object value;
            if (v == null || v.isNull()) {
                if (f.hasDefaultValue()) {
                    value = model.deepCopy(f.schema(), model.getDefaultValue(f));
                } else if (isNullable(f.schema())) {
                    value = null;
                } else {
                    throw new InvalidRecordException(fieldPath, "required field is missing");
                }
            } else {
                value = read(f.schema(), v, fieldPath);
                RangeValidator.checkField(f, value, fieldPath);
            }
            record.put(f.pos(), value);
        }
        return record;
    }

    private Object readUnion(Schema s, JsonNode node, String path) {
        // Contract unions are always [null, T]: null/missing is handled by the record reader.
        for (Schema branch : s.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return read(branch, node, path);
            }
        }
        throw new InvalidRecordException(path, "expected null");
    }

    private Object readLogical(Schema s, JsonNode node, String path) {
        LogicalType lt = s.getLogicalType();
        expect(node.isTextual(), path, lt.getName().equals("date")
                ? "expected a date YYYY-MM-DD" : "expected an ISO-8601 instant such as 2026-01-16T16:47:00Z");
        try {
            if (lt.getName().equals("date")) {
                return LocalDate.parse(node.textValue());
            }
            return Instant.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw new InvalidRecordException(path, lt.getName().equals("date")
                    ? "not a date YYYY-MM-DD" : "not an ISO-8601 instant such as 2026-01-16T16:47:00Z");
        }
    }

    static boolean isNullable(Schema s) {
        return s.getType() == Schema.Type.NULL
                || (s.getType() == Schema.Type.UNION
                    && s.getTypes().stream().anyMatch(b -> b.getType() == Schema.Type.NULL));
    }

    private static void expect(boolean ok, String path, String reason) {
        if (!ok) {
            throw new InvalidRecordException(path, reason);
        }
    }

    private JsonNode write(Schema s, Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        switch (s.getType()) {
            case RECORD: {
                ObjectNode o = f.objectNode();
                SpecificRecord r = (SpecificRecord) v;
                for (Schema.Field field : s.getFields()) {
                    o.set(field.name(), write(field.schema(), r.get(field.pos())));
                }
                return o;
            }
            case UNION:
                for (Schema branch : s.getTypes()) {
                    if (branch.getType() != Schema.Type.NULL) {
                        return write(branch, v);
                    }
                }
                return f.nullNode();
            case ARRAY: {
                ArrayNode a = f.arrayNode();
                for (Object item : (Iterable<?>) v) {
                    a.add(write(s.getElementType(), item));
                }
                return a;
            }
            case INT:
                return v instanceof LocalDate ? f.textNode(v.toString()) : f.numberNode((Integer) v);
            case LONG:
                return v instanceof Instant ? f.textNode(v.toString()) : f.numberNode((Long) v);
            case DOUBLE:
                return f.numberNode((Double) v);
            case FLOAT:
                return f.numberNode((Float) v);
            case BOOLEAN:
                return f.booleanNode((Boolean) v);
            default:
                return f.textNode(v.toString());
        }
    }

    private static boolean truncated(JsonProcessingException e) {
        String m = e.getOriginalMessage();
        return e instanceof JsonEOFException || (m != null && m.contains("end-of-input"));
    }

    private static String at(JsonLocation where) {
        return where == null || where.getLineNr() < 1 ? ""
                : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
    }
}

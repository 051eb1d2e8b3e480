package io.viplane.codec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.apache.avro.Schema;

/** Other producers' versions of a contract schema: one field removed, one optional field added. */
public final class SchemaVariants {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaVariants() {
    }

    public static Schema without(Schema schema, String field) {
        ObjectNode tree = tree(schema);
        ArrayNode fields = (ArrayNode) tree.get("fields");
        for (int i = 0; i < fields.size(); i++) {
            if (fields.get(i).get("name").asText().equals(field)) {
                fields.remove(i);
                break;
            }
        }
        return new Schema.Parser().parse(tree.toString());
    }

    /** Adds {@code "name": ["null", "string"], "default": null}: the evolution BACKWARD allows. */
    public static Schema withOptionalString(Schema schema, String field) {
        ObjectNode tree = tree(schema);
        ObjectNode f = ((ArrayNode) tree.get("fields")).addObject();
        f.put("name", field);
        f.putArray("type").add("null").add("string");
        f.putNull("default");
        return new Schema.Parser().parse(tree.toString());
    }

    /** Adds a required field without default: BACKWARD-incompatible. */
    public static Schema withRequiredString(Schema schema, String field) {
        ObjectNode tree = tree(schema);
        ((ArrayNode) tree.get("fields")).addObject().put("name", field).put("type", "string");
        return new Schema.Parser().parse(tree.toString());
    }

    private static ObjectNode tree(Schema schema) {
        try {
            return (ObjectNode) JSON.readTree(schema.toString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

package io.viplane.codec;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/** Applies the schema's {@code minimum}/{@code maximum} field properties to a decoded record. */
final class RangeValidator {
    void check(SpecificRecord record) {
        check(record.getSchema(), record, "");
    }

    private void check(Schema schema, SpecificRecord record, String path) {
        for (Schema.Field f : schema.getFields()) {
            Object v = record.get(f.pos());
            String fieldPath = path.isEmpty() ? f.name() : path + "." + f.name();
            if (v instanceof SpecificRecord) {
                SpecificRecord nested = (SpecificRecord) v;
                check(nested.getSchema(), nested, fieldPath);
            } else {
                checkField(f, v, fieldPath);
            }
        }
    }

    static void checkField(Schema.Field f, Object value, String path) {
        if (!(value instanceof Number)) {
            return;
        }
        double d = ((Number) value).doubleValue();
        Object min = f.getObjectProp("minimum");
        Object max = f.getObjectProp("maximum");
        if (min instanceof Number && d < ((Number) min).doubleValue()) {
            throw new InvalidRecordException(path, "below the minimum " + min);
        }
        if (max instanceof Number && d > ((Number) max).doubleValue()) {
            throw new InvalidRecordException(path, "above the maximum " + max);
        }
    }
}

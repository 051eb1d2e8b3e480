package io.viplane.admission;

import io.viplane.codec.InvalidRecordException;

/**
 * Every input is keyed by the id of its entity (CONTRACT.md), and the pipeline partitions, deduplicates
 * and deletes by that key: a record without one, or whose value names another entity, cannot be placed
 * and is a dead letter.
 */
public final class InputKeys {
    private InputKeys() {
    }

    /**
     * @param field the id field the key must equal ({@code ticket_id}, {@code account_id}, ...)
     * @param valueId that field's value in the record, or null for a tombstone (only the key is checked)
     */
    public static void check(String field, String key, String valueId, boolean tombstone) {
        if (key == null || key.isEmpty()) {
            throw new InvalidRecordException(field, "record key is missing (records are keyed by " + field + ")");
        }
        if (!tombstone && !key.equals(valueId)) {
            throw new InvalidRecordException(field, "does not match the record key");
        }
    }
}

package io.viplane.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.codec.InvalidRecordException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordTimesTest {
    private static final long NOW = Instant.parse("2026-12-02T05:00:00Z").toEpochMilli();
    private final RecordTimes times = new RecordTimes(Duration.ofMinutes(15));

    @Test
    void inRangeTimesUpToTheSkewLimitAreRecordTimes() {
        assertNull(times.problem(Instant.ofEpochMilli(NOW), NOW));
        assertNull(times.problem(Instant.ofEpochMilli(NOW + Duration.ofMinutes(15).toMillis()), NOW));
        assertNull(times.problem(Instant.EPOCH, NOW));
        assertNull(times.problem(null, NOW), "an absent updated_at falls back to the producer's timestamp");
    }

    @Test
    void overflowNegativeAndTooFarAheadEachHaveTheirReason() {
        assertEquals("outside the range of Kafka timestamps (epoch milliseconds overflow)",
                times.problem(Instant.parse("+1000000000-01-01T00:00:00Z"), NOW));
        assertEquals("before 1970-01-01T00:00:00Z (Kafka timestamps cannot be negative)",
                times.problem(Instant.parse("1969-12-31T23:59:59.999Z"), NOW));
        assertEquals("more than PT15M ahead of the pipeline's clock (check the producer's clock)",
                times.problem(Instant.ofEpochMilli(NOW + Duration.ofMinutes(15).toMillis() + 1), NOW));
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> times.check("updated_at", Instant.parse("1900-01-01T00:00:00Z"), NOW));
        assertTrue(e.getMessage().startsWith("field 'updated_at': before 1970"), e.getMessage());
    }

    @Test
    void theExtractorsTestAgreesOnMilliseconds() {
        assertTrue(times.usable(NOW, NOW));
        assertFalse(times.usable(-1, NOW));
        assertFalse(times.usable(NOW + Duration.ofHours(2).toMillis(), NOW));
        assertEquals(Long.MIN_VALUE, RecordTimes.millis(Instant.MAX));
    }
}

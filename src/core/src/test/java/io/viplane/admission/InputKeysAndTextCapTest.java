package io.viplane.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.viplane.codec.InvalidRecordException;
import org.junit.jupiter.api.Test;

class InputKeysAndTextCapTest {
    @Test
    void aRecordNeedsAKeyThatIsItsOwnId() {
        InputKeys.check("account_id", "a-1", "a-1", false);
        InputKeys.check("account_id", "a-1", null, true); // a tombstone names no id
        assertEquals("field 'account_id': record key is missing (records are keyed by account_id)",
                assertThrows(InvalidRecordException.class, () -> InputKeys.check("account_id", null, "a-1", false)).getMessage());
        assertThrows(InvalidRecordException.class, () -> InputKeys.check("account_id", "", null, true));
        assertEquals("field 'account_id': does not match the record key",
                assertThrows(InvalidRecordException.class, () -> InputKeys.check("account_id", "a-1", "a-2", false)).getMessage());
    }

    @Test
    void theCapKeepsShortTextAndCutsLongTextWithoutSplittingASurrogatePair() {
        TextCap cap = new TextCap(4);
        String shortText = "abcd";
        assertSame(shortText, cap.apply(shortText));
        assertEquals("abcd", cap.apply("abcdef"));
        assertEquals("abc", cap.apply("abc\uD83D\uDE00x"), "the emoji at the cut is left out whole");
        assertEquals(null, cap.apply(null));
    }
}

package io.viplane.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.viplane.model.Account;
import io.viplane.model.Contact;
import io.viplane.model.SentimentEvent;
import io.viplane.model.TicketEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;

/** Avro single-object encoding as the README describes it, and the dead letters it must produce. */
class AvroCodecTest {
    private static final TicketEvent TICKET = (TicketEvent) ContractSamples.ticketEvent().full();

    @Test
    void frameIsMarkerFingerprintBody() {
        byte[] frame = Codecs.avro(TicketEvent.class).encode(TICKET);
        assertEquals((byte) 0xC3, frame[0]);
        assertEquals((byte) 0x01, frame[1]);
        long fingerprint = SchemaNormalization.parsingFingerprint64(TicketEvent.getClassSchema());
        long written = ByteBuffer.wrap(frame, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(fingerprint, written);
    }

    @Test
    void framesFromAnyAvroLibraryAreRead() throws Exception {
        // A producer following the README builds frames with Avro's own encoder from schemas/*.avsc.
        BinaryMessageEncoder<TicketEvent> theirs = new BinaryMessageEncoder<>(SpecificData.get(), TicketEvent.getClassSchema());
        ByteBuffer buf = theirs.encode(TICKET);
        byte[] bytes = Arrays.copyOfRange(buf.array(), buf.arrayOffset() + buf.position(), buf.arrayOffset() + buf.limit());
        assertEquals(TICKET, Codecs.avro(TicketEvent.class).decode(bytes));
        assertArrayEquals(bytes, Codecs.avro(TicketEvent.class).encode(TICKET));
    }

    @Test
    void anotherTypesFrameIsAnUnknownFingerprint() {
        byte[] contact = Codecs.avro(Contact.class).encode((Contact) ContractSamples.contact().full());
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> Codecs.avro(Account.class).decode(contact));
        assertEquals("unknown writer schema fingerprint for Account", e.getMessage());
        assertEquals("", e.field());
    }

    @Test
    void aCorruptedFingerprintIsUnknown() {
        byte[] frame = Codecs.avro(TicketEvent.class).encode(TICKET);
        frame[5] ^= 0x40;
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> Codecs.avro(TicketEvent.class).decode(frame));
        assertEquals("unknown writer schema fingerprint for TicketEvent", e.getMessage());
    }

    @Test
    void everyTruncationOfTheBodyIsCorrupt() {
        byte[] frame = Codecs.avro(TicketEvent.class).encode(TICKET);
        for (int len = 10; len < frame.length; len++) {
            byte[] cut = Arrays.copyOf(frame, len);
            InvalidRecordException e = assertThrows(InvalidRecordException.class,
                    () -> Codecs.avro(TicketEvent.class).decode(cut), "prefix of " + len + " bytes");
            assertEquals("corrupt Avro body for TicketEvent", e.getMessage());
        }
    }

    @Test
    void aTruncatedHeaderIsNotAFrame() {
        byte[] frame = Codecs.avro(TicketEvent.class).encode(TICKET);
        for (int len = 0; len < 10; len++) {
            byte[] cut = Arrays.copyOf(frame, len);
            InvalidRecordException e = assertThrows(InvalidRecordException.class,
                    () -> Codecs.avro(TicketEvent.class).decode(cut), "prefix of " + len + " bytes");
            assertEquals("not Avro single-object encoded (bad header)", e.getMessage());
        }
    }

    @Test
    void jsonOnAnAvroTopicIsNotAFrame() {
        byte[] json = "{\"event_id\":\"e\"}".getBytes(StandardCharsets.UTF_8);
        InvalidRecordException e = assertThrows(InvalidRecordException.class, () -> Codecs.avro(TicketEvent.class).decode(json));
        assertEquals("not Avro single-object encoded (bad header)", e.getMessage());
    }

    @Test
    void nullBytesAreATombstone() {
        assertNull(Codecs.avro(Account.class).decode(null));
    }

    @Test
    void rangesAreCheckedAfterDecodingAvro() {
        // Avro has no ranges: the serde applies the schema's minimum/maximum like the JSON reader does.
        ContractSerde<TicketEvent> tickets = ContractSerde.of(TicketEvent.class, Format.AVRO);
        TicketEvent csat9 = TicketEvent.newBuilder(TICKET).setCsat(9).build();
        byte[] frame = tickets.serializer().serialize("support.tickets", csat9);
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> tickets.deserializer().deserialize("support.tickets", frame));
        assertEquals("field 'csat': above the maximum 5", e.getMessage());
        assertEquals("csat", e.field());

        ContractSerde<SentimentEvent> sentiment = ContractSerde.of(SentimentEvent.class, Format.AVRO);
        SentimentEvent tooNegative = SentimentEvent.newBuilder((SentimentEvent) ContractSamples.sentimentEvent().full())
                .setScore(-1.25).build();
        byte[] s = sentiment.serializer().serialize("support.sentiment", tooNegative);
        assertEquals("field 'score': below the minimum -1.0", assertThrows(InvalidRecordException.class,
                () -> sentiment.deserializer().deserialize("support.sentiment", s)).getMessage());

        ContractSerde<Account> accounts = ContractSerde.of(Account.class, Format.AVRO);
        Account unhealthy = Account.newBuilder((Account) ContractSamples.account().full()).setHealthScore(-4).build();
        byte[] a = accounts.serializer().serialize("crm.accounts", unhealthy);
        assertEquals("field 'health_score': below the minimum 0", assertThrows(InvalidRecordException.class,
                () -> accounts.deserializer().deserialize("crm.accounts", a)).getMessage());
    }

    @Test
    void rangeValidatorAcceptsBoundariesAndNulls() {
        RangeValidator v = new RangeValidator();
        v.check(TicketEvent.newBuilder(TICKET).setCsat(1).build());
        v.check(TicketEvent.newBuilder(TICKET).setCsat(5).build());
        v.check(TicketEvent.newBuilder(TICKET).setCsat(null).build());
        v.check(SentimentEvent.newBuilder((SentimentEvent) ContractSamples.sentimentEvent().full()).setScore(1.0).build());
        v.check(ContractSamples.routedTicket().full());
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> v.check(TicketEvent.newBuilder(TICKET).setCsat(0).build()));
        assertEquals("field 'csat': below the minimum 1", e.getMessage());
    }
}

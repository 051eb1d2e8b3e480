package io.viplane.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.model.Account;
import io.viplane.model.TicketEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContractSerdeTest {

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "AVRO"}) // avro-registry: RegistryAvroCodecTest
    void tombstonesPassThroughAsNull(Format format) {
        ContractSerde<Account> serde = ContractSerde.of(Account.class, format);
        assertNull(serde.serializer().serialize("crm.accounts", null));
        assertNull(serde.deserializer().deserialize("crm.accounts", null));
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "AVRO"}) // avro-registry: RegistryAvroCodecTest
    void theCodecMatchesTheFormat(Format format) {
        ContractSerde<Account> serde = ContractSerde.of(Account.class, format);
        Class<?> expected = format == Format.JSON ? JsonCodec.class : AvroCodec.class;
        assertEquals(expected, serde.codec().getClass());
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"JSON", "AVRO"}) // avro-registry: RegistryAvroCodecTest
    void aRecordOfTheOtherFormatIsADeadLetterNotACrash(Format format) {
        Format other = format == Format.JSON ? Format.AVRO : Format.JSON;
        TicketEvent t = (TicketEvent) ContractSamples.ticketEvent().full();
        byte[] bytes = ContractSerde.of(TicketEvent.class, other).serializer().serialize("support.tickets", t);
        InvalidRecordException e = assertThrows(InvalidRecordException.class,
                () -> ContractSerde.of(TicketEvent.class, format).deserializer().deserialize("support.tickets", bytes));
        // Avro frames start with 0xC3 0x01, which is not UTF-8 text; JSON starts with '{', not the marker.
        if (format == Format.JSON) {
            assertTrue(e.getMessage().matches("malformed JSON at line 1, column \\d+"), e.getMessage());
        } else {
            assertEquals("not Avro single-object encoded (bad header)", e.getMessage());
        }
    }

    @ParameterizedTest
    @CsvSource({"json, JSON", "JSON, JSON", "' avro ', AVRO", "Avro, AVRO", "avro-registry, AVRO_REGISTRY",
            "AVRO_REGISTRY, AVRO_REGISTRY"})
    void parsesTheFormatName(String text, Format expected) {
        assertEquals(expected, Format.parse(text));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void theCliNameParsesBack(Format format) {
        assertEquals(format, Format.parse(format.cliName()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"xml", "", "protobuf"})
    void rejectsAnUnknownFormatName(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Format.parse(text));
        assertEquals("unknown format '" + text + "' (expected json, avro or avro-registry)", e.getMessage());
    }
}

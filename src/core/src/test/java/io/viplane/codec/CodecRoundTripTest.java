package io.viplane.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.viplane.codec.ContractSamples.Sample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every contract type survives both wire formats, fully populated and with only its required fields. */
class CodecRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> samplesAndFormats() {
        List<Arguments> out = new ArrayList<>();
        for (Sample s : ContractSamples.all()) {
            // avro-registry needs a registry: RegistryAvroCodecTest round-trips every sample through it.
            for (Format f : List.of(Format.JSON, Format.AVRO)) {
                out.add(Arguments.of(s, f, "full"));
                out.add(Arguments.of(s, f, "minimal"));
            }
        }
        return out.stream();
    }

    static Stream<Sample> samples() {
        return ContractSamples.all().stream();
    }

    @ParameterizedTest(name = "{0} {2} via {1}")
    @MethodSource("samplesAndFormats")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void roundTripsThroughTheSerde(Sample sample, Format format, String variant) {
        SpecificRecord value = variant.equals("full") ? sample.full() : sample.minimal();
        ContractSerde serde = ContractSerde.of((Class) sample.type(), format);
        byte[] bytes = serde.serializer().serialize("topic", value);
        Object back = serde.deserializer().deserialize("topic", bytes);
        assertEquals(value, back);
        assertNotSame(value, back);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void contractJsonDecodesToTheSameValueInBothFormats(Sample sample) throws IOException {
        JsonCodec json = Codecs.json((Class) sample.type());
        AvroCodec avro = Codecs.avro((Class) sample.type());
        for (String[] pair : new String[][] {{"full", sample.fullJson()}, {"minimal", sample.minimalJson()}}) {
            SpecificRecord expected = pair[0].equals("full") ? sample.full() : sample.minimal();
            SpecificRecord fromJson = (SpecificRecord) json.decode(pair[1].getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertEquals(expected, fromJson, pair[0] + " JSON of the contract");
            // JSON in, Avro across an internal hop, JSON out: nothing lost or changed on the way.
            SpecificRecord viaAvro = (SpecificRecord) avro.decode(avro.encode(fromJson));
            assertEquals(JSON.readTree(json.encode(fromJson)), JSON.readTree(json.encode(viaAvro)));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void fullSampleSetsEveryOptionalField(Sample sample) {
        // Otherwise the "all optional fields set" round trip would silently skip some field.
        assertAllSet(sample.full(), sample.type().getSimpleName());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void minimalSampleSetsOnlyRequiredFields(Sample sample) throws IOException {
        JsonNode minimal = JSON.readTree(sample.minimalJson());
        Set<String> required = sample.full().getSchema().getFields().stream()
                .filter(f -> !f.hasDefaultValue())
                .map(Schema.Field::name)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> present = new TreeSet<>();
        minimal.fieldNames().forEachRemaining(present::add);
        assertEquals(required, present);
    }

    @Test
    void everySchemaInTheContractHasASample() throws IOException {
        Set<String> schemas;
        try (Stream<Path> files = Files.list(Path.of("schemas"))) {
            schemas = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".avsc"))
                    .map(n -> n.substring(0, n.length() - ".avsc".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> sampled = ContractSamples.all().stream().map(s -> s.type().getSimpleName())
                .collect(Collectors.toCollection(TreeSet::new));
        assertFalse(schemas.isEmpty());
        assertEquals(schemas, sampled);
    }

    @Test
    void codecsAreBuiltOncePerTypeAndFormat() {
        assertSame(Codecs.json(io.viplane.model.Account.class), Codecs.json(io.viplane.model.Account.class));
        assertSame(Codecs.avro(io.viplane.model.Account.class), Codecs.avro(io.viplane.model.Account.class));
        assertNotSame(Codecs.avro(io.viplane.model.Account.class), Codecs.avro(io.viplane.model.Contact.class));
    }

    private static void assertAllSet(SpecificRecord r, String path) {
        for (Schema.Field f : r.getSchema().getFields()) {
            Object v = r.get(f.pos());
            String p = path + "." + f.name();
            assertNotNull(v, p + " is not set in the full sample");
            if (v instanceof Collection<?> c) {
                assertFalse(c.isEmpty(), p + " is empty in the full sample");
            }
            if (v instanceof SpecificRecord nested) {
                assertAllSet(nested, p);
            }
        }
    }
}

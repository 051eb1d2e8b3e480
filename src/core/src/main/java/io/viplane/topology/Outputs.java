package io.viplane.topology;

import io.viplane.codec.EdgeSerdes;
import io.viplane.model.AtRiskAccount;
import io.viplane.model.Escalation;
import io.viplane.model.RoutedTicket;
import io.viplane.model.SlaEvent;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.BranchedKStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The account partition's processors emit every contract output through one stream; it is split by
 * record type here, so adding an output never touches the processors' wiring.
 */
final class Outputs {
    private Outputs() {
    }

    /** @return the per-type streams, for consumers downstream of the sinks (windowed SLA metrics) */
    static Map<String, KStream<String, SpecificRecord>> wire(KStream<String, SpecificRecord> all, EdgeSerdes format) {
        BranchedKStream<String, SpecificRecord> split = all.split(Named.as(Names.P_OUTPUT_SPLIT));
        sink(split, RoutedTicket.class, Names.ROUTED, Names.BRANCH_ROUTED, format);
        sink(split, Escalation.class, Names.ESCALATIONS, Names.BRANCH_ESCALATIONS, format);
        sink(split, SlaEvent.class, Names.SLA_EVENTS, Names.BRANCH_SLA_EVENTS, format);
        sink(split, AtRiskAccount.class, Names.AT_RISK, Names.BRANCH_AT_RISK, format);
        return split.noDefaultBranch();
    }

    private static <T extends SpecificRecord> void sink(BranchedKStream<String, SpecificRecord> split, Class<T> type,
                                                        String topic, String branch, EdgeSerdes format) {
        split.branch((k, v) -> type.isInstance(v), Branched.withFunction(s -> {
            s.mapValues(type::cast, Named.as(branch + "-cast"))
                    .to(topic, Produced.with(Serdes.String(), format.serde(type)).withName(branch + "-sink"));
            return s;
        }, branch));
    }
}

package io.viplane.simulate;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.sample.SampleCustomers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** What every run of one comparison shares: the roster, the customers and their tickets, the clock's start. */
record Month(Roster roster, List<Arrivals.Arrival> arrivals, List<ObjectNode> crmLines, Instant start, int days,
             long seed, double customerReplyShare) {

    static Month of(Roster roster, Volume volume, long seed, LocalDate first, int days) {
        Instant start = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        SampleCustomers crm = SampleCustomers.build(seed, first);
        return new Month(roster, Arrivals.generate(volume, crm, seed, start, days), crm.crmLines(), start, days, seed,
                volume.customerReplyShare());
    }
}

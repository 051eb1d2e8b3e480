package io.viplane.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.viplane.model.Tier;
import io.viplane.topology.Names;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A realistic sample organisation and one day of its support traffic, as contract events.
 *
 * <p>2,000 CRM accounts (exactly 23 T1, 67 T2, 145 T3 by the white-glove rules), their contacts,
 * a 40-agent roster with a five-agent tier-1 pool, then about 250 tickets and their sentiment
 * scores in publish order across the UTC day, including the seed's stories (see {@link #stories()})
 * and what real delivery does: a few duplicates, out-of-order events, sentiment before its ticket
 * event and one account whose CRM record arrives after its first ticket. Deterministic: the same
 * seed and day give byte-identical output.
 *
 * <p>Each line is {@code {"topic": ..., "key": ..., "value": {...}}}, the format of {@code viplane replay}.
 */
public final class SampleOrganization {
    private static final Set<String> CUSTOMER_WRITTEN = Set.of("CREATED", "CUSTOMER_MESSAGE", "CUSTOMER_CONFIRMED");

    private final List<ObjectNode> lines;
    private final List<ObjectNode> badRecords;
    private final List<Story> stories;
    private final Summary summary;

    private SampleOrganization(List<ObjectNode> lines, List<ObjectNode> badRecords, List<Story> stories, Summary summary) {
        this.lines = lines;
        this.badRecords = badRecords;
        this.stories = stories;
        this.summary = summary;
    }

    public static SampleOrganization generate(long seed, LocalDate day) {
        Dice dice = new Dice(seed);
        AccountBook book = AccountBook.build(dice, day);
        List<SampleContact> contacts = ContactBook.build(dice, day, book);
        AgentRoster roster = AgentRoster.build(dice, day);
        Instant start = AccountBook.dayStart(day);
        Traffic traffic = new Traffic(start, start.plusSeconds(24 * 3600));
        List<TicketDay.Written> written = TicketDay.write(new StoryKit(dice, day, book, roster), traffic,
                new Sentiments(traffic, dice));
        DeliveryQuirks.apply(traffic, dice);
        SampleAccount late = book.story(StoryAccounts.LATE);
        publishLate(traffic, late);

        List<ObjectNode> lines = new ArrayList<>();
        for (SampleAccount a : book.all) {
            if (a != late) {
                lines.add(line(Names.ACCOUNTS, a.id, a.toJson()));
            }
        }
        for (SampleContact c : contacts) {
            if (!c.accountId.equals(late.id)) {
                lines.add(line(Names.CONTACTS, c.id, c.toJson()));
            }
        }
        Instant rosterAt = start.minusSeconds(300);
        roster.agents.forEach(a -> lines.add(line(Names.AGENTS, a.id(), a.toJson(rosterAt))));
        for (Traffic.Item i : traffic.inPublishOrder()) {
            lines.add(line(i.topic, i.key, i.value));
        }

        List<Story> stories = stories(written);
        List<ObjectNode> bad = BadRecords.build(start.plusSeconds(12 * 3600));
        Summary summary = summarize(seed, day, lines, book, written, traffic, bad.size(), stories);
        return new SampleOrganization(Collections.unmodifiableList(lines), bad, stories, summary);
    }

    /** The new customer's CRM sync lags: its account and contacts land 150 s after its first ticket event. */
    private static void publishLate(Traffic traffic, SampleAccount late) {
        Instant first = traffic.inPublishOrder().stream()
                .filter(i -> i.topic.equals(Names.TICKETS) && late.id.equals(i.value.path("account_id").asText(null)))
                .findFirst().orElseThrow(() -> new IllegalStateException("the late account has no ticket"))
                .publishAt;
        Instant arrives = first.plusSeconds(150);
        late.updatedAt = arrives;
        traffic.add(Names.ACCOUNTS, late.id, late.toJson(), arrives, true).quirk = Traffic.Quirk.LATE_CRM_RECORD;
        int n = 1;
        for (SampleContact c : late.contacts) {
            c.updatedAt = arrives.plusSeconds(n++);
            traffic.add(Names.CONTACTS, c.id, c.toJson(), c.updatedAt, true).quirk = Traffic.Quirk.LATE_CRM_RECORD;
        }
    }

    /** A replay line: {@code {"topic", "key", "value"}}. */
    static ObjectNode line(String topic, String key, ObjectNode value) {
        ObjectNode n = Json.object();
        n.put("topic", topic);
        n.put("key", key);
        n.set("value", value);
        return n;
    }

    /** Every line of the main stream, in publish order; fresh copies, safe to change. */
    public List<ObjectNode> events() {
        List<ObjectNode> copy = new ArrayList<>(lines.size());
        lines.forEach(l -> copy.add(l.deepCopy()));
        return copy;
    }

    /** The main stream as JSON Lines (UTF-8 text; the writer decides the bytes). */
    public void writeJsonLines(Writer out) throws IOException {
        writeLines(lines, out);
    }

    /**
     * Records that must go to the dead-letter queue: {@code {"topic", "key", "raw", "why"}} lines whose
     * {@code raw} text is sent unchanged (malformed JSON, a ticket without occurred_at, an unknown
     * enum value). Never part of {@link #events()}.
     */
    public List<ObjectNode> badRecords() {
        List<ObjectNode> copy = new ArrayList<>();
        badRecords.forEach(l -> copy.add(l.deepCopy()));
        return copy;
    }

    public void writeBadRecords(Writer out) throws IOException {
        writeLines(badRecords, out);
    }

    /** The hand-written tickets, in creation order. */
    public List<Story> stories() {
        return stories;
    }

    /** The ticket id of a story, by its key (see {@link Story#key()}). */
    public String ticketOf(String storyKey) {
        return stories.stream().filter(s -> s.key().equals(storyKey)).map(Story::ticketId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no story " + storyKey));
    }

    public Summary summary() {
        return summary;
    }

    private static void writeLines(List<ObjectNode> lines, Writer out) throws IOException {
        for (ObjectNode l : lines) {
            out.write(Json.MAPPER.writeValueAsString(l));
            out.write('\n');
        }
        out.flush();
    }

    private static List<Story> stories(List<TicketDay.Written> written) {
        List<Story> out = new ArrayList<>();
        for (TicketDay.Written w : written) {
            TicketPlan p = w.plan();
            if (p.isStory()) {
                out.add(new Story(p.storyKey(), w.ticketId(), p.account() == null ? null : p.account().id,
                        p.account() == null ? null : p.account().name, p.ticketTier().name(), p.storyText()));
            }
        }
        return List.copyOf(out);
    }

    private static Summary summarize(long seed, LocalDate day, List<ObjectNode> lines, AccountBook book,
                                     List<TicketDay.Written> written, Traffic traffic, int bad, List<Story> stories) {
        Map<String, Integer> perTopic = new LinkedHashMap<>();
        Names.INPUT_TOPICS.forEach(t -> perTopic.put(t, 0));
        lines.forEach(l -> perTopic.merge(l.get("topic").asText(), 1, Integer::sum));
        Map<String, Integer> accounts = new LinkedHashMap<>();
        AccountBook.countByTier(book.all).forEach((t, n) -> accounts.put(t.name(), n));
        Map<String, Integer> byAccount = tierMap();
        byAccount.put("NO_ACCOUNT", 0);
        Map<String, Integer> byTicket = tierMap();
        for (TicketDay.Written w : written) {
            Tier at = w.plan().accountTier();
            byAccount.merge(at == null ? "NO_ACCOUNT" : at.name(), 1, Integer::sum);
            byTicket.merge(w.plan().ticketTier().name(), 1, Integer::sum);
        }
        int customer = 0;
        Map<Traffic.Quirk, Integer> quirks = new LinkedHashMap<>();
        for (Traffic.Item i : traffic.items) {
            if (i.quirk != null) {
                quirks.merge(i.quirk, 1, Integer::sum);
            }
            if (i.quirk != Traffic.Quirk.DUPLICATE && i.topic.equals(Names.TICKETS) && CUSTOMER_WRITTEN.contains(i.type())) {
                customer++;
            }
        }
        return new Summary(seed, day, Collections.unmodifiableMap(perTopic), Collections.unmodifiableMap(accounts),
                Collections.unmodifiableMap(byAccount), Collections.unmodifiableMap(byTicket), written.size(), customer,
                quirks.getOrDefault(Traffic.Quirk.DUPLICATE, 0), quirks.getOrDefault(Traffic.Quirk.OUT_OF_ORDER, 0),
                quirks.getOrDefault(Traffic.Quirk.AFTER_ITS_SENTIMENT, 0),
                quirks.getOrDefault(Traffic.Quirk.LATE_CRM_RECORD, 0), bad, stories);
    }

    private static Map<String, Integer> tierMap() {
        Map<String, Integer> m = new LinkedHashMap<>();
        for (Tier t : Tier.values()) {
            m.put(t.name(), 0);
        }
        return m;
    }
}

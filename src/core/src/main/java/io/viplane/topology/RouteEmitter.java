package io.viplane.topology;

import io.viplane.classification.ExecutiveRoles;
import io.viplane.classification.TierClassifier;
import io.viplane.classification.TierDecision;
import io.viplane.model.Account;
import io.viplane.model.AccountContext;
import io.viplane.model.Contact;
import io.viplane.model.ContactRole;
import io.viplane.model.RiskLevel;
import io.viplane.model.RoutedTicket;
import io.viplane.model.SlaMetric;
import io.viplane.policy.Policy;
import io.viplane.risk.SentimentJudgement;
import io.viplane.routing.AccountTicketStats;
import io.viplane.routing.RoutedSnapshot;
import io.viplane.routing.RoutingDecider;
import io.viplane.routing.RoutingDecision;
import io.viplane.routing.TicketFacts;
import io.viplane.routing.TicketState;
import io.viplane.routing.agents.AgentSuggester;
import io.viplane.routing.agents.Suggestion;
import io.viplane.routing.agents.SuggestionRequest;
import io.viplane.sla.SlaTimeResolver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes a ticket's routing from its state and the account partition's stores, and builds a
 * {@link RoutedTicket} only when the decision changed. The rules themselves live in
 * {@link TierClassifier}, {@link RoutingDecider} and {@link AgentSuggester}; this class only gathers their inputs.
 */
final class RouteEmitter {
    private final Policy policy;
    private final TierClassifier classifier;
    private final RoutingDecider decider;
    private final AgentSuggester suggester;
    private final SlaTimeResolver slaTimes;
    private final AccountPartitionStores stores;
    private final AgentDirectory agents;

    RouteEmitter(Rules rules, SlaTimeResolver slaTimes, AccountPartitionStores stores, AgentDirectory agents) {
        this.policy = rules.policy();
        this.classifier = rules.classifier();
        this.decider = rules.decider();
        this.suggester = rules.suggester();
        this.slaTimes = slaTimes;
        this.stores = stores;
        this.agents = agents;
    }

    /** @param j the ticket's sentiment and @param churnRisk the account's risk, both judged upstream */
    Routing evaluate(TicketState s, Instant now, SentimentJudgement j, RiskLevel churnRisk) {
        Account account = stores.account(s.accountId);
        Contact contact = stores.contact(s.accountId, s.contactId);
        ContactRole role = contact == null ? null : contact.getRole();
        TierDecision tier = classifier.classify(account, role);
        Integer daysToRenewal = daysToRenewal(account, now);
        boolean executive = ExecutiveRoles.isExecutive(role);
        TicketFacts facts = new TicketFacts(tier, s.priority, executive, daysToRenewal, s.createdAt,
                s.firstResponseAt, s.oldestUnanswered(), s.isClosed(), now)
                .withSignals(j.score(), churnRisk, j.frustrated());
        var slaTime = slaTimes.resolve(tier.tier(), account);
        return new Routing(account, contact, tier, daysToRenewal, executive, decider.decide(facts, slaTime), slaTime,
                j, churnRisk);
    }

    /** The routed event when the decision is news (tier, priority, queue, targets), else empty. */
    Optional<RoutedTicket> emitIfChanged(TicketState s, Routing r, SlaStage.Moved clocks, Instant now,
                                         Instant decidedAt, String sourceEventId) {
        RoutingDecision d = r.decision();
        // Due instants come from the SLA clocks only (pauses, business hours, dynamic targets): one source.
        Instant firstDue = clocks.due(SlaMetric.FIRST_RESPONSE);
        Instant nextDue = clocks.due(SlaMetric.NEXT_REPLY);
        RoutedSnapshot snapshot = new RoutedSnapshot(d.tier(), d.priority(), d.queue(), firstDue, nextDue, null,
                s.accountId);
        if (snapshot.equals(s.lastRouted)) {
            return Optional.empty();
        }
        s.lastRouted = snapshot;
        List<String> reasons = new ArrayList<>();
        if (r.account() == null) {
            reasons.add("UNKNOWN_ACCOUNT");
        }
        reasons.addAll(d.reasons());
        if (s.textTruncatedFrom != null) {
            reasons.add("TEXT_TRUNCATED: a text of " + s.textTruncatedFrom + " characters; the rules read the first "
                    + s.textReadChars);
        }
        AccountTicketStats stats = stores.stats(s.accountId);
        String agentId = null;
        if (!s.isClosed()) {
            // Suggested only when the routing is news: a roster change alone is not worth a new event.
            Suggestion suggestion = suggester.suggest(SuggestionRequest.of(d, stats.lastAgentId, r.executiveContact()),
                    agents.agents(), LocalDate.ofInstant(now, java.time.ZoneOffset.UTC));
            agentId = suggestion.agentId();
            reasons.addAll(suggestion.reasons());
        }
        return Optional.of(RoutedTicket.newBuilder()
                .setTicketId(s.ticketId)
                .setAccountId(s.accountId)
                .setTier(d.tier())
                .setBadge(r.tier().badge())
                .setPriority(d.priority())
                .setPriorityScore(d.priorityScore())
                .setQueue(d.queue())
                .setSuggestedAgentId(agentId)
                .setFirstResponseDue(firstDue)
                .setNextReplyDue(nextDue)
                .setReasons(reasons)
                .setAccountContext(context(r.account(), r.daysToRenewal(), stats, now, r.churnRisk()))
                .setDecidedAt(decidedAt)
                .setSourceEventId(sourceEventId)
                .setStatus(s.status)
                .build());
    }

    private AccountContext context(Account a, Integer daysToRenewal, AccountTicketStats stats, Instant now,
                                   RiskLevel churnRisk) {
        AccountContext.Builder b = AccountContext.newBuilder()
                .setOpenTickets(stats.open)
                .setRecentTickets90d(stats.recent(now, policy.defaults().recentTicketsDays()))
                .setChurnRisk(churnRisk);
        if (a != null) {
            b.setName(a.getName()).setArr(a.getArr()).setCurrency(a.getCurrency()).setPlan(a.getPlan())
                    .setRenewalDate(a.getRenewalDate()).setDaysToRenewal(daysToRenewal)
                    .setHealthScore(a.getHealthScore()).setCsmId(a.getCsmId())
                    .setExecSponsorId(a.getExecSponsorId());
        }
        return b.build();
    }

    Integer daysToRenewal(Account a, Instant now) {
        if (a == null || a.getRenewalDate() == null) {
            return null;
        }
        LocalDate today = now.atZone(zoneOf(a)).toLocalDate();
        return (int) ChronoUnit.DAYS.between(today, a.getRenewalDate());
    }

    private ZoneId zoneOf(Account a) {
        try {
            return ZoneId.of(a.getTimezone() != null ? a.getTimezone() : policy.defaults().timezone());
        } catch (RuntimeException e) {
            return ZoneId.of(policy.defaults().timezone());
        }
    }
}

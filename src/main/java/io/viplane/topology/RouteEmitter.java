package io.viplane.topology;

import io.viplane.classification.ExecutiveRoles;
import io.viplane.classification.TierClassifier;
import io.viplane.classification.TierDecision;
import io.viplane.model.Account;
import io.viplane.model.AccountContext;
import io.viplane.model.Contact;
import io.viplane.model.ContactRole;
import io.viplane.model.RoutedTicket;
import io.viplane.policy.Policy;
import io.viplane.routing.AccountTicketStats;
import io.viplane.routing.RoutedSnapshot;
import io.viplane.routing.RoutingDecider;
import io.viplane.routing.RoutingDecision;
import io.viplane.routing.TicketFacts;
import io.viplane.routing.TicketState;
import io.viplane.sla.SlaTimeResolver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes a ticket's routing from its state and the account partition's stores, and returns a
 * {@link RoutedTicket} only when the decision changed. The rules themselves live in
 * {@link TierClassifier} and {@link RoutingDecider}; this class only gathers their inputs.
 */
final class RouteEmitter {
    private final Policy policy;
    private final TierClassifier classifier;
    private final RoutingDecider decider;
    private final SlaTimeResolver slaTimes;
    private final AccountPartitionStores stores;

    RouteEmitter(Policy policy, SlaTimeResolver slaTimes, AccountPartitionStores stores) {
        this.policy = policy;
        this.classifier = new TierClassifier(policy);
        this.decider = new RoutingDecider(policy);
        this.slaTimes = slaTimes;
        this.stores = stores;
    }

    Optional<RoutedTicket> reroute(TicketState s, Instant now, Instant decidedAt, String sourceEventId) {
        Account account = stores.account(s.accountId);
        Contact contact = stores.contact(s.accountId, s.contactId);
        ContactRole role = contact == null ? null : contact.getRole();
        TierDecision tier = classifier.classify(account, role);
        Integer daysToRenewal = daysToRenewal(account, now);
        TicketFacts facts = new TicketFacts(tier, s.priority, ExecutiveRoles.isExecutive(role), daysToRenewal,
                s.createdAt, s.firstResponseAt, s.oldestUnanswered(), s.isClosed(), now);
        RoutingDecision d = decider.decide(facts, slaTimes.resolve(tier.tier(), account));

        RoutedSnapshot snapshot = new RoutedSnapshot(d.tier(), d.priority(), d.queue(), d.firstResponseDue(),
                d.nextReplyDue(), null, s.accountId);
        if (snapshot.equals(s.lastRouted)) {
            return Optional.empty();
        }
        s.lastRouted = snapshot;
        List<String> reasons = new ArrayList<>();
        if (account == null) {
            reasons.add("UNKNOWN_ACCOUNT");
        }
        reasons.addAll(d.reasons());
        AccountTicketStats stats = stores.stats(s.accountId);
        return Optional.of(RoutedTicket.newBuilder()
                .setTicketId(s.ticketId)
                .setAccountId(s.accountId)
                .setTier(d.tier())
                .setBadge(tier.badge())
                .setPriority(d.priority())
                .setPriorityScore(d.priorityScore())
                .setQueue(d.queue())
                .setSuggestedAgentId(null)
                .setFirstResponseDue(d.firstResponseDue())
                .setNextReplyDue(d.nextReplyDue())
                .setReasons(reasons)
                .setAccountContext(context(account, daysToRenewal, stats, now))
                .setDecidedAt(decidedAt)
                .setSourceEventId(sourceEventId)
                .setStatus(s.status)
                .build());
    }

    private AccountContext context(Account a, Integer daysToRenewal, AccountTicketStats stats, Instant now) {
        AccountContext.Builder b = AccountContext.newBuilder()
                .setOpenTickets(stats.open)
                .setRecentTickets90d(stats.recent(now, policy.defaults().recentTicketsDays()));
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

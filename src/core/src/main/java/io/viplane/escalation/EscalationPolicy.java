package io.viplane.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.SlaMetric;
import io.viplane.model.TicketEventType;
import io.viplane.model.TicketStatus;
import io.viplane.model.Tier;
import io.viplane.policy.Entitlement;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicySection;
import io.viplane.policy.PolicySection.Dialect;
import io.viplane.signals.SignalKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code escalation:} section of a policy, bound and validated. One entry per
 * {@link io.viplane.model.EscalationKind} (EXECUTIVE_ESCALATION, CSM_ALERT, ...), plus
 * {@code fairness} (STANDARD customers, POLICY.md §3). See {@code topology/policies/white-glove.yaml}
 * for the meaning of every key.
 */
public record EscalationPolicy(
        ExecutiveEscalation executiveEscalation,
        CsmAlert csmAlert,
        ChurnSignal churnSignal,
        NegativeSentiment negativeSentiment,
        Fairness fairness,
        ExecContact execContact,
        PossibleVipContact possibleVipContact,
        AbusiveCustomer abusiveCustomer,
        ClosedWithoutConfirmation closedWithoutConfirmation,
        KindRule transferWithoutHandoff,
        SlaKind slaWarning,
        SlaKind slaBreach,
        KindRule unassigned,
        KindRule followUpDue) {

    /** Phrases looked for in the text of some event types only. */
    public record PhraseRule(Set<TicketEventType> events, PhraseSet phrases) {
        boolean scans(TicketEventType type) {
            return type != null && events.contains(type);
        }
    }

    /**
     * @param unresolvedPriorities the priorities the "unresolved after N minutes" criterion applies to (issue
     *                             18: a P4 question open for two hours does not page the support VP)
     */
    public record ExecutiveEscalation(KindRule rule, int unresolvedAfterMinutes,
                                      Set<PriorityLevel> unresolvedPriorities,
                                      Set<TicketStatus> unresolvedPausedStatuses,
                                      boolean extremelyNegativeSentiment, PhraseRule asksForManager,
                                      PhraseRule revenueImpact, Set<String> revenueTags) {
    }

    public record CsmAlert(KindRule rule, Set<PriorityLevel> priorities) {
    }

    public record ChurnSignal(KindRule rule, Set<SignalKind> kinds) {
    }

    public record NegativeSentiment(KindRule rule, Set<SentimentFlag> when) {
    }

    public record Fairness(boolean standardEscalates, Set<SentimentFlag> when, Recipients to) {
    }

    public record ExecContact(KindRule rule, int followUpAfterMinutes) {
    }

    /** @param personalEmailDomains {@code gmail.*} = any top-level domain; else the domain and its subdomains */
    public record PossibleVipContact(KindRule rule, List<String> personalEmailDomains) {
        public boolean isPersonalDomain(String domain) {
            return personalPattern(domain).isPresent();
        }

        /** The policy entry that matched (safe for evidence: it names a provider, not a person). */
        public Optional<String> personalPattern(String domain) {
            if (domain == null || domain.isBlank()) {
                return Optional.empty();
            }
            String d = domain.trim().toLowerCase(Locale.ROOT);
            for (String p : personalEmailDomains) {
                if (p.endsWith(".*")) {
                    String stem = p.substring(0, p.length() - 1); // "gmail."
                    if (d.startsWith(stem) && d.length() > stem.length()) {
                        return Optional.of(p);
                    }
                } else if (d.equals(p) || d.endsWith("." + p)) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    public record AbusiveCustomer(KindRule rule, Recipients executiveContactTo) {
    }

    public record ClosedWithoutConfirmation(KindRule rule, Set<TicketStatus> closingStatuses) {
    }

    public record SlaKind(KindRule rule, Set<SlaMetric> metrics) {
    }

    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9-]+(\\.[a-z0-9-]+)*(\\.\\*)?");

    /** Binds {@code policy.escalation()}; throws {@link io.viplane.policy.PolicyException} naming the path. */
    public static EscalationPolicy fromPolicy(Policy policy) {
        return new Binder(policy).bind();
    }

    private static final class Binder {
        private final Policy policy;
        private final String file;
        private final Map<Tier, Recipient> ladders = new EnumMap<>(Tier.class);

        Binder(Policy policy) {
            this.policy = policy;
            this.file = policy.name();
            for (Tier t : Tier.values()) {
                Entitlement e = policy.entitlement(t);
                if (e != null && e.ladder() != null && e.ladder().target() != null
                        && e.ladder().respondWithinMinutes() > 0) {
                    ladders.put(t, new Recipient(e.ladder().target(), e.ladder().respondWithinMinutes()));
                }
            }
        }

        EscalationPolicy bind() {
            JsonNode root = policy.escalation();
            // Exact symbols, and phrases that differ only in case, quotes or spacing count as duplicates.
            PolicySection s = PolicySection.root(file, "escalation", root, Dialect.exact(PhraseSet::normalize));
            s.only("executive_escalation", "csm_alert", "churn_signal", "negative_sentiment", "fairness",
                    "exec_contact", "possible_vip_contact", "abusive_customer", "closed_without_confirmation",
                    "transfer_without_handoff", "sla_warning", "sla_breach", "unassigned", "follow_up_due");
            return new EscalationPolicy(
                    executive(s.object("executive_escalation")),
                    csmAlert(s.object("csm_alert")),
                    churn(s.object("churn_signal")),
                    negativeSentiment(s.object("negative_sentiment")),
                    fairness(s.object("fairness")),
                    execContact(s.object("exec_contact")),
                    possibleVip(s.object("possible_vip_contact")),
                    abusive(s.object("abusive_customer")),
                    closed(s.object("closed_without_confirmation")),
                    plain(s.object("transfer_without_handoff")),
                    sla(s.object("sla_warning"), Set.of(SlaMetric.FOLLOW_UP), "FOLLOW_UP is follow_up_due"),
                    sla(s.object("sla_breach"), Set.of(SlaMetric.FOLLOW_UP, SlaMetric.ASSIGNMENT),
                            "ASSIGNMENT is unassigned and FOLLOW_UP is follow_up_due"),
                    single(s.object("unassigned"), "tiers", "to"),
                    single(s.object("follow_up_due"), "tiers", "to"));
        }

        private ExecutiveEscalation executive(PolicySection s) {
            s.only("tiers", "to", "unresolved_after_minutes", "unresolved_priorities", "unresolved_paused_statuses",
                    "extremely_negative_sentiment", "asks_for_manager", "revenue_impact");
            KindRule rule = rule(s);
            int after = s.positiveMinutes("unresolved_after_minutes");
            Set<PriorityLevel> priorities = s.enums("unresolved_priorities", PriorityLevel.class, true);
            Set<TicketStatus> paused = s.enums("unresolved_paused_statuses", TicketStatus.class, true);
            boolean extreme = s.bool("extremely_negative_sentiment");
            PolicySection manager = s.object("asks_for_manager");
            manager.only("events", "phrases");
            PolicySection revenue = s.object("revenue_impact");
            revenue.only("events", "phrases", "tags");
            Set<String> tags = Set.copyOf(revenue.strings("tags", true).stream()
                    .map(t -> t.trim().toLowerCase(Locale.ROOT)).toList());
            return new ExecutiveEscalation(rule, after, priorities, paused, extreme, phrases(manager), phrases(revenue), tags);
        }

        private PhraseRule phrases(PolicySection s) {
            return new PhraseRule(s.enums("events", TicketEventType.class, false),
                    new PhraseSet(s.strings("phrases", false)));
        }

        private CsmAlert csmAlert(PolicySection s) {
            s.only("tiers", "priorities", "to");
            return new CsmAlert(rule(s), s.enums("priorities", PriorityLevel.class, false));
        }

        private ChurnSignal churn(PolicySection s) {
            s.only("tiers", "kinds", "to");
            return new ChurnSignal(rule(s), s.enums("kinds", SignalKind.class, false));
        }

        private NegativeSentiment negativeSentiment(PolicySection s) {
            s.only("tiers", "when", "to");
            KindRule rule = rule(s);
            if (rule.appliesTo(Tier.STANDARD)) {
                throw s.error("tiers", "STANDARD customers are governed by escalation.fairness");
            }
            return new NegativeSentiment(rule, escalatingFlags(s, false));
        }

        /** A frustrated or merely negative message is a routing boost; only these flags page anyone. */
        private Set<SentimentFlag> escalatingFlags(PolicySection s, boolean emptyAllowed) {
            Set<SentimentFlag> when = s.enums("when", SentimentFlag.class, emptyAllowed);
            for (SentimentFlag f : when) {
                if (!SentimentFlag.ESCALATING.contains(f)) {
                    throw s.error("when", f + " is a routing boost, not an escalation (allowed: "
                            + SentimentFlag.ESCALATING + ")");
                }
            }
            return when;
        }

        private Fairness fairness(PolicySection s) {
            s.only("standard_escalates", "when", "to");
            boolean on = s.bool("standard_escalates");
            Set<SentimentFlag> when = escalatingFlags(s, !on);
            return new Fairness(on, when, recipients(s, "to", Set.of(Tier.STANDARD), true));
        }

        private ExecContact execContact(PolicySection s) {
            s.only("tiers", "to", "follow_up_after_minutes");
            return new ExecContact(rule(s), s.positiveMinutes("follow_up_after_minutes"));
        }

        private PossibleVipContact possibleVip(PolicySection s) {
            s.only("tiers", "to", "personal_email_domains");
            List<String> domains = new ArrayList<>();
            List<String> raw = s.strings("personal_email_domains", false);
            for (int i = 0; i < raw.size(); i++) {
                String d = raw.get(i).trim().toLowerCase(Locale.ROOT);
                if (d.startsWith("@") || !DOMAIN.matcher(d).matches()) {
                    throw s.error("personal_email_domains[" + i + "]",
                            "must be a domain such as gmail.com, or gmail.* for any top-level domain");
                }
                domains.add(d);
            }
            return new PossibleVipContact(rule(s), List.copyOf(domains));
        }

        private AbusiveCustomer abusive(PolicySection s) {
            s.only("tiers", "to", "executive_contact_to");
            KindRule rule = rule(s);
            Recipients exec = s.has("executive_contact_to")
                    ? recipients(s, "executive_contact_to", rule.tiers(), false)
                    : Recipients.fixed(List.of());
            return new AbusiveCustomer(rule, exec);
        }

        private ClosedWithoutConfirmation closed(PolicySection s) {
            s.only("tiers", "to", "closing_statuses");
            return new ClosedWithoutConfirmation(rule(s), s.enums("closing_statuses", TicketStatus.class, false));
        }

        private KindRule plain(PolicySection s) {
            s.only("tiers", "to");
            return rule(s);
        }

        private SlaKind sla(PolicySection s, Set<SlaMetric> forbidden, String why) {
            s.only("tiers", "metrics", "to");
            KindRule rule = single(s, "tiers", "metrics", "to");
            Set<SlaMetric> metrics = s.enums("metrics", SlaMetric.class, false);
            for (SlaMetric m : metrics) {
                if (forbidden.contains(m)) {
                    throw s.error("metrics", m + " does not belong here: " + why);
                }
            }
            return new SlaKind(rule, metrics);
        }

        /** SLA kinds return one escalation per clock event, so they need exactly one recipient. */
        private KindRule single(PolicySection s, String... allowed) {
            s.only(allowed);
            KindRule rule = rule(s);
            if (rule.to().size() != 1) {
                throw s.error("to", "must be 'ladder' or exactly one {target, respond_within_minutes}");
            }
            return rule;
        }

        private KindRule rule(PolicySection s) {
            Set<Tier> tiers = s.enums("tiers", Tier.class, true);
            return new KindRule(tiers, recipients(s, "to", tiers, false));
        }

        private Recipients recipients(PolicySection s, String key, Set<Tier> tiers, boolean allowEmpty) {
            JsonNode to = s.raw(key);
            if (to.isTextual()) {
                if (!"ladder".equals(to.textValue())) {
                    throw s.error(key, "must be 'ladder' or a list of {target, respond_within_minutes}");
                }
                for (Tier t : tiers) {
                    if (!ladders.containsKey(t)) {
                        throw s.error(key, "tier " + t + " has no entitlements." + t + ".ladder");
                    }
                }
                return Recipients.ladder(ladders);
            }
            if (!to.isArray()) {
                throw s.error(key, "must be 'ladder' or a list of {target, respond_within_minutes}");
            }
            if (to.isEmpty() && !allowEmpty) {
                throw s.error(key, "must name at least one target");
            }
            List<Recipient> list = new ArrayList<>();
            for (int i = 0; i < to.size(); i++) {
                PolicySection e = s.element(key, i);
                e.only("target", "respond_within_minutes");
                EscalationTarget target = e.enumValue("target", EscalationTarget.class);
                for (Recipient r : list) {
                    if (r.target() == target) {
                        throw e.error("target", "duplicate target " + target);
                    }
                }
                list.add(new Recipient(target, e.positiveMinutes("respond_within_minutes")));
            }
            return Recipients.fixed(list);
        }
    }
}

package io.viplane.sla.clock;

import com.fasterxml.jackson.databind.JsonNode;
import io.viplane.model.PriorityLevel;
import io.viplane.model.SlaMetric;
import io.viplane.model.Tier;
import io.viplane.model.TicketStatus;
import io.viplane.policy.Entitlement;
import io.viplane.policy.Policy;
import io.viplane.policy.PolicyException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code sla:} section of a policy: which metrics are measured and how (POLICY.md §2-3).
 *
 * @param resolvedStatuses entering one of these solves the ticket (start of RESOLVED-anchored
 *     metrics); leaving them reopens it
 * @param metAfterBreach what a reply that arrives after its breach was published does
 * @param metrics measured metrics, in a stable order; a metric absent here is not measured
 */
public record SlaPolicy(Set<TicketStatus> resolvedStatuses, MetAfterBreach metAfterBreach,
                        Map<SlaMetric, MetricRule> metrics) {

    public SlaPolicy {
        resolvedStatuses = Set.copyOf(resolvedStatuses);
        metrics = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * EMIT: publish MET with the reply's true time and elapsed minutes (the breach stands);
     * SUPPRESS: publish nothing more for that cycle. Never a second breach either way.
     */
    public enum MetAfterBreach { EMIT, SUPPRESS }

    private static final Set<String> SECTION_KEYS =
            Set.of("resolved_statuses", "pause_statuses", "warning_fractions", "met_after_breach", "metrics");
    private static final Set<String> METRIC_KEYS = Set.of("clock", "start", "met_by", "met_not_before_minutes",
            "stop_statuses", "pause_statuses", "on_reopen", "warning_fractions", "targets");
    private static final Set<String> TARGET_KEYS = Set.of("tiers", "priorities", "minutes", "from");
    private static final Set<String> ENTITLEMENT_SOURCES = Set.of("first_response_target",
            "first_response_minutes", "next_reply_minutes", "assignment_minutes", "max_wait_minutes");

    public static SlaPolicy fromPolicy(Policy policy) {
        return new Binder(policy).bind();
    }

    private static final class Binder {
        private final Policy policy;

        Binder(Policy policy) {
            this.policy = policy;
        }

        SlaPolicy bind() {
            JsonNode sla = policy.sla();
            if (sla == null || sla.isNull() || !sla.isObject()) {
                throw fail("sla", "must be a mapping");
            }
            onlyKeys(sla, SECTION_KEYS, "sla");
            Set<TicketStatus> resolved = statuses(required(sla, "resolved_statuses", "sla"), "sla.resolved_statuses");
            if (resolved.isEmpty()) {
                throw fail("sla.resolved_statuses", "must name at least one status");
            }
            Set<TicketStatus> pause = statuses(required(sla, "pause_statuses", "sla"), "sla.pause_statuses");
            List<Double> fractions = fractions(required(sla, "warning_fractions", "sla"), "sla.warning_fractions");
            MetAfterBreach mab = enumValue(MetAfterBreach.class, required(sla, "met_after_breach", "sla"),
                    "sla.met_after_breach");
            JsonNode metricsNode = required(sla, "metrics", "sla");
            if (!metricsNode.isObject()) {
                throw fail("sla.metrics", "must be a mapping from metric name to its rule");
            }
            Map<SlaMetric, MetricRule> metrics = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = metricsNode.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = "sla.metrics." + e.getKey();
                SlaMetric metric = enumName(SlaMetric.class, e.getKey(), path);
                metrics.put(metric, metric(metric, e.getValue(), path, pause, fractions, resolved));
            }
            return new SlaPolicy(resolved, mab, metrics);
        }

        private MetricRule metric(SlaMetric metric, JsonNode n, String path, Set<TicketStatus> defaultPause,
                                  List<Double> defaultFractions, Set<TicketStatus> resolved) {
            if (!n.isObject()) {
                throw fail(path, "must be a mapping");
            }
            onlyKeys(n, METRIC_KEYS, path);
            String clockText = text(required(n, "clock", path), path + ".clock");
            MetricRule.Clock clock = switch (clockText) {
                case "tier" -> MetricRule.Clock.TIER;
                case "always" -> MetricRule.Clock.ALWAYS;
                default -> throw fail(path + ".clock", "must be 'tier' (the ticket's calendar) or 'always' (24/7)");
            };
            MetricRule.Start start = enumValue(MetricRule.Start.class, required(n, "start", path), path + ".start");
            MetricRule.MetBy metBy = enumValue(MetricRule.MetBy.class, required(n, "met_by", path), path + ".met_by");
            long notBefore = 0;
            if (n.has("met_not_before_minutes")) {
                JsonNode v = n.get("met_not_before_minutes");
                if (!v.isIntegralNumber() || v.asLong() < 0) {
                    throw fail(path + ".met_not_before_minutes", "must be a whole number >= 0");
                }
                notBefore = v.asLong();
            }
            Set<TicketStatus> stop = statuses(required(n, "stop_statuses", path), path + ".stop_statuses");
            Set<TicketStatus> pause = n.has("pause_statuses")
                    ? statuses(n.get("pause_statuses"), path + ".pause_statuses") : defaultPause;
            for (TicketStatus s : pause) {
                if (stop.contains(s)) {
                    throw fail(path + ".pause_statuses", s + " is also a stop status");
                }
            }
            MetricRule.OnReopen onReopen = enumValue(MetricRule.OnReopen.class, required(n, "on_reopen", path),
                    path + ".on_reopen");
            if (onReopen == MetricRule.OnReopen.RESTART && start == MetricRule.Start.RESOLVED) {
                throw fail(path + ".on_reopen", "RESTART makes no sense for a clock that starts when the ticket is resolved");
            }
            if (start == MetricRule.Start.RESOLVED && (stop.isEmpty() || resolved.stream().anyMatch(stop::contains))) {
                throw fail(path + ".stop_statuses", "a clock that starts on resolution must stop on the open statuses"
                        + " (a reopen), never on a resolved one");
            }
            List<Double> fractions = n.has("warning_fractions")
                    ? fractions(n.get("warning_fractions"), path + ".warning_fractions") : defaultFractions;
            JsonNode targetsNode = required(n, "targets", path);
            if (!targetsNode.isArray() || targetsNode.isEmpty()) {
                throw fail(path + ".targets", "must list at least one target");
            }
            List<TargetRule> targets = new ArrayList<>();
            for (int i = 0; i < targetsNode.size(); i++) {
                targets.add(target(targetsNode.get(i), path + ".targets[" + i + "]"));
            }
            return new MetricRule(metric, clock, start, metBy, notBefore, stop, pause, onReopen, fractions, targets);
        }

        private TargetRule target(JsonNode n, String path) {
            if (!n.isObject()) {
                throw fail(path, "must be a mapping");
            }
            onlyKeys(n, TARGET_KEYS, path);
            Set<Tier> tiers = n.has("tiers") ? enumSet(Tier.class, n.get("tiers"), path + ".tiers")
                    : EnumSet.allOf(Tier.class);
            Set<PriorityLevel> priorities = n.has("priorities")
                    ? enumSet(PriorityLevel.class, n.get("priorities"), path + ".priorities")
                    : EnumSet.allOf(PriorityLevel.class);
            if (tiers.isEmpty() || priorities.isEmpty()) {
                throw fail(path, "tiers and priorities, when given, must not be empty");
            }
            if (n.has("minutes") == n.has("from")) {
                throw fail(path, "needs exactly one of 'minutes' or 'from'");
            }
            Map<Tier, Integer> byTier = new EnumMap<>(Tier.class);
            if (n.has("minutes")) {
                JsonNode m = n.get("minutes");
                if (!m.isIntegralNumber() || m.asLong() <= 0 || m.asLong() > Integer.MAX_VALUE) {
                    throw fail(path + ".minutes", "must be a whole number > 0");
                }
                tiers.forEach(t -> byTier.put(t, m.asInt()));
                return new TargetRule(tiers, priorities, byTier, false);
            }
            String from = text(n.get("from"), path + ".from");
            if (!ENTITLEMENT_SOURCES.contains(from)) {
                throw fail(path + ".from", "must be one of " + new java.util.TreeSet<>(ENTITLEMENT_SOURCES));
            }
            if (from.equals("first_response_target")) {
                return new TargetRule(tiers, priorities, byTier, true);
            }
            for (Tier t : tiers) {
                Entitlement e = policy.entitlement(t);
                Integer minutes = e == null ? null : switch (from) {
                    case "first_response_minutes" -> Integer.valueOf(e.firstResponseMinutes());
                    case "next_reply_minutes" -> Integer.valueOf(e.nextReplyMinutes());
                    case "max_wait_minutes" -> Integer.valueOf(e.maxWaitMinutes());
                    default -> e.assignmentMinutes();
                };
                if (minutes == null || minutes <= 0) {
                    throw fail(path + ".from", "entitlements." + t + "." + from + " is not set, but this target applies to " + t);
                }
                byTier.put(t, minutes);
            }
            return new TargetRule(tiers, priorities, byTier, false);
        }

        private List<Double> fractions(JsonNode n, String path) {
            if (!n.isArray()) {
                throw fail(path, "must be a list of fractions such as [0.75]");
            }
            List<Double> out = new ArrayList<>();
            for (int i = 0; i < n.size(); i++) {
                JsonNode v = n.get(i);
                if (!v.isNumber() || v.asDouble() <= 0 || v.asDouble() >= 1) {
                    throw fail(path + "[" + i + "]", "must be a number between 0 and 1 (exclusive)");
                }
                if (!out.isEmpty() && v.asDouble() <= out.get(out.size() - 1)) {
                    throw fail(path + "[" + i + "]", "fractions must be ascending and distinct");
                }
                out.add(v.asDouble());
            }
            return out;
        }

        private Set<TicketStatus> statuses(JsonNode n, String path) {
            return enumSet(TicketStatus.class, n, path);
        }

        private <E extends Enum<E>> Set<E> enumSet(Class<E> type, JsonNode n, String path) {
            if (!n.isArray()) {
                throw fail(path, "must be a list");
            }
            Set<E> out = EnumSet.noneOf(type);
            for (int i = 0; i < n.size(); i++) {
                E v = enumValue(type, n.get(i), path + "[" + i + "]");
                if (!out.add(v)) {
                    throw fail(path + "[" + i + "]", v + " is listed twice");
                }
            }
            return out;
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, JsonNode n, String path) {
            return enumName(type, text(n, path), path);
        }

        private <E extends Enum<E>> E enumName(Class<E> type, String name, String path) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name());
            }
            throw fail(path, "'" + name + "' is not one of " + names);
        }

        private String text(JsonNode n, String path) {
            if (n == null || !n.isTextual()) {
                throw fail(path, "must be a string");
            }
            return n.asText();
        }

        private JsonNode required(JsonNode parent, String key, String path) {
            JsonNode v = parent.get(key);
            if (v == null || v.isNull()) {
                throw fail(path + "." + key, "is required");
            }
            return v;
        }

        private void onlyKeys(JsonNode n, Set<String> allowed, String path) {
            Iterator<String> names = n.fieldNames();
            while (names.hasNext()) {
                String k = names.next();
                if (!allowed.contains(k)) {
                    throw fail(path + "." + k, "unknown key (allowed: " + new java.util.TreeSet<>(allowed) + ")");
                }
            }
        }

        private PolicyException fail(String path, String reason) {
            return new PolicyException(policy.name(), path, reason);
        }
    }
}

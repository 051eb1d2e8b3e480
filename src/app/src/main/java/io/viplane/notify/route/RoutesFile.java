package io.viplane.notify.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.viplane.model.EscalationKind;
import io.viplane.model.EscalationTarget;
import io.viplane.model.PriorityLevel;
import io.viplane.model.RiskLevel;
import io.viplane.model.Tier;
import io.viplane.notify.Notice;
import io.viplane.notify.channel.ChannelType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * A routes file ({@code topology/notify/*.yaml}), validated at start-up: unknown keys, unknown
 * channels (against those configured), unknown kinds, targets, tiers, priorities and risk levels,
 * an unknown delivery, a digest to PagerDuty (a page is never batched), a route without channels.
 * Every error names the file, the path in it and the reason.
 *
 * <pre>
 * calendar: business-hours            # a calendar of the policy: quiet hours
 * urgent: {tiers: [T1], priorities: [P1]}
 * routes:
 *   - name: vp-page
 *     match: {sources: [ESCALATION], targets: [SUPPORT_VP]}
 *     channels: [support-vp-pager]
 *     delivery: immediate             # immediate | business_hours | digest_hourly | digest_daily
 * </pre>
 */
public record RoutesFile(String calendar, RouteRules.Urgent urgent, List<Route> routes) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> TOP = Set.of("calendar", "urgent", "routes");
    private static final Set<String> ROUTE = Set.of("name", "match", "channels", "delivery");
    private static final Set<String> MATCH = Set.of("sources", "kinds", "targets", "tiers", "priorities", "risk_levels");
    private static final Set<String> URGENT = Set.of("tiers", "priorities", "kinds", "risk_levels");

    public static RoutesFile load(Path file, Map<String, ChannelType> channels) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString(), channels);
        } catch (IOException e) {
            throw new RoutesException(file.toString(), null, "cannot read: " + e.getClass().getSimpleName());
        }
    }

    /** The routes of a file's text, channel names unchecked (no notifier config at hand): for the policy document. */
    public static RoutesFile describe(String text, String fileName) {
        return parse(new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), fileName, null);
    }

    /** {@code channels}: the configured channels and their types; null checks nothing about channel names. */
    public static RoutesFile parse(InputStream in, String fileName, Map<String, ChannelType> channels) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (IOException e) {
            throw new RoutesException(fileName, null, "not valid YAML");
        }
        if (root == null || !root.isObject()) {
            throw new RoutesException(fileName, null, "expected a mapping with 'routes'");
        }
        Ctx c = new Ctx(fileName);
        c.keys(root, "", TOP);
        String calendar = root.path("calendar").asText("always");
        JsonNode u = root.get("urgent");
        RouteRules.Urgent urgent = RouteRules.Urgent.SEED_DEFAULT;
        if (u != null) {
            c.keys(u, "urgent", URGENT);
            urgent = new RouteRules.Urgent(
                    c.enums(u, "urgent", "tiers", Tier::valueOf),
                    c.enums(u, "urgent", "priorities", PriorityLevel::valueOf),
                    c.enums(u, "urgent", "kinds", EscalationKind::valueOf),
                    c.enums(u, "urgent", "risk_levels", RiskLevel::valueOf));
        }
        JsonNode rs = root.get("routes");
        if (rs == null || !rs.isArray() || rs.isEmpty()) {
            throw new RoutesException(fileName, "routes", "expected a non-empty list");
        }
        List<Route> routes = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (int i = 0; i < rs.size(); i++) {
            String p = "routes[" + i + "]";
            JsonNode r = rs.get(i);
            if (!r.isObject()) {
                throw new RoutesException(fileName, p, "expected a mapping");
            }
            c.keys(r, p, ROUTE);
            String name = r.path("name").asText(null);
            if (name == null || name.isBlank()) {
                throw new RoutesException(fileName, p + ".name", "required");
            }
            if (!names.add(name)) {
                throw new RoutesException(fileName, p + ".name", "duplicate route name '" + name + "'");
            }
            Match match = Match.ANY;
            JsonNode m = r.get("match");
            if (m != null) {
                c.keys(m, p + ".match", MATCH);
                match = new Match(c.enums(m, p + ".match", "sources", Notice.Source::valueOf).stream()
                        .map(Notice.Source::valueOf).collect(java.util.stream.Collectors.toSet()),
                        c.enums(m, p + ".match", "kinds", s -> {
                            if (!s.equals("AT_RISK") && !s.equals("NEW_VIP_TICKET")) {
                                EscalationKind.valueOf(s);
                            }
                            return s;
                        }),
                        c.enums(m, p + ".match", "targets", EscalationTarget::valueOf),
                        c.enums(m, p + ".match", "tiers", Tier::valueOf),
                        c.enums(m, p + ".match", "priorities", PriorityLevel::valueOf),
                        c.enums(m, p + ".match", "risk_levels", RiskLevel::valueOf));
            }
            Delivery delivery;
            String d = r.path("delivery").asText("immediate");
            try {
                delivery = Delivery.valueOf(d.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new RoutesException(fileName, p + ".delivery",
                        "unknown delivery '" + d + "' (expected immediate, business_hours, digest_hourly or digest_daily)");
            }
            JsonNode chs = r.get("channels");
            if (chs == null || !chs.isArray() || chs.isEmpty()) {
                throw new RoutesException(fileName, p + ".channels", "expected a non-empty list of channel names");
            }
            List<String> list = new ArrayList<>();
            for (int j = 0; j < chs.size(); j++) {
                String ch = chs.get(j).asText();
                if (channels == null) { // names only: the policy document, which never reads the notifier's config
                    list.add(ch);
                    continue;
                }
                ChannelType type = channels.get(ch);
                if (type == null) {
                    throw new RoutesException(fileName, p + ".channels[" + j + "]",
                            "unknown channel '" + ch + "' (configured: " + String.join(", ", new TreeSet<>(channels.keySet())) + ")");
                }
                if (type == ChannelType.PAGERDUTY && delivery.isDigest()) {
                    throw new RoutesException(fileName, p + ".delivery", "PagerDuty channel '" + ch + "' cannot take a digest");
                }
                list.add(ch);
            }
            routes.add(new Route(name, match, list, delivery));
        }
        return new RoutesFile(calendar, urgent, routes);
    }

    private record Ctx(String file) {
        void keys(JsonNode node, String path, Set<String> allowed) {
            if (!node.isObject()) {
                throw new RoutesException(file, path, "expected a mapping");
            }
            Iterator<String> it = node.fieldNames();
            while (it.hasNext()) {
                String k = it.next();
                if (!allowed.contains(k)) {
                    throw new RoutesException(file, path.isEmpty() ? k : path + "." + k,
                            "unknown key (allowed: " + String.join(", ", new TreeSet<>(allowed)) + ")");
                }
            }
        }

        <T> Set<String> enums(JsonNode node, String path, String key, Function<String, T> check) {
            JsonNode list = node.get(key);
            if (list == null) {
                return Set.of();
            }
            if (!list.isArray()) {
                throw new RoutesException(file, path + "." + key, "expected a list");
            }
            Set<String> out = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String v = list.get(i).asText().trim().toUpperCase(Locale.ROOT);
                try {
                    check.apply(v);
                } catch (IllegalArgumentException e) {
                    throw new RoutesException(file, path + "." + key + "[" + i + "]", "unknown value '" + list.get(i).asText() + "'");
                }
                out.add(v);
            }
            return out;
        }
    }
}

package io.viplane.docs;

import io.viplane.notify.route.Match;
import io.viplane.notify.route.Route;
import io.viplane.notify.route.RoutesException;
import io.viplane.notify.route.RoutesFile;
import io.viplane.policy.PolicyNotes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The policy document's appendix on who is told what: the notification routes file rendered as a table,
 * each route with the comment its line carries (where the shipped file cites the seed sentence).
 */
final class RoutesMarkdown {
    private RoutesMarkdown() {
    }

    static String appendix(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new RoutesException(file.toString(), null, "cannot read: " + e.getClass().getSimpleName());
        }
        RoutesFile routes = RoutesFile.describe(text, file.toString()); // read once: the rules and their comments
        Map<String, String> notes = PolicyNotes.of(text);
        StringBuilder out = new StringBuilder();
        out.append("\n## Appendix A. Notification routes\n\n");
        out.append("From `").append(shown(file)).append("` (the notifier reads the same file; channel URLs and secrets ")
                .append("live in its own configuration, not here). Every route that matches a notice adds its channels; ")
                .append("a channel reached twice is told once. Quiet hours follow the `").append(routes.calendar())
                .append("` calendar.\n\n");
        var u = routes.urgent();
        List<String> urgent = new ArrayList<>();
        add(urgent, "tiers", u.tiers());
        add(urgent, "priorities", u.priorities());
        add(urgent, "kinds", u.kinds());
        add(urgent, "risk levels", u.riskLevels());
        out.append("Sent at once whatever the route's delivery says (urgent): ")
                .append(urgent.isEmpty() ? "nothing" : String.join("; ", urgent)).append(".\n\n");
        out.append("| route | notices it matches | channels | delivery | why |\n|---|---|---|---|---|\n");
        for (Route r : routes.routes()) {
            out.append("| ").append(r.name()).append(" | ").append(match(r.match())).append(" | ")
                    .append(String.join(", ", r.channels())).append(" | ")
                    .append(r.delivery().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(cell(notes.getOrDefault("routes." + r.name() + ".name", "–"))).append(" |\n");
        }
        return out.toString();
    }

    private static String match(Match m) {
        List<String> parts = new ArrayList<>();
        add(parts, "sources", m.sources().stream().map(Enum::name).toList());
        add(parts, "kinds", m.kinds());
        add(parts, "targets", m.targets());
        add(parts, "tiers", m.tiers());
        add(parts, "priorities", m.priorities());
        add(parts, "risk levels", m.riskLevels());
        return parts.isEmpty() ? "every notice" : String.join("; ", parts);
    }

    private static void add(List<String> parts, String label, java.util.Collection<String> values) {
        if (!values.isEmpty()) {
            parts.add(label + " " + String.join(", ", new TreeSet<>(values)));
        }
    }

    /** Relative to the working folder when under it, so the document does not name the machine's checkout. */
    private static String shown(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return abs.startsWith(here) ? here.relativize(abs).toString() : file.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }
}

package io.viplane.docs;

import io.viplane.policy.PolicyLoader;
import io.viplane.policy.PolicyMarkdown;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The human policy document, whole: seed 004's sections from the policy file and, when the policy has one,
 * the notification routes as an appendix. One Markdown text; HTML and PDF are renderings of it.
 */
public final class PolicyDocuments {
    private PolicyDocuments() {
    }

    /** The routes file shipped beside a policy: {@code topology/notify/NAME.yaml} for {@code topology/policies/NAME.yaml}. */
    public static Path routesBeside(PolicyLoader.LoadedPolicy policy) {
        if (policy.baseDir() == null) {
            return null;
        }
        Path candidate = policy.baseDir().resolveSibling("notify").resolve(policy.policy().name() + ".yaml");
        return Files.isRegularFile(candidate) ? candidate : null;
    }

    /** {@code routes}: a routes file for the appendix, or null for none. */
    public static String markdown(PolicyLoader.LoadedPolicy policy, Path routes) {
        String md = PolicyMarkdown.render(policy);
        return routes == null ? md : md + RoutesMarkdown.appendix(routes);
    }

    /** The document's title, as the HTML page and the PDF carry it. */
    public static String title(PolicyLoader.LoadedPolicy policy) {
        return "VIP Customer Support Policy: " + policy.policy().name();
    }
}

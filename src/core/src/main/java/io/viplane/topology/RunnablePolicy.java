package io.viplane.topology;

import io.viplane.policy.Policy;
import io.viplane.policy.PolicyException;
import io.viplane.policy.PolicyLoader;
import io.viplane.sla.PolicySlaTimes;

/**
 * A policy checked as {@code viplane run} checks it before starting: loaded and validated, its calendars
 * resolved, every section the topology binds bound once. {@code run}, {@code policy check} and the simulator
 * all start from here, so they accept and refuse the same files.
 */
public record RunnablePolicy(PolicyLoader.LoadedPolicy loaded, PolicySlaTimes slaTimes) {

    /** @throws PolicyException with the file and the path of the first defect */
    public static RunnablePolicy load(String nameOrFile) {
        PolicyLoader.LoadedPolicy loaded = PolicyLoader.load(nameOrFile);
        PolicySlaTimes slaTimes = PolicySlaTimes.validated(loaded.policy(), loaded.baseDir(), loaded.origin());
        ViplaneTopology.checkPolicy(loaded.policy());
        return new RunnablePolicy(loaded, slaTimes);
    }

    public Policy policy() {
        return loaded.policy();
    }
}

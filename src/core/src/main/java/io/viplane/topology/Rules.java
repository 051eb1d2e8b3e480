package io.viplane.topology;

import io.viplane.classification.TierClassifier;
import io.viplane.escalation.EscalationRules;
import io.viplane.policy.Policy;
import io.viplane.risk.RiskPolicy;
import io.viplane.risk.RiskScorer;
import io.viplane.risk.SentimentJudge;
import io.viplane.risk.SignalsPolicy;
import io.viplane.routing.RoutingDecider;
import io.viplane.routing.agents.AgentPolicy;
import io.viplane.routing.agents.AgentSuggester;
import io.viplane.signals.ChurnDetector;
import io.viplane.signals.LexiconSentimentScorer;
import io.viplane.sla.clock.SlaClocks;
import io.viplane.sla.clock.SlaPolicy;

/**
 * Every pure rule of the policy, bound once when the topology is built and shared by all processors
 * and stream threads (all of them are immutable). Binding validates each policy section, so a bad
 * policy stops start-up with its path and reason.
 */
record Rules(Policy policy, TierClassifier classifier, RoutingDecider decider, AgentSuggester suggester,
             ChurnDetector churn, LexiconSentimentScorer baselineSentiment, SignalsPolicy signals,
             SentimentJudge judge, SlaClocks clocks, EscalationRules escalations, RiskPolicy risk, RiskScorer scorer) {

    static Rules bind(Policy policy) {
        SignalsPolicy signals = SignalsPolicy.fromPolicy(policy);
        RiskPolicy risk = RiskPolicy.fromPolicy(policy);
        return new Rules(policy, new TierClassifier(policy), new RoutingDecider(policy),
                new AgentSuggester(AgentPolicy.fromPolicy(policy)), ChurnDetector.withDefaultLexicon(),
                LexiconSentimentScorer.withDefaultLexicon().withProblemWeight(signals.sentiment().problemWordsWeight()), signals, new SentimentJudge(signals),
                new SlaClocks(SlaPolicy.fromPolicy(policy)), EscalationRules.fromPolicy(policy), risk,
                new RiskScorer(signals, risk));
    }
}

package io.viplane.topology;

import io.viplane.classification.TierDecision;
import io.viplane.model.Account;
import io.viplane.model.Contact;
import io.viplane.model.RiskLevel;
import io.viplane.risk.SentimentJudgement;
import io.viplane.routing.RoutingDecision;
import io.viplane.sla.SlaTime;

/**
 * One evaluation of a ticket's routing, with the inputs the later stages (SLA, escalations, the routed
 * event) reuse instead of reading and judging them again.
 */
record Routing(Account account, Contact contact, TierDecision tier, Integer daysToRenewal,
               boolean executiveContact, RoutingDecision decision, SlaTime slaTime,
               SentimentJudgement judgement, RiskLevel churnRisk) {
}

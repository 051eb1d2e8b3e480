package io.viplane.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * The policy as a governed document (seed 004: version control, effective date, approval authority,
 * review cycle, revision history): the YAML's {@code document:} section. Dates are written as ISO text
 * ({@code effective_at: 2026-01-01T00:00:00Z}, {@code last_reviewed: 2026-01-05}, {@code review_every: P6M})
 * and checked by {@link PolicyValidator}.
 */
public record PolicyDocument(
        String version,
        String effectiveAt,
        String approvedBy,
        String lastReviewed,
        String reviewEvery,
        List<Revision> revisions) {

    public record Revision(String version, String date, String summary) {
    }

    public PolicyDocument {
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    public Instant effectiveInstant() {
        return effectiveAt == null ? null : Instant.parse(effectiveAt);
    }

    /** The next review date, or null when the document sets no review cycle. */
    public LocalDate reviewDue() {
        return lastReviewed == null || reviewEvery == null ? null : LocalDate.parse(lastReviewed).plus(Period.parse(reviewEvery));
    }

    public boolean reviewOverdue(LocalDate today) {
        LocalDate due = reviewDue();
        return due != null && due.isBefore(today);
    }
}

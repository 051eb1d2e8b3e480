package io.viplane.policy;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.viplane.sla.PolicySlaTimes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A copy of the shipped policy with exactly one mistake is refused, and the message names the
 * file, the path inside it and the reason, so an operator can fix it without reading code.
 */
class PolicyDefectTest {
    private static String shipped;

    @TempDir
    Path dir;

    @BeforeAll
    static void readShipped() throws IOException {
        shipped = Files.readString(Path.of("topology/policies/white-glove.yaml"));
    }

    /** The shipped policy with {@code text} (which must occur exactly once) replaced. */
    private Path withDefect(String text, String replacement) throws IOException {
        int at = shipped.indexOf(text);
        assertTrue(at >= 0 && shipped.indexOf(text, at + 1) < 0,
                "the shipped policy no longer contains exactly one '" + text + "': update this test");
        return write(shipped.substring(0, at) + replacement + shipped.substring(at + text.length()));
    }

    private Path write(String content) throws IOException {
        Path file = dir.resolve("defect.yaml");
        Files.writeString(file, content);
        return file;
    }

    private static PolicyException rejected(Path file) {
        return assertThrows(PolicyException.class, () -> PolicyLoader.loadFile(file));
    }

    private static void assertNames(PolicyException e, Path file, String path, String reason) {
        String prefix = "invalid policy " + file + (path.isEmpty() ? "" : " at " + path) + ": ";
        assertTrue(e.getMessage().startsWith(prefix), "expected '" + prefix + "...' but was: " + e.getMessage());
        assertTrue(e.getMessage().substring(prefix.length()).contains(reason),
                "expected the reason '" + reason + "' in: " + e.getMessage());
    }

    private void assertRejected(String text, String replacement, String path, String reason) throws IOException {
        Path file = withDefect(text, replacement);
        assertNames(rejected(file), file, path, reason);
    }

    @Test
    void theUnchangedCopyLoads() throws IOException {
        // Every other test changes one thing in this copy: it must be valid to begin with.
        Path file = write(shipped);
        PolicyLoader.LoadedPolicy p = PolicyLoader.loadFile(file);
        assertEquals("white-glove", p.policy().name());
        assertEquals(dir.toAbsolutePath(), p.baseDir());
        assertDoesNotThrow(() -> PolicySlaTimes.validated(p.policy(), p.baseDir(), p.origin()));
    }

    // --- keys ----------------------------------------------------------------------------------

    @Test
    void unknownTopLevelKey() throws IOException {
        assertRejected("name: white-glove\n", "name: white-glove\ncolour: blue\n", "colour", "Unrecognized field \"colour\"");
    }

    @Test
    void misspelledNestedKey() throws IOException {
        assertRejected("    queue: L2_PLUS\n", "    qeue: L2_PLUS\n", "entitlements.T2.qeue", "Unrecognized field \"qeue\"");
    }

    @Test
    void camelCaseKey() throws IOException {
        assertRejected("    assignment_minutes: 5          # \"assign", "    assignmentMinutes: 5          # \"assign",
                "entitlements.T1.assignmentMinutes", "Unrecognized field \"assignmentMinutes\"");
        assertRejected("  timezone: America/New_York      #", "  timeZone: America/New_York      #",
                "defaults.timeZone", "Unrecognized field \"timeZone\"");
    }

    @Test
    void camelCaseKeyForARequiredNumber() throws IOException {
        // Rejected, but Jackson builds the record before it reports unknown keys, so the message
        // names the missing snake_case key rather than the camelCase one (see the report).
        assertRejected("  recent_tickets_days: 90", "  recentTicketsDays: 90", "defaults.recent_tickets_days",
                "Cannot map `null` into type `int`");
    }

    @Test
    void camelCaseKeyInAList() throws IOException {
        assertRejected("      flags_any: [NAMED_ENTERPRISE", "      flagsAny: [NAMED_ENTERPRISE",
                "tiers[1].account.flagsAny", "Unrecognized field \"flagsAny\"");
    }

    // --- types and enums -----------------------------------------------------------------------

    @Test
    void textWhereANumberBelongs() throws IOException {
        assertRejected("    first_response_minutes: 15     # 24/7", "    first_response_minutes: fifteen",
                "entitlements.T1.first_response_minutes", "`int`");
    }

    @Test
    void textWhereAnArrBoundBelongs() throws IOException {
        assertRejected("arr: {gt: 500000}", "arr: {gt: half-a-million}", "tiers[0].account.arr.gt", "`java.lang.Double`");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            - tier: T3                                              | - tier: T4                                              | tiers[2].tier
            badge: GOLD                                             | badge: SILVER                                           | tiers[1].badge
            flags_any: [STRATEGIC_PARTNER,                          | flags_any: [STRATEGIC_PARTNR,                           | tiers[0].account.flags_any[0]
            roles_any: [C_LEVEL, VP, BOARD_MEMBER, INVESTOR]        | roles_any: [C_LEVEL, VP, BOARD_MEMBER, SHAREHOLDER]     | tiers[0].contact.roles_any[3]
            ladder: {target: SUPPORT_VP,                            | ladder: {target: SUPPORT_CEO,                           | entitlements.T1.ladder.target
            priority_map: {URGENT: P1,                              | priority_map: {URGENT: P0,                              | priority_map.URGENT
            """)
    void unknownEnumValue(String text, String replacement, String path) throws IOException {
        assertRejected(text, replacement, path, "not one of the values accepted for Enum class");
    }

    @Test
    void unknownTierAsAKey() throws IOException {
        Path file = withDefect("  STANDARD:\n    first_response_minutes: 120", "  T4:\n    first_response_minutes: 120");
        PolicyException e = rejected(file);
        assertNames(e, file, "entitlements", "Cannot deserialize Map key of type `io.viplane.model.Tier` from String \"T4\"");
        assertTrue(e.getMessage().contains("not one of the values accepted for Enum class"), e.getMessage());
    }

    // --- completeness --------------------------------------------------------------------------

    @Test
    void missingTierEntitlement() throws IOException {
        int from = shipped.indexOf("\n  T3:\n    first_response_minutes:");
        int to = shipped.indexOf("\n  STANDARD:\n");
        assertTrue(from > 0 && to > from, "the shipped entitlements changed: update this test");
        Path file = write(shipped.substring(0, from) + shipped.substring(to));
        assertNames(rejected(file), file, "entitlements.T3", "is missing");
    }

    @Test
    void tierRuleWithoutItsTier() throws IOException {
        assertRejected("  - tier: T2\n    badge: GOLD", "  - badge: GOLD", "tiers[1].tier", "is required");
    }

    @Test
    void tiersOutOfOrder() throws IOException {
        assertRejected("  - tier: T3\n", "  - tier: T1\n", "tiers[2].tier",
                "tiers must be listed from highest (T1) to lowest, each once");
    }

    @Test
    void aRuleForStandard() throws IOException {
        assertRejected("  - tier: T3\n", "  - tier: STANDARD\n", "tiers[2].tier", "STANDARD is what remains");
    }

    @Test
    void missingPriorityMapping() throws IOException {
        assertRejected("priority_map: {URGENT: P1, HIGH: P2, NORMAL: P3, LOW: P4}",
                "priority_map: {URGENT: P1, HIGH: P2, NORMAL: P3}", "priority_map.LOW", "is missing");
    }

    @Test
    void arrWithoutABound() throws IOException {
        assertRejected("arr: {gte: 50000, lt: 100000}", "arr: {}", "tiers[2].account.arr", "needs gt, gte, lt or lte");
    }

    // --- numbers -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            first_response_minutes: 15     # 24/7                        | first_response_minutes: -15                           | entitlements.T1.first_response_minutes        | must be > 0
            next_reply_minutes: 240                                      | next_reply_minutes: -240                              | entitlements.STANDARD.next_reply_minutes      | must be > 0
            ladder: {target: SUPPORT_MANAGER, respond_within_minutes: 30} | ladder: {target: SUPPORT_MANAGER, respond_within_minutes: -30} | entitlements.T2.ladder.respond_within_minutes | must be > 0
            first_response_minutes: 60                                   | first_response_minutes: 0                             | entitlements.T3.first_response_minutes        | must be > 0
            max_wait_minutes: 480                                        | max_wait_minutes: -480                                | entitlements.STANDARD.max_wait_minutes        | must be >= first_response_minutes
            recent_tickets_days: 90                                      | recent_tickets_days: -90                              | defaults.recent_tickets_days                  | must be > 0
            """)
    void negativeMinutes(String text, String replacement, String path, String reason) throws IOException {
        assertRejected(text, replacement, path, reason);
    }

    @Test
    void negativeAssignmentMinutes() throws IOException {
        Path file = withDefect("    assignment_minutes: 5          # \"assign", "    assignment_minutes: -5          # \"assign");
        assertNames(rejected(file), file, "entitlements.T1.assignment_minutes", "must be > 0");
    }

    @Test
    void negativeOnboardingDays() throws IOException {
        assertRejected("onboarding_days: 90", "onboarding_days: -90", "defaults.onboarding_days", "must be >= 0");
    }

    @Test
    void invertedArrRange() throws IOException {
        assertRejected("arr: {gte: 100000, lte: 500000}", "arr: {gte: 500000, lte: 100000}", "tiers[1].account.arr",
                "empty range: no ARR satisfies >= 500000 and <= 100000");
        assertRejected("arr: {gte: 50000, lt: 100000}", "arr: {gte: 50000, lt: 50000}", "tiers[2].account.arr",
                "empty range: no ARR satisfies >= 50000 and < 50000");
    }

    // --- calendars -----------------------------------------------------------------------------

    @Test
    void unknownDefaultCalendar() throws IOException {
        assertRejected("  calendar: business-hours        #", "  calendar: bizness-hours        #", "defaults.calendar",
                "names calendar 'bizness-hours' which is not defined under calendars");
    }

    @Test
    void unknownEntitlementCalendar() throws IOException {
        assertRejected("    calendar: account              # business hours of the account",
                "    calendar: night-shift", "entitlements.T2.calendar",
                "must be 'always', 'account' or a calendar defined under calendars");
    }

    @ParameterizedTest(name = "{2}")
    @CsvSource(delimiter = '|', textBlock = """
            effective_at: 2026-12-01T05:00:00Z | effective_at: next monday         | document.effective_at | not an ISO instant
            review_every: P6M                  | review_every: P0D                  | document.review_every | must be positive
            approved_by: Head of Support       | approved_by: ""                    | document.approved_by  | is required
            version: "1.0"                     | version: "1.1"                     | document.revisions    | has no entry for the current version '1.1'
            last_reviewed: 2026-12-03          | last_reviewed: 2026-13-03          | document.last_reviewed | not an ISO date
            """)
    void theGovernedDocumentSectionIsCheckedWithItsPath(String text, String replacement, String path, String reason)
            throws IOException {
        assertRejected("  " + text, "  " + replacement, path, reason);
    }

    @Test
    void unknownTimezone() throws IOException {
        assertRejected("  timezone: America/New_York      #", "  timezone: America/Gotham      #", "defaults.timezone",
                "not an IANA time zone");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', textBlock = """
            MON: ["09:00-17:00"]              | MON: ["17:00-09:00"]              | hours.MON[0]
            TUE: ["09:00-17:00"]              | TUE: ["09:00-25:00"]              | invalid end time
            holidays: ["2026-12-25",          | holidays: ["2026-02-30",          | holidays
            """)
    void impossibleCalendarStopsStartUp(String text, String replacement, String detail) throws IOException {
        // Calendars are compiled when `run` starts (PolicySlaTimes.validated), not by the loader.
        Path file = withDefect(text, replacement);
        PolicyLoader.LoadedPolicy p = PolicyLoader.loadFile(file);
        PolicyException e = assertThrows(PolicyException.class,
                () -> PolicySlaTimes.validated(p.policy(), p.baseDir(), p.origin()));
        assertNames(e, file, "calendars.business-hours", "calendar 'business-hours'");
        assertTrue(e.getMessage().contains(detail), e.getMessage());
    }

    // --- file level ----------------------------------------------------------------------------

    @Test
    void duplicateTopLevelKey() throws IOException {
        assertRejected("name: white-glove\n", "name: white-glove\nname: other-name\n", "", "Duplicate field 'name'");
    }

    @Test
    void duplicateEntitlementKey() throws IOException {
        int from = shipped.indexOf("\n  T1:\n");
        int to = shipped.indexOf("\n  T2:\n");
        assertTrue(from > 0 && to > from, "the shipped entitlements changed: update this test");
        String t1 = shipped.substring(from, to);
        String second = t1.replace("first_response_minutes: 15 ", "first_response_minutes: 20 ");
        assertTrue(!second.equals(t1), "the shipped T1 entitlement changed: update this test");
        Path file = write(shipped.substring(0, to) + second + shipped.substring(to));
        assertNames(rejected(file), file, "entitlements", "Duplicate field 'T1'");
    }

    @Test
    void duplicateKeyInsideACalendar() throws IOException {
        assertRejected("    timezone: America/New_York\n    hours:", "    timezone: America/New_York\n    timezone: UTC\n    hours:",
                "calendars", "Duplicate field 'timezone'");
    }

    @ParameterizedTest(name = "[{index}]")
    @ValueSource(strings = {"", "# nothing here yet\n", "\n\n"})
    void emptyFile(String content) throws IOException {
        Path file = write(content);
        // Jackson's words, not the loader's own "the file is empty" (that branch is only reached by "---").
        assertEquals("invalid policy " + file + ": No content to map due to end-of-input", rejected(file).getMessage());
    }

    @Test
    void anEmptyYamlDocument() throws IOException {
        Path file = write("---\n");
        assertEquals("invalid policy " + file + ": the file is empty", rejected(file).getMessage());
    }

    @Test
    void notYaml() throws IOException {
        Path file = write("name: 'white-glove\n");
        assertNames(rejected(file), file, "", "not valid YAML: ");
    }

    @Test
    void missingFile() {
        Path file = dir.resolve("nowhere.yaml");
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.loadFile(file));
        assertEquals("invalid policy " + file + ": file not found", e.getMessage());
        PolicyException byName = assertThrows(PolicyException.class, () -> PolicyLoader.load(file.toString()));
        assertEquals("invalid policy " + file + ": file not found", byName.getMessage());
    }

    @Test
    void unknownPolicyName() {
        PolicyException e = assertThrows(PolicyException.class, () -> PolicyLoader.load("platinum-plus"));
        assertEquals("invalid policy platinum-plus: no such policy (looked for "
                + Path.of("topology/policies/platinum-plus.yaml") + " and the bundled policies/platinum-plus.yaml)",
                e.getMessage());
    }
}

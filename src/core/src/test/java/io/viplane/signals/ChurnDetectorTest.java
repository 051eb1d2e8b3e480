package io.viplane.signals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Rule-by-rule behaviour of the default churn lexicon. */
class ChurnDetectorTest {

    private static final ChurnDetector DETECTOR = ChurnDetector.withDefaultLexicon();

    private static ChurnClass classify(String text) {
        return DETECTOR.classify(text);
    }

    private static Set<SignalKind> kinds(String text) {
        return DETECTOR.detect(text).stream().map(SignalMatch::kind).collect(Collectors.toSet());
    }

    @Nested
    class Negation {

        @ParameterizedTest
        @ValueSource(strings = {
                "We are planning to cancel at the end of the term.",
                "We intend to switch to another provider.",
                "We are looking at alternatives.",
                "我们打算取消订阅。",
                "我们正在看替代方案。",
                "我们考虑更换供应商。"})
        void affirmedIntentIsDirect(String text) {
            assertEquals(ChurnClass.DIRECT, classify(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "We are not planning to cancel at the end of the term.",
                "We have no intention to switch to another provider.",
                "We are NOT looking at alternatives.",
                "We don't want to downgrade, we want more seats.",
                "我们不打算取消订阅。",
                "我们并没有在看替代方案。",
                "我们不考虑更换供应商。"})
        void negatedIntentIsNone(String text) {
            assertEquals(ChurnClass.NONE, classify(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "If the SSO issue isn't fixed by Friday we will cancel.",
                "This is not working, we will cancel.",
                "I can't cancel my subscription, the button does nothing.",
                "We haven't decided whether to cancel yet.",
                "We have no choice but to cancel.",
                "如果周五还没有解决，我们就取消合同。",
                "实在不行就换供应商。"})
        void negationDoesNotReachAcrossClausesOrAbility(String text) {
            assertEquals(ChurnClass.DIRECT, classify(text));
        }

        @Test
        void negatedFrustrationIsNotASignal() {
            assertEquals(ChurnClass.NONE, classify("I'm not frustrated at all, just curious."));
            assertEquals(ChurnClass.INDIRECT, classify("I'm frustrated, honestly."));
        }

        @Test
        void notRenewingCarriesItsOwnNegation() {
            assertEquals(ChurnClass.DIRECT, classify("We won't be renewing."));
            assertEquals(ChurnClass.DIRECT, classify("合同到期后我们不续约了。"));
        }
    }

    @Nested
    class NonChurnObjects {

        @ParameterizedTest
        @ValueSource(strings = {
                "Please cancel the meeting on Thursday.",
                "Cancel ticket 4411, opened by mistake.",
                "Can you cancel my 3:30 call with Sam?",
                "How do I cancel an invoice sent in error?",
                "The webinar was cancelled, see you next week.",
                "Where is the cancel button for the import?",
                "How do I unsubscribe from the newsletter?",
                "Please cancel my subscription to the newsletter.",
                "We had to downgrade the driver to 4.2.",
                "Please downgrade the severity to P3.",
                "Our SSL certificate didn't renew automatically.",
                "请帮我取消明天的会议。",
                "请取消这个工单。",
                "怎么取消订阅你们的营销邮件？",
                "会议取消了，改到下周。",
                "如何在取消勾选后保存？",
                "把显卡驱动降级之后就好了。",
                "请把优先级降级到P3。",
                "服务降级期间部分功能不可用。"})
        void areNotChurn(String text) {
            assertEquals(ChurnClass.NONE, classify(text), text);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Please cancel our subscription.",
                "How do I cancel my account?",
                "Is it possible to cancel the remaining months of our contract?",
                "We want to downgrade to the Starter plan.",
                "请取消我们的订阅。",
                "请帮我们取消合同。",
                "我们打算降级到基础版。",
                "怎么关闭自动续费？"})
        void churnObjectsStayDirect(String text) {
            assertEquals(ChurnClass.DIRECT, classify(text), text);
        }
    }

    @Nested
    class Competitors {

        @Test
        void plainMentionIsAnIndirectCompetitorSignal() {
            List<SignalMatch> matches = DETECTOR.detect("Zendora has this feature out of the box.");
            assertEquals(1, matches.size());
            assertEquals(SignalKind.COMPETITOR, matches.get(0).kind());
            assertEquals(ChurnClass.INDIRECT, matches.get(0).strength());
            assertEquals(ChurnClass.INDIRECT, classify("Other vendors offer this for free."));
            assertEquals(ChurnClass.INDIRECT, classify("智服云这个功能是标配。"));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "We are switching to Zendora next quarter.",
                "We're in talks with SupportHive.",
                "Our team started a trial of HelpHive.",
                "We are considering switching to a competitor.",
                "We have signed with another vendor.",
                "公司决定换成智服云。",
                "我们正在试用工单宝。",
                "再这样下去我们只能换供应商了。"})
        void switchingIsADirectCompetitorSignal(String text) {
            List<SignalMatch> matches = DETECTOR.detect(text);
            assertTrue(matches.stream().anyMatch(m -> m.kind() == SignalKind.COMPETITOR && m.strength() == ChurnClass.DIRECT),
                    () -> text + " -> " + matches);
            assertEquals(ChurnClass.DIRECT, classify(text));
        }

        @Test
        void dataComingFromARivalIsHistoryNotRisk() {
            assertEquals(ChurnClass.NONE, classify("We migrated from Zendora last year; how do we clean up old tags?"));
            assertEquals(ChurnClass.NONE, classify("我们去年从智服云迁移过来，旧标签怎么清理？"));
        }

        @Test
        void competitorNamesMatchWholeWordsAndCaseInsensitively() {
            assertEquals(ChurnClass.INDIRECT, classify("ZENDORA does this better."));
            assertEquals(ChurnClass.NONE, classify("Our zendoraish naming scheme is odd."));
        }
    }

    @Nested
    class ExecutivePressure {

        @ParameterizedTest
        @ValueSource(strings = {
                "Our CFO is questioning the ROI.",
                "The board is asking whether this is worth it.",
                "The executive team is asking why response times doubled.",
                "My VP wants to know why we pay for this.",
                "I have to justify this spend to our leadership.",
                "I'm getting a lot of pressure from my boss.",
                "高管团队在问为什么响应变慢了。",
                "我们CFO在质疑投入产出比。",
                "老板一直在问什么时候修好。",
                "这样下去我们很难向领导交代。"})
        void isDetected(String text) {
            assertTrue(kinds(text).contains(SignalKind.EXEC_PRESSURE), text);
            assertEquals(ChurnClass.INDIRECT, classify(text), text);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Our CFO needs a copy of the signed order form.",
                "Our board meeting is next week, I need the usage report.",
                "Our CEO would like to join the quarterly review.",
                "Our VP of Sales asked me to set up a sandbox.",
                "Our CEO is asking for access to the dashboard.",
                "老板让我问一下发票抬头怎么改。",
                "我们的CEO下周想参加回顾会议。"})
        void mundaneExecutiveMentionsAreNot(String text) {
            assertEquals(ChurnClass.NONE, classify(text), text);
        }
    }

    @Nested
    class Repetition {

        @ParameterizedTest
        @ValueSource(strings = {
                "This is the fourth time I report this bug.",
                "Third time this month the dashboard is down.",
                "For the 5th time: the address is wrong.",
                "I've reported this issue three times already.",
                "Yet another outage this morning.",
                "Nobody answered my last three emails.",
                "这是我第三次反映这个问题。",
                "同样的问题这个月已经出现三次了。",
                "我已经说了好几遍了。"})
        void isDetected(String text) {
            assertTrue(kinds(text).contains(SignalKind.REPETITION), () -> text + " -> " + DETECTOR.detect(text));
            assertEquals(ChurnClass.INDIRECT, classify(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Is this the first time this error was reported?",
                "The second time zone setting does not save.",
                "Thanks again for the quick help!",
                "这是第一次遇到这个错误。"})
        void lookalikesAreNot(String text) {
            assertEquals(ChurnClass.NONE, classify(text), text);
        }
    }

    /** Issue 18: a persisting problem or a softened complaint is PROBLEM, not churn intent. */
    @Nested
    class Problem {

        @ParameterizedTest
        @ValueSource(strings = {
                "Any update on this? Still failing, thanks.",
                "Tried again after clearing the cache, still broken.",
                "The import failed again last night.",
                "Unfortunately the issue is still there after the update.",
                "Same error as before when saving the automation.",
                "This is getting a little frustrating, but thanks for looking.",
                "Honestly a bit frustrated with this bug.",
                "这个bug又出现了。",
                "昨晚的导入又失败了。",
                "到现在还是没有修复。",
                "这个bug确实有点失望。"})
        void persistingProblemsAndMildAnnoyanceAreProblemOnly(String text) {
            Set<SignalKind> kinds = kinds(text);
            assertEquals(Set.of(SignalKind.PROBLEM), kinds, () -> text + " -> " + DETECTOR.detect(text));
            // the message class stays INDIRECT: the evaluation sets label persistence as indirect dissatisfaction
            assertEquals(ChurnClass.INDIRECT, classify(text));
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "I'm really frustrated, the export failed again.",
                "This keeps happening after every release.",
                "This is the fourth time I report this bug.",
                "真的很沮丧，导出又失败了。"})
        void unsoftenedFrustrationAndRepetitionStayChurnLanguage(String text) {
            Set<SignalKind> kinds = kinds(text);
            assertTrue(kinds.contains(SignalKind.INDIRECT) || kinds.contains(SignalKind.REPETITION),
                    () -> text + " -> " + DETECTOR.detect(text));
        }
    }

    @Nested
    class IndirectSignals {

        @ParameterizedTest
        @ValueSource(strings = {
                "I'm really frustrated with the exports.",
                "This keeps happening after every release.",
                "We are not getting the value we were promised.",
                "Frankly it is not worth the money.",
                "真的很沮丧。",
                "这个问题反复出现。",
                "我们没有获得价值。",
                "你们的服务越来越差了。"})
        void areIndirect(String text) {
            assertEquals(ChurnClass.INDIRECT, classify(text), text);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "Thanks so much, the fix works perfectly!",
                "How do I export all tickets to CSV?",
                "Could you send the invoice for March?",
                "The webhook returns a 500 error when the payload has emoji.",
                "谢谢，问题已经解决了！",
                "请问如何导出所有工单？"})
        void neutralAndPositiveTextIsNone(String text) {
            assertEquals(ChurnClass.NONE, classify(text), text);
            assertTrue(DETECTOR.detect(text).isEmpty());
        }
    }

    @Nested
    class Robustness {

        @ParameterizedTest
        @ValueSource(strings = {
                "We WON\u2019T be RENEWING.",
                "we   won't\n be renewing",
                "Hi,\n\nwe have decided that we will not be\nrenewing our contract.",
                "We\u00A0will not be renewing",
                "Ｗｅ ａｒｅ ｌｏｏｋｉｎｇ ａｔ ａｌｔｅｒｎａｔｉｖｅｓ",
                "我们 不 续约 了",
                "我们打算cancel our subscription，谢谢",
                "\u201CWe are evaluating alternatives,\u201D said our VP."})
        void caseQuotesWhitespaceWidthAndMixedScripts(String text) {
            assertEquals(ChurnClass.DIRECT, classify(text), text);
        }

        @Test
        void emptyAndNullTextHaveNoSignals() {
            assertTrue(DETECTOR.detect(null).isEmpty());
            assertTrue(DETECTOR.detect("").isEmpty());
            assertTrue(DETECTOR.detect("   \n ").isEmpty());
            assertEquals(ChurnClass.NONE, classify(null));
        }

        @Test
        void emojiAndUnusualCharactersDoNotBreakMatching() {
            assertEquals(ChurnClass.DIRECT, classify("\uD83D\uDE21 we will cancel \uD83D\uDE21 \u0000 \uFFFF"));
        }
    }

    static Stream<Arguments> positionSamples() {
        return Stream.of(
                Arguments.of("We WON\u2019T  be   renewing our contract.", "WON\u2019T  be   renewing"),
                Arguments.of("Hi!\n\nPlease  CANCEL   our subscription.", "CANCEL"),
                Arguments.of("合同到期后我们 不续约 了。", "不续约"),
                Arguments.of("我们 正在 评估 替代方案，请联系我。", "评估 替代方案"),
                Arguments.of("Ｗｅ ａｒｅ ｓｗｉｔｃｈｉｎｇ ｔｏ Ｚｅｎｄｏｒａ", "ｓｗｉｔｃｈｉｎｇ ｔｏ Ｚｅｎｄｏｒａ"),
                Arguments.of("\uD83D\uDE21 our CFO is questioning the ROI", "questioning the ROI"));
    }

    @ParameterizedTest
    @MethodSource("positionSamples")
    void positionsPointAtTheOriginalText(String text, String expectedPhrase) {
        List<SignalMatch> matches = DETECTOR.detect(text);
        assertFalse(matches.isEmpty(), text);
        for (SignalMatch m : matches) {
            assertEquals(text.substring(m.start(), m.end()), m.phrase());
        }
        assertTrue(matches.stream().anyMatch(m -> m.phrase().equals(expectedPhrase)),
                () -> "expected phrase '" + expectedPhrase + "' in " + matches.stream().map(SignalMatch::phrase).toList());
    }

    @Test
    void matchesCarryEntryLanguageKindAndAreOrdered() {
        String text = "Our CFO is questioning the ROI, this is the third time this month, and we are evaluating alternatives.";
        List<SignalMatch> matches = DETECTOR.detect(text);
        assertEquals(Set.of(SignalKind.EXEC_PRESSURE, SignalKind.REPETITION, SignalKind.DIRECT),
                matches.stream().map(SignalMatch::kind).collect(Collectors.toSet()));
        assertTrue(matches.stream().allMatch(m -> m.lang().equals("en") && m.entryId().startsWith("en.")));
        assertEquals(matches.stream().sorted(Comparator.comparingInt(SignalMatch::start)).toList(), matches);
        assertEquals(ChurnClass.DIRECT, ChurnClass.of(matches));
    }

    @Test
    void sameKindOverlapsKeepTheLongerMatch() {
        List<SignalMatch> matches = DETECTOR.detect("We are switching to another vendor.");
        assertEquals(1, matches.size(), matches::toString);
        assertEquals("switching to another vendor", matches.get(0).phrase());
    }

    @Test
    void toStringLeavesOutTheCustomersWords() {
        SignalMatch m = DETECTOR.detect("we are switching to Zendora").get(0);
        assertEquals("switching to Zendora", m.phrase());
        assertFalse(m.toString().contains(m.phrase()), m.toString());
        assertFalse(m.toString().contains("Zendora"), m.toString());
        assertTrue(m.toString().contains("en.competitor_switch"));
    }

    @Test
    void indexedScanFindsExactlyWhatAPlainScanFinds() {
        Function<List<SignalMatch>, Set<String>> keys = l -> l.stream()
                .map(m -> m.entryId() + "@" + m.start() + "-" + m.end()).collect(Collectors.toSet());
        List<String> texts = EvalSet.load(ChurnDetectorEvaluationTest.CHURN_SET).stream().map(EvalSet.Example::text)
                .collect(Collectors.toList());
        texts.add("tic tac ticket ticketron cancel-cancel cancellation can't won't 不续 续约 取消取消 ａｂｃ \uD83D\uDE00 end");
        texts.add(String.join(" ", texts));
        for (String text : texts) {
            assertEquals(keys.apply(DETECTOR.scanAll(text, false)), keys.apply(DETECTOR.scanAll(text, true)), text);
        }
    }

}

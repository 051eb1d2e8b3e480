package io.viplane.sample;

import java.util.List;
import java.util.Locale;

/** Fictional people; the name pool follows the account's region so a Shanghai team reads plausibly. */
final class PersonNames {
    private static final List<String> FIRST = List.of(
            "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Sophia", "Mason", "Isabella", "Lucas",
            "Mia", "Logan", "Amelia", "James", "Harper", "Benjamin", "Evelyn", "Elijah", "Abigail",
            "Daniel", "Emily", "Henry", "Ella", "Jackson", "Grace", "Samuel", "Chloe", "Owen", "Nora",
            "Caleb", "Zoe", "Isaac", "Leah", "Julian", "Aria", "Aaron", "Hannah", "Miles", "Layla",
            "Adrian", "Priya", "Arjun", "Fatima", "Omar", "Yuki", "Kenji", "Ana", "Diego", "Lucia",
            "Mateo", "Ingrid", "Lars", "Chiara", "Marco", "Aisha", "Kwame", "Niamh", "Declan", "Sofia",
            "Rafael");
    private static final List<String> LAST = List.of(
            "Abernathy", "Baxter", "Castellano", "Dempsey", "Ellison", "Fairbanks", "Galloway",
            "Hargrove", "Ingram", "Jessup", "Kowalczyk", "Lindqvist", "Mahoney", "Nakamura", "Okafor",
            "Pemberton", "Quintero", "Ramaswamy", "Sorensen", "Thackeray", "Underhill", "Valdez",
            "Whitlock", "Yamada", "Zielinski", "Ashworth", "Brennan", "Cardenas", "Donnelly", "Eastwood",
            "Fitzgerald", "Gutierrez", "Holloway", "Iverson", "Jablonski", "Kessler", "Lockhart",
            "Moreau", "Novak", "Oyelaran", "Prescott", "Rasmussen", "Sandoval", "Templeton", "Voss",
            "Winslow", "Achebe", "Bergstrom", "Chaudhry", "Delacroix");
    private static final List<String> GERMAN_FIRST = List.of(
            "Lukas", "Anna", "Felix", "Lena", "Jonas", "Marie", "Tobias", "Katrin", "Stefan", "Julia",
            "Matthias", "Sabine");
    private static final List<String> GERMAN_LAST = List.of(
            "Hoffmann", "Schreiber", "Brandt", "Vogel", "Krause", "Lehmann", "Falkenberg", "Wendt",
            "Richter", "Albrecht", "Kuhn", "Bauer");
    private static final List<String> CHINESE_GIVEN = List.of(
            "Wei", "Fang", "Jing", "Lei", "Min", "Hao", "Xin", "Yu", "Ting", "Jun", "Li", "Chen",
            "Yan", "Bo", "Qing", "Rui");
    private static final List<String> CHINESE_FAMILY = List.of(
            "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun",
            "Ma", "Zhu", "Hu", "Guo");

    private PersonNames() {
    }

    static Person next(Dice dice, String zone) {
        if (zone.equals("Asia/Shanghai") || (zone.equals("Asia/Singapore") && dice.chance(0.5))) {
            return new Person(dice.pick(CHINESE_GIVEN), dice.pick(CHINESE_FAMILY));
        }
        if (zone.equals("Europe/Berlin") && dice.chance(0.7)) {
            return new Person(dice.pick(GERMAN_FIRST), dice.pick(GERMAN_LAST));
        }
        return new Person(dice.pick(FIRST), dice.pick(LAST));
    }

    record Person(String first, String last) {
        String fullName() {
            return first + " " + last;
        }

        String mailbox() {
            return (first + "." + last).toLowerCase(Locale.ROOT);
        }
    }
}

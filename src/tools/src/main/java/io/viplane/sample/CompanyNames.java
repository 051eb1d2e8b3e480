package io.viplane.sample;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Invented company names: a made-up stem plus an industry ("Velmora Logistics"). Made-up stems
 * keep the sample clear of real companies; domains live under the reserved {@code .example} TLD.
 */
final class CompanyNames {
    private static final List<String> HEADS = List.of(
            "Vel", "Quor", "Tand", "Kel", "Mor", "Zan", "Ost", "Pell", "Drav", "Lum", "Tor", "Wex",
            "Cal", "Fen", "Grav", "Hal", "Ister", "Jun", "Kov", "Lyr", "Marr", "Nor", "Orv", "Pry",
            "Rhen", "Sol", "Tress", "Ulv", "Vand", "Wyn", "Yar", "Zell", "Bram", "Cind", "Dun", "Esk",
            "Frel", "Glen", "Hask", "Ivel");
    private static final List<String> TAILS = List.of(
            "ara", "ex", "ion", "ora", "ent", "ix", "wick", "more", "field", "gate", "stone", "vale",
            "brook", "ton", "mark", "line", "well", "crest", "haven", "ley", "quist", "dell");
    private static final List<String> INDUSTRIES = List.of(
            "Logistics", "Analytics", "Robotics", "Foods", "Health", "Software", "Systems", "Labs",
            "Media", "Energy", "Retail", "Biotech", "Manufacturing", "Freight", "Networks", "Learning",
            "Insurance", "Outfitters", "Pharma", "Hospitality", "Payments", "Security", "Studios",
            "Aerospace", "Marine", "Textiles", "Components", "Instruments", "Brewing", "Ventures");

    private final Set<String> used = new HashSet<>();

    /** Reserves a hand-picked name (story accounts) so no generated name collides with it. */
    Company reserve(String stem, String industry, String legal) {
        used.add(stem + " " + industry);
        return company(stem, industry, legal);
    }

    Company next(Dice dice, String zone) {
        while (true) {
            String stem = dice.pick(HEADS) + dice.pick(TAILS);
            String industry = dice.pick(INDUSTRIES);
            if (used.add(stem + " " + industry)) {
                return company(stem, industry, legalSuffix(dice, zone));
            }
        }
    }

    private static Company company(String stem, String industry, String legal) {
        String name = stem + " " + industry + (legal.isEmpty() ? "" : " " + legal);
        String domain = (stem + "-" + industry).toLowerCase(Locale.ROOT) + ".example";
        return new Company(name, domain);
    }

    private static String legalSuffix(Dice dice, String zone) {
        return switch (zone) {
            case "Europe/Berlin" -> dice.pick("GmbH", "AG", "GmbH");
            case "Europe/London" -> dice.pick("Ltd", "plc", "Ltd");
            case "Asia/Shanghai" -> "Co., Ltd.";
            case "Asia/Singapore" -> "Pte Ltd";
            default -> dice.pick("Inc.", "LLC", "Corp.", "");
        };
    }

    record Company(String name, String domain) {
    }
}

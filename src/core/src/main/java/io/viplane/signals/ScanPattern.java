package io.viplane.signals;

import java.util.regex.Pattern;

/** One compiled lexicon pattern, numbered so a scan can keep per-pattern state in arrays. */
record ScanPattern(int id, Pattern pattern, CompiledEntry owner, boolean indexable) {
}

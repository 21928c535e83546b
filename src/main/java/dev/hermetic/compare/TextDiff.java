package dev.hermetic.compare;

import java.util.List;

/**
 * Where two texts differ: the lines between their common beginning and their common end, as a short excerpt in
 * unified-diff form (one hunk, three lines of context, at most {@link #MAX_LINES} changed lines a side, each cut
 * at {@link #MAX_LINE} characters). Not a minimal diff: an explanation, bounded whatever the input.
 *
 * @param line first differing line, counted from 1
 * @param referenceLine the reference's first differing line, or {@code null} when lines were only added
 * @param actualLine the actual first differing line, or {@code null} when lines were only removed
 * @param excerpt the unified-diff excerpt
 */
record TextDiff(int line, String referenceLine, String actualLine, String excerpt) {

    static final int CONTEXT = 3;
    static final int MAX_LINES = 8;
    static final int MAX_LINE = 200;

    /** The lines of a text, without their terminators (\n, \r\n or \r). */
    static List<String> lines(String text) {
        List<String> lines = new java.util.ArrayList<>(List.of(text.split("\r\n|\n|\r", -1)));
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The difference between two texts, or {@code null} when their lines are equal. */
    static TextDiff of(String referenceName, String actualName, List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        if (start == a.size() && start == b.size()) {
            return null;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        int from = Math.max(0, start - CONTEXT);
        int toA = Math.min(a.size(), endA + CONTEXT);
        int toB = Math.min(b.size(), endB + CONTEXT);
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(referenceName).append('\n');
        out.append("+++ ").append(actualName).append('\n');
        out.append("@@ -").append(range(from, toA)).append(" +").append(range(from, toB)).append(" @@\n");
        for (int i = from; i < start; i++) {
            out.append(' ').append(cut(a.get(i))).append('\n');
        }
        changed(out, '-', a, start, endA);
        changed(out, '+', b, start, endB);
        for (int i = endA; i < toA; i++) {
            out.append(' ').append(cut(a.get(i))).append('\n');
        }
        return new TextDiff(start + 1, start < endA ? a.get(start) : null, start < endB ? b.get(start) : null,
                out.toString());
    }

    private static void changed(StringBuilder out, char sign, List<String> lines, int from, int to) {
        for (int i = from; i < Math.min(to, from + MAX_LINES); i++) {
            out.append(sign).append(cut(lines.get(i))).append('\n');
        }
        if (to - from > MAX_LINES) {
            out.append(sign).append("… ").append(to - from - MAX_LINES).append(" more lines\n");
        }
    }

    private static String range(int from, int to) {
        return (to > from ? from + 1 : from) + "," + (to - from);
    }

    private static String cut(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "…";
    }
}

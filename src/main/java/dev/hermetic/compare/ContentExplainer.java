package dev.hermetic.compare;

import dev.hermetic.archive.ArchiveFormat;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Says what differs between two contents of one entry: a nested archive's entries, manifest attributes by name,
 * {@code .properties} keys, class-file versions, members and strings, text lines, or else sizes and the first
 * differing byte. Every content is judged by its bytes first; a manifest or properties file whose parsed values
 * are equal is explained as text (order, comments, line endings).
 */
final class ContentExplainer {

    /** Compares two archives of the same format held in memory, one level deeper. */
    interface NestedArchives {
        void compare(String prefix, ArchiveFormat format, byte[] reference, byte[] actual) throws IOException;
    }

    private static final int MAX_LISTED = 10;

    private final Findings findings;
    private final NestedArchives nested;

    ContentExplainer(Findings findings, NestedArchives nested) {
        this.findings = findings;
        this.nested = nested;
    }

    /** Explains two different contents of {@code entry} ("" for a top-level file named {@code name}). */
    void explain(String entry, String name, byte[] a, byte[] b) throws IOException {
        ArchiveFormat format = ArchiveFormat.detect(a);
        if (format != ArchiveFormat.NONE && format == ArchiveFormat.detect(b)) {
            nested.compare(entry.isEmpty() ? "" : entry + "!/", format, a, b);
            return;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith("manifest.mf") && manifest(entry, a, b)) {
            return;
        }
        if (lower.endsWith(".properties") && properties(entry, a, b)) {
            return;
        }
        if (isClass(a) && isClass(b)) {
            classFile(entry, a, b);
            return;
        }
        String textA = text(a);
        String textB = text(b);
        if (textA != null && textB != null) {
            text(entry, name, textA, textB);
            return;
        }
        binary(entry, "content", a, b);
    }

    /** Explains two large contents by sizes and first differing byte, from the offset found by the caller. */
    void binary(String entry, long sizeA, long sizeB, long firstDifference) {
        findings.add(entry, DifferenceKind.BINARY, "content (first differing byte at offset " + firstDifference + ")",
                sizeA + " bytes", sizeB + " bytes");
    }

    private void binary(String entry, String what, byte[] a, byte[] b) {
        findings.add(entry, DifferenceKind.BINARY, what + " (first differing byte at offset " + Arrays.mismatch(a, b) + ")",
                a.length + " bytes", b.length + " bytes");
    }

    private boolean manifest(String entry, byte[] a, byte[] b) {
        Map<String, String> ma = manifestAttributes(new String(a, StandardCharsets.UTF_8));
        Map<String, String> mb = manifestAttributes(new String(b, StandardCharsets.UTF_8));
        if (ma.equals(mb)) {
            return false;
        }
        Set<String> names = new java.util.LinkedHashSet<>(ma.keySet());
        names.addAll(mb.keySet());
        keyed(entry, DifferenceKind.MANIFEST, "attribute ", names, ma::get, mb::get);
        return true;
    }

    /** One difference per name whose two values differ. */
    private void keyed(String entry, DifferenceKind kind, String label, Set<String> names,
            java.util.function.Function<String, String> a, java.util.function.Function<String, String> b) {
        for (String name : names) {
            String va = a.apply(name);
            String vb = b.apply(name);
            if (va == null || !va.equals(vb)) {
                findings.add(entry, kind, label + name, va, vb);
            }
        }
    }

    /** Attributes by name ("Name" or "Name in section S"), continuation lines joined. */
    static Map<String, String> manifestAttributes(String text) {
        Map<String, String> attributes = new LinkedHashMap<>();
        List<String> logical = new ArrayList<>();
        for (String line : TextDiff.lines(text)) {
            if (line.startsWith(" ") && !logical.isEmpty() && !logical.get(logical.size() - 1).isEmpty()) {
                logical.set(logical.size() - 1, logical.get(logical.size() - 1) + line.substring(1));
            } else {
                logical.add(line);
            }
        }
        String section = null;
        boolean sectionStart = false;
        for (String line : logical) {
            if (line.isEmpty()) {
                sectionStart = true;
                continue;
            }
            int colon = line.indexOf(": ");
            String name = colon > 0 ? line.substring(0, colon) : line;
            String value = colon > 0 ? line.substring(colon + 2) : "";
            if (sectionStart && name.equalsIgnoreCase("Name")) {
                section = value;
                sectionStart = false;
                continue;
            }
            sectionStart = false;
            attributes.put(section == null ? name : name + " in section " + section, value);
        }
        return attributes;
    }

    private boolean properties(String entry, byte[] a, byte[] b) throws IOException {
        Properties pa = new Properties();
        Properties pb = new Properties();
        try {
            pa.load(new ByteArrayInputStream(a));
            pb.load(new ByteArrayInputStream(b));
        } catch (IllegalArgumentException malformed) {
            return false; // a bad \\u escape: explained as text
        }
        if (pa.equals(pb)) {
            return false;
        }
        Set<String> keys = new TreeSet<>(pa.stringPropertyNames());
        keys.addAll(pb.stringPropertyNames());
        keyed(entry, DifferenceKind.PROPERTIES, "key ", keys, pa::getProperty, pb::getProperty);
        return true;
    }

    private static boolean isClass(byte[] b) {
        return b.length >= 4 && (b[0] & 0xff) == 0xCA && (b[1] & 0xff) == 0xFE && (b[2] & 0xff) == 0xBA
                && (b[3] & 0xff) == 0xBE;
    }

    private void classFile(String entry, byte[] a, byte[] b) {
        ClassFileSummary ca;
        ClassFileSummary cb;
        try {
            ca = ClassFileSummary.parse(a);
            cb = ClassFileSummary.parse(b);
        } catch (ClassFileSummary.MalformedClassException e) {
            binary(entry, "class bytes differ; malformed class file (" + e.getMessage() + ")", a, b);
            return;
        }
        int before = findings.count();
        if (ca.major() != cb.major() || ca.minor() != cb.minor()) {
            findings.add(entry, DifferenceKind.CLASS_FILE, "class file version", ca.version(), cb.version());
        }
        if (ca.access() != cb.access()) {
            findings.add(entry, DifferenceKind.CLASS_FILE, "class access flags",
                    String.format("0x%04x", ca.access()), String.format("0x%04x", cb.access()));
        }
        members(entry, "field", ca.fields(), cb.fields());
        members(entry, "method", ca.methods(), cb.methods());
        Set<String> removed = new TreeSet<>(ca.strings());
        removed.removeAll(cb.strings());
        Set<String> added = new TreeSet<>(cb.strings());
        added.removeAll(ca.strings());
        if (!removed.isEmpty() || !added.isEmpty()) {
            findings.add(entry, DifferenceKind.CLASS_FILE, "constant-pool strings (only in the reference / only here)",
                    listed(removed), listed(added));
        }
        if (findings.count() == before) {
            binary(entry, "class bytes differ with the same version, members and strings (constant-pool order or class attributes)", a, b);
        }
    }

    private void members(String entry, String kind, Map<String, Long> a, Map<String, Long> b) {
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, Long> m : a.entrySet()) {
            Long other = b.get(m.getKey());
            if (other == null) {
                removed.add(m.getKey());
            } else if (!other.equals(m.getValue())) {
                findings.add(entry, DifferenceKind.CLASS_FILE, kind + " " + m.getKey() + ": flags, code or attributes differ",
                        String.format("crc32 %08x", m.getValue()), String.format("crc32 %08x", other));
            }
        }
        List<String> added = new ArrayList<>();
        for (String key : b.keySet()) {
            if (!a.containsKey(key)) {
                added.add(key);
            }
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            findings.add(entry, DifferenceKind.CLASS_FILE, kind + "s (only in the reference / only here)",
                    listed(removed), listed(added));
        }
    }

    private static String listed(java.util.Collection<String> values) {
        if (values.isEmpty()) {
            return "none";
        }
        StringBuilder out = new StringBuilder();
        int n = 0;
        for (String v : values) {
            if (n == MAX_LISTED) {
                out.append(", … and ").append(values.size() - MAX_LISTED).append(" more");
                break;
            }
            out.append(n++ == 0 ? "" : ", ").append('"').append(v.length() > 80 ? v.substring(0, 80) + "…" : v).append('"');
        }
        return out.toString();
    }

    /** The content as UTF-8 text, or {@code null} if it holds NUL bytes or is not valid UTF-8. */
    static String text(byte[] bytes) {
        for (byte x : bytes) {
            if (x == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void text(String entry, String name, String a, String b) {
        List<String> la = TextDiff.lines(a);
        List<String> lb = TextDiff.lines(b);
        TextDiff diff = TextDiff.of("reference/" + name, "actual/" + name, la, lb);
        if (diff == null) {
            String ea = lineEndings(a);
            String eb = lineEndings(b);
            if (!ea.equals(eb)) {
                findings.add(entry, DifferenceKind.TEXT, "line endings", ea, eb);
            } else {
                findings.add(entry, DifferenceKind.TEXT, "whitespace at the end of the text",
                        a.length() + " characters", b.length() + " characters");
            }
            return;
        }
        findings.add(entry, DifferenceKind.TEXT, "line " + diff.line(), diff.referenceLine(), diff.actualLine(), diff.excerpt());
    }

    private static String lineEndings(String text) {
        int crlf = 0;
        int lf = 0;
        int cr = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r') {
                if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    crlf++;
                    i++;
                } else {
                    cr++;
                }
            } else if (c == '\n') {
                lf++;
            }
        }
        List<String> kinds = new ArrayList<>();
        if (crlf > 0) {
            kinds.add("CRLF");
        }
        if (lf > 0) {
            kinds.add("LF");
        }
        if (cr > 0) {
            kinds.add("CR");
        }
        return kinds.isEmpty() ? "no line ends" : String.join(" and ", kinds);
    }
}

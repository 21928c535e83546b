package dev.hermetic.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Rewrites META-INF/MANIFEST.MF in one canonical form: CRLF line endings, lines of at most 72 bytes with
 * continuation lines that never split a UTF-8 character, {@code Manifest-Version} first in the main section,
 * every other attribute and every section in its original order, one blank line after each section. The
 * configured main-section attributes (case-insensitive, as manifest names are) are removed. Parsing our own
 * output gives the same attributes back, so the rewrite is idempotent.
 */
final class ManifestRewriter {

    private final Set<String> attributesToRemove;

    ManifestRewriter(List<String> attributesToRemove) {
        this.attributesToRemove = attributesToRemove.stream()
                .map(a -> a.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** @throws IllegalArgumentException describing the first malformed line */
    byte[] rewrite(byte[] manifest) {
        List<List<String[]>> sections = parse(manifest);
        ByteArrayOutputStream out = new ByteArrayOutputStream(manifest.length + 64);
        for (int s = 0; s < sections.size(); s++) {
            List<String[]> attributes = sections.get(s);
            if (s == 0) {
                attributes.removeIf(a -> attributesToRemove.contains(a[0].toLowerCase(Locale.ROOT)));
                for (int i = 0; i < attributes.size(); i++) {
                    if (attributes.get(i)[0].equalsIgnoreCase("Manifest-Version")) {
                        attributes.add(0, attributes.remove(i));
                        break;
                    }
                }
            } else if (attributes.isEmpty()) {
                continue;
            }
            for (String[] a : attributes) {
                writeLine(out, (a[0] + ": " + a[1]).getBytes(StandardCharsets.UTF_8));
            }
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static void writeLine(ByteArrayOutputStream out, byte[] line) {
        int pos = 0;
        int room = 72;
        while (line.length - pos > room) {
            int cut = pos + room;
            while ((line[cut] & 0xC0) == 0x80) {
                cut--; // do not split a UTF-8 sequence
            }
            out.write(line, pos, cut - pos);
            out.write('\r');
            out.write('\n');
            out.write(' ');
            pos = cut;
            room = 71;
        }
        out.write(line, pos, line.length - pos);
        out.write('\r');
        out.write('\n');
    }

    /** Sections (the main section first) of name/value pairs, in file order. */
    private static List<List<String[]>> parse(byte[] manifest) {
        List<byte[]> lines = splitLines(manifest);
        List<List<String[]>> sections = new ArrayList<>();
        List<String[]> current = new ArrayList<>();
        sections.add(current);
        ByteArrayOutputStream logical = null;
        int lineNumber = 0;
        int logicalLineNumber = 0;
        for (byte[] line : lines) {
            lineNumber++;
            if (line.length > 0 && line[0] == ' ') {
                if (logical == null) {
                    throw new IllegalArgumentException("line " + lineNumber + " continues nothing");
                }
                logical.write(line, 1, line.length - 1);
                continue;
            }
            if (logical != null) {
                current.add(attribute(logical.toByteArray(), logicalLineNumber));
                logical = null;
            }
            if (line.length == 0) {
                if (!current.isEmpty()) {
                    current = new ArrayList<>();
                    sections.add(current);
                }
                continue;
            }
            logical = new ByteArrayOutputStream();
            logical.write(line, 0, line.length);
            logicalLineNumber = lineNumber;
        }
        if (logical != null) {
            current.add(attribute(logical.toByteArray(), logicalLineNumber));
        }
        return sections;
    }

    private static String[] attribute(byte[] bytes, int lineNumber) {
        String line = new String(bytes, StandardCharsets.UTF_8);
        int colon = line.indexOf(": ");
        if (colon <= 0) {
            throw new IllegalArgumentException("line " + lineNumber + " is not 'Name: value': '" + line + "'");
        }
        return new String[] {line.substring(0, colon), line.substring(colon + 2)};
    }

    /** Lines without their terminators; CRLF, LF and CR all end a line. */
    static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n' || bytes[i] == '\r') {
                lines.add(java.util.Arrays.copyOfRange(bytes, start, i));
                if (bytes[i] == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            lines.add(java.util.Arrays.copyOfRange(bytes, start, bytes.length));
        }
        return lines;
    }
}

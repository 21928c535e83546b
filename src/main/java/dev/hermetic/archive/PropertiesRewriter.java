package dev.hermetic.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Scrubs .properties files. {@code META-INF/maven/**}{@code /pom.properties} is machine-written: all comment
 * lines go (maven-archiver writes the build date and the Maven version there, MSHARED-494) and the keys are
 * sorted (their order differs between JDK 8 and 9+, MSHARED-833), with LF line endings. Any other
 * {@code .properties} file only loses the date comment line that {@code Properties.store} writes
 * ({@code #Wed Nov 25 21:58:42 UTC 2026}); everything else in it stays byte for byte.
 */
final class PropertiesRewriter {

    private static final Pattern STORE_DATE = Pattern.compile(
            "#(Mon|Tue|Wed|Thu|Fri|Sat|Sun) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ 0-3]\\d "
                    + "\\d\\d:\\d\\d:\\d\\d [A-Za-z0-9+\\-:/_]+ \\d{4}");

    private PropertiesRewriter() {}

    static boolean isPomProperties(String name) {
        return name.startsWith("META-INF/maven/") && name.endsWith("/pom.properties");
    }

    static boolean isProperties(String name) {
        return name.endsWith(".properties");
    }

    /** Comments and blank lines dropped, logical lines sorted by key, LF endings. */
    static byte[] rewritePomProperties(byte[] content) {
        List<byte[]> lines = ManifestRewriter.splitLines(content);
        List<String[]> entries = new ArrayList<>(); // key, logical line text
        StringBuilder logical = null;
        for (byte[] raw : lines) {
            String line = new String(raw, StandardCharsets.ISO_8859_1);
            if (logical == null) {
                String trimmed = line.stripLeading();
                if (trimmed.isEmpty() || trimmed.charAt(0) == '#' || trimmed.charAt(0) == '!') {
                    continue;
                }
                logical = new StringBuilder(line);
            } else {
                logical.append('\n').append(line);
            }
            if (!continues(line)) {
                entries.add(new String[] {key(logical.toString()), logical.toString()});
                logical = null;
            }
        }
        if (logical != null) {
            entries.add(new String[] {key(logical.toString()), logical.toString()});
        }
        entries.sort(Comparator.comparing((String[] e) -> e[0]).thenComparing(e -> e[1]));
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length);
        for (String[] e : entries) {
            out.writeBytes(e[1].getBytes(StandardCharsets.ISO_8859_1));
            out.write('\n');
        }
        return out.toByteArray();
    }

    /** The content without the lines Properties.store writes as a date; unchanged if there is none. */
    static byte[] dropStoreDate(byte[] content) {
        ByteArrayOutputStream out = null;
        int start = 0;
        for (int i = 0; i <= content.length; i++) {
            if (i == content.length || content[i] == '\n') {
                int end = i < content.length ? i + 1 : i;
                int textEnd = i;
                if (textEnd > start && content[textEnd - 1] == '\r') {
                    textEnd--;
                }
                boolean date = textEnd - start >= 20 && textEnd - start <= 64 && content[start] == '#'
                        && STORE_DATE.matcher(new String(content, start, textEnd - start, StandardCharsets.ISO_8859_1)).matches();
                if (date && out == null) {
                    out = new ByteArrayOutputStream(content.length);
                    out.write(content, 0, start);
                } else if (!date && out != null) {
                    out.write(content, start, end - start);
                }
                start = end;
            }
        }
        return out == null ? content : out.toByteArray();
    }

    private static boolean continues(String line) {
        int backslashes = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private static String key(String logicalLine) {
        String s = logicalLine.stripLeading();
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                key.append(c).append(s.charAt(++i));
            } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
                break;
            } else {
                key.append(c);
            }
        }
        return key.toString();
    }
}

package dev.hermetic.attest;

import dev.hermetic.lock.ArtifactCoordinates;
import java.nio.charset.StandardCharsets;

/**
 * The package URL of a Maven artifact, as the purl specification's {@code maven} type writes it:
 * {@code pkg:maven/groupId/artifactId@version}, with the qualifiers {@code classifier} and {@code type} (the file
 * extension, left out when it is {@code jar}) in that order.
 */
public final class MavenPurl {

    private MavenPurl() {}

    public static String of(ArtifactCoordinates coordinates) {
        StringBuilder purl = new StringBuilder("pkg:maven/")
                .append(encode(coordinates.groupId())).append('/')
                .append(encode(coordinates.artifactId())).append('@')
                .append(encode(coordinates.version()));
        char separator = '?';
        if (!coordinates.classifier().isEmpty()) {
            purl.append(separator).append("classifier=").append(encode(coordinates.classifier()));
            separator = '&';
        }
        if (!coordinates.extension().equals("jar")) {
            purl.append(separator).append("type=").append(encode(coordinates.extension()));
        }
        return purl.toString();
    }

    /** Percent-encodes everything but letters, digits and {@code . - _ ~}, as UTF-8. */
    private static String encode(String component) {
        StringBuilder encoded = new StringBuilder(component.length());
        for (byte b : component.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-'
                    || c == '_' || c == '~') {
                encoded.append(c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }
}

package dev.hermetic.attest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermetic.digest.DigestAlgorithm;
import dev.hermetic.io.CanonicalJson;
import dev.hermetic.lock.ArtifactCoordinates;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * An in-toto ResourceDescriptor, the shape of a Statement's subjects and of the provenance's resolved dependencies:
 * the fields this project writes ({@code uri}, {@code name}, {@code mediaType}, {@code digest}). Digest values are
 * lowercase hex.
 *
 * @param uri null when absent
 * @param name null when absent
 * @param mediaType null when absent
 * @param digest algorithm name ({@code sha256}, {@code sha512}, {@code gitCommit}) to hex value, sorted
 */
public record ResourceDescriptor(String uri, String name, String mediaType, SortedMap<String, String> digest) {

    /** The media type that marks the lockfile among the resolved dependencies. */
    public static final String LOCKFILE_MEDIA_TYPE = "text/vnd.dev.hermetic.lockfile";

    /** The digest name of a git commit, as SLSA's digest-set conventions spell it. */
    public static final String GIT_COMMIT = "gitCommit";

    public ResourceDescriptor {
        TreeMap<String, String> copy = new TreeMap<>();
        if (digest != null) {
            digest.forEach((algorithm, value) -> {
                if (value == null || value.isEmpty() || !value.chars().allMatch(HexFormat::isHexDigit)) {
                    throw new IllegalArgumentException("The " + algorithm + " digest of " + label(uri, name)
                            + " is not hexadecimal: '" + value + "'");
                }
                copy.put(algorithm, value.toLowerCase(Locale.ROOT));
            });
        }
        digest = Collections.unmodifiableSortedMap(copy);
        if (uri == null && name == null) {
            throw new IllegalArgumentException("A resource needs a uri or a name");
        }
    }

    /** A file, e.g. a subject: its name and digests. */
    public static ResourceDescriptor file(String name, Map<DigestAlgorithm, String> digests) {
        return new ResourceDescriptor(null, name, null, digestSet(digests));
    }

    /** A Maven artifact the build resolved: its package URL and digests (from the lockfile). */
    public static ResourceDescriptor mavenArtifact(ArtifactCoordinates coordinates, Map<DigestAlgorithm, String> digests) {
        return new ResourceDescriptor(MavenPurl.of(coordinates), null, null, digestSet(digests));
    }

    /** The lockfile the build was verified against, by its path relative to the build's root. */
    public static ResourceDescriptor lockfile(String relativePath, Map<DigestAlgorithm, String> digests) {
        return new ResourceDescriptor(null, relativePath, LOCKFILE_MEDIA_TYPE, digestSet(digests));
    }

    /**
     * The source the build started from: the repository as a {@code git+} URI (any user name and password in it are
     * dropped: a remote's URL may carry a token) and the commit.
     */
    public static ResourceDescriptor gitCommit(String repositoryUri, String commit) {
        if (commit == null || (commit.length() != 40 && commit.length() != 64)
                || !commit.chars().allMatch(HexFormat::isHexDigit)) {
            throw new IllegalArgumentException("'" + commit + "' is not a git commit: give its full 40 (SHA-1) or 64"
                    + " (SHA-256) hex digits, as `git rev-parse HEAD` prints them");
        }
        String uri = repositoryUri == null || repositoryUri.isBlank() ? null : gitUri(repositoryUri.strip());
        return new ResourceDescriptor(uri, uri == null ? "source" : null, null,
                new TreeMap<>(Map.of(GIT_COMMIT, commit)));
    }

    private static String gitUri(String uri) {
        String withoutPrefix = uri.startsWith("git+") ? uri.substring(4) : uri;
        try {
            URI parsed = new URI(withoutPrefix);
            if (parsed.getScheme() != null && parsed.getRawUserInfo() != null) {
                withoutPrefix = new URI(parsed.getScheme(), null, parsed.getHost(), parsed.getPort(),
                        parsed.getPath(), parsed.getQuery(), parsed.getFragment()).toString();
            }
        } catch (URISyntaxException e) {
            // scp-like "git@host:path" is not a URI; it holds no password.
        }
        return "git+" + withoutPrefix;
    }

    private static SortedMap<String, String> digestSet(Map<DigestAlgorithm, String> digests) {
        SortedMap<String, String> set = new TreeMap<>();
        digests.forEach((algorithm, value) -> {
            if (value.length() != algorithm.hexLength()) {
                throw new IllegalArgumentException("A " + algorithm.jcaName() + " digest has " + algorithm.hexLength()
                        + " hex digits, not " + value.length() + ": '" + value + "'");
            }
            set.put(algorithm.extension(), value);
        });
        return set;
    }

    /** The digest of {@code algorithm}, when the descriptor has one. */
    public Optional<String> digest(DigestAlgorithm algorithm) {
        return Optional.ofNullable(digest.get(algorithm.extension()));
    }

    /** The uri, else the name: how messages name the resource. */
    public String label() {
        return label(uri, name);
    }

    private static String label(String uri, String name) {
        return uri != null ? uri : name;
    }

    ObjectNode toJson() {
        ObjectNode node = CanonicalJson.object();
        if (uri != null) {
            node.put("uri", uri);
        }
        if (name != null) {
            node.put("name", name);
        }
        if (mediaType != null) {
            node.put("mediaType", mediaType);
        }
        if (!digest.isEmpty()) {
            ObjectNode set = node.putObject("digest");
            digest.forEach(set::put);
        }
        return node;
    }

    /**
     * Reads one descriptor; fields this project does not write are ignored.
     *
     * @param where the field, for messages ("subject[2] of provenance file x.intoto.jsonl")
     */
    static ResourceDescriptor fromJson(JsonNode node, String where) throws ProvenanceFormatException {
        if (!node.isObject()) {
            throw new ProvenanceFormatException(where + " is not an object");
        }
        TreeMap<String, String> digest = new TreeMap<>();
        JsonNode set = node.path("digest");
        if (!set.isMissingNode()) {
            if (!set.isObject()) {
                throw new ProvenanceFormatException(where + ".digest is not an object");
            }
            for (Map.Entry<String, JsonNode> field : set.properties()) {
                if (!field.getValue().isTextual()) {
                    throw new ProvenanceFormatException(where + ".digest." + field.getKey() + " is not a string");
                }
                digest.put(field.getKey(), field.getValue().textValue());
            }
        }
        try {
            return new ResourceDescriptor(text(node, "uri", where), text(node, "name", where),
                    text(node, "mediaType", where), digest);
        } catch (IllegalArgumentException e) {
            throw new ProvenanceFormatException(where + ": " + e.getMessage());
        }
    }

    private static String text(JsonNode node, String field, String where) throws ProvenanceFormatException {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ProvenanceFormatException(where + "." + field + " is not a string");
        }
        return value.textValue();
    }
}

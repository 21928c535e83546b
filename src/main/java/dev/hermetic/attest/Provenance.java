package dev.hermetic.attest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermetic.io.CanonicalJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The provenance of one build: an in-toto Statement v1 whose predicate is SLSA provenance v1, written as canonical
 * JSON ({@link CanonicalJson}) so that the same build gives the same bytes. Subjects are sorted by name, resolved
 * dependencies by uri then name; the same dependency given twice is written once. Fields are described in
 * {@code docs/provenance.md}.
 *
 * @param subjects the build's outputs, each with its file name and digests; names are unique
 * @param resolvedDependencies the artifacts, lockfile and source the build used
 * @param builderId {@code runDetails.builder.id}, {@link #DEFAULT_BUILDER_ID} unless the user names the platform
 */
public record Provenance(List<ResourceDescriptor> subjects, ExternalParameters externalParameters,
        InternalParameters internalParameters, List<ResourceDescriptor> resolvedDependencies, String builderId,
        RunMetadata metadata) {

    public static final String STATEMENT_TYPE = "https://in-toto.io/Statement/v1";
    public static final String PREDICATE_TYPE = "https://slsa.dev/provenance/v1";

    /** What a build of this type is and what its parameters mean: docs/provenance.md. */
    public static final String BUILD_TYPE = "urn:dev.hermetic:maven-build:v1";

    /**
     * Says that the build reported itself and no build platform vouches for it; a CI system's identity, when the user
     * sets one, says more.
     */
    public static final String DEFAULT_BUILDER_ID = "urn:dev.hermetic:builder:unattested";

    private static final Comparator<ResourceDescriptor> BY_URI_THEN_NAME = Comparator
            .comparing(ResourceDescriptor::uri, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(ResourceDescriptor::name, Comparator.nullsFirst(Comparator.naturalOrder()));

    public Provenance {
        Objects.requireNonNull(externalParameters, "externalParameters");
        Objects.requireNonNull(internalParameters, "internalParameters");
        Objects.requireNonNull(builderId, "builderId");
        Objects.requireNonNull(metadata, "metadata");
        if (builderId.isBlank()) {
            throw new IllegalArgumentException("The builder id is empty: leave it unset for " + DEFAULT_BUILDER_ID);
        }
        Map<String, ResourceDescriptor> byName = new LinkedHashMap<>();
        for (ResourceDescriptor subject : subjects) {
            if (subject.name() == null || subject.digest().isEmpty()) {
                throw new IllegalArgumentException("Subject " + subject.label() + " needs a name and a digest");
            }
            ResourceDescriptor earlier = byName.put(subject.name(), subject);
            if (earlier != null && !earlier.equals(subject)) {
                throw new IllegalArgumentException("Two subjects are named '" + subject.name() + "' with different"
                        + " digests: " + earlier.digest() + " and " + subject.digest());
            }
        }
        subjects = byName.values().stream().sorted(Comparator.comparing(ResourceDescriptor::name)).toList();
        List<ResourceDescriptor> sorted = new ArrayList<>(resolvedDependencies);
        sorted.sort(BY_URI_THEN_NAME);
        List<ResourceDescriptor> unique = new ArrayList<>();
        for (ResourceDescriptor dependency : sorted) {
            ResourceDescriptor last = unique.isEmpty() ? null : unique.get(unique.size() - 1);
            if (last != null && BY_URI_THEN_NAME.compare(last, dependency) == 0) {
                if (!last.equals(dependency)) {
                    throw new IllegalArgumentException("Dependency " + dependency.label() + " is given twice, with"
                            + " different digests: " + last.digest() + " and " + dependency.digest());
                }
                continue;
            }
            unique.add(dependency);
        }
        resolvedDependencies = List.copyOf(unique);
    }

    /** The Statement as a JSON tree. */
    public ObjectNode statement() {
        ObjectNode statement = CanonicalJson.object();
        statement.put("_type", STATEMENT_TYPE);
        ArrayNode subjectArray = statement.putArray("subject");
        subjects.forEach(s -> subjectArray.add(s.toJson()));
        statement.put("predicateType", PREDICATE_TYPE);
        ObjectNode predicate = statement.putObject("predicate");
        ObjectNode buildDefinition = predicate.putObject("buildDefinition");
        buildDefinition.put("buildType", BUILD_TYPE);
        buildDefinition.set("externalParameters", externalParameters.toJson());
        buildDefinition.set("internalParameters", internalParameters.toJson());
        ArrayNode dependencies = buildDefinition.putArray("resolvedDependencies");
        resolvedDependencies.forEach(d -> dependencies.add(d.toJson()));
        ObjectNode runDetails = predicate.putObject("runDetails");
        runDetails.putObject("builder").put("id", builderId);
        if (!metadata.isEmpty()) {
            runDetails.set("metadata", metadata.toJson());
        }
        return statement;
    }

    /** The Statement's canonical bytes: the DSSE payload. */
    public byte[] statementBytes() {
        return CanonicalJson.write(statement());
    }
}

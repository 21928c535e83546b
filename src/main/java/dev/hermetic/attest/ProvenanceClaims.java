package dev.hermetic.attest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hermetic.io.CanonicalJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a provenance Statement claims, as a verifier reads it: its subjects and resolved dependencies. Reads any
 * in-toto Statement v1 with a SLSA provenance v1 predicate; fields it does not check are not read.
 */
public record ProvenanceClaims(List<ResourceDescriptor> subjects, List<ResourceDescriptor> resolvedDependencies) {

    public ProvenanceClaims {
        subjects = List.copyOf(subjects);
        resolvedDependencies = List.copyOf(resolvedDependencies);
    }

    /**
     * @param what the source, for messages ("the payload of provenance file x.intoto.jsonl")
     * @throws ProvenanceFormatException naming the field that is missing or of the wrong kind
     */
    public static ProvenanceClaims parse(byte[] statement, String what) throws ProvenanceFormatException {
        JsonNode root;
        try {
            root = CanonicalJson.read(statement, what);
        } catch (ProvenanceFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new ProvenanceFormatException(e.getMessage());
        }
        expect(root, "_type", Provenance.STATEMENT_TYPE, what);
        expect(root, "predicateType", Provenance.PREDICATE_TYPE, what);
        List<ResourceDescriptor> subjects = descriptors(root.path("subject"), "subject", what);
        if (subjects.isEmpty()) {
            throw new ProvenanceFormatException(what + " has no subject");
        }
        JsonNode dependencies = root.path("predicate").path("buildDefinition").path("resolvedDependencies");
        return new ProvenanceClaims(subjects, dependencies.isMissingNode() ? List.of()
                : descriptors(dependencies, "predicate.buildDefinition.resolvedDependencies", what));
    }

    private static void expect(JsonNode root, String field, String value, String what)
            throws ProvenanceFormatException {
        JsonNode actual = root.path(field);
        if (!actual.isTextual() || !actual.textValue().equals(value)) {
            throw new ProvenanceFormatException(what + " is not a SLSA provenance Statement: its " + field + " is "
                    + (actual.isMissingNode() ? "missing" : actual.toString()) + ", not \"" + value + "\"");
        }
    }

    private static List<ResourceDescriptor> descriptors(JsonNode array, String field, String what)
            throws ProvenanceFormatException {
        if (!array.isArray()) {
            throw new ProvenanceFormatException(what + ": " + field + " is not an array");
        }
        List<ResourceDescriptor> result = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            result.add(ResourceDescriptor.fromJson(array.get(i), field + "[" + i + "] of " + what));
        }
        return result;
    }
}

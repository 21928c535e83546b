package dev.hermetic.attest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermetic.io.CanonicalJson;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * SLSA's {@code runDetails.metadata}: facts of one run, which make the file differ per run, so each is written only
 * when the user opts in; by default there are none and the field is omitted.
 */
public record RunMetadata(Optional<String> invocationId, Optional<Instant> startedOn, Optional<Instant> finishedOn) {

    /** Nothing about the run: the default, reproducible. */
    public static final RunMetadata NONE = new RunMetadata(Optional.empty(), Optional.empty(), Optional.empty());

    boolean isEmpty() {
        return invocationId.isEmpty() && startedOn.isEmpty() && finishedOn.isEmpty();
    }

    ObjectNode toJson() {
        ObjectNode node = CanonicalJson.object();
        invocationId.ifPresent(id -> node.put("invocationId", id));
        // RFC 3339 in UTC, whole seconds: Instant.toString() of a truncated instant.
        startedOn.ifPresent(t -> node.put("startedOn", t.truncatedTo(ChronoUnit.SECONDS).toString()));
        finishedOn.ifPresent(t -> node.put("finishedOn", t.truncatedTo(ChronoUnit.SECONDS).toString()));
        return node;
    }
}

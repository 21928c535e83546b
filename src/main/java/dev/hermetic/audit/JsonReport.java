package dev.hermetic.audit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermetic.io.CanonicalJson;
import java.util.Locale;

/**
 * The machine-readable report ({@code hermetic-audit.json}): the level, the checks each level needs, and every check
 * with its status, evidence, fix and snippet, in {@link Check}'s order, as canonical JSON.
 */
public final class JsonReport {

    /** Names this layout; raised when a field changes meaning. */
    static final String FORMAT = "hermetic-audit/1";

    private JsonReport() {}

    public static byte[] write(AuditReport report) {
        ObjectNode root = CanonicalJson.object();
        root.put("format", FORMAT);
        Level level = report.level();
        root.put("level", level.name());
        root.put("next", level.next() == null ? null : level.next().name());
        root.put("passing", report.passing());
        root.put("total", report.results().size());
        ArrayNode levels = root.putArray("levels");
        for (Level l : Level.values()) {
            ObjectNode o = levels.addObject();
            o.put("level", l.name());
            o.put("meaning", l.meaning());
            o.put("reached", report.reaches(l));
            ArrayNode checks = o.putArray("checks");
            for (Check check : Check.values()) {
                if (check.level() == l) {
                    checks.add(check.id());
                }
            }
        }
        ArrayNode checks = root.putArray("checks");
        for (CheckResult r : report.results()) {
            ObjectNode o = checks.addObject();
            o.put("id", r.check().id());
            o.put("area", r.check().area().id());
            o.put("level", r.check().level().name());
            o.put("title", r.check().title());
            o.put("status", r.status().name().toLowerCase(Locale.ROOT));
            ArrayNode evidence = o.putArray("evidence");
            r.evidence().forEach(evidence::add);
            o.put("fix", r.fix());
            o.put("snippet", r.snippet());
        }
        return CanonicalJson.write(root);
    }
}

package dev.hermetic.compare;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hermetic.compare.FileComparison.Verdict;
import dev.hermetic.io.CanonicalJson;
import java.util.Locale;

/**
 * The machine-readable report ({@code hermetic-compare.json}): every file and every kept difference, in the order
 * found, as canonical JSON (keys sorted, same bytes for the same comparison). Values absent on one side are
 * {@code null}; {@code omitted} counts differences beyond the caps.
 */
public final class JsonReport {

    /** Names this layout; raised when a field changes meaning. */
    static final String FORMAT = "hermetic-compare/1";

    private JsonReport() {}

    public static byte[] write(CompareReport report) {
        ObjectNode root = CanonicalJson.object();
        root.put("format", FORMAT);
        root.put("reference", report.reference());
        root.put("actual", report.actual());
        root.put("identical", report.identical());
        root.put("summary", report.summary());
        ObjectNode counts = root.putObject("counts");
        for (Verdict verdict : Verdict.values()) {
            counts.put(id(verdict), report.count(verdict));
        }
        ArrayNode files = root.putArray("files");
        for (FileComparison file : report.files()) {
            ObjectNode f = files.addObject();
            f.put("path", file.path());
            f.put("verdict", id(file.verdict()));
            f.put("reference", file.reference());
            f.put("actual", file.actual());
            f.put("referenceSha256", file.referenceSha256());
            f.put("actualSha256", file.actualSha256());
            f.put("error", file.error());
            f.put("total", file.total());
            f.put("omitted", file.omitted());
            ArrayNode differences = f.putArray("differences");
            for (Difference d : file.differences()) {
                ObjectNode o = differences.addObject();
                o.put("entry", d.entry());
                o.put("kind", d.kind().id());
                o.put("what", d.what());
                o.put("reference", d.reference());
                o.put("actual", d.actual());
                o.put("excerpt", d.excerpt());
                ObjectNode cause = o.putObject("cause");
                cause.put("id", d.cause().id());
                cause.put("explanation", d.cause().explanation());
                cause.put("fix", d.cause().fix());
            }
        }
        return CanonicalJson.write(root);
    }

    private static String id(Verdict verdict) {
        return verdict.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}

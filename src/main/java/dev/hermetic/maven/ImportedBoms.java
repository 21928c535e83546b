package dev.hermetic.maven;

import java.util.LinkedHashSet;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;

/** The BOMs a module imports, read off the POMs as written (Maven's effective model no longer lists them). */
final class ImportedBoms {

    private ImportedBoms() {}

    /**
     * {@code groupId:artifactId:version} of the BOMs the module and its parents import, as their POMs write them,
     * with {@code ${...}} expressions replaced as Maven's model interpolation does: {@code project.*} from the
     * module's model, then the build's user properties ({@code -D}), the module's effective properties, the system
     * properties. Entries whose expressions cannot be resolved that way are left out (on Maven 3.9 the resolver
     * reports them anyway).
     */
    static Set<String> of(MavenProject project, Properties userProperties, Properties systemProperties) {
        Set<String> boms = new LinkedHashSet<>();
        for (MavenProject p = project; p != null; p = p.getParent()) {
            Model original = p.getOriginalModel();
            if (original == null || original.getDependencyManagement() == null) {
                continue;
            }
            for (Dependency d : original.getDependencyManagement().getDependencies()) {
                if ("import".equals(d.getScope()) && "pom".equals(d.getType())) {
                    // Inherited into the module's model before interpolation: the module's values apply.
                    String g = interpolate(d.getGroupId(), project, userProperties, systemProperties);
                    String a = interpolate(d.getArtifactId(), project, userProperties, systemProperties);
                    String v = interpolate(d.getVersion(), project, userProperties, systemProperties);
                    if (g != null && a != null && v != null) {
                        boms.add(g + ":" + a + ":" + v);
                    }
                }
            }
        }
        return boms;
    }

    /** Replaces {@code ${...}} as {@link #of} describes; {@code null} if one is unknown. */
    static String interpolate(String value, MavenProject p, Properties userProperties, Properties systemProperties) {
        if (value == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int start = value.indexOf("${", i);
            if (start < 0) {
                out.append(value, i, value.length());
                break;
            }
            int end = value.indexOf('}', start);
            if (end < 0) {
                return null;
            }
            out.append(value, i, start);
            String key = value.substring(start + 2, end);
            String replacement = switch (key) {
                case "project.version", "pom.version", "version" -> p.getVersion();
                case "project.groupId", "pom.groupId", "groupId" -> p.getGroupId();
                case "project.artifactId", "pom.artifactId", "artifactId" -> p.getArtifactId();
                case "project.parent.version", "parent.version" -> p.getModel().getParent() == null ? null : p.getModel().getParent().getVersion();
                case "project.parent.groupId", "parent.groupId" -> p.getModel().getParent() == null ? null : p.getModel().getParent().getGroupId();
                default -> firstOf(key, userProperties, p.getProperties(), systemProperties);
            };
            if (replacement == null || replacement.contains("${")) {
                return null;
            }
            out.append(replacement);
            i = end + 1;
        }
        return out.toString();
    }

    /** The value of {@code key} in the first of {@code sources} that has it, or {@code null}. */
    private static String firstOf(String key, Properties... sources) {
        for (Properties source : sources) {
            String value = source == null ? null : source.getProperty(key);
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}

package dev.hermetic.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.model.Dependency;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.interpolation.AbstractValueSource;
import org.codehaus.plexus.interpolation.InterpolationException;
import org.codehaus.plexus.interpolation.MapBasedValueSource;
import org.codehaus.plexus.interpolation.ObjectBasedValueSource;
import org.codehaus.plexus.interpolation.PrefixAwareRecursionInterceptor;
import org.codehaus.plexus.interpolation.PrefixedObjectValueSource;
import org.codehaus.plexus.interpolation.PrefixedValueSourceWrapper;
import org.codehaus.plexus.interpolation.StringSearchInterpolator;

/** The BOMs a module imports, read off the POMs as written (Maven's effective model no longer lists them). */
final class ImportedBoms {

    private static final List<String> PROJECT_PREFIXES = List.of("pom.", "project.");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^}]*}");

    private ImportedBoms() {}

    /** As {@link #of(MavenProject, Properties, Properties, Consumer)}, for a caller that does not report them. */
    static Set<String> of(MavenProject project, Properties userProperties, Properties systemProperties) {
        return of(project, userProperties, systemProperties, unresolved -> {});
    }

    /**
     * {@code groupId:artifactId:version} of the BOMs the module and its parents import, as their POMs write them,
     * with {@code ${...}} expressions replaced as Maven's model interpolation does (the same value sources in the
     * same order: {@code project.*} from the module's model, the build's user properties ({@code -D}), the module's
     * effective properties, the system properties, then the model unprefixed).
     *
     * @param unresolved gets a warning for each import whose coordinates keep an expression, which is left out
     */
    static Set<String> of(MavenProject project, Properties userProperties, Properties systemProperties,
            Consumer<String> unresolved) {
        StringSearchInterpolator interpolator = interpolator(project, userProperties, systemProperties);
        Set<String> boms = new LinkedHashSet<>();
        for (MavenProject p = project; p != null; p = p.getParent()) {
            Model original = p.getOriginalModel();
            if (original == null || original.getDependencyManagement() == null) {
                continue;
            }
            for (Dependency d : original.getDependencyManagement().getDependencies()) {
                if ("import".equals(d.getScope()) && "pom".equals(d.getType())) {
                    // Inherited into the module's model before interpolation: the module's values apply.
                    String written = d.getGroupId() + ":" + d.getArtifactId() + ":" + d.getVersion();
                    String gav;
                    try {
                        gav = interpolator.interpolate(written, new PrefixAwareRecursionInterceptor(PROJECT_PREFIXES));
                    } catch (InterpolationException e) {
                        unresolved.accept(warning(written, p, project, e.getMessage()));
                        continue;
                    }
                    List<String> left = expressions(gav);
                    if (left.isEmpty()) {
                        boms.add(gav);
                    } else {
                        unresolved.accept(warning(written, p, project, "no value for " + String.join(", ", left)));
                    }
                }
            }
        }
        return boms;
    }

    /** Maven's model interpolator's value sources, in its order, for the module's effective model. */
    private static StringSearchInterpolator interpolator(MavenProject project, Properties userProperties,
            Properties systemProperties) {
        Model model = project.getModel();
        StringSearchInterpolator interpolator = new StringSearchInterpolator();
        File basedir = project.getBasedir();
        if (basedir != null) {
            interpolator.addValueSource(new PrefixedValueSourceWrapper(
                    new MapBasedValueSource(Map.of("basedir", basedir.getAbsolutePath())), PROJECT_PREFIXES, true));
        }
        interpolator.addValueSource(new PrefixedObjectValueSource(PROJECT_PREFIXES, model, false));
        interpolator.addValueSource(new MapBasedValueSource(userProperties));
        interpolator.addValueSource(new MapBasedValueSource(model.getProperties()));
        interpolator.addValueSource(new MapBasedValueSource(systemProperties));
        // Maven answers an unknown ${X} with the environment variable X, which it keeps as system property env.X.
        interpolator.addValueSource(new AbstractValueSource(false) {
            @Override
            public Object getValue(String expression) {
                return systemProperties.getProperty("env." + expression);
            }
        });
        interpolator.addValueSource(new ObjectBasedValueSource(model));
        return interpolator;
    }

    private static List<String> expressions(String value) {
        List<String> found = new ArrayList<>();
        Matcher m = EXPRESSION.matcher(value);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }

    private static String warning(String bom, MavenProject declaring, MavenProject module, String why) {
        String pom = declaring.getFile() != null ? declaring.getFile().getPath() : declaring.getId();
        return "hermetic: the BOM " + bom + " that " + pom + " imports cannot be resolved for module "
                + BuildArtifactCollector.moduleName(module) + " (" + why + "): it is not collected, so the "
                + "lockfile may not hold it. Fix: define that property, or write the value in the import.";
    }
}

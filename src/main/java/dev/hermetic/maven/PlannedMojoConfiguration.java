package dev.hermetic.maven;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.internal.LifecycleExecutionPlanCalculator;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.PluginParameterExpressionEvaluator;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.plugin.descriptor.Parameter;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluationException;
import org.codehaus.plexus.component.configurator.expression.ExpressionEvaluator;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The configuration one goal of this plugin gets in one project, read before any mojo runs (extension mode) by
 * Maven's own rules, so that extension mode and the mojo never disagree: Maven's execution plan calculator merges the
 * project's effective POM (the goal's execution there, else the plugin's configuration, as for a goal typed on the
 * command line) with the mojo descriptor's defaults, and Maven's expression evaluator evaluates the result. A POM's
 * value therefore wins over the {@code -D} property behind a parameter's default, as for every mojo, except for a
 * list: there Maven's collection converter lets the property replace the POM's items, and so does this.
 */
final class PlannedMojoConfiguration {

    static final String PLUGIN_KEY = HermeticLifecycleParticipant.GROUP_ID + ":" + HermeticLifecycleParticipant.ARTIFACT_ID;

    private final String goal;
    private final String executionId;
    private final MavenProject project;
    private final Xpp3Dom configuration;
    private final Map<String, Parameter> parameters;
    private final ExpressionEvaluator evaluator;
    private final MavenSession session;

    PlannedMojoConfiguration(String goal, String executionId, MavenProject project, Xpp3Dom configuration,
            Map<String, Parameter> parameters, ExpressionEvaluator evaluator, MavenSession session) {
        this.session = session;
        this.goal = goal;
        this.executionId = executionId;
        this.project = project;
        this.configuration = configuration;
        this.parameters = parameters;
        this.evaluator = evaluator;
    }

    /**
     * Plans {@code goal} of this plugin (the version running now) in {@code project} as Maven would before running it.
     *
     * @throws UnreadableSetting when Maven cannot load the goal's descriptor or configure the execution
     */
    static PlannedMojoConfiguration plan(MavenSession session, MavenProject project, String goal,
            BuildPluginManager plugins, LifecycleExecutionPlanCalculator planner) {
        return plan(session, project, descriptor(session, project, goal, plugins), planner);
    }

    /**
     * The descriptor of {@code goal} of this plugin (the version running now).
     *
     * @throws UnreadableSetting when Maven cannot load it
     */
    static MojoDescriptor descriptor(MavenSession session, MavenProject project, String goal,
            BuildPluginManager plugins) {
        try {
            Plugin plugin = new Plugin();
            plugin.setGroupId(HermeticLifecycleParticipant.GROUP_ID);
            plugin.setArtifactId(HermeticLifecycleParticipant.ARTIFACT_ID);
            plugin.setVersion(ownVersion());
            return plugins.getMojoDescriptor(plugin, goal, project.getRemotePluginRepositories(),
                    session.getRepositorySession());
        } catch (Exception | LinkageError e) {
            throw unreadable(goal, project, e);
        }
    }

    /** Plans the mojo of {@code descriptor} in {@code project} as Maven would before running it. */
    static PlannedMojoConfiguration plan(MavenSession session, MavenProject project, MojoDescriptor descriptor,
            LifecycleExecutionPlanCalculator planner) {
        return plan(session, project, descriptor,
                executionId(project.getPlugin(PLUGIN_KEY), descriptor.getGoal()), planner);
    }

    /**
     * Plans the mojo of {@code descriptor} in {@code project} as Maven would run it in the execution
     * {@code executionId} of the POM, or as {@code default-cli} when null.
     */
    static PlannedMojoConfiguration plan(MavenSession session, MavenProject project, MojoDescriptor descriptor,
            String executionId, LifecycleExecutionPlanCalculator planner) {
        String goal = descriptor.getGoal();
        MavenProject current = session.getCurrentProject();
        // The evaluator reads the session's current project (its properties, its base directory).
        session.setCurrentProject(project);
        // Maven's components look up others (the planner its mojo execution configurators) by what the context class
        // loader sees: from a core extension's realm (.mvn/extensions.xml) they are not visible, from Maven's own
        // container realm, the context its lifecycle runs in, they are.
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        if (session.getContainer() != null) { // null only in a session built by hand (tests)
            thread.setContextClassLoader(session.getContainer().getContainerRealm());
        }
        try {
            MojoExecution execution = executionId == null
                    ? new MojoExecution(descriptor, "default-cli", MojoExecution.Source.CLI)
                    : new MojoExecution(descriptor, executionId, MojoExecution.Source.LIFECYCLE);
            setUp(planner, session, project, execution);
            return new PlannedMojoConfiguration(goal, executionId, project, execution.getConfiguration(),
                    descriptor.getParameterMap(), new PluginParameterExpressionEvaluator(session, execution), session);
        } catch (Exception | LinkageError e) {
            throw unreadable(goal, project, e);
        } finally {
            thread.setContextClassLoader(context);
            session.setCurrentProject(current);
        }
    }

    /**
     * Configures {@code execution} as Maven does before running it. Maven 4 takes the mojos already planned as well
     * (it stops cycles of forked executions; nothing forks here), and no longer has Maven 3's method.
     */
    private static void setUp(LifecycleExecutionPlanCalculator planner, MavenSession session, MavenProject project,
            MojoExecution execution) throws Exception {
        try {
            planner.setupMojoExecution(session, project, execution);
        } catch (NoSuchMethodError maven4) {
            try {
                planner.getClass().getMethod("setupMojoExecution", MavenSession.class, MavenProject.class,
                        MojoExecution.class, Set.class).invoke(planner, session, project, execution, new HashSet<>());
            } catch (InvocationTargetException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
    }

    private static UnreadableSetting unreadable(String goal, MavenProject project, Throwable e) {
        return new UnreadableSetting("the configuration of hermetic:" + goal + " in " + pom(project)
                + " cannot be read: " + (e.getMessage() != null ? e.getMessage() : e.toString()));
    }

    /**
     * The project whose configuration a reactor-wide goal uses: the first one in build order whose POM declares this
     * plugin (where its goal runs first; not one extension mode added it to), else the first one.
     */
    static MavenProject configuringProject(List<MavenProject> buildOrder) {
        for (MavenProject p : buildOrder) {
            if (p.getPlugin(PLUGIN_KEY) != null
                    && p.getContextValue(HermeticLifecycleParticipant.ADDED_VERSION_KEY) == null) {
                return p;
            }
        }
        return buildOrder.get(0);
    }

    /**
     * The execution Maven configures {@code goal} from: the first of the plugin's executions bound to the goal (its
     * configuration includes the plugin's), or null for {@code default-cli} (the plugin's own configuration, as for
     * a goal typed on the command line).
     */
    static String executionId(Plugin plugin, String goal) {
        if (plugin != null) {
            for (PluginExecution e : plugin.getExecutions()) {
                if (e.getGoals().contains(goal)) {
                    return e.getId();
                }
            }
        }
        return null;
    }

    /**
     * A parameter's value as the mojo gets it, as text: null when unset, a list's items joined with commas (a list
     * given as one property is already that text), a boolean as {@code true} or {@code false}, a file made absolute
     * against the project's directory.
     *
     * @throws UnreadableSetting naming the parameter and the POM, when the goal has no such parameter or its value
     *     cannot be evaluated
     */
    String text(String parameter) {
        Parameter declared = declared(parameter);
        Object v = value(parameter);
        return v == null ? null : asText(v, declared.getType());
    }

    /**
     * A parameter's value as given, before Maven converts it to the parameter's type (a boolean's {@code ture} stays
     * {@code ture}); null when unset.
     *
     * @throws UnreadableSetting as {@link #text}
     */
    String givenText(String parameter) {
        declared(parameter);
        Object v = value(parameter);
        return v == null ? null : v.toString();
    }

    /** The names of this goal's parameters of type {@code boolean}. */
    List<String> booleanParameters() {
        return parameters.values().stream()
                .filter(p -> "boolean".equals(p.getType()) || "java.lang.Boolean".equals(p.getType()))
                .map(Parameter::getName).sorted().toList();
    }

    /**
     * Where a parameter's value comes from, for messages: a {@code -D} property, a property of the project, or the
     * POM's configuration of this execution; null when the goal's own default applies.
     */
    String origin(String parameter) {
        Xpp3Dom node = configuration == null ? null : configuration.getChild(parameter);
        if (node == null) {
            return null;
        }
        try {
            String given = node.getValue();
            if (evaluate(given) != null) {
                String property = propertyName(given);
                return property != null ? propertyOrigin(property) : "<" + parameter + "> in " + where();
            }
            String defaultValue = node.getAttribute("default-value");
            if (evaluate(defaultValue) != null) {
                String property = propertyName(defaultValue);
                return property == null ? null : propertyOrigin(property);
            }
            return node.getChildCount() > 0 ? "<" + parameter + "> in " + where() : null;
        } catch (ExpressionEvaluationException | RuntimeException e) {
            return null;
        }
    }

    /** The user property behind a parameter ({@code hermetic.normalize.mode}), else {@code <parameter>}. */
    String propertyOf(String parameter) {
        String property = propertyName(declared(parameter).getExpression());
        return property != null ? property : "<" + parameter + ">";
    }

    /** This goal's execution and POM, for messages. */
    String where() {
        return (executionId == null ? "the plugin's <configuration>" : "execution '" + executionId + "'") + " of "
                + pom(project);
    }

    private String propertyOrigin(String property) {
        if (session.getUserProperties().containsKey(property)) {
            return "-D" + property + " (command line or .mvn/maven.config)";
        }
        if (session.getSystemProperties().containsKey(property)) {
            return "the system property " + property;
        }
        return "the property " + property + " of " + pom(project);
    }

    /** {@code name} when {@code expression} is exactly {@code ${name}}, else null. */
    private static String propertyName(String expression) {
        if (expression != null && expression.startsWith("${") && expression.endsWith("}")
                && expression.indexOf("${", 2) < 0) {
            return expression.substring(2, expression.length() - 1);
        }
        return null;
    }

    private Parameter declared(String parameter) {
        Parameter declared = parameters.get(parameter);
        if (declared == null) {
            throw new UnreadableSetting("hermetic:" + goal + " has no parameter '" + parameter + "' (asked for by "
                    + "extension mode while reading " + pom(project) + "): the plugin's descriptor and its code differ");
        }
        return declared;
    }

    private Object value(String parameter) {
        Xpp3Dom node = configuration == null ? null : configuration.getChild(parameter);
        if (node == null) {
            return null;
        }
        try {
            // As Maven's converters do: the node's value (the POM's text, else the default expression merged in),
            // then the default value; a list's items only when both give nothing. So a -D property replaces a POM's
            // list (Maven's collection converter), while the POM's scalar text hides the default expression.
            Object v = evaluate(node.getValue());
            if (v == null) {
                v = evaluate(node.getAttribute("default-value"));
            }
            if (v != null || node.getChildCount() == 0) {
                return v;
            }
            List<String> items = new ArrayList<>();
            for (Xpp3Dom item : node.getChildren()) {
                Object i = evaluate(item.getValue());
                if (i != null) {
                    items.add(i.toString());
                }
            }
            return String.join(",", items);
        } catch (ExpressionEvaluationException | RuntimeException e) {
            throw new UnreadableSetting("<" + parameter + "> of hermetic:" + goal + " in " + pom(project)
                    + " cannot be evaluated: " + e.getMessage());
        }
    }

    /** A property as a parameter's {@code ${name}} default sees it (user, system, then project properties). */
    String property(String name) {
        try {
            Object v = evaluate("${" + name + "}");
            return v == null ? null : v.toString();
        } catch (ExpressionEvaluationException e) {
            throw new UnreadableSetting("property " + name + " cannot be evaluated for " + pom(project) + ": "
                    + e.getMessage());
        }
    }

    MavenSession session() {
        return session;
    }

    MavenProject project() {
        return project;
    }

    /** The POM the configuration came from. */
    File pomFile() {
        return project.getFile();
    }

    private Object evaluate(String expression) throws ExpressionEvaluationException {
        return expression == null || expression.isEmpty() ? null : evaluator.evaluate(expression);
    }

    private String asText(Object value, String type) {
        return switch (type) {
            case "boolean", "java.lang.Boolean" -> Boolean.toString(Boolean.parseBoolean(value.toString()));
            case "java.io.File" -> evaluator.alignToBaseDirectory(
                    value instanceof File f ? f : new File(value.toString())).getPath();
            default -> value.toString();
        };
    }

    private static String pom(MavenProject project) {
        return project.getFile() != null ? project.getFile().getPath() : project.getId();
    }

    /** The version of this plugin, from its jar: the descriptor read must be the one of the code reading it. */
    static String ownVersion() throws IOException {
        String resource = "/META-INF/maven/" + HermeticLifecycleParticipant.GROUP_ID + "/"
                + HermeticLifecycleParticipant.ARTIFACT_ID + "/pom.properties";
        try (InputStream in = PlannedMojoConfiguration.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " is missing from the plugin's jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
    }

    /** A setting extension mode cannot read: the build stops rather than verify with settings the user did not set. */
    static final class UnreadableSetting extends RuntimeException {
        UnreadableSetting(String message) {
            super(message);
        }
    }
}

package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.maven.model.Model;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

class ImportedBomsTest {

    @Test
    void importedBomsAreReadFromTheOriginalModelsWithTheirExpressionsResolved() {
        Model parentModel = new Model();
        parentModel.setGroupId("g");
        parentModel.setArtifactId("parent");
        parentModel.setVersion("7");
        parentModel.setDependencyManagement(new org.apache.maven.model.DependencyManagement());
        parentModel.getDependencyManagement().addDependency(bom("org.junit", "junit-bom", "${junit.version}"));
        MavenProject parent = new MavenProject(parentModel);
        parent.setOriginalModel(parentModel.clone());

        Model model = appModel();
        model.getDependencyManagement().addDependency(bom("g", "own-bom", "${project.version}"));
        model.getDependencyManagement().addDependency(bom("x", "unknown", "${not.defined}"));
        org.apache.maven.model.Dependency plain = bom("x", "managed", "1");
        plain.setScope("compile");
        plain.setType("jar");
        model.getDependencyManagement().addDependency(plain);
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        project.setParent(parent);

        // The parent's expression is resolved with the module's effective properties (what Maven does too).
        assertThat(ImportedBoms.of(project, new Properties(), new Properties()))
                .containsExactly("g:own-bom:1.2", "org.junit:junit-bom:5.10.2");
    }

    @Test
    void userPropertiesOverrideTheModelsAndSystemPropertiesComeLast() {
        Model model = appModel();
        model.getDependencyManagement().addDependency(bom("org.junit", "junit-bom", "${junit.version}"));
        model.getDependencyManagement().addDependency(bom("x", "from-system", "${bom.from.system}"));
        model.getDependencyManagement().addDependency(bom("x", "own", "${project.version}"));
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        Properties user = new Properties();
        user.setProperty("junit.version", "5.11.0"); // -Djunit.version=5.11.0
        user.setProperty("project.version", "9"); // project.* comes from the model, as in Maven
        Properties system = new Properties();
        system.setProperty("junit.version", "0");
        system.setProperty("bom.from.system", "3");

        assertThat(ImportedBoms.of(project, user, system))
                .containsExactly("org.junit:junit-bom:5.11.0", "x:from-system:3", "x:own:1.2");
    }

    @Test
    void aBomWhoseCoordinatesCannotBeResolvedIsNamedInAWarningWithItsPomAndExpression() {
        Model model = appModel();
        model.getDependencyManagement().addDependency(bom("x", "unknown", "${not.defined}"));
        model.getDependencyManagement().addDependency(bom("x", "own", "${project.version}"));
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        project.setFile(new File("/work/app/pom.xml"));
        List<String> warnings = new ArrayList<>();

        assertThat(ImportedBoms.of(project, new Properties(), new Properties(), warnings::add))
                .containsExactly("x:own:1.2");
        assertThat(warnings).singleElement().asString()
                .contains("x:unknown:${not.defined}", "/work/app/pom.xml", "g:app", "${not.defined}");
    }

    @Test
    void expressionsResolveAsInMavensModelInterpolation() {
        Model parentModel = new Model();
        parentModel.setGroupId("g");
        parentModel.setArtifactId("parent");
        parentModel.setVersion("7");
        Model model = appModel();
        org.apache.maven.model.Parent parent = new org.apache.maven.model.Parent();
        parent.setGroupId("g");
        parent.setArtifactId("parent");
        parent.setVersion("7");
        model.setParent(parent);
        model.getProperties().setProperty("bom.version", "${junit.version}");
        model.getDependencyManagement().addDependency(bom("g", "${project.parent.artifactId}-bom", "${bom.version}"));
        model.getDependencyManagement().addDependency(bom("x", "from-env", "${env.BOM_VERSION}"));
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        Properties system = new Properties();
        system.setProperty("env.BOM_VERSION", "4"); // Maven puts the environment into the system properties so
        List<String> warnings = new ArrayList<>();

        assertThat(ImportedBoms.of(project, new Properties(), system, warnings::add))
                .containsExactly("g:parent-bom:5.10.2", "x:from-env:4");
        assertThat(warnings).isEmpty();
    }

    /** g:app:1.2 with the property junit.version=5.10.2 and an empty dependencyManagement. */
    private static Model appModel() {
        Model model = new Model();
        model.setGroupId("g");
        model.setArtifactId("app");
        model.setVersion("1.2");
        model.getProperties().setProperty("junit.version", "5.10.2");
        model.setDependencyManagement(new org.apache.maven.model.DependencyManagement());
        return model;
    }

    private static org.apache.maven.model.Dependency bom(String g, String a, String v) {
        org.apache.maven.model.Dependency d = new org.apache.maven.model.Dependency();
        d.setGroupId(g);
        d.setArtifactId(a);
        d.setVersion(v);
        d.setType("pom");
        d.setScope("import");
        return d;
    }
}

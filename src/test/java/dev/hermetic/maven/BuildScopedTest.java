package dev.hermetic.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import org.apache.maven.execution.DefaultMavenExecutionRequest;
import org.apache.maven.execution.DefaultMavenExecutionResult;
import org.apache.maven.execution.MavenSession;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.junit.jupiter.api.Test;

class BuildScopedTest {

    private static MavenSession session(DefaultRepositorySystemSession repository) {
        return new MavenSession(null, repository, new DefaultMavenExecutionRequest(),
                new DefaultMavenExecutionResult());
    }

    @Test
    void everyModuleGetsTheSameObject() {
        MavenSession session = session(new DefaultRepositorySystemSession());
        ArrayList<?> first = BuildScoped.get(session, "k", ArrayList.class, ArrayList::new);
        assertThat(BuildScoped.get(session, "k", ArrayList.class, ArrayList::new)).isSameAs(first);
    }

    @Test
    void anObjectOfAnotherClassUnderTheKeyIsNeitherCastNorReplaced() {
        DefaultRepositorySystemSession repository = new DefaultRepositorySystemSession();
        Object theirs = new Object(); // what another version of the plugin, in its own realm, stored
        repository.getData().set("k", theirs);
        ArrayList<?> ours = BuildScoped.get(session(repository), "k", ArrayList.class, ArrayList::new);
        assertThat(ours).isNotNull();
        assertThat(repository.getData().get("k")).isSameAs(theirs);
    }

    @Test
    void withoutAResolverSessionEachCallGetsItsOwn() {
        MavenSession session = session(null);
        assertThat(BuildScoped.get(session, "k", ArrayList.class, ArrayList::new))
                .isNotSameAs(BuildScoped.get(session, "k", ArrayList.class, ArrayList::new));
    }
}

package dev.hermetic.lock;

import static dev.hermetic.lock.LockFixtures.ENV;
import static dev.hermetic.lock.LockFixtures.coords;
import static dev.hermetic.lock.LockFixtures.put;
import static dev.hermetic.lock.LockFixtures.use;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hermetic.digest.DigestAlgorithm;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoredListCheckTest {

    @TempDir
    Path repo;

    private UsedArtifact lib;
    private Lockfile lockfile;

    @BeforeEach
    void lockLib() throws IOException {
        put(repo, "org.example:lib:jar:1.0", "lib");
        lib = use(repo, "org.example:lib:jar:1.0", ArtifactRole.DEPENDENCY, "compile", "org.example:app");
        lockfile = Lockfile.create(List.of(lib), DigestAlgorithm.SHA_256, ENV);
    }

    private Path localFile(ArtifactCoordinates c) {
        return repo.resolve(c.repositoryPath());
    }

    @Test
    void aListThatCoversTheLockfileAndHoldsWhatTheModelsDeclareIsUsable() {
        StoredListCheck.Declarations declared = new StoredListCheck.Declarations(List.of(lib), Map.of());

        assertThat(StoredListCheck.whyNotUsable(List.of(lib), lockfile, this::localFile, () -> declared)).isNull();
    }

    @Test
    void aListThatDoesNotCoverTheLockfileIsSetAsideBeforeTheModelsAreRead() {
        String why = StoredListCheck.whyNotUsable(List.of(), lockfile, this::localFile, () -> {
            throw new AssertionError("the models are read only for a list that covers the lockfile");
        });

        assertThat(why).isEqualTo("it does not name every locked artifact at its place in the local repository");
    }

    @Test
    void aListThatLacksADeclaredArtifactIsSetAsideNamingIt() {
        UsedArtifact declaredPlugin = new UsedArtifact(coords("org.example:p:jar:3.0"), null, ArtifactRole.PLUGIN, "",
                "org.example:app");
        StoredListCheck.Declarations declared = new StoredListCheck.Declarations(List.of(lib, declaredPlugin),
                Map.of());

        assertThat(StoredListCheck.whyNotUsable(List.of(lib), lockfile, this::localFile, () -> declared))
                .isEqualTo("it lacks what the models declare: org.example:p:jar:3.0 PLUGIN  org.example:app");
    }

    @Test
    void anUnscopedDeclarationIsCompileScoped() {
        assertThat(StoredListCheck.declaredScope(null)).isEqualTo("compile");
        assertThat(StoredListCheck.declaredScope("")).isEqualTo("compile");
        assertThat(StoredListCheck.declaredScope("test")).isEqualTo("test");
    }
}

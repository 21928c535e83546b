package dev.hermetic.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecommendedBindingsTest {

    @Test
    void noExecutionsGetsVerifyNormalizeTwiceSbomProvenanceThenSignInRunOrder() {
        List<RecommendedBindings.Binding> added = RecommendedBindings.toAdd(false);
        assertEquals(List.of("validate:verify", "package:normalize", "verify:normalize", "verify:sbom",
                "verify:provenance", "verify:sign"),
                added.stream().map(b -> b.phase() + ":" + b.goal()).toList());
        assertEquals(added.size(), added.stream().map(RecommendedBindings.Binding::id).distinct().count(),
                "execution ids must be unique within the plugin");
    }

    @Test
    void declaredExecutionsMeanNothingIsAdded() {
        assertTrue(RecommendedBindings.toAdd(true).isEmpty());
    }

    @Test
    void noticeNamesEveryGoalAndPhaseAndTheOptOut() {
        assertEquals("hermetic: no <executions> declared, so extension mode bound the recommended goals ("
                + "hermetic:verify in validate, hermetic:normalize in package, hermetic:normalize in verify, "
                + "hermetic:sbom in verify, hermetic:provenance in verify, hermetic:sign in verify) in 1 module; to choose them yourself, declare <executions> for the plugin",
                RecommendedBindings.notice(RecommendedBindings.toAdd(false), 1));
    }

    @Test
    void onlyACoreExtensionAddsThePluginAndOnlyWhereNoPomDeclaresIt() {
        assertTrue(RecommendedBindings.addsPlugin(true, false));
        assertFalse(RecommendedBindings.addsPlugin(true, true), "a declaring POM rules");
        assertFalse(RecommendedBindings.addsPlugin(false, false), "a build extension binds only where declared");
        assertFalse(RecommendedBindings.addsPlugin(false, true));
    }

    @Test
    void coreExtensionNoticeNamesThePluginEveryGoalAndTheOptOut() {
        assertEquals("hermetic: loaded from .mvn/extensions.xml, so extension mode added dev.hermetic:p:1.2 with the "
                + "recommended goals (hermetic:verify in validate, hermetic:normalize in package, hermetic:normalize in "
                + "verify, hermetic:sbom in verify, hermetic:provenance in verify, hermetic:sign in verify) to 3 modules whose POM does not declare it; to choose them "
                + "yourself, declare the plugin in the POM",
                RecommendedBindings.coreExtensionNotice("dev.hermetic:p:1.2", 3));
    }
}

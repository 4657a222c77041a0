package org.uclg.learning.cohorts;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.uclg.learning.support.Fixtures.cohortBody;

/** A coordinator reads the certifications and lineage of their own regional section's trainers only. */
@MicronautTest(transactional = false)
class TrainerScopeIT extends IntegrationBase {

    @Test
    void coordinatorsReadTheirRegionalSectionsTrainersWorldCoordinatorsAndAdminsAll() {
        Api.Account trainer = fx.certifiedTrainer("scoped", "SDG-1"); // registered in AFRICA
        String certifications = "/api/v1/trainers/" + trainer.id() + "/certifications";
        String lineage = "/api/v1/trainers/" + trainer.id() + "/lineage";
        Api.Account africa = fx.coordinator("africa", "AFRICA");
        Api.Account latam = fx.coordinator("latam", "LATAM");
        Api.Account world = fx.coordinator("world", "WORLD");

        var own = api.get(certifications, africa.token());
        assertEquals(200, own.status(), own.body());
        assertEquals(List.of("SDG-1"), own.jsonList().stream().map(c -> c.get("moduleCode")).toList());
        assertEquals(200, api.get(lineage, africa.token()).status());
        assertEquals(200, api.get(certifications, world.token()).status());
        assertEquals(200, api.get(lineage, world.token()).status());
        assertEquals(200, api.get(certifications, fx.admin()).status());
        assertEquals(200, api.get(certifications, trainer.token()).status());

        var other = api.get(certifications, latam.token());
        assertEquals(403, other.status(), other.body());
        assertEquals("application/problem+json", other.contentType());
        assertEquals(403, api.get(lineage, latam.token()).status());
        assertEquals(404, api.get("/api/v1/trainers/00000000-0000-0000-0000-000000000009/certifications", latam.token()).status());

        // once the trainer trains a cohort LATAM hosts, LATAM's coordinator reports on them too
        fx.createCohort(cohortBody("SDG-1", "WORKSHOP", 20, "OPEN", "LATAM", List.of(trainer.id())), fx.admin());
        assertEquals(200, api.get(certifications, latam.token()).status());
        assertEquals(200, api.get(lineage, latam.token()).status());
        assertEquals(1L, db.value("SELECT count(*) FROM trainer_certifications WHERE trainer_id = ?::uuid", trainer.id()));
        assertEquals(403, api.get(certifications, fx.learner("nosy").token()).status());
    }
}

package org.uclg.learning.people;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.support.Fixtures.errorFields;

/**
 * Role removal, and every role decision following the database: a removed admin's old token is
 * refused at admin endpoints although the token itself still says ADMIN.
 */
@MicronautTest(transactional = false)
class RoleRemovalIT extends IntegrationBase {
    /** learning.security.access-cache of the tests (the default). */
    private static final long CACHE_MILLIS = 5_000;

    @Test
    void aRemovedAdminsOldTokenCanNoLongerGrantCertifyOrSync() {
        Api.Account admin2 = fx.withRole("admin2", "ADMIN", null);
        Api.Account someone = fx.learner("someone");
        assertEquals(200, api.post("/api/v1/users/" + someone.id() + "/roles", Map.of("role", "TRAINER"), admin2.token()).status(),
                "while an admin, the token grants");

        var removed = api.delete("/api/v1/users/" + admin2.id() + "/roles/ADMIN", fx.admin());
        assertEquals(200, removed.status(), removed.body());
        assertEquals(List.of("LEARNER"), removed.json().get("roles"));

        // the old token still says ADMIN inside; the answers follow the database
        var regrant = api.post("/api/v1/users/" + admin2.id() + "/roles", Map.of("role", "ADMIN"), admin2.token());
        assertEquals(403, regrant.status(), regrant.body());
        assertEquals("application/problem+json", regrant.contentType());
        assertEquals(403, api.post("/api/v1/trainers/" + someone.id() + "/certifications", Map.of("moduleCode", "SDG-1"),
                admin2.token()).status());
        assertEquals(403, api.post("/api/v1/admin/catalog/sync", Map.of(), admin2.token()).status());
        var me = api.get("/api/v1/me", admin2.token());
        assertEquals(200, me.status(), "still a learner");
        assertEquals(List.of("LEARNER"), me.json().get("roles"));

        assertEquals(0L, db.value("SELECT count(*) FROM user_roles WHERE user_id = ?::uuid AND role = 'ADMIN'", admin2.id()));
        assertEquals(0L, db.value("SELECT count(*) FROM trainer_certifications WHERE trainer_id = ?::uuid", someone.id()));
        var audit = db.rows("SELECT role, action, changed_by::text AS by FROM role_changes WHERE user_id = ?::uuid ORDER BY id",
                admin2.id());
        assertEquals(List.of("ADMIN", "ADMIN"), audit.stream().map(r -> r.get("role")).toList());
        assertEquals(List.of("GRANTED", "REMOVED"), audit.stream().map(r -> r.get("action")).toList());
        assertEquals(fx.adminId(), audit.get(1).get("by"));
    }

    @Test
    void aRoleRemovedElsewhereIsRefusedWithinTheCacheTime() throws Exception {
        Api.Account admin3 = fx.withRole("admin3", "ADMIN", null);
        assertEquals(200, api.post("/api/v1/admin/catalog/sync", Map.of(), admin3.token()).status());

        // as another instance would: the row goes, this instance's cache does not hear of it
        db.rows("DELETE FROM user_roles WHERE user_id = ?::uuid AND role = 'ADMIN' RETURNING id", admin3.id());
        long removedAt = System.nanoTime();
        int status;
        do {
            status = api.post("/api/v1/admin/catalog/sync", Map.of(), admin3.token()).status();
            if (status != 403) {
                Thread.sleep(200);
            }
        } while (status != 403 && (System.nanoTime() - removedAt) / 1_000_000 < CACHE_MILLIS + 3_000);
        long tookMillis = (System.nanoTime() - removedAt) / 1_000_000;
        assertEquals(403, status);
        assertTrue(tookMillis <= CACHE_MILLIS + 1_000, "refused after " + tookMillis + " ms");
    }

    @Test
    void removesOneCoordinatedRegionalSectionAndTheTrainerRole() {
        Api.Account c = fx.coordinator("coord", "AFRICA");
        assertEquals(200, api.post("/api/v1/users/" + c.id() + "/roles",
                Map.of("role", "SECTION_COORDINATOR", "regionalSection", "ASPAC"), fx.admin()).status());
        assertEquals(200, api.post("/api/v1/users/" + c.id() + "/roles", Map.of("role", "TRAINER"), fx.admin()).status());

        var unscoped = api.delete("/api/v1/users/" + c.id() + "/roles/SECTION_COORDINATOR", fx.admin());
        assertEquals(400, unscoped.status(), unscoped.body());
        assertEquals(List.of("regionalSection"), errorFields(unscoped));

        var one = api.delete("/api/v1/users/" + c.id() + "/roles/SECTION_COORDINATOR?regionalSection=AFRICA", fx.admin());
        assertEquals(200, one.status(), one.body());
        assertEquals(List.of("ASPAC"), one.json().get("coordinatedSections"));
        var trainer = api.delete("/api/v1/users/" + c.id() + "/roles/TRAINER", fx.admin());
        assertEquals(List.of("LEARNER", "SECTION_COORDINATOR"), trainer.json().get("roles"));

        var me = api.get("/api/v1/me", c.token());
        assertEquals(List.of("ASPAC"), me.json().get("coordinatedSections"));
        assertEquals(List.of("ASPAC"), db.rows("SELECT regional_section FROM user_roles WHERE user_id = ?::uuid AND role = 'SECTION_COORDINATOR'",
                c.id()).stream().map(r -> r.get("regional_section")).toList());
        assertEquals(2L, db.value("SELECT count(*) FROM role_changes WHERE user_id = ?::uuid AND action = 'REMOVED'", c.id()));
    }

    @Test
    void unknownUsersRolesAndRolesNotHeldAre404AndLearnerIsNotRemovable() {
        Api.Account learner = fx.learner("plain");
        String admin = fx.admin();

        var noUser = api.delete("/api/v1/users/00000000-0000-0000-0000-000000000000/roles/TRAINER", admin);
        assertEquals(404, noUser.status(), noUser.body());
        assertEquals("application/problem+json", noUser.contentType());
        assertEquals(404, api.delete("/api/v1/users/" + learner.id() + "/roles/WIZARD", admin).status());
        assertEquals(404, api.delete("/api/v1/users/" + learner.id() + "/roles/TRAINER", admin).status(), "not held");
        var learnerRole = api.delete("/api/v1/users/" + learner.id() + "/roles/LEARNER", admin);
        assertEquals(400, learnerRole.status());
        assertEquals(List.of("role"), errorFields(learnerRole));
        var scopedTrainer = api.delete("/api/v1/users/" + learner.id() + "/roles/TRAINER?regionalSection=AFRICA", admin);
        assertEquals(List.of("regionalSection"), errorFields(scopedTrainer));

        assertEquals(403, api.delete("/api/v1/users/" + learner.id() + "/roles/TRAINER", learner.token()).status());
        assertEquals(401, api.delete("/api/v1/users/" + learner.id() + "/roles/TRAINER", null).status());
        assertEquals(0L, db.value("SELECT count(*) FROM role_changes WHERE user_id = ?::uuid", learner.id()));
    }

    @Test
    void aGrantedRoleWorksWithTheTokenTheUserAlreadyHas() {
        Api.Account learner = fx.learner("promoted");
        assertEquals(403, api.post("/api/v1/admin/catalog/sync", Map.of(), learner.token()).status());
        assertEquals(200, api.post("/api/v1/users/" + learner.id() + "/roles", Map.of("role", "ADMIN"), fx.admin()).status());

        assertEquals(200, api.post("/api/v1/admin/catalog/sync", Map.of(), learner.token()).status(), "no new login needed");
        assertEquals(1L, db.value("SELECT count(*) FROM role_changes WHERE user_id = ?::uuid AND action = 'GRANTED'", learner.id()));
    }
}

package dev.medius.routine.security;

import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import dev.medius.routine.support.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;

/** An organisation of its own for each test, with the catalog read and one template of its coach. */
abstract class OrganisationWithTemplate {

    @TestHTTPResource("/")
    URI root;

    final String tenant = Fixtures.newTenant();
    final String athlete = "athlete-" + UUID.randomUUID().toString().substring(0, 8);
    final String coachId = "coach-" + tenant;
    String templateId;
    String templateTitle;

    @BeforeEach
    void templateOfTheOrganisation() {
        Fixtures.catalogReady();
        templateTitle = "Hips of " + tenant;
        templateId = Fixtures.createTemplate(Fixtures.coach(tenant), templateTitle, Fixtures.handMadePlan(2));
    }

    static LocalDate today() {
        return Fixtures.today();
    }
}

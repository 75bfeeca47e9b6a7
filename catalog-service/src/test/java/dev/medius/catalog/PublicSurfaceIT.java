package dev.medius.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.api.Test;

import dev.medius.devkit.security.ApiSurface;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Nothing of catalog-service but health answers without a token. */
@QuarkusTest
class PublicSurfaceIT {

    @TestHTTPResource("/")
    URI root;

    @Test
    void everyDocumentedOperationAndEveryOperationsEndpointButHealthNeedsAToken() {
        assertThat(new ApiSurface(root).unauthenticatedAnswers(CatalogFixtures.admin("club-surface"))).isEmpty();
    }

    @Test
    void metricsAndApiDocumentationAnswerWithAToken() {
        assertThat(new ApiSurface(root).operationsEndpointsWithToken(CatalogFixtures.admin("club-surface"))).isEmpty();
    }
}

package dev.medius.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ContraindicationRulesIT {

    private final String tenant = CatalogFixtures.unique("club");
    private final String editor = CatalogFixtures.editor(tenant);
    private final String reader = CatalogFixtures.reader(tenant);

    private static Map<String, Object> rule(String area, String acuity, String position) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("area", area);
        rule.put("acuity", acuity);
        rule.put("position", position);
        rule.put("note", "pain on the outside of the hip");
        return rule;
    }

    private static Map<String, Object> finding(String source, String measure) {
        Map<String, Object> finding = new LinkedHashMap<>();
        finding.put("sourceKey", source);
        finding.put("measure", measure);
        finding.put("value", 40);
        finding.put("unit", "%MVIC");
        finding.put("note", "club's own measurement");
        return finding;
    }

    @Test
    void unknownPainAreaIsRefusedNamingTheFieldAndTheAcceptedValues() {
        Map<String, Object> body = CatalogFixtures.customExercise(CatalogFixtures.unique("drill"));
        body.put("contraindicationRules", List.of(rule("hip", "acute", null), rule("lower-back", "acute", null)));
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(body).when().post("/api/v1/exercises")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contraindicationRules[1].area"))
                .body("detail", startsWith("contraindicationRules[1].area"))
                .body("detail", containsString("low-back"))
                .body("detail", containsString("lateral-hip"));
    }

    @Test
    void everyVocabularyFieldOfRulesAndFindingsIsChecked() {
        Map<String, Object> body = CatalogFixtures.customExercise(CatalogFixtures.unique("drill"));
        body.put("painAreasToAvoid", List.of("knees"));
        body.put("contraindicationRules", List.of(rule("hip", "chronic", "lying-on-back")));
        body.put("findings", List.of(finding("no-such-study", "gluteus-medius-mvic"), finding("lewis-2019", "popularity")));
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(body).when().post("/api/v1/exercises")
                .then().statusCode(400)
                .body("errors.field", hasItems("painAreasToAvoid[0]", "contraindicationRules[0].acuity",
                        "contraindicationRules[0].position", "findings[0].sourceKey", "findings[1].measure"));
    }

    @Test
    void editorsRulesAndFindingsAreServedInTheReadersLanguage() {
        String slug = CatalogFixtures.unique("drill");
        Map<String, Object> body = CatalogFixtures.customExercise(slug);
        body.put("contraindicationRules", new ArrayList<>(List.of(rule("lateral-hip", "current", "lying-on-side"))));
        body.put("contraindications", List.of("pain on the outside of the hip"));
        body.put("findings", List.of(finding("lewis-2019", "gluteus-medius-mvic")));
        body.put("evidence", "Measured by the club.");
        Map<String, Object> es = new LinkedHashMap<>();
        es.put("name", "Ejercicio del club " + slug);
        es.put("contraindications", List.of("dolor en la cara externa de la cadera"));
        es.put("contraindicationNotes", List.of("dolor en la cara externa de la cadera"));
        es.put("evidence", "Medido por el club.");
        es.put("findingNotes", List.of("medición propia del club"));
        body.put("translations", Map.of("es", es));
        String id = given().auth().oauth2(editor).contentType(ContentType.JSON).body(body).when().post("/api/v1/exercises")
                .then().statusCode(201)
                .body("contraindicationRules[0].area", equalTo("lateral-hip"))
                .body("contraindicationRules[0].acuity", equalTo("current"))
                .body("findings[0].value", equalTo(40.0f))
                .extract().path("id");
        given().auth().oauth2(editor).when().post("/api/v1/exercises/" + id + "/publish").then().statusCode(200);

        given().auth().oauth2(reader).header("Accept-Language", "es").when().get("/api/v1/exercises/" + id)
                .then().statusCode(200)
                .body("language", equalTo("es"))
                .body("contraindicationRules[0].area", equalTo("lateral-hip"))
                .body("contraindicationRules[0].note", equalTo("dolor en la cara externa de la cadera"))
                .body("contraindications[0]", equalTo("dolor en la cara externa de la cadera"))
                .body("evidence", equalTo("Medido por el club."))
                .body("findings[0].note", equalTo("medición propia del club"));
        given().auth().oauth2(reader).when().get("/api/v1/exercises/" + id)
                .then().statusCode(200)
                .body("contraindicationRules[0].note", equalTo("pain on the outside of the hip"))
                .body("evidence", equalTo("Measured by the club."));
    }

    @Test
    void shippedExercisesServeTheirSafetyTextInSpanish() {
        given().auth().oauth2(reader).header("Accept-Language", "es").when().get("/api/v1/exercises/clamshell")
                .then().statusCode(200)
                .body("contraindicationRules[0].area", equalTo("lateral-hip"))
                .body("contraindicationRules[0].position", equalTo("lying-on-side"))
                .body("contraindicationRules[0].note", startsWith("dolor en la cara externa de la cadera"))
                .body("evidence", startsWith("DiStefano y cols. (2009)"))
                .body("findings[0].sourceKey", equalTo("distefano-2009"))
                .body("findings[0].note", startsWith("almeja"));
        given().auth().oauth2(reader).header("Accept-Language", "es").when().get("/api/v1/exercises/nordic-hamstring-curl")
                .then().statusCode(200)
                .body("equipment", hasItem("anchor"))
                .body("conditions", hasItem("hamstring-strain"))
                .body("easier", hasItem("hamstring-walkout"));
    }
}

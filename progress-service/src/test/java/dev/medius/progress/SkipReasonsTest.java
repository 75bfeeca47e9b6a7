package dev.medius.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.medius.progress.domain.SkipReasons;

class SkipReasonsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Injured my knee at practice | injury | injured",
            "INJURY | injury | injury",
            "knee hurts | injury | hurts",
            "sprained ankle | injury | sprained",
            "pulled hamstring | injury | pulled",
            "Achilles tendinopathy flaring | injury | tendinopathy",
            "lower back pain | injury | pain",
            "me duele la rodilla | injury | duele",
            "Lesión en el tobillo | injury | lesion",
            "tengo dolores | injury | dolores",
            "molestias en la cadera | injury | molestias",
            "sick | illness | sick",
            "Flu | illness | flu",
            "fever since yesterday | illness | fever",
            "caught a cold | illness | cold",
            "Estoy enfermo | illness | enfermo",
            "gripe | illness | gripe",
            "resfriado fuerte | illness | resfriado",
            "infección de garganta | illness | infeccion",
            "no pain, but sick | illness | sick" })
    void injuryAndIllnessAreRecognised(String reason, String kind, String word) {
        assertThat(SkipReasons.cause(reason)).contains(new SkipReasons.Cause(kind, word));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "exam week", "travelling", "too cold outside", "no pain, just busy", "sin dolor, viaje",
            "not injured, on holiday", "Illinois trip", "painter at work", "tired", "killed it yesterday" })
    void otherReasonsAreNot(String reason) {
        assertThat(SkipReasons.cause(reason)).isEmpty();
    }
}

package dev.wirewatch.processing.story;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.wirewatch.processing.Fixtures;
import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @Test
    void newsTextsAreRecognizedByTheirFunctionWords() {
        assertEquals("en", LanguageGuess.of(Fixtures.story("strike-report")));
        assertEquals("de", LanguageGuess.of(Fixtures.story("strike-report-de")));
        assertEquals("es", LanguageGuess.of("El gobierno anunció el lunes que los trabajadores del puerto recibirán "
                + "el pago de las horas extra que se les debe desde marzo, según dijo el sindicato."));
    }

    @Test
    void aTextTooShortOrWithoutFunctionWordsIsUnknown() {
        assertEquals(LanguageGuess.UNKNOWN, LanguageGuess.of("Su-35 C-130"));
        assertEquals(LanguageGuess.UNKNOWN, LanguageGuess.of("Haiphong Hanoi Saigon Danang Hue Vinh Cantho Dalat "
                + "Nhatrang Quynhon Pleiku"));
        assertEquals(LanguageGuess.UNKNOWN, LanguageGuess.of(""));
    }

    @Test
    void ofTwoLanguagesWithAsManyFunctionWordsTheOneTheTextShowsFirstIsTaken() {
        assertEquals("de", LanguageGuess.of("und the und the und the und the"));
        assertEquals("en", LanguageGuess.of("the und the und the und the und"));
    }

    @Test
    void polishIsNotTakenForEnglish() {
        String polish = "Zakaz handlu w Nowym Roku obowiązuje w całym kraju, a większość sklepów będzie zamknięta. "
                + "Otwarte pozostaną tylko stacje paliw i niektóre małe sklepy, w których za ladą stoi właściciel.";
        assertEquals(false, LanguageGuess.of(polish).equals("en"));
    }
}

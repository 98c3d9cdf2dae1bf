package dev.wirewatch.processing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Fixture texts of this module's tests, and the ways a republication changes them. */
public final class Fixtures {

    private Fixtures() {
    }

    public static String story(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/stories/" + name + ".txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<String> paragraphs(String text) {
        return Arrays.asList(text.split("\\n\\s*\\n"));
    }

    /** The text inside another site's chrome, before and after. */
    public static String withChrome(String text) {
        String chrome = story("site-chrome");
        return chrome + "\n\n" + text + "\n\nYou must be logged in to post a comment.\n\n" + chrome;
    }

    /** The first {@code share} of the words and a "continue reading" line. */
    public static String truncated(String text, double share) {
        String[] words = text.split(" ");
        return String.join(" ", Arrays.copyOf(words, (int) (words.length * share))) + "\n\nContinue reading…";
    }

    /** The first paragraph kept, the others shuffled. */
    public static String reordered(String text, long seed) {
        List<String> paragraphs = new ArrayList<>(paragraphs(text));
        List<String> rest = new ArrayList<>(paragraphs.subList(1, paragraphs.size()));
        Collections.shuffle(rest, new Random(seed));
        rest.add(0, paragraphs.get(0));
        return String.join("\n\n", rest);
    }

    /** A new first line (headline), one paragraph dropped and a few words changed. */
    public static String lightlyEdited(String text) {
        List<String> paragraphs = new ArrayList<>(paragraphs(text));
        paragraphs.remove(paragraphs.size() - 2);
        String edited = String.join("\n\n", paragraphs).replace("roughly", "about").replace("Thursday", "Friday")
                .replace("forty", "40");
        return "HANOI BUYS RUSSIAN FIGHTERS, OFFICIALS SAY\n\n" + edited;
    }
}

package dev.wirewatch.ingest.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CanonicalUrlsTest {

    @Test
    void trackingParametersFragmentsDefaultPortsAndHostCaseGo() {
        assertEquals("https://news.example/a/b?id=7", CanonicalUrls.canonicalize(
                "HTTPS://News.Example:443/a/b?utm_source=rss&id=7&fbclid=abc&utm_medium=x#comments"));
        assertEquals("http://news.example/", CanonicalUrls.canonicalize("http://news.example"));
        assertEquals("http://news.example:8080/x", CanonicalUrls.canonicalize("http://news.example:8080/x?gclid=1"));
    }

    @Test
    void pathCaseAndMeaningfulParametersStay() {
        assertEquals("https://news.example/Story?page=2", CanonicalUrls.canonicalize(
                "https://news.example/Story?page=2"));
    }

    @Test
    void unparseableInputIsReturnedTrimmed() {
        assertEquals("not a url", CanonicalUrls.canonicalize(" not a url "));
    }
}

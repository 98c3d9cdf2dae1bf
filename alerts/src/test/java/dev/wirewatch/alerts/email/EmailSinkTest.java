package dev.wirewatch.alerts.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.alerts.Mentions;
import dev.wirewatch.config.SinkSettings;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmailSinkTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static SinkSettings.Email settings(int port, String user, String password) {
        return new SinkSettings.Email("mail", null, null, "127.0.0.1", port, "none", user, password,
                "wirewatch@ledger.example", List.of("desk@ledger.example"), null, null, null, null, null, null, null,
                null, null, null, null, null);
    }

    @Test
    void mailIsMultipartWithEscapedHtmlAndPlainTextGroupedByTopic() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("desk", "pw");
        smtp.start();
        try {
            EmailSink sink = new EmailSink(settings(port, "desk", "pw"));
            sink.deliver(new AlertBatch(List.of(
                    Mentions.alert("su-35", "s1", "<script>alert('x')</script> Jets & \"deals\""),
                    Mentions.alert("c-130", "s2", "Transport lands"),
                    Mentions.alert("su-35", "s3", "Second jet story"))));
            MimeMessage[] received = smtp.getReceivedMessages();
            assertEquals(1, received.length);
            assertEquals("[Wirewatch] 3 mentions: SU-35 (2), C-130 (1)", received[0].getSubject());
            MimeMultipart parts = (MimeMultipart) received[0].getContent();
            assertTrue(parts.getContentType().startsWith("multipart/alternative"));
            String plain = (String) parts.getBodyPart(0).getContent();
            String html = (String) parts.getBodyPart(1).getContent();
            assertTrue(plain.indexOf("Second jet story") < plain.indexOf("C-130"), "grouped by topic: " + plain);
            assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Jets &amp; &quot;deals&quot;"), html);
            assertFalse(html.contains("<script>"), html);
            assertTrue(html.contains("<b>su-35</b>"), html);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void aDigestSaysSoKeepsEachStorysAlertsTogetherAndShowsTheSinksZone() throws Exception {
        int port = freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            new EmailSink(settings(port, null, null)).deliver(new AlertBatch(List.of(
                    Mentions.alert("su-35", "s1", "First jet story"), Mentions.alert("c-130", "s2", "Transport"),
                    Mentions.alert("su-35", "s3", "Other jet story"), Mentions.alert("su-35", "s1", "Jet rewrite")),
                    true, java.time.ZoneId.of("Asia/Ho_Chi_Minh")));
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertEquals("[Wirewatch] Digest: 4 mentions: SU-35 (3), C-130 (1)", mail.getSubject());
            String plain = (String) ((MimeMultipart) mail.getContent()).getBodyPart(0).getContent();
            assertTrue(plain.indexOf("Jet rewrite") < plain.indexOf("Other jet story"), "story by story: " + plain);
            assertTrue(plain.contains("4 Mar 2026 13:00 ICT"), "published 06:00 UTC, shown in Hanoi time: " + plain);
        } finally {
            smtp.stop();
        }
    }

    @Test
    void serverDownIsRetryableAndAWrongPasswordIsPermanentWithoutShowingIt() throws Exception {
        int port = freePort();
        EmailSink down = new EmailSink(settings(port, null, null));
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> down.deliver(AlertBatch.of(Mentions.alert("su-35", "s1", "t"))));
        assertTrue(e.retryable(), e.getMessage());
        GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.setUser("desk", "right-password");
        smtp.getManagers().getSmtpManager().getUserManager().setAuthRequired(true);
        smtp.start();
        try {
            EmailSink wrong = new EmailSink(settings(port, "desk", "wr0ng-s3cret"));
            DeliveryException auth = assertThrows(DeliveryException.class,
                    () -> wrong.deliver(AlertBatch.of(Mentions.alert("su-35", "s1", "t"))));
            assertFalse(auth.retryable(), auth.getMessage());
            assertFalse(auth.getMessage().contains("wr0ng-s3cret"), auth.getMessage());
            assertFalse(wrong.toString().contains("wr0ng-s3cret"));
            assertEquals(0, smtp.getReceivedMessages().length);
        } finally {
            smtp.stop();
        }
    }
}

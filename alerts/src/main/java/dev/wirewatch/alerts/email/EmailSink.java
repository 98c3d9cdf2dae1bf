package dev.wirewatch.alerts.email;

import dev.wirewatch.alerts.AlertBatch;
import dev.wirewatch.alerts.DeliveryException;
import dev.wirewatch.alerts.RoutedSink;
import dev.wirewatch.config.SinkRoute;
import dev.wirewatch.config.SinkSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * Mails each batch over SMTP (Angus Mail) as multipart/alternative, plain text and HTML ({@link EmailRenderer}).
 * With a digest configured, the batch is every mention of the window, so one mail per window.
 *
 * <p>Thread safe (a session per sink, a connection per mail). An authentication failure or a rejected address is
 * permanent; a server that is down or slow is retried. The password appears in no message, log or
 * {@link #toString()}.
 */
public final class EmailSink extends RoutedSink {

    private final SinkSettings.Email settings;
    private final Session session;
    private final InternetAddress from;
    private final InternetAddress[] to;

    public EmailSink(SinkSettings.Email settings) {
        super(settings.id(), SinkRoute.of(settings));
        this.settings = settings;
        this.session = Session.getInstance(properties(settings), authenticator(settings));
        try {
            this.from = new InternetAddress(settings.from(), true);
            this.to = InternetAddress.parse(String.join(",", settings.to()), true);
        } catch (AddressException e) {
            throw new IllegalArgumentException("sink " + settings.id() + ": bad address: " + e.getMessage(), e);
        }
    }

    @Override
    public void deliver(AlertBatch batch) throws DeliveryException {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(from);
            message.setRecipients(Message.RecipientType.TO, to);
            message.setSubject(EmailRenderer.subject(settings.subjectPrefix(), batch), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            MimeBodyPart plain = new MimeBodyPart();
            plain.setText(EmailRenderer.plain(batch), StandardCharsets.UTF_8.name(), "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(EmailRenderer.html(batch), StandardCharsets.UTF_8.name(), "html");
            message.setContent(new MimeMultipart("alternative", plain, html));
            Transport.send(message);
        } catch (SendFailedException e) {
            throw new DeliveryException("SMTP " + server() + " refused a recipient: " + e.getMessage(), false, null,
                    e);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            throw new DeliveryException("SMTP " + server() + " rejected the login of the configured user", false,
                    null, e);
        } catch (MessagingException e) {
            throw new DeliveryException("SMTP " + server() + " failed: " + rootMessage(e), e);
        }
    }

    @Override
    public int maxBatch() {
        return 500;
    }

    @Override
    public String toString() {
        return "EmailSink[" + id() + " → " + server() + "]";
    }

    private String server() {
        return settings.host() + ":" + settings.port();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static Properties properties(SinkSettings.Email s) {
        Properties p = new Properties();
        String timeout = Long.toString(s.timeout().toMillis());
        p.put("mail.smtp.host", s.host());
        p.put("mail.smtp.port", Integer.toString(s.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", Boolean.toString(s.username() != null));
        switch (s.security()) {
            case "tls" -> p.put("mail.smtp.ssl.enable", "true");
            case "starttls" -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            default -> {
                // plain SMTP: a relay on a trusted network
            }
        }
        return p;
    }

    private static Authenticator authenticator(SinkSettings.Email s) {
        if (s.username() == null) {
            return null;
        }
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(s.username(), s.password());
            }
        };
    }
}

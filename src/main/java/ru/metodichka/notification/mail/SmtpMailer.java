package ru.metodichka.notification.mail;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Properties;
import ru.metodichka.config.AppConfig;

/**
 * Sends mails through the configured SMTP server with Jakarta Mail (Angus Mail): plain, STARTTLS
 * (required once asked for: no silent fall-back to plain text) or implicit TLS, with a login when
 * one is configured. Blocking: call on a worker, never on an event loop.
 */
public final class SmtpMailer {
  private static final String TIMEOUT_MS = "10000";
  private final AppConfig.Smtp config;
  private final Session session;

  public SmtpMailer(AppConfig.Smtp config) {
    this.config = config;
    this.session = Session.getInstance(properties(config));
  }

  /** Whether a host is configured; without one nothing is sent. */
  public boolean enabled() {
    return config.host().isPresent();
  }

  /** Sends one mail; fails with the server's or the network's reason. */
  public void send(Mail mail) throws MessagingException {
    MimeMessage message = new FixedIdMessage(session, mail.messageId());
    try {
      message.setFrom(InternetAddress.parse(config.from(), false)[0]);
      message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to(), true));
    } catch (RuntimeException e) {
      throw new MessagingException("Bad address: " + e.getMessage());
    }
    message.setSubject(mail.subject(), "UTF-8");
    message.setText(mail.body(), "UTF-8");
    message.setHeader("List-Unsubscribe", "<" + mail.unsubscribe() + ">");
    message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    // Automatic mail: out-of-office replies and the like must not answer it (RFC 3834).
    message.setHeader("Auto-Submitted", "auto-generated");
    message.saveChanges();
    if (config.user().isPresent()) {
      Transport.send(message, config.user().get(), config.password());
    } else {
      Transport.send(message);
    }
  }

  private static Properties properties(AppConfig.Smtp config) {
    Properties p = new Properties();
    String protocol = config.tls() == AppConfig.SmtpTls.TLS ? "smtps" : "smtp";
    p.put("mail.transport.protocol", protocol);
    String prefix = "mail." + protocol + ".";
    p.put(prefix + "host", config.host().orElse("localhost"));
    p.put(prefix + "port", String.valueOf(config.port()));
    p.put(prefix + "connectiontimeout", TIMEOUT_MS);
    p.put(prefix + "timeout", TIMEOUT_MS);
    p.put(prefix + "writetimeout", TIMEOUT_MS);
    p.put(prefix + "auth", String.valueOf(config.user().isPresent()));
    if (config.tls() == AppConfig.SmtpTls.STARTTLS) {
      p.put(prefix + "starttls.enable", "true");
      p.put(prefix + "starttls.required", "true");
    }
    if (config.tls() != AppConfig.SmtpTls.NONE) {
      p.put(prefix + "ssl.checkserveridentity", "true");
    }
    return p;
  }

  /** A message that keeps the Message-ID it is given instead of making a new one when saved. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(Session session, String messageId) {
      super(session);
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}

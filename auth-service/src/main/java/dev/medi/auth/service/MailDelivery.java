package dev.medi.auth.service;

import dev.medi.auth.config.AuthConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends auth-service's mails: by SMTP in production; in the local run, where there is no mail server, as one
 * {@code .eml} file per message in {@code medi.auth.mail.mailbox-directory} ({@code $MEDI_HOME/mailbox}).
 * Mails carry password-reset links, so their text never goes to the log (the mock mailer's logging is off).
 */
@ApplicationScoped
public class MailDelivery {

    private final ReactiveMailer mailer;
    private final Optional<Path> mailbox;

    MailDelivery(ReactiveMailer mailer, AuthConfig config) {
        this.mailer = mailer;
        this.mailbox = config.mail().mailboxDirectory();
    }

    public Uni<Void> send(Mail mail) {
        if (mailbox.isEmpty()) {
            return mailer.send(mail);
        }
        Path directory = mailbox.get();
        return Uni.createFrom().<Void>item(() -> {
            write(directory, mail);
            return null;
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()); // file I/O: off the event loop
    }

    /** RFC 5322 text any mail client opens; readable by the owner only (it holds a reset token). */
    static Path write(Path directory, Mail mail) {
        try {
            if (!Files.isDirectory(directory)) {
                try {
                    Files.createDirectories(directory.getParent() == null ? directory : directory.getParent());
                    Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } catch (FileAlreadyExistsException raced) {
                    // another mail created it first
                }
            }
            ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
            Path file = directory.resolve(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").format(now)
                    + "-" + UUID.randomUUID() + ".eml");
            String message = "From: " + (mail.getFrom() == null ? "" : mail.getFrom()) + "\r\n"
                    + "To: " + String.join(", ", mail.getTo()) + "\r\n"
                    + "Subject: " + mail.getSubject() + "\r\n"
                    + "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(now) + "\r\n"
                    + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                    + (mail.getText() == null ? "" : mail.getText().replace("\n", "\r\n"));
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, message, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.medi.auth.rest;

import dev.medi.auth.service.SecondFactor;

/**
 * What an authenticator app needs: the secret (Base32, for typing it in), the {@code otpauth://} URI and the
 * same URI as a QR code (PNG data URI). Shown once; confirm with a first code to activate.
 */
public record SecondFactorEnrolmentView(String secret, String otpauthUri, String qrCode) {

    static SecondFactorEnrolmentView of(SecondFactor.Enrolment enrolment) {
        return new SecondFactorEnrolmentView(enrolment.secret(), enrolment.otpauthUri(), enrolment.qrCodeDataUri());
    }
}

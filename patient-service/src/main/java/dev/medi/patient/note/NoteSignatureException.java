package dev.medi.patient.note;

/**
 * A signature the rules refuse for who is signing, not for the note's state: the signer is not a doctor or not the
 * draft's designated signer (403), or
 * signed in too long ago ({@link #reauthenticationRequired()}: 401, sign in again).
 */
public class NoteSignatureException extends RuntimeException {

    private final boolean reauthenticationRequired;

    private NoteSignatureException(String detail, boolean reauthenticationRequired) {
        super(detail, null, false, false);
        this.reauthenticationRequired = reauthenticationRequired;
    }

    static NoteSignatureException notADoctor(String detail) {
        return new NoteSignatureException(detail, false);
    }

    /** Another doctor than the one the draft is addressed to (403). */
    static NoteSignatureException notTheSigner(String detail) {
        return new NoteSignatureException(detail, false);
    }

    static NoteSignatureException staleAuthentication(String detail) {
        return new NoteSignatureException(detail, true);
    }

    public boolean reauthenticationRequired() {
        return reauthenticationRequired;
    }
}

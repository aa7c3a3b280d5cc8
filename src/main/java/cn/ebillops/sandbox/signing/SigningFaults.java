package cn.ebillops.sandbox.signing;

/**
 * Faults the signing stand-in injects, switchable at run time: {@code down} closes the port,
 * {@code badSignature} signs other data than asked (a well-formed signature that does not verify),
 * {@code errorCode} answers every call with that code.
 */
public record SigningFaults(boolean down, long delayMs, Integer errorCode, boolean badSignature) {

    public static final SigningFaults NONE = new SigningFaults(false, 0, null, false);

    public static SigningFaults portDown() {
        return new SigningFaults(true, 0, null, false);
    }

    public static SigningFaults slow(long delayMs) {
        return new SigningFaults(false, delayMs, null, false);
    }

    public static SigningFaults error(int code) {
        return new SigningFaults(false, 0, code, false);
    }

    public static SigningFaults wrongSignature() {
        return new SigningFaults(false, 0, null, true);
    }
}

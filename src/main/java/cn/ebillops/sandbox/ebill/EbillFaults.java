package cn.ebillops.sandbox.ebill;

/**
 * Faults the e-bill stand-in injects, switchable at run time. {@code service} limits
 * {@code errorCode} to one service (null = all). {@code down} closes the port itself.
 */
public record EbillFaults(boolean down, long delayMs, String errorCode, String errorMessage, String service,
                          boolean badSign, boolean brokenPictures) {

    public static final EbillFaults NONE = new EbillFaults(false, 0, null, null, null, false, false);

    public static EbillFaults portDown() {
        return new EbillFaults(true, 0, null, null, null, false, false);
    }

    public static EbillFaults slow(long delayMs) {
        return new EbillFaults(false, delayMs, null, null, null, false, false);
    }

    public static EbillFaults error(String code, String message, String service) {
        return new EbillFaults(false, 0, code, message, service, false, false);
    }

    public static EbillFaults badSignature() {
        return new EbillFaults(false, 0, null, null, null, true, false);
    }

    public static EbillFaults brokenPicture() {
        return new EbillFaults(false, 0, null, null, null, false, true);
    }

    boolean errorFor(String serviceName) {
        return errorCode != null && (service == null || service.equals(serviceName));
    }
}

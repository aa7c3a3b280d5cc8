package cn.ebillops.signing;

import java.security.cert.X509Certificate;
import java.time.Duration;

/**
 * What a health check needs from a signature-verification server, whatever the vendor's API:
 * reachability, one signature (GM/T 0029 SVS_SignData) and the signing certificate
 * (SVS_ExportCert). Verification is deliberately NOT delegated to the server: the check
 * verifies locally with Bouncy Castle, so a server that answers "ok" to anything is caught.
 * Implementations: {@link HttpJsonSigningServerClient}; vendor SDKs through a
 * {@link SigningServerClientProvider} bean (see docs/ebill-signing.md).
 */
public interface SigningServerClient {

    /** Opens a TCP connection to the server; returns the connect time. */
    Duration reachable() throws SigningServerException;

    /** The server signs {@code data} with the key {@code keyIndex}; DER or raw r‖s for SM2. */
    byte[] signData(SignatureAlgorithm algorithm, String keyIndex, byte[] data) throws SigningServerException;

    /** The certificate of the key {@code keyIndex}. */
    X509Certificate exportCert(SignatureAlgorithm algorithm, String keyIndex) throws SigningServerException;
}

package cn.ebillops.inspection.checks.http;

import java.net.URI;
import java.time.Duration;

/** One configured page: URL, expected HTTP status and text, and the time limit for loading it. */
record PageProbe(URI url, int expectStatus, String expectText, Duration maxTime) {
}

package org.szmark.surveillance;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.Map;
import org.szmark.certificate.Certificate;
import org.szmark.certificate.CertificateStatus;
import org.szmark.certificate.CertificateViews.SurveillanceSummary;
import org.szmark.config.SzmarkConfig;
import org.szmark.ident.IdentifierText;

/**
 * The surveillance interval of each body's scheme ({@code szmark.surveillance.schemes.<body code>.interval}),
 * else {@code szmark.surveillance.interval}. Checked once at start: an unusable interval stops it, since every
 * due date would be wrong.
 */
@ApplicationScoped
public class SurveillanceIntervals {

    private final Period fallback;
    private final Map<String, Period> byBody = new HashMap<>();

    @Inject
    SurveillanceIntervals(SzmarkConfig config) {
        SzmarkConfig.Surveillance s = config.surveillance();
        fallback = check("szmark.surveillance.interval", s.interval());
        s.schemes().forEach((code, scheme) -> {
            String key = IdentifierText.normaliseCode(code);
            Period interval = check("szmark.surveillance.schemes." + code + ".interval", scheme.interval());
            if (byBody.put(key, interval) != null) {
                throw new IllegalStateException("szmark.surveillance.schemes names body " + key + " twice");
            }
        });
        if (s.dueWithinDays() < 0 || s.dueWithinDays() > 366 || s.suspensionEndsWithinDays() < 0
                || s.suspensionEndsWithinDays() > 366) {
            throw new IllegalStateException("szmark.surveillance.due-within-days and suspension-ends-within-days"
                    + " must lie between 0 and 366");
        }
    }

    void onStart(@Observes StartupEvent start) {
        // Made at start, so a bad setting stops the registry rather than its first dashboard.
    }

    /** The interval of the scheme of the body with this code. */
    public Period forBody(String bodyCode) {
        return byBody.getOrDefault(bodyCode, fallback);
    }

    /** What a certificate view shows of its surveillance; no next due date once the certificate has ended. */
    public SurveillanceSummary summary(Certificate c, CertificateStatus status, String bodyCode, LocalDate today) {
        LocalDate due = status.isFinal() ? null : SurveillanceSchedule.nextDue(c.issueDate, c.lastSurveillanceOn, forBody(bodyCode));
        return new SurveillanceSummary(c.surveillanceCount, c.lastSurveillanceOn, c.lastSurveillanceResult, due,
                due != null && SurveillanceSchedule.overdue(due, today));
    }

    private static Period check(String key, Period interval) {
        if (!SurveillanceSchedule.usable(interval)) {
            throw new IllegalStateException(key + " must be a positive ISO-8601 period of at most 10 years, not " + interval);
        }
        return interval;
    }
}

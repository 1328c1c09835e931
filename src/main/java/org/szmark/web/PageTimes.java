package org.szmark.web;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import org.szmark.config.SzmarkConfig;

/**
 * Times on pages, in the zone people read them in ({@code szmark.pages.time-zone}, Beijing time by default),
 * named so that nobody mistakes them for their own zone; the machine-readable instant goes in the
 * {@code datetime} attribute of the {@code <time>} element (HTML, "the time element"), with its offset.
 */
@Singleton
public class PageTimes {

    private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ATTRIBUTE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    /** The zone IDs the tz database keeps for China's single zone. */
    private static final Set<String> BEIJING = Set.of("Asia/Shanghai", "Asia/Chongqing", "Asia/Chungking", "Asia/Harbin", "PRC");

    private final ZoneId zone;

    @Inject
    public PageTimes(SzmarkConfig config) {
        this(config.pages().timeZone());
    }

    PageTimes(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** The local date of an instant in the page zone (history rows, "since"). */
    public LocalDate date(OffsetDateTime t) {
        return t.atZoneSameInstant(zone).toLocalDate();
    }

    /** "2026-12-03 21:18:25 (Beijing time)", in the page's language. */
    public String text(OffsetDateTime t, Msg m) {
        OffsetDateTime local = t.atZoneSameInstant(zone).toOffsetDateTime();
        return m.pageTime(TEXT.format(local), zoneName(local, m));
    }

    /** The same as a {@code <time>} element, ready to be put in a page unescaped (it holds no record text). */
    public String element(OffsetDateTime t, Msg m) {
        OffsetDateTime local = t.atZoneSameInstant(zone).toOffsetDateTime();
        return "<time datetime=\"" + ATTRIBUTE.format(local) + "\">" + text(t, m) + "</time>";
    }

    private String zoneName(OffsetDateTime local, Msg m) {
        if (BEIJING.contains(zone.getId())) return m.timeZoneBeijing();
        String offset = local.getOffset().getId();
        return "UTC" + ("Z".equals(offset) ? "" : offset);
    }
}

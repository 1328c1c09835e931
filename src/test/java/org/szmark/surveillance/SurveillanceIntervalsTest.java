package org.szmark.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings as the start reads them: per-body intervals by code, and the values that stop the start. */
class SurveillanceIntervalsTest {

    static final Period YEAR = Period.ofMonths(12);

    @Test
    void aBodyWithoutASchemeEntryGetsTheDefaultAndCodesAreReadAsCodes() {
        SurveillanceIntervals i = new SurveillanceIntervals(YEAR, Map.of("szqc", Period.ofMonths(6), "ＣＱＣ", Period.ofMonths(9)), 30, 14);
        assertThat(i.forBody("SZQC")).isEqualTo(Period.ofMonths(6));
        assertThat(i.forBody("CQC")).isEqualTo(Period.ofMonths(9));
        assertThat(i.forBody("OTHER")).isEqualTo(YEAR);
    }

    @Test
    void unusableSettingsStopTheStartNamingTheSetting() {
        assertThatThrownBy(() -> new SurveillanceIntervals(Period.ZERO, Map.of(), 30, 14))
                .hasMessageContaining("szmark.surveillance.interval");
        assertThatThrownBy(() -> new SurveillanceIntervals(YEAR, Map.of("SZQC", Period.ofMonths(-6)), 30, 14))
                .hasMessageContaining("szmark.surveillance.schemes.SZQC.interval");
        Map<String, Period> twice = new LinkedHashMap<>();
        twice.put("SZQC", Period.ofMonths(6));
        twice.put("szqc", Period.ofMonths(3));
        assertThatThrownBy(() -> new SurveillanceIntervals(YEAR, twice, 30, 14)).hasMessageContaining("SZQC twice");
        assertThatThrownBy(() -> new SurveillanceIntervals(YEAR, Map.of(), -1, 14)).hasMessageContaining("due-within-days");
        assertThatThrownBy(() -> new SurveillanceIntervals(YEAR, Map.of(), 30, 367)).hasMessageContaining("suspension-ends-within-days");
    }
}

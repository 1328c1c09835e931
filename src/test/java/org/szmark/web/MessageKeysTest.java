package org.szmark.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The two wording files of each bundle define the same keys with the same parameters. Quarkus fails the build for a key
 * missing from the Chinese (default) file and for an English key no Msg method declares, but an English key
 * left out would quietly show Chinese on English pages: this test is what catches that.
 */
class MessageKeysTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([a-zA-Z]+)}");

    private static Properties load(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageKeysTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> parameters(String message) {
        Set<String> names = new TreeSet<>();
        Matcher m = PARAMETER.matcher(message);
        while (m.find()) names.add(m.group(1));
        return names;
    }

    /** Every bundle whose wording is in files: Msg ({@code msg}) and ConsoleNav ({@code nav}). */
    @ParameterizedTest
    @ValueSource(strings = {"msg", "nav"})
    void bothLanguagesHaveEveryKeyWithTheSameParameters(String bundle) throws IOException {
        Properties zh = load("messages/" + bundle + "_zh_CN.properties");
        Properties en = load("messages/" + bundle + "_en.properties");
        assertThat(en.stringPropertyNames()).as("keys of %s_en against %s_zh_CN", bundle, bundle)
                .containsExactlyInAnyOrderElementsOf(zh.stringPropertyNames());
        for (String key : zh.stringPropertyNames()) {
            assertThat(zh.getProperty(key)).as("zh %s", key).isNotBlank();
            assertThat(en.getProperty(key)).as("en %s", key).isNotBlank();
            assertThat(parameters(en.getProperty(key))).as("parameters of %s", key).isEqualTo(parameters(zh.getProperty(key)));
        }
    }

}

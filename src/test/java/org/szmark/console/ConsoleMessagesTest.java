package org.szmark.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.qute.i18n.Message;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every console message has its Chinese text: a message added in English only would otherwise fall back to
 * English on Chinese pages without anyone noticing. Part of the build, so a missing translation fails it.
 */
class ConsoleMessagesTest {

    private static Set<String> declared(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> m.isAnnotationPresent(Message.class))
                .map(ConsoleMessagesTest::signature).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String signature(Method m) {
        return m.getName() + Arrays.toString(m.getParameterTypes());
    }

    @Test
    void everyMessageHasItsChineseText() {
        assertThat(declared(ConsoleMessagesZh.class)).isEqualTo(declared(ConsoleMessages.class));
    }

    @Test
    void noMessageIsEmptyAndTheTwoLanguagesDiffer() {
        for (Method en : ConsoleMessages.class.getDeclaredMethods()) {
            String english = en.getAnnotation(Message.class).value();
            assertThat(english).as(en.getName()).isNotBlank();
            try {
                String chinese = ConsoleMessagesZh.class.getDeclaredMethod(en.getName(), en.getParameterTypes())
                        .getAnnotation(Message.class).value();
                assertThat(chinese).as(en.getName()).isNotBlank();
                // the same placeholders in both
                assertThat(placeholders(chinese)).as(en.getName()).isEqualTo(placeholders(english));
            } catch (NoSuchMethodException e) {
                throw new AssertionError("no Chinese text for " + en.getName(), e);
            }
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> out = new TreeSet<>();
        var m = java.util.regex.Pattern.compile("\\{([a-zA-Z]+)\\}").matcher(text);
        while (m.find()) out.add(m.group(1));
        return out;
    }
}

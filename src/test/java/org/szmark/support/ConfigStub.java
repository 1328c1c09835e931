package org.szmark.support;

import io.smallrye.config.WithDefault;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;
import org.szmark.config.SzmarkConfig;

/**
 * A {@link SzmarkConfig} for constructing beans outside Quarkus: members named by their path ("keys.dir") return
 * the given text, other Optional members are empty, other text members their {@code @WithDefault}.
 */
public final class ConfigStub {
    private ConfigStub() {}

    public static SzmarkConfig of(Map<String, String> values) {
        return proxy(SzmarkConfig.class, "", values);
    }

    private static <T> T proxy(Class<T> type, String prefix, Map<String, String> values) {
        Object stub = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> member(method, prefix + method.getName(), values));
        return type.cast(stub);
    }

    private static Object member(Method method, String path, Map<String, String> values) {
        Class<?> type = method.getReturnType();
        if (method.getName().equals("toString")) return "ConfigStub" + values;
        if (type.isInterface() && type.getEnclosingClass() != null) return proxy(type, path + ".", values);
        String given = values.get(path);
        if (type == Optional.class) return Optional.ofNullable(given);
        if (given == null && method.isAnnotationPresent(WithDefault.class)) given = method.getAnnotation(WithDefault.class).value();
        if (type == String.class && given != null) return given;
        throw new UnsupportedOperationException("ConfigStub has no value for " + path);
    }
}

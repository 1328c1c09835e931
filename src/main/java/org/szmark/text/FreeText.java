package org.szmark.text;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a request member as free text ({@link TextRule.Kind#FREE_TEXT}): it may hold line breaks, tabs and
 * the zero-width joiner. Every other text member is read as a name, number or code ({@link TextRule.Kind#ONE_LINE}),
 * so a new member is strict until it is said to be prose.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
public @interface FreeText {
}

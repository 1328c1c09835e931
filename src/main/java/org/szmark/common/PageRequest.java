package org.szmark.common;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/** Paging query parameters shared by every listing; limits checked once here. */
public class PageRequest {
    public static final int MAX_SIZE = 200;

    @QueryParam("page")
    @DefaultValue("0")
    public String page;

    @QueryParam("size")
    @DefaultValue("50")
    public String size;

    public int page() {
        int p = parse("page", page);
        if (p < 0 || p > 1_000_000) throw InvalidInput.field("page", "must be between 0 and 1000000");
        return p;
    }

    public int size() {
        int s = parse("size", size);
        if (s < 1 || s > MAX_SIZE) throw InvalidInput.field("size", "must be between 1 and " + MAX_SIZE);
        return s;
    }

    private static int parse(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.field(name, "must be a whole number");
        }
    }
}

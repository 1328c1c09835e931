package org.szmark.enterprise;

/** GS1 Global Trade Item Number (GTIN-8/12/13/14) with the GS1 General Specifications §7.9 mod-10 check digit. */
public final class Gtin {
    private Gtin() {}

    public static boolean isValid(String s) {
        if (s == null) return false;
        int n = s.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) return false;
        int sum = 0;
        for (int i = 0; i < n - 1; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return false;
            // weights alternate 3,1,... counted from the digit left of the check digit
            int weight = ((n - 1 - i) % 2 == 1) ? 3 : 1;
            sum += (c - '0') * weight;
        }
        char check = s.charAt(n - 1);
        return check >= '0' && check <= '9' && (10 - sum % 10) % 10 == check - '0';
    }
}

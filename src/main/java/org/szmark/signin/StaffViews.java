package org.szmark.signin;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.szmark.account.Account;
import org.szmark.account.Role;
import org.szmark.text.FreeText;

/** JSON shapes of the staff API. */
public final class StaffViews {
    private StaffViews() {}

    /** {@code accountId} is what the audit trail and signed records name when this person acts. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StaffView(long id, String userName, String name, Role role, Long bodyId, Long enterpriseId, boolean admin,
                            long accountId, boolean disabled, boolean passwordSet, boolean totp, OffsetDateTime createdAt) {
        public static StaffView of(StaffUser u, Account a) {
            return new StaffView(u.id, u.userName, a.name, a.role, a.bodyId, a.enterpriseId, u.admin, a.id,
                    a.disabledAt != null, u.passwordHash != null, u.hasTotp(), u.createdAt);
        }
    }

    /** Returned once: the registry cannot show {@code passwordLink} again. */
    public record StaffWithLink(StaffView staff, String passwordLink, OffsetDateTime linkExpiresAt) {
        public static StaffWithLink of(StaffService.IssuedLink l) {
            return new StaffWithLink(StaffView.of(l.user(), l.account()), l.link(), l.expiresAt());
        }
    }

    public record NewStaff(@NotBlank @Size(max = 64) String userName, @NotBlank @Size(max = 200) @FreeText String name,
                           @NotNull Role role, Long bodyId, Long enterpriseId, Boolean admin) {}

    public record ResetRequest(Boolean dropTotp) {}
}

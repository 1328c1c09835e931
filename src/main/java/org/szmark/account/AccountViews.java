package org.szmark.account;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import org.szmark.text.FreeText;

/** JSON shapes of the account API. */
public final class AccountViews {
    private AccountViews() {}

    /** {@code disabled} always; while it is true, when, why and by which authority account. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountView(long id, Role role, String name, Long bodyId, Long enterpriseId,
                              OffsetDateTime createdAt, boolean disabled, OffsetDateTime disabledAt,
                              String disabledReason, Long disabledBy, List<TokenView> tokens) {
        public static AccountView of(Account a, List<ApiToken> tokens) {
            return new AccountView(a.id, a.role, a.name, a.bodyId, a.enterpriseId, a.createdAt,
                    a.disabledAt != null, a.disabledAt, a.disabledReason, a.disabledBy,
                    tokens == null ? null : tokens.stream().map(TokenView::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenView(long id, String prefix, String label, OffsetDateTime createdAt, OffsetDateTime revokedAt) {
        public static TokenView of(ApiToken t) {
            return new TokenView(t.id, t.prefix, t.label, t.createdAt, t.revokedAt);
        }
    }

    /** Returned once when a token is made; the registry cannot show {@code token} again. */
    public record NewToken(AccountView account, TokenView tokenInfo, String token) {
        public static NewToken of(AccountService.IssuedToken issued) {
            return new NewToken(AccountView.of(issued.account(), null), TokenView.of(issued.token()), issued.secret());
        }
    }

    public record NewAccount(@NotBlank @Size(max = 200) String name, @Size(max = 100) String tokenLabel) {}

    public record NewTokenRequest(@Size(max = 100) String label) {}

    public record DisableRequest(@NotBlank @Size(max = 500) @FreeText String reason) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AuditView(long id, OffsetDateTime recordedAt, Long actorAccount, String actorRole, String action,
                            String targetType, String targetId, String detail) {
        public static AuditView of(AuditEvent e) {
            return new AuditView(e.id, e.recordedAt, e.actorAccount, e.actorRole, e.action, e.targetType, e.targetId, e.detail);
        }
    }
}

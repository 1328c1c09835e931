package org.szmark.signin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Failed sign-ins in a row for one user name (by its hash), shared by every instance through the database. */
@Entity
@Table(name = "sign_in_failure")
public class SignInFailure {
    @Id
    @Column(name = "name_hash", length = 64)
    public String nameHash;

    @Column(nullable = false)
    public int failures;

    @Column(name = "last_failure", nullable = false)
    public OffsetDateTime lastFailure;

    @Column(name = "locked_until")
    public OffsetDateTime lockedUntil;
}

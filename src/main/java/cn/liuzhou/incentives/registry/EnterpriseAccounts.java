package cn.liuzhou.incentives.registry;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/**
 * Enterprises' logins, kept with the registry rather than as Camunda users, so that Camunda Admin lists staff
 * only. Passwords are stored as Spring Security's delegating hashes ({@code {bcrypt}...}); a hash of an older
 * algorithm is re-encoded at the next successful login.
 *
 * <p>Integrators call the API with HTTP Basic, so every call is a login, and bcrypt is slow on purpose (tens of
 * milliseconds of CPU). A password bcrypt accepted is remembered for a few minutes as an HMAC (under a key drawn at
 * start-up, held in memory only) of the stored hash and the password: the next call with the same password and an
 * unchanged hash skips bcrypt. The row is read at every login, so a new password or a disabled login counts at once.
 */
@Repository
public class EnterpriseAccounts {

  /** What a login attempt with an enterprise's credit code came to. */
  public enum Check { NO_ACCOUNT, ACCEPTED, WRONG_PASSWORD, DISABLED }

  private static final RowMapper<EnterpriseAccount> ACCOUNT = (rs, n) -> new EnterpriseAccount(
      rs.getString("credit_code"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
      instant(rs.getTimestamp("last_failed_at")), instant(rs.getTimestamp("last_login_at")), rs.getString("created_by"),
      instant(rs.getTimestamp("created_at")), rs.getString("updated_by"), instant(rs.getTimestamp("updated_at")));

  private record Secret(String hash, boolean enabled) {}

  private final JdbcTemplate jdbc;
  private final PasswordEncoder encoder;
  private final SecretKeySpec rememberKey;
  private final Cache<String, byte[]> accepted = Caffeine.newBuilder().maximumSize(100_000)
      .expireAfterWrite(Duration.ofMinutes(5)).build();

  public EnterpriseAccounts(JdbcTemplate jdbc, PasswordEncoder encoder) {
    this.jdbc = jdbc;
    this.encoder = encoder;
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    this.rememberKey = new SecretKeySpec(key, "HmacSHA256");
  }

  public Optional<EnterpriseAccount> find(String creditCode) {
    return jdbc.query("select * from enterprise_account where credit_code = ?", ACCOUNT, creditCode).stream().findFirst();
  }

  /** Sets the password (and enables the account), creating the account if there is none; answers whether it was created. */
  public boolean setPassword(String creditCode, String rawPassword, String by) {
    String hash = encoder.encode(rawPassword);
    Timestamp now = Timestamp.from(Instant.now());
    int updated = jdbc.update("update enterprise_account set password_hash = ?, enabled = true, failed_logins = 0, "
        + "updated_by = ?, updated_at = ? where credit_code = ?", hash, by, now, creditCode);
    if (updated > 0) {
      return false;
    }
    jdbc.update("insert into enterprise_account (credit_code, password_hash, enabled, failed_logins, created_by, created_at, "
        + "updated_by, updated_at) values (?, ?, true, 0, ?, ?, ?, ?)", creditCode, hash, by, now, by, now);
    return true;
  }

  /** Enables or disables the account; answers false when the enterprise has none. */
  public boolean setEnabled(String creditCode, boolean enabled, String by) {
    return jdbc.update("update enterprise_account set enabled = ?, updated_by = ?, updated_at = ? where credit_code = ?",
        enabled, by, Timestamp.from(Instant.now()), creditCode) > 0;
  }

  /** Checks a login; records its time, or the failure (for the administrators' information: nothing is locked). */
  public Check check(String creditCode, String rawPassword) {
    Optional<Secret> secret = jdbc.query("select password_hash, enabled from enterprise_account where credit_code = ?",
        (rs, n) -> new Secret(rs.getString("password_hash"), rs.getBoolean("enabled")), creditCode).stream().findFirst();
    if (secret.isEmpty()) {
      return Check.NO_ACCOUNT;
    }
    Timestamp now = Timestamp.from(Instant.now());
    byte[] remembered = accepted.getIfPresent(creditCode);
    byte[] proof = proof(secret.get().hash(), rawPassword);
    if (!secret.get().enabled()) { // before any check, so a disabled login is never remembered nor answered faster
      return Check.DISABLED;
    }
    boolean matches = remembered != null && MessageDigest.isEqual(remembered, proof);
    boolean checkedByBcrypt = false;
    if (!matches && encoder.matches(rawPassword, secret.get().hash())) {
      matches = true;
      checkedByBcrypt = true;
      accepted.put(creditCode, proof);
    }
    if (!matches) {
      jdbc.update("update enterprise_account set failed_logins = failed_logins + 1, last_failed_at = ? where credit_code = ?",
          now, creditCode);
      return Check.WRONG_PASSWORD;
    }
    if (checkedByBcrypt) { // the remembered logins of the last minutes are not written again at every API call
      if (encoder.upgradeEncoding(secret.get().hash())) {
        jdbc.update("update enterprise_account set password_hash = ? where credit_code = ?", encoder.encode(rawPassword), creditCode);
      }
      jdbc.update("update enterprise_account set failed_logins = 0, last_login_at = ? where credit_code = ?", now, creditCode);
    }
    return Check.ACCEPTED;
  }

  private byte[] proof(String hash, String rawPassword) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(rememberKey);
      mac.update(hash.getBytes(StandardCharsets.UTF_8));
      mac.update((byte) 0);
      return mac.doFinal(rawPassword.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}

package vn.eams.accounts;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The right a REST resource method or page needs. A method without it (on itself or its class) is
 * refused to everyone: {@link AccessFilter} denies by default, and the authorization matrix test
 * fails for it.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Access {
  /** The right needed. */
  Right value();

  /**
   * Whether an unsafe request that a session cookie authenticates carries its CSRF token in a form
   * field that the method checks itself (HTML forms), instead of the {@code X-CSRF-Token} header.
   */
  boolean formCsrf() default false;
}

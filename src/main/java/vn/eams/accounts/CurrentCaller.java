package vn.eams.accounts;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The caller of the request being served, as {@link AccessFilter} established it. */
@ApplicationScoped
public class CurrentCaller {

  /** The actor recorded for changes nobody signed in made (none reach the model any more). */
  public static final String ANONYMOUS = "anonymous";

  private final CurrentIdentityAssociation identities;

  CurrentCaller(CurrentIdentityAssociation identities) {
    this.identities = identities;
  }

  /** The signed-in caller, if any. */
  public Optional<Caller> get() {
    SecurityIdentity identity = identities.getIdentity();
    if (identity == null || identity.isAnonymous()) {
      return Optional.empty();
    }
    return Optional.ofNullable(identity.getAttribute(AccountIdentities.CALLER));
  }

  /** The name recorded as the actor of the request's changes. */
  public String actor() {
    return get().map(Caller::actor).orElse(ANONYMOUS);
  }
}

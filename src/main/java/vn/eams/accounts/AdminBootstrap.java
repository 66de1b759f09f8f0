package vn.eams.accounts;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.annotations.CommandLineArguments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import vn.eams.EamsMain;
import vn.eams.platform.EamsConfig;

/** At the first start of a server, creates the administrator (see {@link Accounts#bootstrap}). */
@ApplicationScoped
class AdminBootstrap {

  private final String[] args;

  AdminBootstrap(@CommandLineArguments String[] args) {
    this.args = args;
  }

  void onStart(@Observes StartupEvent event, Accounts accounts, EamsConfig config) {
    if (!EamsMain.isCommand(args)) {
      accounts.bootstrap(config.adminPassword());
    }
  }
}

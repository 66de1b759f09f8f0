package vn.eams;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.runtime.annotations.QuarkusMain;
import jakarta.inject.Inject;
import vn.eams.platform.GraphStartup;

/**
 * The command line. Without arguments EAMS serves until stopped; with a command ({@link Commands}:
 * {@code --load}, {@code --import}, {@code --validate}, {@code --export}) it works on the
 * repository without listening for HTTP, prints what it did or every problem, and exits 0 (done), 1
 * (the input has problems; nothing written) or 2 (the command is wrong).
 */
@QuarkusMain
public class EamsMain implements QuarkusApplication {

  @Inject Commands commands;

  /** True when the arguments ask for a command rather than the server. */
  public static boolean isCommand(String... args) {
    return Commands.isCommand(args);
  }

  public static void main(String... args) {
    if (isCommand(args)) {
      // a command needs the repository, not the web server
      System.setProperty("quarkus.http.host-enabled", "false");
    }
    // the embedded DBMS takes the longest to start: begin it before Quarkus boots
    GraphStartup.beginFromMain();
    Quarkus.run(EamsMain.class, args);
  }

  @Override
  public int run(String... args) {
    if (!isCommand(args)) {
      Quarkus.waitForExit();
      return 0;
    }
    return commands.run(args, System.out, System.err);
  }
}

package vn.eams.exchange;

import io.smallrye.mutiny.Multi;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import vn.eams.compliance.ComplianceService;
import vn.eams.platform.Problem;
import vn.eams.platform.ProblemException;

/**
 * Imports that run in the background so that a page can show their progress: the files are read
 * (progress in bytes), then checked and written in one transaction, and the job ends with the
 * import's report or its problem. Jobs run one at a time (a write holds the model lock anyway) and
 * are forgotten an hour after they end.
 */
@ApplicationScoped
public class ImportJobs {

  private static final Logger LOG = Logger.getLogger(ImportJobs.class);
  private static final Duration KEEP = Duration.ofHours(1);

  /** Where a job is. */
  public enum Phase {
    QUEUED,
    READING,
    WRITING,
    /** The model is written; the model checks and policy rules run over it. */
    CHECKING,
    DONE,
    FAILED
  }

  /** One import in the background. */
  public static final class Job {
    private final String id;
    private final long totalBytes;
    private final Instant created = Instant.now();
    private volatile Phase phase = Phase.QUEUED;
    private volatile long bytes;
    private volatile Map<String, Object> report;
    private volatile Problem problem;
    private volatile Instant ended;

    Job(String id, long totalBytes) {
      this.id = id;
      this.totalBytes = totalBytes;
    }

    public String id() {
      return id;
    }

    boolean finished() {
      return phase == Phase.DONE || phase == Phase.FAILED;
    }

    /**
     * The job as JSON: phase, bytes read of the total, a percentage (reading is the first 70 %,
     * checking and writing up to 99 %), and at the end the report or the problem.
     */
    public Map<String, Object> state() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("id", id);
      m.put("phase", phase.name().toLowerCase(java.util.Locale.ROOT));
      m.put("bytes", bytes);
      m.put("totalBytes", totalBytes);
      m.put("percent", percent());
      m.put("createdAt", created.toString());
      if (report != null) {
        m.put("report", report);
      }
      if (problem != null) {
        m.put("problem", problem);
      }
      return m;
    }

    private int percent() {
      return switch (phase) {
        case QUEUED -> 0;
        case READING -> (int) (totalBytes == 0 ? 0 : Math.min(70, 70 * bytes / totalBytes));
        case WRITING -> 70;
        case CHECKING -> 90;
        case DONE, FAILED -> 100;
      };
    }
  }

  private final ImportFiles files;
  private final ImportService imports;
  private final ComplianceService compliance;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();
  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(r -> daemon(r, "eams-import"));
  private final ScheduledExecutorService ticker =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "eams-import-events"));

  ImportJobs(ImportFiles files, ImportService imports, ComplianceService compliance) {
    this.files = files;
    this.imports = imports;
    this.compliance = compliance;
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  @PreDestroy
  void stop() {
    worker.shutdownNow();
    ticker.shutdownNow();
  }

  /**
   * Starts importing the files (which the job owns and deletes when it ends), with {@code mode}
   * null meaning: as the file's kind says; {@code actor} is recorded as the author of the changes.
   */
  public Job start(
      List<ImportFiles.Source> sources,
      String format,
      String modelId,
      ImportService.Mode mode,
      ImportService.Forbidden forbidden,
      boolean dryRun,
      String actor) {
    forgetOld();
    long total = 0;
    for (ImportFiles.Source s : sources) {
      try {
        total += Files.size(s.path());
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
    Job job = new Job(vn.eams.model.Text.newId(), total);
    jobs.put(job.id, job);
    worker.submit(() -> run(job, sources, format, modelId, mode, forbidden, dryRun, actor));
    return job;
  }

  private void run(
      Job job,
      List<ImportFiles.Source> sources,
      String format,
      String modelId,
      ImportService.Mode mode,
      ImportService.Forbidden forbidden,
      boolean dryRun,
      String actor) {
    try {
      job.phase = Phase.READING;
      ImportedModel model = files.read(sources, format, n -> job.bytes = n);
      job.bytes = job.totalBytes;
      job.phase = Phase.WRITING;
      ImportService.Mode m = ImportService.Mode.of(mode, model);
      ImportService.Result r =
          imports.create(model, new ImportService.Options(modelId, m, forbidden, dryRun), actor);
      Map<String, Object> report = ExchangeResource.report(r);
      if (!dryRun) {
        job.phase = Phase.CHECKING;
        report.put("validation", compliance.summary(r.modelId()));
      }
      job.report = report;
      job.phase = Phase.DONE;
    } catch (ProblemException e) {
      job.problem = e.toProblem();
      job.phase = Phase.FAILED;
    } catch (RuntimeException e) {
      LOG.error("Import job " + job.id + " failed", e);
      job.problem =
          ProblemException.badRequest(
                  "The import failed unexpectedly; nothing was written.",
                  List.of(Problem.Error.field("file", "import-failed", String.valueOf(e))))
              .toProblem();
      job.phase = Phase.FAILED;
    } finally {
      job.ended = Instant.now();
      for (ImportFiles.Source s : sources) {
        try {
          Files.deleteIfExists(s.path());
        } catch (IOException ignored) {
          // the temporary folder is cleaned by the system
        }
      }
    }
  }

  /** The job, while it is known. */
  public Optional<Job> job(String id) {
    return Optional.ofNullable(jobs.get(id));
  }

  /**
   * The job's state every time it changes (checked five times a second), ending with its last
   * state.
   */
  public Multi<Map<String, Object>> events(Job job) {
    return Multi.createFrom()
        .emitter(
            em -> {
              java.util.concurrent.atomic.AtomicReference<Map<String, Object>> last =
                  new java.util.concurrent.atomic.AtomicReference<>();
              java.util.concurrent.atomic.AtomicReference<ScheduledFuture<?>> task =
                  new java.util.concurrent.atomic.AtomicReference<>();
              java.util.concurrent.atomic.AtomicBoolean over =
                  new java.util.concurrent.atomic.AtomicBoolean();
              Runnable tick =
                  () -> {
                    if (em.isCancelled() || over.get()) {
                      return;
                    }
                    Map<String, Object> s = job.state();
                    if (!s.equals(last.getAndSet(s))) {
                      em.emit(s);
                    }
                    if (job.finished()) {
                      over.set(true);
                      em.complete();
                      ScheduledFuture<?> f = task.get();
                      if (f != null) {
                        f.cancel(false);
                      }
                    }
                  };
              task.set(ticker.scheduleAtFixedRate(tick, 20, 200, TimeUnit.MILLISECONDS));
              em.onTermination(
                  () -> {
                    ScheduledFuture<?> f = task.get();
                    if (f != null) {
                      f.cancel(false);
                    }
                  });
            });
  }

  private void forgetOld() {
    Instant before = Instant.now().minus(KEEP);
    jobs.values().removeIf(j -> j.ended != null && j.ended.isBefore(before));
  }
}

package dev.medi.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of the local run (see the {@code ./medi} script):
 * <pre>
 *   run                      PostgreSQL + Kafka + all five services, until Ctrl-C
 *   infra                    PostgreSQL + Kafka only (for quarkus:dev of one service)
 *   token ROLE[,ROLE] [DEPT] print a development access token
 * </pre>
 * State lives in {@code $MEDI_HOME} (default {@code ~/.medi-os}), never in the repository.
 */
public final class DevStack {

    private static final Logger LOG = LoggerFactory.getLogger("medi-os");

    /** Demo departments the local run and the tests use until queue-service owns departments. */
    public static final List<String> DEMO_DEPARTMENTS = List.of(
            "0193a000-0000-7000-8000-000000000001",
            "0193a000-0000-7000-8000-000000000002");

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        Path home = home();
        switch (command) {
            case "run" -> run(home);
            case "infra" -> infra(home);
            case "token" -> token(home, Arrays.copyOfRange(args, 1, args.length));
            default -> {
                LOG.error("unknown command '{}': use run, infra or token", command);
                System.exit(2);
            }
        }
    }

    static Path home() {
        String configured = System.getenv("MEDI_HOME");
        return configured != null && !configured.isBlank()
                ? Path.of(configured).toAbsolutePath()
                : Path.of(System.getProperty("user.home"), ".medi-os");
    }

    private static void run(Path home) throws InterruptedException {
        Path root = Path.of(System.getProperty("medi.project-root", "")).toAbsolutePath();
        LOG.info("starting PostgreSQL, Kafka and five services (state in {}, logs in {})", home, home.resolve("logs"));
        long started = System.nanoTime();
        LocalStack stack = LocalStack.start(new LocalStack.Options(root, home, true, "dev"));
        CountDownLatch stopped = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            LOG.info("stopping services, Kafka and PostgreSQL");
            stack.close();
            LOG.info("stopped");
            stopped.countDown();
        }, "medi-shutdown"));
        LOG.info("""

                Medi OS is up in {} s. Open the clinic web app: {}/
                  sign in as receptionist, nurse, doctor or admin, password medi-demo-<user> (e.g. nurse / medi-demo-nurse)
                  waiting-room board (no sign-in): {}/board/?department={}
                  services: gateway :8080, auth :8081, patient :8082, queue :8083, ai :8084
                  health, metrics, OpenAPI (management ports, not public): gateway :9000, auth :9001, patient :9002,
                    queue :9003, ai :9004, e.g. http://127.0.0.1:9003/q/openapi
                  PostgreSQL 127.0.0.1:{} (user postgres), Kafka 127.0.0.1:{}
                  demo accounts (user / password): receptionist, nurse, doctor, admin / medi-demo-<user>
                  demo departments: {}
                  the API from a terminal: sign in and check a patient in:
                    TOKEN=$(curl -s {}/api/v1/auth/login -H 'Content-Type: application/json' \\
                      -d '{"username":"receptionist","password":"medi-demo-receptionist"}' | sed 's/.*"accessToken":"\\([^"]*\\)".*/\\1/')
                    curl -i -X POST {}/api/v1/queues/{}/check-ins \\
                      -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \\
                      -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \\
                      -d '{"arrivalName":"Jo Example","chiefComplaint":"chest pain"}'
                  and watch it live on the WebSocket {}/ws/queue (see README), or the waiting-room board at
                  {}/board/?department={}.
                Ctrl-C stops everything.""",
                (System.nanoTime() - started) / 1_000_000_000, stack.gatewayUrl(),
                stack.gatewayUrl(), DEMO_DEPARTMENTS.get(0),
                LocalStack.LOCAL_POSTGRES_PORT, LocalStack.LOCAL_KAFKA_PORT, DEMO_DEPARTMENTS,
                stack.gatewayUrl(), stack.gatewayUrl(), DEMO_DEPARTMENTS.get(0), stack.gatewayUrl().replace("http", "ws"),
                stack.gatewayUrl(), DEMO_DEPARTMENTS.get(0));
        // Watch the children: if one dies, say so and bring everything down instead of limping on.
        while (stopped.getCount() > 0) {
            var exited = stack.firstExited();
            if (exited.isPresent() && !stopping.get()) {
                LOG.error("{} exited unexpectedly, see {}", exited.get().service().module(), exited.get().logFile());
                System.exit(1);
            }
            if (stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
                return;
            }
        }
    }

    private static void infra(Path home) throws InterruptedException {
        Infrastructure infrastructure = Infrastructure.start(new Infrastructure.Config(home,
                LocalStack.LOCAL_POSTGRES_PORT, LocalStack.LOCAL_KAFKA_PORT, LocalStack.LOCAL_KAFKA_CONTROLLER_PORT, true));
        for (MediService service : MediService.values()) {
            if (service.database() != null) {
                infrastructure.postgres().createDatabaseIfMissing(service.database());
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            infrastructure.close();
            stopped.countDown();
        }, "medi-shutdown"));
        LOG.info("PostgreSQL on 127.0.0.1:{}, Kafka on {}, verification key {}; Ctrl-C stops them",
                infrastructure.postgres().port(), infrastructure.kafka().bootstrapServers(),
                infrastructure.keys().publicKeyPem());
        stopped.await();
    }

    private static void token(Path home, String[] args) {
        if (args.length == 0) {
            LOG.error("usage: token ROLE[,ROLE...] [DEPARTMENT_ID...]");
            System.exit(2);
        }
        List<String> roles = List.of(args[0].split(","));
        List<String> departments = args.length > 1 ? List.of(Arrays.copyOfRange(args, 1, args.length)) : DEMO_DEPARTMENTS;
        DevTokens tokens = new DevTokens(DevKeys.loadOrCreate(home.resolve("keys")));
        // The token is the command's output, for $(./medi token ...): plain stdout, nothing else.
        System.out.println(tokens.accessToken("demo." + roles.get(0), roles, departments));
    }

    private DevStack() {
    }
}

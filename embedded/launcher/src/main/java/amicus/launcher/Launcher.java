package amicus.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded in this JVM and serves it over Bolt, for amicus.
 *
 * <p>Usage: {@code Launcher --data DIR --bolt HOST:PORT [--page-cache 128m]}
 *
 * <p>Protocol with the parent process (the Go package amicus/embedded):
 * <ul>
 *   <li>When the default database is available, exactly one line
 *       {@code AMICUS-NEO4J-READY bolt://HOST:PORT} is printed to stdout.
 *   <li>The parent keeps our stdin open. When stdin reaches EOF (the parent closed it,
 *       or died in any way, even by SIGKILL, which closes the pipe), Neo4j is shut down
 *       cleanly and the JVM exits 0. So there is never an orphaned JVM.
 *   <li>SIGTERM/SIGINT also shut Neo4j down cleanly, through a JVM shutdown hook.
 *   <li>Failures print one line starting with {@code amicus-launcher:} to stderr and
 *       exit non-zero: 2 bad arguments, 3 Bolt address in use, 4 data directory not
 *       writable, 1 anything else.
 * </ul>
 *
 * <p>Security: authentication is disabled, so the Bolt address must be a loopback one
 * (the parent passes 127.0.0.1:PORT by default); anyone who can reach the port can
 * read and write the graph. The HTTP/HTTPS connectors are off.
 */
public final class Launcher {
    static final String READY = "AMICUS-NEO4J-READY";

    static final int EXIT_USAGE = 2;
    static final int EXIT_ADDRESS_IN_USE = 3;
    static final int EXIT_DATA_DIR = 4;

    /** Set once Neo4j is built; shut down at most once by {@link #shutdown()}. */
    private static DatabaseManagementService service;

    public static void main(String[] args) {
        Path data = null;
        String bolt = null;
        String pageCache = "128m";
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--data" -> { data = value == null ? null : Path.of(value).toAbsolutePath(); i++; }
                case "--bolt" -> { bolt = value; i++; }
                case "--page-cache" -> { pageCache = value; i++; }
                default -> fail(EXIT_USAGE, "unknown argument " + args[i]);
            }
        }
        if (data == null || bolt == null || pageCache == null) {
            fail(EXIT_USAGE, "usage: Launcher --data DIR --bolt HOST:PORT [--page-cache 128m]");
        }
        SocketAddress address = parseAddress(bolt);
        long pageCacheBytes;
        try {
            pageCacheBytes = ByteUnit.parse(pageCache);
        } catch (RuntimeException e) {
            fail(EXIT_USAGE, "bad --page-cache value " + pageCache + ": " + e.getMessage());
            return;
        }

        // Check the data directory up front so that the error is one clear line,
        // rather than a stack trace from deep inside Neo4j.
        try {
            Files.createDirectories(data);
            Path probe = Files.createTempFile(data, ".write-test", "");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            fail(EXIT_DATA_DIR, "data directory " + data + " is not writable: " + e);
        }

        // Shut down cleanly on SIGTERM/SIGINT and on System.exit().
        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdown, "amicus-shutdown"));

        try {
            // DATA is Neo4j's home: the store goes to DATA/data, the logs to DATA/logs.
            DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(data)
                    .setConfig(GraphDatabaseSettings.logs_directory, data.resolve("logs"))
                    // Bolt needs the neo4j-bolt artifact on the class path (see pom.xml).
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, address)
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // No authentication: only safe because we listen on loopback.
                    .setConfig(GraphDatabaseSettings.auth_enabled, false)
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes)
                    // Never phone home.
                    .setConfig(GraphDatabaseSettings.udc_enabled, false)
                    // Bolt stops after the databases (which are checkpointed by then),
                    // and by default its network threads then idle 5 s per connector
                    // before exiting; 1 s makes a stop take ~2 s instead of ~10 s.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 1)
                    .build();
            synchronized (Launcher.class) {
                service = dbms;
            }
            GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            while (!db.isAvailable(Duration.ofSeconds(1).toMillis())) {
                if (System.nanoTime() > deadline) {
                    fail(1, "the default database did not become available within 5 minutes");
                }
            }
        } catch (Throwable e) {
            if (isBindFailure(e)) {
                fail(EXIT_ADDRESS_IN_USE, "bolt address " + bolt + " is already in use");
            }
            e.printStackTrace();
            fail(1, "neo4j failed to start: " + rootCause(e));
        }

        System.out.println(READY + " bolt://" + bolt);
        System.out.flush();

        // Serve until the parent closes our stdin (or dies), then stop cleanly. If the
        // parent dies while Neo4j is still starting, we notice here, right after startup.
        waitForEndOfInput(System.in);
        System.err.println("amicus-launcher: stdin closed");
        shutdown();
        System.exit(0);
    }

    /** Reads until EOF; a read error counts as EOF. */
    private static void waitForEndOfInput(InputStream in) {
        byte[] buffer = new byte[256];
        try {
            while (in.read(buffer) >= 0) {
                // Input is ignored; only its end matters.
            }
        } catch (IOException ignored) {
            // Treated as end of input.
        }
    }

    /** Shuts Neo4j down once; safe to call from several threads. */
    private static void shutdown() {
        DatabaseManagementService dbms;
        synchronized (Launcher.class) {
            dbms = service;
            service = null;
        }
        if (dbms != null) {
            System.err.println("amicus-launcher: stopping neo4j");
            dbms.shutdown();
            System.err.println("amicus-launcher: neo4j stopped");
        }
    }

    /** Parses HOST:PORT, with brackets around an IPv6 host ("[::1]:7687"). */
    private static SocketAddress parseAddress(String text) {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            fail(EXIT_USAGE, "bad --bolt address " + text + ", want HOST:PORT");
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        try {
            return new SocketAddress(host, Integer.parseInt(text.substring(colon + 1)));
        } catch (RuntimeException e) {
            fail(EXIT_USAGE, "bad --bolt address " + text + ", want HOST:PORT");
            return null;
        }
    }

    /** Whether the failure comes from a port that could not be bound. */
    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.BindException || t.getClass().getSimpleName().equals("PortBindException")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.toString();
    }

    /** Prints one error line to stderr and exits; the shutdown hook stops Neo4j if it runs. */
    private static void fail(int code, String message) {
        System.err.println("amicus-launcher: " + message);
        System.err.flush();
        System.exit(code);
    }
}

package dev.drove.local;

import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * A single ZooKeeper server on loopback for the one-machine cluster:
 * {@code java -jar drove-local.jar <port> <data dir>}. Runs until killed. Production clusters use a real ensemble
 * (docs: cluster/setup/zookeeper.md).
 */
public final class LocalZooKeeper {
    private LocalZooKeeper() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: java -jar drove-local.jar <port> <data dir>");
            System.exit(2);
        }
        var port = Integer.parseInt(args[0]);
        var data = Files.createDirectories(Path.of(args[1]));
        var config = new Properties();
        config.setProperty("tickTime", "2000");
        config.setProperty("initLimit", "10");
        config.setProperty("syncLimit", "5");
        config.setProperty("clientPort", Integer.toString(port));
        config.setProperty("clientPortAddress", "127.0.0.1");
        config.setProperty("admin.enableServer", "false");
        config.setProperty("4lw.commands.whitelist", "ruok,stat");
        var server = ZooKeeperServerEmbedded.builder()
                .baseDir(data)
                .configuration(config)
                .build();
        server.start();
        System.out.println("ZooKeeper is serving on 127.0.0.1:" + port + " with data in " + data);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        new CountDownLatch(1).await();
    }
}

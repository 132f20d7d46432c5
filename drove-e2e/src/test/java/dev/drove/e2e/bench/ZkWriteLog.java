package dev.drove.e2e.bench;

import org.apache.jute.Record;
import org.apache.zookeeper.ZooDefs.OpCode;
import org.apache.zookeeper.server.ByteBufferInputStream;
import org.apache.zookeeper.server.persistence.FileTxnLog;
import org.apache.zookeeper.txn.CreateContainerTxn;
import org.apache.zookeeper.txn.CreateTTLTxn;
import org.apache.zookeeper.txn.CreateTxn;
import org.apache.zookeeper.txn.MultiTxn;
import org.apache.zookeeper.txn.SetDataTxn;
import org.apache.zookeeper.txn.Txn;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * What was written to ZooKeeper, read back from its transaction log: for every create and set-data (also inside
 * multi-ops) the bytes of path and data, summed by the first path segment below the namespace ({@code instances},
 * {@code executor}, {@code appstate} …). Deletes count their path. Two {@link Totals} taken at two moments give
 * what was written in between.
 */
final class ZkWriteLog {
    private final File logDir;
    private final String namespacePrefix;

    /**
     * @param dataDir   the ZooKeeper server's data directory (its {@code version-2} holds the logs)
     * @param namespace the Drove namespace, e.g. {@code drove}
     */
    ZkWriteLog(File dataDir, String namespace) {
        this.logDir = new File(dataDir, "version-2");
        this.namespacePrefix = "/" + namespace + "/";
    }

    /** Bytes written per area, and transactions. */
    record Totals(Map<String, Long> bytes, Map<String, Long> writes) {
        long bytes(String area) {
            return bytes.getOrDefault(area, 0L);
        }

        long allBytes() {
            return bytes.values().stream().mapToLong(Long::longValue).sum();
        }

        long allWrites() {
            return writes.values().stream().mapToLong(Long::longValue).sum();
        }

        /** What was written after {@code earlier}. */
        Totals since(Totals earlier) {
            var b = new TreeMap<String, Long>();
            bytes.forEach((area, n) -> b.put(area, n - earlier.bytes.getOrDefault(area, 0L)));
            var w = new TreeMap<String, Long>();
            writes.forEach((area, n) -> w.put(area, n - earlier.writes.getOrDefault(area, 0L)));
            return new Totals(b, w);
        }
    }

    /** Everything in the log so far. */
    Totals totals() throws IOException {
        var bytes = new TreeMap<String, Long>();
        var writes = new TreeMap<String, Long>();
        var log = new FileTxnLog(logDir);
        try (var iterator = log.read(1)) {
            while (iterator.getHeader() != null) {
                count(iterator.getHeader().getType(), iterator.getTxn(), bytes, writes);
                if (!iterator.next()) {
                    break;
                }
            }
        } finally {
            log.close();
        }
        return new Totals(bytes, writes);
    }

    private void count(int type, Record txn, Map<String, Long> bytes, Map<String, Long> writes) throws IOException {
        if (txn instanceof MultiTxn multi) {
            for (Txn inner : multi.getTxns()) {
                var record = record(inner.getType());
                if (record != null) {
                    ByteBufferInputStream.byteBuffer2Record(ByteBuffer.wrap(inner.getData()), record);
                    count(inner.getType(), record, bytes, writes);
                }
            }
            return;
        }
        String path;
        int data;
        if (txn instanceof CreateTxn create) {
            path = create.getPath();
            data = length(create.getData());
        } else if (txn instanceof CreateContainerTxn create) {
            path = create.getPath();
            data = length(create.getData());
        } else if (txn instanceof CreateTTLTxn create) {
            path = create.getPath();
            data = length(create.getData());
        } else if (txn instanceof SetDataTxn set) {
            path = set.getPath();
            data = length(set.getData());
        } else if (txn instanceof org.apache.zookeeper.txn.DeleteTxn delete) {
            path = delete.getPath();
            data = 0;
        } else {
            return;
        }
        var area = area(path);
        bytes.merge(area, (long) path.getBytes(StandardCharsets.UTF_8).length + data, Long::sum);
        writes.merge(area, 1L, Long::sum);
    }

    private String area(String path) {
        if (!path.startsWith(namespacePrefix)) {
            return "(outside " + namespacePrefix + ")";
        }
        var rest = path.substring(namespacePrefix.length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    private static Record record(int type) {
        switch (type) {
            case OpCode.create:
            case OpCode.create2:
                return new CreateTxn();
            case OpCode.createContainer:
                return new CreateContainerTxn();
            case OpCode.createTTL:
                return new CreateTTLTxn();
            case OpCode.setData:
                return new SetDataTxn();
            case OpCode.delete:
            case OpCode.deleteContainer:
                return new org.apache.zookeeper.txn.DeleteTxn();
            default:
                return null;
        }
    }

    private static int length(byte[] data) {
        return data == null ? 0 : data.length;
    }
}

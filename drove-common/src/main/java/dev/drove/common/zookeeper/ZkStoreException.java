package dev.drove.common.zookeeper;

/** A ZooKeeper read or write failed, or stored data was not the JSON expected. The message names the path. */
public class ZkStoreException extends RuntimeException {
    public ZkStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

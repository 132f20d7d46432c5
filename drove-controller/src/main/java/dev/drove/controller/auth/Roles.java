package dev.drove.controller.auth;

/**
 * Role names for {@code @RolesAllowed} on controller resources (contract Appendix A). A caller "is in" a role when
 * its own role grants it: {@link UserRole#EXTERNAL_ROOT} is in every user role; read-write users are in
 * {@link #READ_WRITE}; maintenance users in {@link #MAINTENANCE}; instances (signed tokens) only in {@link #INSTANCE};
 * cluster nodes only in {@link #CLUSTER_NODE}. Methods without an annotation are open to any authenticated caller.
 */
public final class Roles {
    /** Submitting and cancelling operations (RW in the contract). */
    public static final String READ_WRITE = "EXTERNAL_READ_WRITE";
    /** Maintenance mode and blacklisting (MNT). */
    public static final String MAINTENANCE = "DROVE_EXTERNAL_MAINTENANCE";
    /** Reading instance log files (LOG: root, read-only and read-write users). */
    public static final String LOG_READER = "LOG_READER";
    /** Everything. */
    public static final String ROOT = "EXTERNAL_ROOT";
    /** An application or task instance calling with its {@code App-Instance-Authorization} token (INST). */
    public static final String INSTANCE = "DROVE_APPLICATION_INSTANCE";
    /** Another node of the cluster (NODE). */
    public static final String CLUSTER_NODE = "DROVE_CLUSTER_NODE";

    private Roles() {
    }
}

package dev.drove.controller.auth;

/**
 * Role names for {@code @RolesAllowed} on controller resources (contract Appendix A). A caller "is in" a role when
 * its own role grants it ({@link UserCaller#ROLES} is the whole table): {@link UserRole#EXTERNAL_ROOT} is in every user
 * role; read-write users are in {@link #READ_WRITE} and {@link #LOG_READER}; read-only users in {@link #LOG_READER};
 * maintenance users in {@link #MAINTENANCE}; every user, even one without a role, in {@link #ANY_USER}; instances
 * (signed tokens) only in {@link #INSTANCE}; cluster nodes only in {@link #CLUSTER_NODE}.
 *
 * <p>A method without an annotation (or with {@code @PermitAll}) is open to {@link #ANY_USER}: any authenticated
 * user, but no instance. An instance token passes only where {@link #INSTANCE} is named, and there only for its own
 * application ({@link InstanceCaller#owns}).
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
    /**
     * Any authenticated user, whatever their role (ANY in the contract). Unannotated methods need it implicitly; name
     * it beside {@link #INSTANCE} to open a read to users and to the instances of the application it is about.
     */
    public static final String ANY_USER = "DROVE_EXTERNAL_USER";
    /** An application or task instance calling with its {@code App-Instance-Authorization} token (INST). */
    public static final String INSTANCE = "DROVE_APPLICATION_INSTANCE";
    /** Another node of the cluster (NODE). */
    public static final String CLUSTER_NODE = "DROVE_CLUSTER_NODE";

    private Roles() {
    }
}

package dev.drove.models.operation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A change asked of an application, posted to {@code /apis/v1/applications/operations} (docs:
 * applications/operations.md; contract §2.7). Only one operation runs per application at a time.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = ApplicationCreateOperation.class, name = "CREATE"),
        @JsonSubTypes.Type(value = ApplicationDestroyOperation.class, name = "DESTROY"),
        @JsonSubTypes.Type(value = ApplicationStartInstancesOperation.class, name = "START_INSTANCES"),
        @JsonSubTypes.Type(value = ApplicationStopInstancesOperation.class, name = "STOP_INSTANCES"),
        @JsonSubTypes.Type(value = ApplicationScaleOperation.class, name = "SCALE"),
        @JsonSubTypes.Type(value = ApplicationReplaceInstancesOperation.class, name = "REPLACE_INSTANCES"),
        @JsonSubTypes.Type(value = ApplicationSuspendOperation.class, name = "SUSPEND"),
        @JsonSubTypes.Type(value = ApplicationRecoverOperation.class, name = "RECOVER")})
public sealed interface ApplicationOperation
        permits ApplicationCreateOperation, ApplicationDestroyOperation, ApplicationStartInstancesOperation,
        ApplicationStopInstancesOperation, ApplicationScaleOperation, ApplicationReplaceInstancesOperation,
        ApplicationSuspendOperation, ApplicationRecoverOperation {

    /** The application this operation is about; for CREATE, the id its spec will get. */
    String appId();

    ApplicationOperationType operationType();

    /** How the operation runs; {@link ClusterOpSpec#DEFAULT} for those that carry none (RECOVER). */
    ClusterOpSpec opSpec();
}

package dev.drove.models.operation;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A change asked of a local service, posted to {@code /apis/v1/localservices/operations} (contract §2.7).
 * {@code "type": "STOP"} is accepted as another name of {@code DEACTIVATE}, as the original accepts it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = LocalServiceCreateOperation.class, name = "CREATE"),
        @JsonSubTypes.Type(value = LocalServiceActivateOperation.class, name = "ACTIVATE"),
        @JsonSubTypes.Type(value = LocalServiceDeactivateOperation.class, name = "DEACTIVATE", names = "STOP"),
        @JsonSubTypes.Type(value = LocalServiceDeployTestInstanceOperation.class, name = "DEPLOY_TEST_INSTANCE"),
        @JsonSubTypes.Type(value = LocalServiceAdjustInstancesOperation.class, name = "ADJUST_INSTANCES"),
        @JsonSubTypes.Type(value = LocalServiceReplaceInstancesOperation.class, name = "REPLACE_INSTANCES"),
        @JsonSubTypes.Type(value = LocalServiceRestartOperation.class, name = "RESTART"),
        @JsonSubTypes.Type(value = LocalServiceStopInstancesOperation.class, name = "STOP_INSTANCES"),
        @JsonSubTypes.Type(value = LocalServiceUpdateInstanceCountOperation.class, name = "UPDATE_INSTANCE_COUNT"),
        @JsonSubTypes.Type(value = LocalServiceDestroyOperation.class, name = "DESTROY")})
public sealed interface LocalServiceOperation
        permits LocalServiceCreateOperation, LocalServiceActivateOperation, LocalServiceDeactivateOperation,
        LocalServiceDeployTestInstanceOperation, LocalServiceAdjustInstancesOperation,
        LocalServiceReplaceInstancesOperation, LocalServiceRestartOperation, LocalServiceStopInstancesOperation,
        LocalServiceUpdateInstanceCountOperation, LocalServiceDestroyOperation {

    /** The service this operation is about; for CREATE, the id its spec will get. */
    String serviceId();

    LocalServiceOperationType operationType();
}

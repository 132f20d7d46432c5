package dev.drove.common.auth;

import dev.drove.models.info.nodedata.NodeType;
import jakarta.ws.rs.NameBinding;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method or class that only other cluster nodes may call, such as {@code POST /apis/v1/messages}:
 * {@link ClusterAuthFilter} runs for it and lets a call through only from a node type in {@link #from()} that sent
 * that type's secret. On a method it overrides the class's annotation.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ClusterNodeOnly {
    /** The node types that may call; both when not given. */
    NodeType[] from() default {NodeType.CONTROLLER, NodeType.EXECUTOR};
}

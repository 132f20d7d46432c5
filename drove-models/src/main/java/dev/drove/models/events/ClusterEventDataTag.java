package dev.drove.models.events;

/** Metadata keys of {@link ClusterEvent}s: the controller that raised the event. */
public enum ClusterEventDataTag {
    HOSTNAME
}

package dev.drove.controller.api;

import dev.drove.common.errors.ApiException;
import dev.drove.models.application.ApplicationState;
import dev.drove.models.operation.ApplicationOperation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A stand-in engine that records what the API asks of it and answers as told. */
final class RecordingOperations implements ApplicationOperations {
    final List<ApplicationOperation> submitted = new CopyOnWriteArrayList<>();
    final List<String> cancelled = new CopyOnWriteArrayList<>();
    final Map<String, ApplicationState> states = new ConcurrentHashMap<>();
    volatile ApiException refusal;
    volatile boolean cancels = true;

    @Override
    public String submit(ApplicationOperation operation) {
        if (refusal != null) {
            throw refusal;
        }
        submitted.add(operation);
        return operation.appId();
    }

    @Override
    public boolean cancel(String appId) {
        cancelled.add(appId);
        return cancels;
    }

    @Override
    public Optional<ApplicationState> state(String appId) {
        return Optional.ofNullable(states.get(appId));
    }
}

package dev.drove.controller.logs;

/**
 * Where one instance's log files are: the executor that ran it and the instance's folder there,
 * {@code {first}/{second}} ({@code appId/instanceId}, {@code sourceAppName/taskId} or {@code serviceId/instanceId}).
 *
 * @param what the instance in words, for error messages ("instance AI-1 of app TEST_APP-1")
 */
record LogSource(String executorId, String first, String second, String what) {
}

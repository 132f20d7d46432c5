/**
 * What the controller's REST API answers (docs: apis/*.md; contract §2.1 and §2.8).
 *
 * <pre>
 * every answer      ApiResponse{status SUCCESS|FAILED, data, message}     ("success" when it worked)
 * bad input         FAILED, "Command validation failure", data ValidationErrors{validationErrors: [...]}
 * spec validation   data SpecValidity{valid: true[, warnings]}
 * op submitted      data OperationAccepted{appId | taskId | serviceId}
 * read models       AppSummary, LocalServiceSummary, ClusterSummary, ExecutorSummary, ExposedAppInfo,
 *                   BlacklistOperationResponse, DroveEventsList, DroveEventsSummary, DashboardData
 * log files         LogFileList{files}, LogFileChunk{data, offset}   (not wrapped in an ApiResponse)
 * </pre>
 *
 * Read models are built by the controller and only read back by clients and tests, so collections default to empty
 * and nothing here validates input.
 */
package dev.drove.models.api;

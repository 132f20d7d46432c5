package dev.drove.executor;

import io.dropwizard.core.Configuration;

/** Root of the executor's config file; keys follow Drove's documentation exactly. */
public class ExecutorConfiguration extends Configuration {
}

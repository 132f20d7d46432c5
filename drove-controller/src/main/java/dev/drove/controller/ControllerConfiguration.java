package dev.drove.controller;

import io.dropwizard.core.Configuration;

/** Root of the controller's config file; keys follow Drove's documentation exactly. */
public class ControllerConfiguration extends Configuration {
}

package dev.drove.executor.checks;

import com.google.inject.AbstractModule;
import com.google.inject.Scopes;

/**
 * Guice bindings of the checks feature: the stateless {@link CheckRunner} and {@link PreShutdownRunner}, one each.
 * {@link ContainerCommands} is bound by the container engine's module.
 */
public final class ChecksModule extends AbstractModule {
    @Override
    protected void configure() {
        bind(CheckRunner.class).in(Scopes.SINGLETON);
        bind(PreShutdownRunner.class).in(Scopes.SINGLETON);
    }
}

package dev.drove.executor.checks;

import com.google.inject.Guice;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChecksModuleTest {

    @Test
    void theExecutorSharesOneCheckRunnerAndOnePreShutdownRunner() {
        var injector = Guice.createInjector(new ChecksModule());

        assertThat(injector.getInstance(CheckRunner.class)).isSameAs(injector.getInstance(CheckRunner.class));
        assertThat(injector.getInstance(PreShutdownRunner.class))
                .isSameAs(injector.getInstance(PreShutdownRunner.class));
    }
}

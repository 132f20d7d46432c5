package dev.drove.models.docs;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import dev.drove.models.events.DroveEvent;
import dev.drove.models.events.DroveEventType;
import dev.drove.models.info.nodedata.NodeData;
import dev.drove.models.info.resources.AvailableResource;
import dev.drove.models.info.resources.ResourceAllocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The sealed families of the read models: what {@code permits} lists and what Jackson can read must agree. */
class ReadModelFamiliesTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {NodeData.class, ResourceAllocation.class, AvailableResource.class, DroveEvent.class})
    void everyPermittedSubclassIsNamedInJsonSubTypesAndNothingElseIs(Class<?> family) {
        var listed = Arrays.stream(family.getAnnotation(JsonSubTypes.class).value())
                .map(JsonSubTypes.Type::value)
                .toList();

        assertThat(family.isSealed()).isTrue();
        assertThat(listed).doesNotHaveDuplicates();
        assertThat(listed).containsExactlyInAnyOrder(family.getPermittedSubclasses());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(classes = {NodeData.class, ResourceAllocation.class, AvailableResource.class, DroveEvent.class})
    void noTypeNameIsUsedTwiceInAFamily(Class<?> family) {
        assertThat(typeNames(family)).doesNotHaveDuplicates().doesNotContain("");
    }

    @Test
    void everyEventTypeIsNamedOnceAndItsRecordAcceptsIt() throws Exception {
        var eventTypes = Arrays.stream(DroveEventType.values()).map(Enum::name).toList();

        assertThat(typeNames(DroveEvent.class)).containsExactlyInAnyOrderElementsOf(eventTypes);
        for (var subtype : DroveEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            @SuppressWarnings("unchecked")
            var types = (Set<DroveEventType>) subtype.value().getField("TYPES").get(null);
            assertThat(types).as(subtype.value().getSimpleName())
                    .extracting(Enum::name)
                    .containsExactlyInAnyOrderElementsOf(names(subtype));
        }
    }

    private static List<String> typeNames(Class<?> family) {
        var names = new ArrayList<String>();
        for (var subtype : family.getAnnotation(JsonSubTypes.class).value()) {
            names.addAll(names(subtype));
        }
        return names;
    }

    private static List<String> names(JsonSubTypes.Type subtype) {
        var names = new ArrayList<String>();
        if (!subtype.name().isEmpty()) {
            names.add(subtype.name());
        }
        names.addAll(Arrays.asList(subtype.names()));
        return names;
    }
}

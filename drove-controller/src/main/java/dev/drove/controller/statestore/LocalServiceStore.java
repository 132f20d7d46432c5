package dev.drove.controller.statestore;

import dev.drove.models.localservice.LocalServiceInfo;

import java.util.List;
import java.util.Optional;

/** Local services: {@link LocalServiceInfo} at {@code /localservices/{serviceId}}. */
public interface LocalServiceStore {

    /** Creates or replaces the service's info. */
    void save(LocalServiceInfo service);

    Optional<LocalServiceInfo> find(String serviceId);

    /** Every local service, ordered by serviceId. */
    List<LocalServiceInfo> all();

    /**
     * Removes the service and, first, every one of its instances ({@code /localserviceinstances/{serviceId}}).
     * Nothing happens for an unknown service.
     */
    void delete(String serviceId);
}

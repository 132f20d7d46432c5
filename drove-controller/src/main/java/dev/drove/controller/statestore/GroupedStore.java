package dev.drove.controller.statestore;

import java.util.List;
import java.util.Optional;

/**
 * Documents filed in groups, each under its own id within the group: an application's instances (grouped by appId)
 * or a local service's instances (by serviceId). Reads never throw for a missing group or document; each save
 * replaces one document whole.
 *
 * @param <T> the document
 */
public interface GroupedStore<T> extends ChangeStamped {

    /** Creates or replaces the document. */
    void save(T document);

    Optional<T> find(String groupId, String id);

    /** Every document of the group, in the store's order (see {@link Filing#order()}). */
    List<T> all(String groupId);

    /** Removes one document; nothing happens when it is not there. */
    void delete(String groupId, String id);

    /** Removes every document of the group. */
    void deleteAll(String groupId);
}

package dev.switchboard.routing.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Splits a batch into groups that cannot affect each other's decisions, so that the groups can
 * be decided side by side while each group stays in order. Two messages share a group when they
 * share a conversation (holder, queue, order on the topic) or a person as known so far: an
 * identity, or a contact that owns one of their identities (contact, merges, same-problem
 * duplicates are all per contact). Union-find over those keys; groups and their members keep
 * batch order.
 */
final class PersonGroups {
    private PersonGroups() {
    }

    /** @param keysOf what ties a message to others: conversation key, identities, owning contact ids */
    static <T> List<List<T>> of(List<T> batch, Function<T, Set<String>> keysOf) {
        int[] parent = new int[batch.size()];
        Map<String, Integer> firstWithKey = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            parent[i] = i;
            for (String key : keysOf.apply(batch.get(i))) {
                Integer earlier = firstWithKey.putIfAbsent(key, i);
                if (earlier != null) {
                    union(parent, earlier, i);
                }
            }
        }
        Map<Integer, List<T>> groups = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            groups.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(batch.get(i));
        }
        return List.copyOf(groups.values());
    }

    private static void union(int[] parent, int a, int b) {
        int ra = root(parent, a);
        int rb = root(parent, b);
        if (ra != rb) {
            // The earlier message's root stays the root: groups are listed in order of their first message.
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}

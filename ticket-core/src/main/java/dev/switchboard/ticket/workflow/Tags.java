package dev.switchboard.ticket.workflow;

import dev.switchboard.ticket.web.BadRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Plain rules for ticket tags: lower case, letters, digits and {@code - _ : .}, at most 50 characters. */
public final class Tags {
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}_:.-]{0,49}");

    private Tags() {
    }

    /** The tags as stored; an invalid one is a 400 rather than being silently changed. */
    public static List<String> normalise(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        return tags.stream()
                .map(tag -> tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT))
                .peek(tag -> {
                    if (!VALID.matcher(tag).matches()) {
                        throw new BadRequestException("invalid tag '" + tag
                                + "': letters, digits, - _ : . and at most 50 characters");
                    }
                })
                .distinct()
                .toList();
    }

    public static String[] apply(String[] current, List<String> add, List<String> remove) {
        TreeSet<String> tags = new TreeSet<>(current == null ? List.of() : Arrays.asList(current));
        tags.addAll(add);
        remove.forEach(tags::remove);
        return tags.toArray(String[]::new);
    }
}

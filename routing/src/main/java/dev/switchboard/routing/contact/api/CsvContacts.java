package dev.switchboard.routing.contact.api;

import dev.switchboard.routing.contact.identity.Identities;
import dev.switchboard.routing.contact.identity.Identity;
import dev.switchboard.routing.contact.identity.InvalidIdentityException;
import dev.switchboard.routing.contact.merge.ContactFields;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a contacts CSV: header row
 * {@code name,email,phone,company,plan,revenue_band,customer_since,language,location,products},
 * products separated by {@code ;}, dates as YYYY-MM-DD. Every line is judged on its own: a bad
 * line is reported, the others are kept.
 */
public final class CsvContacts {
    static final List<String> REQUIRED = List.of("name", "email", "phone");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .setIgnoreEmptyLines(true)
            .get();

    private CsvContacts() {
    }

    /** One data line: a contact to store, or the reason it cannot be. {@code line} counts the header as 1. */
    public record Line(long line, ContactFields fields, SortedSet<Identity> identities, String rejection) {
        public boolean rejected() {
            return rejection != null;
        }
    }

    /** @throws InvalidIdentityException when the header lacks name, email or phone (the whole file is wrong) */
    public static List<Line> read(String csv, Identities identities) {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv == null ? "" : csv), FORMAT)) {
            List<String> missing = REQUIRED.stream().filter(h -> !parser.getHeaderMap().containsKey(h)).toList();
            if (!missing.isEmpty()) {
                throw new InvalidIdentityException("the CSV header lacks " + missing
                        + "; expected name,email,phone,company,plan,revenue_band,customer_since,language,location,products");
            }
            List<Line> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                lines.add(line(record, identities));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Line line(CSVRecord record, Identities identities) {
        long line = record.getRecordNumber() + 1;
        try {
            SortedSet<Identity> found = new TreeSet<>();
            String email = get(record, "email");
            String phone = get(record, "phone");
            if (email != null) {
                found.add(identities.email(email));
            }
            if (phone != null) {
                found.add(identities.phone(phone));
            }
            if (found.isEmpty()) {
                return new Line(line, null, null, "needs an email or a phone");
            }
            ContactFields fields = new ContactFields(get(record, "name"), get(record, "company"), get(record, "plan"),
                    get(record, "revenue_band"), date(get(record, "customer_since")), get(record, "language"),
                    get(record, "location"), products(get(record, "products")));
            return new Line(line, fields, found, null);
        } catch (IllegalArgumentException e) {
            return new Line(line, null, null, e.getMessage());
        }
    }

    private static LocalDate date(String written) {
        try {
            return written == null ? null : LocalDate.parse(written);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("customer_since is not a date (YYYY-MM-DD): " + written);
        }
    }

    private static List<String> products(String written) {
        return written == null ? List.of() : Arrays.stream(written.split(";"))
                .map(String::trim)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    private static String get(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isBlank() ? null : value;
    }
}

package dev.switchboard.routing.classify;

import dev.switchboard.contract.routing.Classification;
import java.util.List;
import java.util.Objects;

/** A classification and why: one line per rule that contributed, plus defaults and language. */
public record ClassificationResult(Classification classification, List<String> reasons) {
    public ClassificationResult {
        Objects.requireNonNull(classification, "classification");
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }
}

package dev.switchboard.routing.assignment;

import java.time.Duration;
import java.time.Instant;

/**
 * What waiting does to a work item: every {@code widenAfter} the required skill level drops by
 * one (never below 1), and after {@code escalateAfter} first-line work goes to tier 2.
 */
public record WaitPolicy(Duration widenAfter, Duration escalateAfter) {

    public WorkItem effective(WorkItem work, Instant now) {
        Duration waited = Duration.between(work.receivedAt(), now);
        if (waited.isNegative()) {
            return work;
        }
        int level = work.minSkillLevel();
        if (work.skill() != null && !widenAfter.isZero()) {
            level = (int) Math.max(1, work.minSkillLevel() - waited.dividedBy(widenAfter));
        }
        int tier = work.tier() == 1 && waited.compareTo(escalateAfter) >= 0 ? 2 : work.tier();
        if (level == work.minSkillLevel() && tier == work.tier()) {
            return work;
        }
        return new WorkItem(work.messageId(), work.conversationKey(), work.channel(), work.priority(), work.skill(),
                level, work.product(), work.language(), tier, work.receivedAt(), work.dueAt(), work.declinedBy());
    }
}

package dev.medi.ai.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The per-department daily token budget of the AI engines. */
@ConfigMapping(prefix = "medi.ai.budget")
public interface BudgetConfig {

    /** Model tokens (input + output) one department may spend per calendar day; 0 or less: no limit. */
    @WithDefault("2000000")
    long dailyTokensPerDepartment();

    /** The calendar of the budget's days (the clinic's time zone): a spent budget is free again at its midnight. */
    @WithDefault("Europe/Berlin")
    String timeZone();
}

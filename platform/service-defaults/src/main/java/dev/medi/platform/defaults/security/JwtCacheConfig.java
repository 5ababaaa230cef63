package dev.medi.platform.defaults.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of the {@link VerifiedTokenCache}: {@code medi.jwt.cache.*}. */
@ConfigMapping(prefix = "medi.jwt.cache")
public interface JwtCacheConfig {

    /** Off: every request verifies its token again (signature, claims). */
    @WithDefault("true")
    boolean enabled();

    /**
     * Longest time a verified token is reused without verifying it again; a token is never reused past its
     * {@code exp} either. Also how long a token signed with a withdrawn key can still be accepted.
     */
    @WithDefault("60s")
    Duration maxAge();

    /** Upper bound on remembered tokens; the least useful are evicted first. */
    @WithDefault("10000")
    long maxEntries();
}

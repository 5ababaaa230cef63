package dev.medi.platform.testing;

import dev.medi.devstack.DevKeys;
import dev.medi.devstack.DevTokens;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;
import java.util.List;

/** Access tokens for tests, signed with the key {@link MediInfrastructure} generated for this run. */
public final class TestTokens {

    /** A valid token for a user holding {@code roles}, member of the demo departments. */
    public static String forRoles(String... roles) {
        return tokens().accessToken("test." + roles[0], List.of(roles), DemoData.DEPARTMENTS);
    }

    /** A valid token for a user holding {@code roles}, member of {@code departments}. */
    public static String forRolesIn(List<String> departments, String... roles) {
        return tokens().accessToken("test." + roles[0], List.of(roles), departments);
    }

    /** The signer, for tokens with unusual claims. */
    public static DevTokens tokens() {
        Config config = ConfigProvider.getConfig();
        DevKeys keys = new DevKeys(
                Path.of(config.getValue(MediInfrastructure.SIGNING_KEY, String.class)),
                Path.of(config.getValue(MediInfrastructure.VERIFICATION_KEY, String.class)),
                config.getValue(MediInfrastructure.KEY_ID, String.class));
        return new DevTokens(keys);
    }

    private TestTokens() {
    }
}

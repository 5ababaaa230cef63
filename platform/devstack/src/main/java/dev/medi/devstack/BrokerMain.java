package dev.medi.devstack;

import java.lang.reflect.Method;

/**
 * Entry point of the Kafka broker process: arms the {@link ParentWatchdog}, then runs {@code kafka.Kafka}.
 * Loaded from a class file copied next to the broker jars, so it must only use the JDK.
 */
public final class BrokerMain {

    public static void main(String[] args) throws Exception {
        long parentPid = Long.parseLong(args[0]);
        // System.exit runs Kafka's own shutdown hook: a controlled shutdown, logs flushed.
        ParentWatchdog.watch(parentPid, () -> System.exit(0));
        String[] kafkaArgs = new String[args.length - 1];
        System.arraycopy(args, 1, kafkaArgs, 0, kafkaArgs.length);
        Method main = Class.forName("kafka.Kafka").getMethod("main", String[].class);
        main.invoke(null, (Object) kafkaArgs);
    }

    private BrokerMain() {
    }
}

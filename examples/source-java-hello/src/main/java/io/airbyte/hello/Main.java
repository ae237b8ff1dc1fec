package io.airbyte.hello;

import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny Airbyte source (JDK only): spec, check, discover, read with one stream. */
public final class Main {
  private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"message\":{\"type\":\"string\"}}}";

  private Main() {}

  private static void emit(String json) {
    System.out.println(json);
    System.out.flush();
  }

  private static String option(String[] args, String name) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return null;
  }

  public static void main(String[] args) throws Exception {
    String command = args.length > 0 ? args[0] : "";
    switch (command) {
      case "spec":
        emit("{\"type\":\"SPEC\",\"spec\":{\"documentationUrl\":\"https://docs.airbyte.com/integrations/sources/java-hello\","
            + "\"connectionSpecification\":{\"type\":\"object\",\"properties\":{\"greeting\":{\"type\":\"string\",\"default\":\"hello\"}}}}}");
        break;
      case "check": {
        String config = option(args, "--config");
        boolean ok = config != null && Files.isReadable(Path.of(config));
        emit("{\"type\":\"CONNECTION_STATUS\",\"connectionStatus\":{\"status\":\"" + (ok ? "SUCCEEDED" : "FAILED") + "\"}}");
        break;
      }
      case "discover":
        emit("{\"type\":\"CATALOG\",\"catalog\":{\"streams\":[{\"name\":\"greetings\",\"json_schema\":" + SCHEMA
            + ",\"supported_sync_modes\":[\"full_refresh\"]}]}}");
        break;
      case "read": {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
          emit("{\"type\":\"RECORD\",\"record\":{\"stream\":\"greetings\",\"data\":{\"id\":" + i + ",\"message\":\"hello from java #" + i
              + "\"},\"emitted_at\":" + now + "}}");
        }
        emit("{\"type\":\"STATE\",\"state\":{\"type\":\"STREAM\",\"stream\":{\"stream_descriptor\":{\"name\":\"greetings\"},\"stream_state\":{\"done\":true}}}}");
        break;
      }
      default:
        System.err.println("usage: source-java-hello spec|check|discover|read [--config FILE] [--catalog FILE]");
        System.exit(2);
    }
  }
}

// A loopback stand-in for Slack, PagerDuty, Teams and a webhook receiver, for scripts/demo only (not in
// the product jar): it accepts what `viplane notify` sends and prints one line per request, as each
// channel would show it. Run: java -cp "target/app/lib/*" scripts/NotifySink.java PORT
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

public class NotifySink {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        server.createContext("/", NotifySink::handle);
        server.start();
        System.out.println("notify sink listening on 127.0.0.1:" + args[0]);
    }

    private static void handle(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        JsonNode b;
        try {
            b = JSON.readTree(x.getRequestBody().readAllBytes());
        } catch (IOException e) {
            answer(x, 400, "invalid_payload");
            return;
        }
        String line;
        String reply = "ok";
        int status = 200;
        if (path.startsWith("/slack/")) {
            line = "Slack #" + path.substring(7) + " <- " + b.path("text").asText() + "  (" + b.path("blocks").size() + " blocks)";
        } else if (path.endsWith("/chat.postMessage")) {
            line = "Slack chat.postMessage " + b.path("channel").asText() + " <- " + b.path("text").asText();
            reply = "{\"ok\":true,\"channel\":\"" + b.path("channel").asText() + "\",\"ts\":\"" + System.currentTimeMillis() / 1000 + ".000100\"}";
        } else if (path.startsWith("/pd")) {
            String action = b.path("event_action").asText();
            line = "PagerDuty <- " + action + (action.equals("trigger") ? ": " + b.at("/payload/summary").asText()
                    + " [" + b.at("/payload/severity").asText() + "]" : "") + " (dedup " + b.path("dedup_key").asText() + ")";
            status = 202;
            reply = "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"" + b.path("dedup_key").asText() + "\"}";
        } else if (path.startsWith("/teams/")) {
            JsonNode body = b.at("/attachments/0/content/body");
            line = "Teams " + path.substring(7) + " <- Adaptive Card " + b.at("/attachments/0/content/version").asText()
                    + ": " + body.path(0).path("text").asText() + " | " + body.path(1).path("text").asText();
            status = 202;
            reply = "";
        } else if (path.startsWith("/hook/")) {
            line = "Webhook " + path.substring(6) + " <- " + b.path("event").asText() + " " + b.path("delivery_id").asText()
                    + (x.getRequestHeaders().containsKey("X-viplane-signature") ? " (signed)" : " (unsigned)");
        } else {
            answer(x, 404, "no_service");
            return;
        }
        synchronized (NotifySink.class) {
            System.out.println(line);
            System.out.flush();
        }
        answer(x, status, reply);
    }

    private static void answer(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }
}

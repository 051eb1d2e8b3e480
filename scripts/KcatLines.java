// For scripts/demo only (not in the product jar): prints the records of one topic of a replay file
// (viplane generate's JSON lines) as `key<TAB>value` lines, for `kcat -P -K '\t' -Z` to publish. kcat
// partitions with librdkafka's default (CRC32 of the key), not the Java client's murmur2: the demo's CRM
// state reaches the pipeline the way most outside producers send it.
// Run: java -cp "target/app/lib/*" scripts/KcatLines.java FILE TOPIC
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;

public class KcatLines {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                JsonNode r = json.readTree(line);
                if (!r.path("topic").asText().equals(args[1])) {
                    continue;
                }
                JsonNode v = r.get("value");
                String value = v == null || v.isNull() ? "" : json.writeValueAsString(v); // empty: a tombstone with -Z
                System.out.println(r.path("key").asText() + "\t" + value);
            }
        }
    }
}

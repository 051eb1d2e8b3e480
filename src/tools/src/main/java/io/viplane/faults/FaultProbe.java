package io.viplane.faults;

import java.io.FileWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Load and output probe for {@code scripts/faults}: sends CREATED ticket events for 50 T1 accounts (round robin)
 * at a steady rate (occurred_at = now; the event id carries the send time), reads support.tickets.routed
 * (read_committed) and writes one line per routed ticket: "&lt;send ms&gt; &lt;arrival ms&gt;". It runs until
 * killed and rides out broker restarts (the clients retry). Arguments: BOOTSTRAP RATE_PER_S OUT_FILE.
 */
public final class FaultProbe {
    private static final int ACCOUNTS = 50;
    private static final Pattern SOURCE = Pattern.compile("\"source_event_id\":\"fp-(\\d+)-\\d+\"");

    public static void main(String[] args) throws Exception {
        String bootstrap = args[0];
        int rate = Integer.parseInt(args[1]);
        PrintWriter out = new PrintWriter(new FileWriter(args[2], StandardCharsets.UTF_8), true);
        Thread reader = new Thread(() -> read(bootstrap, out), "probe-reader");
        reader.setDaemon(true);
        reader.start();
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("delivery.timeout.ms", 600_000);
        p.put("max.block.ms", 600_000);
        p.put("linger.ms", 5);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (int a = 0; a < ACCOUNTS; a++) {
                producer.send(new ProducerRecord<>("crm.accounts", "fp-acc" + a, "{\"account_id\":\"fp-acc" + a
                        + "\",\"name\":\"Probe\",\"arr\":900000,\"updated_at\":\"" + Instant.now().minusSeconds(3600) + "\"}")).get();
            }
            long seq = 0;
            long next = System.currentTimeMillis();
            while (true) {
                long now = System.currentTimeMillis();
                if (now < next) {
                    Thread.sleep(next - now);
                    continue;
                }
                next += 1000 / rate;
                long sent = System.currentTimeMillis();
                String ticket = "fp-t" + seq;
                String value = "{\"event_id\":\"fp-" + sent + "-" + seq + "\",\"ticket_id\":\"" + ticket
                        + "\",\"account_id\":\"fp-acc" + (seq % ACCOUNTS) + "\",\"type\":\"CREATED\",\"priority\":\"NORMAL\",\"status\":\"NEW\","
                        + "\"occurred_at\":\"" + Instant.ofEpochMilli(sent) + "\",\"subject\":\"probe\",\"body\":\"probe\"}";
                producer.send(new ProducerRecord<>("support.tickets", ticket, value));
                seq++;
            }
        }
    }

    private static void read(String bootstrap, PrintWriter out) {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("group.id", "fault-probe-" + System.nanoTime());
        p.put("isolation.level", "read_committed");
        p.put("auto.offset.reset", "earliest");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("support.tickets.routed"));
            while (true) {
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(100))) {
                    Matcher m = r.value() == null ? null : SOURCE.matcher(r.value());
                    if (m != null && m.find()) {
                        out.println(m.group(1) + " " + System.currentTimeMillis());
                    }
                }
            }
        }
    }
}

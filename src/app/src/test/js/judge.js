// Confluent's own JavaScript Schema Registry client as a judge of viplane's Confluent wire format.
// usage: node judge.js REGISTRY_URL < request.json
// request: {"write": [{"topic": T, "value": {...}}], "read": [{"topic": T, "base64": B}]}
// answer on stdout: {"written": [base64...], "read": [value...]}
// Writers use the subject's latest schema (use.latest.version), as a producer that does not own
// the contract would; readers fetch the writer schema by the id in the frame.
'use strict';
const { SchemaRegistryClient, AvroSerializer, AvroDeserializer, SerdeType } = require('@confluentinc/schemaregistry');

async function main() {
  const url = process.argv[2];
  const chunks = [];
  for await (const c of process.stdin) chunks.push(c);
  const request = JSON.parse(Buffer.concat(chunks).toString('utf8'));
  const client = new SchemaRegistryClient({ baseURLs: [url] });
  const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true, autoRegisterSchemas: false });
  const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
  const written = [];
  for (const w of request.write || []) {
    const bytes = await serializer.serialize(w.topic, w.value);
    written.push(Buffer.from(bytes).toString('base64'));
  }
  const read = [];
  for (const r of request.read || []) {
    read.push(await deserializer.deserialize(r.topic, Buffer.from(r.base64, 'base64')));
  }
  // The client keeps HTTP connections and cache timers alive: leave once the answer is flushed.
  process.stdout.write(JSON.stringify({ written, read }, (k, v) => (typeof v === 'bigint' ? Number(v) : v)),
    () => process.exit(0));
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
  process.exit(1);
});

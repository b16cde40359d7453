/**
 * The reference the Portico figures are compared with: a bare Fastify 5 hello world on the
 * same Node (no plugins, no logging), started by bench/run.ts as its own process.
 */
import Fastify from "fastify";

const app = Fastify({ logger: false });
app.get("/", async () => ({ hello: "world" }));
await app.listen({ port: Number(process.env.PORT ?? 0), host: "127.0.0.1" });
process.on("SIGTERM", () => {
  void app.close().then(() => process.exit(0));
});

import type { CookieSerializeOptions } from "@fastify/cookie";
import type { FastifyReply } from "fastify";
import type { Config } from "../../config.ts";

export interface SessionCookie {
  name: string;
  options: CookieSerializeOptions;
}

function isLocalhost(hostname: string): boolean {
  // loopback addresses are "potentially trustworthy" origins: browsers keep Secure cookies there
  return (
    hostname === "localhost" || hostname.endsWith(".localhost") || hostname === "127.0.0.1" || hostname === "[::1]"
  );
}

/**
 * `__Host-portico_session` (HttpOnly, Secure, SameSite=Strict, Path=/) behind TLS — and on
 * http://localhost or a loopback address, where browsers accept Secure cookies. A plain-http deployment on another
 * host cannot keep a Secure cookie, so it gets `portico_session` without Secure.
 */
export function sessionCookie(config: Pick<Config, "publicUrl">): SessionCookie {
  const url = new URL(config.publicUrl);
  const secure = url.protocol === "https:" || isLocalhost(url.hostname);
  return {
    name: secure ? "__Host-portico_session" : "portico_session",
    options: { path: "/", httpOnly: true, sameSite: "strict", secure },
  };
}

export function setSessionCookie(reply: FastifyReply, cookie: SessionCookie, token: string): void {
  reply.setCookie(cookie.name, token, cookie.options);
}

export function clearSessionCookie(reply: FastifyReply, cookie: SessionCookie): void {
  reply.clearCookie(cookie.name, cookie.options);
}

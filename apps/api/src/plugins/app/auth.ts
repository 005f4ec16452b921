import { AppError, isApiToken, roleIncludes } from "@baken/core";
import jwt from "@fastify/jwt";
import { authenticateApiToken, findActiveStaff, type StaffIdentity, type TokenIdentity } from "@baken/services";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { z } from "zod";

export type Role = StaffIdentity["role"];
export const SESSION_COOKIE = "baken_session";
const SIGN_IN_FIRST = "Sign in first: missing, invalid or expired token";
const staffId = z.uuid();

declare module "fastify" {
  interface FastifyContextConfig {
    /** The least role a staff route needs. Every route in the staff scope must say (checked at start). */
    role?: Role;
  }
  interface FastifyRequest {
    staff: StaffIdentity;
    /** The API token the request came with (the staff user is its creator), or null for a session. */
    apiToken: TokenIdentity["token"] | null;
  }
  interface FastifyInstance {
    /** onRequest hook for a scope of staff routes: authenticates, then checks the route's `config.role`. */
    requireStaff(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

declare module "@fastify/jwt" {
  interface FastifyJWT {
    /** epoch: the account's session epoch at sign-in (none before there were epochs: 0) */
    payload: { sub: string; role: Role; epoch?: number };
  }
}

/**
 * Staff authentication: a short-lived JWT, sent as a Bearer token (API clients) or in an httpOnly,
 * SameSite=Strict cookie (the console, so no script can read it), or an API token (`baken_…`) as a Bearer
 * token. Each request re-reads the user (and the token), so disabling an account, changing a role or
 * revoking a token takes effect at once.
 */
export default fp(
  async (app) => {
    const { jwtSecret, jwtExpiresIn } = app.ctx.config.auth;
    await app.register(jwt, {
      secret: jwtSecret,
      sign: { expiresIn: jwtExpiresIn },
      cookie: { cookieName: SESSION_COOKIE, signed: false },
    });

    app.decorateRequest("staff", null as unknown as StaffIdentity);
    app.decorateRequest("apiToken", null);

    app.decorate("requireStaff", async (request: FastifyRequest) => {
      const role = request.routeOptions.config.role;
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
      if (bearer && isApiToken(bearer)) {
        const found = await authenticateApiToken(app.ctx, { token: bearer, ip: request.ip });
        if (!found) throw new AppError("unauthorized", SIGN_IN_FIRST);
        if (!role) throw new AppError("forbidden", "This route has no role set");
        request.staff = found.staff;
        request.apiToken = found.token;
        requireRole(request, role);
        return;
      }
      let payload: { sub?: unknown; epoch?: unknown };
      try {
        // Bearer header first; the cookie only when there is none.
        payload = await request.jwtVerify<{ sub: string; role: Role; epoch?: number }>({ onlyCookie: false });
      } catch {
        throw new AppError("unauthorized", SIGN_IN_FIRST);
      }
      // We only sign staff ids; anything else (a token signed with a leaked secret, say) is not a session.
      const subject = staffId.safeParse(payload.sub);
      if (!subject.success) throw new AppError("unauthorized", SIGN_IN_FIRST);
      const session = await findActiveStaff(app.ctx, subject.data);
      if (!session) throw new AppError("unauthorized", "This account is disabled or no longer exists");
      if ((payload.epoch ?? 0) !== session.sessionEpoch) {
        throw new AppError("unauthorized", "This account's password was reset since you signed in: sign in again");
      }
      if (!role) throw new AppError("forbidden", "This route has no role set");
      request.staff = session.staff;
      requireRole(request, role);
    });
  },
  { name: "baken-auth", dependencies: ["baken-context", "baken-security"] },
);

/**
 * 403 unless the signed-in user has at least `role`: for a part of a route that needs more than the route
 * (`what` says which part). What needs an admin needs a person: an API token is refused whatever its role.
 */
export function requireRole(request: FastifyRequest, role: Role, what?: string) {
  const { staff } = request;
  const needs = what ? `${what} needs` : "This needs";
  if (role === "admin" && request.apiToken) {
    throw new AppError("forbidden", `${needs} an administrator signed in; API tokens cannot do it`);
  }
  if (!roleIncludes(staff.role, role)) {
    throw new AppError("forbidden", `${needs} the ${role} role; you are ${staff.role}`);
  }
}

/** An actor for the audit trail from a signed-in request: the user, and the token it acted through. */
export const actorOf = (request: FastifyRequest) => ({
  id: request.staff.id,
  email: request.staff.email,
  ip: request.ip,
  tokenId: request.apiToken?.id ?? null,
});

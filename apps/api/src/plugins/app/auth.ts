import { AppError } from "@baken/core";
import jwt from "@fastify/jwt";
import { findActiveStaff, type StaffIdentity } from "@baken/services";
import type { FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { z } from "zod";

export type Role = StaffIdentity["role"];
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
export const SESSION_COOKIE = "baken_session";
const staffId = z.uuid();

declare module "fastify" {
  interface FastifyContextConfig {
    /** The least role a staff route needs. Every route in the staff scope must say (checked at start). */
    role?: Role;
  }
  interface FastifyRequest {
    staff: StaffIdentity;
  }
  interface FastifyInstance {
    /** onRequest hook for a scope of staff routes: authenticates, then checks the route's `config.role`. */
    requireStaff(request: FastifyRequest, reply: FastifyReply): Promise<void>;
  }
}

declare module "@fastify/jwt" {
  interface FastifyJWT {
    payload: { sub: string; role: Role };
  }
}

/**
 * Staff authentication: a short-lived JWT, sent as a Bearer token (API clients) or in an httpOnly,
 * SameSite=Strict cookie (the console, so no script can read it). Each request re-reads the user, so
 * disabling an account or changing a role takes effect at once.
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

    app.decorate("requireStaff", async (request: FastifyRequest) => {
      const role = request.routeOptions.config.role;
      let payload: { sub?: unknown };
      try {
        // Bearer header first; the cookie only when there is none.
        payload = await request.jwtVerify<{ sub: string; role: Role }>({ onlyCookie: false });
      } catch {
        throw new AppError("unauthorized", "Sign in first: missing, invalid or expired token");
      }
      // We only sign staff ids; anything else (a token signed with a leaked secret, say) is not a session.
      const subject = staffId.safeParse(payload.sub);
      if (!subject.success) throw new AppError("unauthorized", "Sign in first: missing, invalid or expired token");
      const staff = await findActiveStaff(app.ctx, subject.data);
      if (!staff) throw new AppError("unauthorized", "This account is disabled or no longer exists");
      if (!role) throw new AppError("forbidden", "This route has no role set");
      request.staff = staff;
      requireRole(request, role);
    });
  },
  { name: "baken-auth", dependencies: ["baken-context", "baken-security"] },
);

/**
 * 403 unless the signed-in user has at least `role`: for a part of a route that needs more than the route
 * (`what` says which part).
 */
export function requireRole(request: FastifyRequest, role: Role, what?: string) {
  const { staff } = request;
  if (RANK[staff.role] < RANK[role]) {
    throw new AppError("forbidden", `${what ? `${what} needs` : "This needs"} the ${role} role; you are ${staff.role}`);
  }
}

/** An actor for the audit trail from a signed-in request. */
export const actorOf = (request: FastifyRequest) => ({
  id: request.staff.id,
  email: request.staff.email,
  ip: request.ip,
});

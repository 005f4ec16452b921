import { Column } from "./columns.ts";
import type { RipeCollector } from "./ripe-collector.ts";

const NONE = -1;

/** Contacts interned as (role, org) pairs: every range of a LIR shares one. */
export class ReachContacts {
  readonly mailbox = new Column(Int32Array);
  readonly role = new Column(Int32Array);
  readonly org = new Column(Int32Array);
  size = 0;
  private readonly ids = new Map<number, number>();
  constructor(private readonly c: RipeCollector) {}

  /** A range's or aut-num's contact: its own abuse-c, else its org's abuse-c; NONE if neither has a mailbox. */
  of(abuseC: number, org: number): number {
    const c = this.c;
    if (abuseC >= 0 && c.roleMailbox.getOr(abuseC) >= 0) return this.id(abuseC, NONE);
    const orgRole = org >= 0 ? c.orgAbuseC.getOr(org) : NONE;
    if (orgRole >= 0 && c.roleMailbox.getOr(orgRole) >= 0) return this.id(orgRole, org);
    return NONE;
  }

  private id(role: number, org: number): number {
    const key = role * (this.c.handles.length + 1) + org + 1;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.size++;
      this.ids.set(key, id);
      this.mailbox.set(id, this.c.roleMailbox.getOr(role));
      this.role.set(id, role);
      this.org.set(id, org);
    }
    return id;
  }
}

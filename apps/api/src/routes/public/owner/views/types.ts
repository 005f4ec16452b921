import type { OwnerFormError } from "@baken/core";
import type { OwnerView } from "@baken/services";

// What the owner's pages are rendered from, beside the view and the texts.

export type Cert = { name: string; phone: string; website: string; email: string };
export type Host = OwnerView["hosts"][number];
export type Form = { token: string };
export type Posted = { scope: "all" | "hosts"; values: Record<string, unknown>; errors: OwnerFormError[] };

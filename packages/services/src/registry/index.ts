export { importRegistry, type RegistryImportResult } from "./import-registry.ts";
export { createOrganization } from "./create-organization.ts";
export { updateOrganization, deleteOrganization, type OrganizationChanges } from "./update-organization.ts";
export { listOrganizations, getOrganization, type OrganizationQuery } from "./list-organizations.ts";
export { addContact, updateContact, removeContact, type ContactInput } from "./manage-contacts.ts";
export { addIdentifier, removeIdentifier } from "./manage-identifiers.ts";
export { getFallback, getMatcher, loadMatcher, matcherIsCurrent } from "./load-matcher.ts";
export type { OrganizationView, ContactView, IdentifierKind } from "@baken/db";

export { createMailer, isPermanentSmtpError, type Mailer, type OutgoingMail, type SendResult } from "./transport.ts";
export { loadSigningKey, readEncryptionKey, type SigningKey, type EncryptionKey } from "./pgp.ts";
export * from "./notice/index.ts";
export * from "./report/index.ts";
export * from "./xarf/index.ts";
export * from "./bounces/index.ts";

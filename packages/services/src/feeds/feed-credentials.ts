import type { Config } from "@baken/config";
import { AppError, openSecret, sealSecret } from "@baken/core";

/** A Shadowserver account's credentials, as the client needs them. */
export type FeedCredentials = { apiKey: string; secret: string };

/** Sealed for the source `id`: what the database keeps. */
export const sealCredentials = (config: Pick<Config, "feeds">, id: string, c: FeedCredentials) =>
  sealSecret(config.feeds.secretKey, JSON.stringify(c), `feed_source:${id}`);

/** The credentials of source `id`, or an AppError that says to enter them again. */
export function openCredentials(config: Pick<Config, "feeds">, id: string, sealed: string | null): FeedCredentials {
  if (!sealed) throw new AppError("unauthorized", "This feed has no API key and secret: enter them");
  return JSON.parse(openSecret(config.feeds.secretKey, sealed, `feed_source:${id}`)) as FeedCredentials;
}

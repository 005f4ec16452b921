import { bounceMailbox } from "@baken/core";
import { readdirSync, readFileSync } from "node:fs";
import type { BounceVerdict } from "../src/index.ts";

// Each fixture is one raw message as it reaches the bounce address (fixtures/bounces/<name>.eml, written
// for this project) and its expected verdict and SMTP envelope (<name>.expected.json). Their tags were made
// with this secret for notice ids 7d3e1c9a-5b2f-4c61-9a0e-0000000000NN.

export const FIXTURE_TAG_SECRET = "baken-fixture-bounce-secret-0123456789";
export const fixtureMailbox = bounceMailbox("bounces@cert.example", "CERT Baken <cert@cert.example>");

export type BounceFixture = {
  name: string;
  raw: Buffer;
  envelope: { from: string; to: string[] };
  verdict: BounceVerdict;
};

const dir = new URL("./fixtures/bounces/", import.meta.url);

export const bounceFixtures: BounceFixture[] = readdirSync(dir)
  .filter((f) => f.endsWith(".eml"))
  .sort()
  .map((f) => {
    const name = f.replace(/\.eml$/, "");
    const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), "utf8"));
    return { name, raw: readFileSync(new URL(f, dir)), ...expected };
  });

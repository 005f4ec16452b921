import type { Config } from "@baken/config";
import { pino } from "pino";

export const logger = (config: Config) => pino({ level: config.logLevel, base: { service: "worker" } });

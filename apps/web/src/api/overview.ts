// The overview: campaigns with their figures, the registry, the queues.
import { call } from "./http.ts";

export const getOverview = () => call("get", "/api/overview/");

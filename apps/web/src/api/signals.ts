// Signals: what needs a person (the landing page), and the navigation's counts.
import { call } from "./http.ts";
import type { SignalFilter, SignalKind } from "./types.ts";

export const listSignals = (filter: SignalFilter, page: number, pageSize = 50) =>
  call("get", "/api/signals/", {
    query: { state: filter.state, kind: filter.kind, limit: pageSize, offset: (page - 1) * pageSize },
  });

export const countSignals = () => call("get", "/api/signals/counts");

export const handleSignal = (kind: SignalKind, subjectId: string, note: string) =>
  call("post", "/api/signals/{kind}/{subjectId}/handle", { params: { kind, subjectId }, body: { note } });

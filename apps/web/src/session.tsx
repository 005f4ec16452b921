import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { api, type ConsoleSettings, type Role, type Staff } from "./api/index.ts";
import { setUnauthorizedHandler } from "./api/http.ts";

type Session = {
  staff: Staff;
  settings: ConsoleSettings;
  signOut: () => Promise<void>;
};

type SessionState =
  { kind: "loading" } | { kind: "signed-out"; expired: boolean } | { kind: "signed-in"; staff: Staff };

const SessionContext = createContext<Session | null>(null);

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };
export const hasRole = (staff: Staff, least: Role) => RANK[staff.role] >= RANK[least];

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside a signed-in console");
  return session;
}

/** True when the signed-in user may do what needs `least`: pages show no button that would fail. */
export function useCan(least: Role) {
  return hasRole(useSession().staff, least);
}

/**
 * Who is signed in, asked of the API (GET /api/auth/me) on load: the session itself is the httpOnly cookie,
 * which this code can neither read nor leak. Any 401 from any call shows the sign-in again.
 */
export function SessionGate({
  signIn,
  children,
}: {
  signIn: (props: { onSignedIn: (s: Staff) => void; expired: boolean }) => ReactNode;
  children: ReactNode;
}) {
  const [state, setState] = useState<SessionState>({ kind: "loading" });
  const [settings, setSettings] = useState<ConsoleSettings>({ mailCatcherUrl: null, certName: "Baken" });

  useEffect(() => {
    const controller = new AbortController();
    api.auth.me(controller.signal).then(
      (staff) => setState({ kind: "signed-in", staff }),
      (err: Error) => {
        if (err.name !== "AbortError") setState({ kind: "signed-out", expired: false });
      },
    );
    void api.auth.settings().then(setSettings);
    setUnauthorizedHandler(() => setState((s) => (s.kind === "signed-in" ? { kind: "signed-out", expired: true } : s)));
    return () => {
      controller.abort();
      setUnauthorizedHandler(null);
    };
  }, []);

  const signOut = useCallback(async () => {
    await api.auth.logout().catch(() => {});
    setState({ kind: "signed-out", expired: false });
  }, []);

  const session = useMemo(
    () => (state.kind === "signed-in" ? { staff: state.staff, settings, signOut } : null),
    [state, settings, signOut],
  );

  if (state.kind === "loading") {
    return (
      <p className="page-loading" role="status">
        Loading the console…
      </p>
    );
  }
  if (state.kind === "signed-out")
    return signIn({ onSignedIn: (staff) => setState({ kind: "signed-in", staff }), expired: state.expired });
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

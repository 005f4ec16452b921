import { useState, type FormEvent } from "react";
import { api, type Staff } from "../api/index.ts";
import { ErrorBox } from "../components/status.tsx";
import { useAction } from "../lib/use-async.ts";

export function SignInPage({ onSignedIn, expired }: { onSignedIn: (staff: Staff) => void; expired: boolean }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const { busy, error, act } = useAction();

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!(await act(async () => onSignedIn(await api.auth.login(email, password))))) setPassword("");
  }

  return (
    <main id="main" className="sign-in">
      <form onSubmit={submit} className="card" aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">Sign in to Baken</h1>
        {expired && !error && (
          <p className="notice" role="status">
            Your session has ended. Sign in again to continue.
          </p>
        )}
        <ErrorBox error={error} title="Sign-in failed" />
        <label htmlFor="email">E-mail</label>
        <input
          id="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          autoFocus
        />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? "Signing in…" : "Sign in"}
          </button>
        </div>
      </form>
    </main>
  );
}

import { useState, type DragEvent, type ReactNode } from "react";
import type { UploadProgress } from "../api/index.ts";
import { bytes } from "../lib/format.ts";
import { ProgressBar } from "./progress-bar.tsx";

export type UploadState = { phase: "idle" } | { phase: "sending"; progress: UploadProgress } | { phase: "processing" };

/** The area files are dropped on (or chosen in, through the input the caller puts in it). */
function DropZone(props: {
  id: string;
  label: string;
  hint: ReactNode;
  disabled?: boolean;
  onDrop: (files: File[]) => void;
  children: ReactNode;
}) {
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    if (!props.disabled && e.dataTransfer.files.length > 0) props.onDrop([...e.dataTransfer.files]);
  };
  return (
    <div
      className={`drop-zone${over ? " over" : ""}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
      data-testid={`${props.id}-drop`}
    >
      <label htmlFor={props.id}>{props.label}</label>
      <p className="hint">{props.hint}</p>
      {props.children}
    </div>
  );
}

/**
 * Pick a file by drag and drop or with the file chooser (the keyboard path); the caller uploads it.
 * The progress bar follows the bytes sent, then says the server is reading the file.
 */
export function FileDrop(props: {
  id: string;
  label: string;
  hint: ReactNode;
  accept?: string;
  file: File | null;
  onFile: (f: File | null) => void;
  disabled?: boolean;
}) {
  return (
    <DropZone {...props} onDrop={(files) => props.onFile(files[0]!)}>
      <input
        id={props.id}
        type="file"
        accept={props.accept}
        disabled={props.disabled}
        onChange={(e) => props.onFile(e.target.files?.[0] ?? null)}
      />
      {props.file && (
        <p className="chosen">
          Chosen: <strong>{props.file.name}</strong> ({bytes(props.file.size)})
        </p>
      )}
    </DropZone>
  );
}

/** FileDrop for several files at once (a RIPE dump's split files): each drop or choice replaces the set. */
export function FilesDrop(props: {
  id: string;
  label: string;
  hint: ReactNode;
  files: File[];
  onFiles: (f: File[]) => void;
  disabled?: boolean;
}) {
  return (
    <DropZone {...props} onDrop={props.onFiles}>
      <input
        id={props.id}
        type="file"
        multiple
        disabled={props.disabled}
        onChange={(e) => props.onFiles([...(e.target.files ?? [])])}
      />
      {props.files.length > 0 && (
        <ul className="chosen" aria-label="Chosen files">
          {props.files.map((f) => (
            <li key={f.name}>
              <strong>{f.name}</strong> ({bytes(f.size)})
            </li>
          ))}
        </ul>
      )}
    </DropZone>
  );
}

export function UploadProgressBar({ state }: { state: UploadState }) {
  if (state.phase === "idle") return null;
  if (state.phase === "processing")
    return <ProgressBar label="Upload" value={null} text="Uploaded; the server is reading and matching the file…" />;
  const { loaded, total } = state.progress;
  return (
    <ProgressBar
      label="Upload"
      value={total ? loaded : null}
      max={total}
      text={total ? `${bytes(loaded)} of ${bytes(total)} sent` : `${bytes(loaded)} sent`}
    />
  );
}

import * as RadixToast from '@radix-ui/react-toast';
import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import { CloseIcon } from './icons';
import './toast.css';

export type ToastTone = 'success' | 'error' | 'info';

export interface ToastOptions {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** How long the toast stays; errors default to longer so they can be read. */
  durationMs?: number;
}

interface ToastEntry extends Required<Pick<ToastOptions, 'title' | 'tone'>> {
  id: number;
  description: string | undefined;
  durationMs: number | undefined;
  isOpen: boolean;
}

interface ToastApi {
  toast: (options: ToastOptions) => void;
}

const ToastContext = createContext<ToastApi | null>(null);

/** Time for the exit animation before a closed toast leaves the DOM. */
const EXIT_MS = 250;
const TONE_LABEL: Record<ToastTone, string> = { success: 'Success', error: 'Error', info: 'Notice' };

export function ToastProvider({ children }: { children: ReactNode }) {
  const [entries, setEntries] = useState<ToastEntry[]>([]);
  const nextId = useRef(1);

  const toast = useCallback((options: ToastOptions) => {
    const tone = options.tone ?? 'info';
    const entry: ToastEntry = {
      id: nextId.current++,
      title: options.title,
      description: options.description,
      tone,
      durationMs: options.durationMs ?? (tone === 'error' ? 10_000 : undefined),
      isOpen: true,
    };
    setEntries((current) => [...current, entry]);
  }, []);

  const close = useCallback((id: number) => {
    setEntries((current) => current.map((e) => (e.id === id ? { ...e, isOpen: false } : e)));
    setTimeout(() => setEntries((current) => current.filter((e) => e.id !== id)), EXIT_MS);
  }, []);

  const api = useMemo(() => ({ toast }), [toast]);

  return (
    <ToastContext value={api}>
      <RadixToast.Provider swipeDirection="right" label="Notification">
        {children}
        {entries.map((entry) => (
          <RadixToast.Root
            key={entry.id}
            className={`ui-toast ui-toast--${entry.tone}`}
            open={entry.isOpen}
            onOpenChange={(isOpen) => (isOpen ? undefined : close(entry.id))}
            duration={entry.durationMs}
            // Errors interrupt the screen reader; confirmations wait their turn.
            type={entry.tone === 'error' ? 'foreground' : 'background'}
          >
            <span className="ui-toast__marker" aria-hidden="true" />
            <div className="ui-toast__text">
              <RadixToast.Title className="ui-toast__title">
                <span className="visually-hidden">{TONE_LABEL[entry.tone]}: </span>
                {entry.title}
              </RadixToast.Title>
              {entry.description ? (
                <RadixToast.Description className="ui-toast__description">{entry.description}</RadixToast.Description>
              ) : null}
            </div>
            <RadixToast.Close className="ui-toast__close" aria-label="Dismiss notification">
              <CloseIcon width={16} height={16} />
            </RadixToast.Close>
          </RadixToast.Root>
        ))}
        <RadixToast.Viewport className="ui-toast-viewport" />
      </RadixToast.Provider>
    </ToastContext>
  );
}

/** `const { toast } = useToast(); toast({ title: 'Saved', tone: 'success' })`. */
export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToast must be used inside <ToastProvider>.');
  return api;
}

/**
 * Termination signals: ThreatConnect stops an app with a signal, and tcex then exits 1 with a fixed
 * message after the usual exit steps (flush outputs, write message.tc).
 */

/** The message.tc text after a termination signal (tcex's wording). */
export const INTERRUPT_MESSAGE = 'The App received an interrupt signal and will now exit.';

export const TERMINATION_SIGNALS: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Where the listeners go: `process`, or an EventEmitter in tests. */
export interface SignalSource {
  on(event: NodeJS.Signals, listener: () => void): unknown;
  off(event: NodeJS.Signals, listener: () => void): unknown;
}

/**
 * Runs `handler` once on the first SIGINT, SIGTERM or SIGHUP. Later signals are swallowed (the
 * listeners stay installed so they cannot kill the process mid-exit). The handler should not reject:
 * a rejection is left unhandled, so Node ends the process with code 1. Returns the uninstall function.
 */
export function onTerminationSignal(
  handler: (signal: NodeJS.Signals) => Promise<void>,
  source: SignalSource = process,
): () => void {
  let handled = false;
  // one listener per signal, so the handler learns the signal even from a bare process.emit('SIGTERM')
  const listeners = TERMINATION_SIGNALS.map((signal) => {
    const listener = (): void => {
      if (handled) return;
      handled = true;
      void handler(signal);
    };
    source.on(signal, listener);
    return [signal, listener] as const;
  });
  let installed = true;
  return () => {
    if (!installed) return;
    installed = false;
    for (const [signal, listener] of listeners) source.off(signal, listener);
  };
}

import Glibc
import Synchronization

/// SIGINT, SIGTERM, SIGHUP and SIGQUIT while the screen is taken: the handler only records
/// the signal, and `readEvent` (which polls in short slices) turns it into an event, so the
/// terminal is restored by ordinary code instead of ncurses' handler calling `_exit`.
enum TerminationSignals {
    static let pending = Atomic<Int32>(0)
    static let handled: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Installs the recording handler and returns the previous actions for `restore`.
    static func install() -> [sigaction] {
        // Touch the global first so the handler never runs its lazy initialiser.
        pending.store(0, ordering: .relaxed)
        var previous: [sigaction] = []
        for signal in handled {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                TerminationSignals.pending.store(signal, ordering: .relaxed)
            }
            sigemptyset(&action.sa_mask)
            // No SA_RESTART: a blocked read returns at once and the loop sees the flag.
            action.sa_flags = 0
            var old = sigaction()
            sigaction(signal, &action, &old)
            previous.append(old)
        }
        return previous
    }

    static func restore(_ previous: [sigaction]) {
        for (signal, action) in zip(handled, previous) {
            var action = action
            sigaction(signal, &action, nil)
        }
    }

    /// The signal received since the last call, if any, clearing it.
    static func take() -> Int32? {
        let signal = pending.exchange(0, ordering: .relaxed)
        return signal == 0 ? nil : signal
    }
}

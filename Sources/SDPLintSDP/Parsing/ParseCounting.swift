#if DEBUG
import Synchronization

/// Counts the session descriptions parsed in a task and its child tasks, in debug builds only,
/// so that a test can show that a pipeline parses each description once (the reader parses it,
/// every later stage reads that parse).
package enum ParseCounting {
    package final class Counter: Sendable {
        private let count = Atomic<Int>(0)

        package init() {}

        /// Calls of the SDP parser on a whole description (fragments are not counted).
        package var parses: Int { count.load(ordering: .relaxed) }

        func parsed() { count.add(1, ordering: .relaxed) }
    }

    /// The counter of the running task, if a test set one.
    @TaskLocal package static var counter: Counter?
}
#endif

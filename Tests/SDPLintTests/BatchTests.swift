import Foundation
import SDPLint
import Testing

/// Batch runs work on every core but delivers in order, and never lets the inputs in flight
/// cost more than the budget together.
@Suite struct BatchTests {
    /// What the workers saw: the cost in flight at its highest, and how many ran at once.
    final class Meter: @unchecked Sendable {
        private let lock = NSLock()
        private var cost = 0
        private var running = 0
        private(set) var highestCost = 0
        private(set) var mostAtOnce = 0
        var runningNow: Int { lock.withLock { running } }

        func start(_ amount: Int) {
            lock.withLock {
                cost += amount
                running += 1
                highestCost = max(highestCost, cost)
                mostAtOnce = max(mostAtOnce, running)
            }
        }

        func end(_ amount: Int) {
            lock.withLock {
                cost -= amount
                running -= 1
            }
        }
    }

    @Test func deliversInOrderWithinTheBudget() {
        let costs = (0..<400).map { [5, 40, 1, 70, 20][$0 % 5] }
        let meter = Meter()
        var delivered: [Int] = []
        Batch.forEach(
            Array(costs.indices), window: 8, budget: 100, cost: { costs[$0] },
            work: { index in
                // An input costs from the start of its work until its result is delivered.
                meter.start(costs[index])
                usleep(UInt32(50 + (index * 37) % 200))
                return index * 2
            },
            deliver: { position, result in
                #expect(result == position * 2)
                delivered.append(position)
                meter.end(costs[position])
            })
        #expect(delivered == Array(costs.indices))
        #expect(meter.highestCost <= 100)
        #expect(meter.highestCost >= 70, "inputs ran side by side")
    }

    @Test func anInputOverTheBudgetRunsAlone() {
        let costs = [10, 10, 500, 10, 10, 10]
        let meter = Meter()
        let alone = Meter()
        var delivered: [Int] = []
        Batch.forEach(
            Array(costs.indices), budget: 100, cost: { costs[$0] },
            work: { index in
                meter.start(costs[index])
                if costs[index] > 100 {
                    // Clamped to the budget, the large input fills it: nothing else starts or
                    // is still running while it runs.
                    for _ in 0..<10 {
                        alone.start(meter.runningNow)
                        usleep(2_000)
                    }
                }
                usleep(2_000)
                meter.end(costs[index])
                return index
            },
            deliver: { _, index in delivered.append(index) })
        #expect(delivered == Array(costs.indices))
        #expect(alone.mostAtOnce == 10)
        #expect(alone.highestCost == 10, "ten samples of one input running")
    }

    @Test func noInputIsDeliveredTwiceOrLostWithManyWorkers() {
        var seen = Set<Int>()
        Batch.forEach(
            Array(0..<5000), work: { $0 },
            deliver: { position, value in
                #expect(position == value)
                #expect(seen.insert(value).inserted)
            })
        #expect(seen.count == 5000)
    }
}

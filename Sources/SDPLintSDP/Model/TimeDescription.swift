public import SDPLintDiagnostics

extension SessionDescription {
    /// A `t=` line with the `r=` and `z=` lines that refine it.
    ///
    /// [RFC 8866 §5.9–5.11](https://www.rfc-editor.org/rfc/rfc8866#section-5.9)
    /// ```
    /// time-description   = time-field [repeat-description]
    /// repeat-description = 1*repeat-field [zone-field]
    /// time-field         = %s"t" "=" start-time SP stop-time CRLF
    /// ```
    public struct TimeDescription: Sendable, Hashable, CustomStringConvertible {
        /// Start, in seconds since 1900-01-01 UTC (NTP), or 0 for "now" / unbounded.
        public var start: UInt64 { didSet { verbatim = nil } }
        /// Stop, in NTP seconds, or 0 for an unbounded session (what WebRTC always sends).
        public var stop: UInt64 { didSet { verbatim = nil } }
        /// The `r=` lines.
        public var repeats: [RepeatTime]
        /// The `z=` line, if any.
        public var zoneAdjustments: ZoneAdjustments?
        var verbatim: String?
        /// The line this was read from (`SourceLine.none` when built in code); not part of equality.
        public internal(set) var sourceLine: SourceLine = .none

        public init(
            start: UInt64 = 0, stop: UInt64 = 0, repeats: [RepeatTime] = [], zoneAdjustments: ZoneAdjustments? = nil
        ) {
            self.start = start
            self.stop = stop
            self.repeats = repeats
            self.zoneAdjustments = zoneAdjustments
        }

        /// The value after `t=`.
        public var description: String {
            var text = ""
            write(to: &text)
            return text
        }

        /// Appends the value after `t=`.
        public func write(to output: inout String) {
            write(into: &output)
        }

        func write<Sink: TextSink>(into output: inout Sink) {
            if let verbatim {
                output.write(verbatim)
                return
            }
            output.write(decimal: start)
            output.write(literal: " ")
            output.write(decimal: stop)
        }
    }

    /// A number of seconds, optionally written with a unit: `7d`, `25h`, `30m`, `10s`, `3600`.
    ///
    /// ```
    /// typed-time          = 1*DIGIT [fixed-len-time-unit]
    /// fixed-len-time-unit = %s"d" / %s"h" / %s"m" / %s"s"
    /// ```
    public struct TypedTime: Sendable, Hashable, CustomStringConvertible {
        public enum Unit: Character, Sendable, Hashable, CaseIterable {
            case days = "d"
            case hours = "h"
            case minutes = "m"
            case seconds = "s"

            /// Seconds in one unit.
            public var seconds: UInt64 {
                switch self {
                case .days: 86_400
                case .hours: 3_600
                case .minutes: 60
                case .seconds: 1
                }
            }
        }

        public var value: UInt64
        public var unit: Unit?

        public init(_ value: UInt64, unit: Unit? = nil) {
            self.value = value
            self.unit = unit
        }

        /// The duration in seconds, or `nil` if it does not fit 64 bits.
        public var seconds: UInt64? {
            let (product, overflow) = value.multipliedReportingOverflow(by: unit?.seconds ?? 1)
            return overflow ? nil : product
        }

        public var description: String {
            guard let unit else { return String(value) }
            return String(value) + String(unit.rawValue)
        }

        /// Writes ``description``.
        func write<Sink: TextSink>(into output: inout Sink) {
            output.write(decimal: value)
            switch unit {
            case .days: output.write(literal: "d")
            case .hours: output.write(literal: "h")
            case .minutes: output.write(literal: "m")
            case .seconds: output.write(literal: "s")
            case nil: break
            }
        }
    }

    /// An `r=` line: when a session repeats.
    ///
    /// [RFC 8866 §5.10](https://www.rfc-editor.org/rfc/rfc8866#section-5.10)
    /// ```
    /// repeat-field = %s"r" "=" repeat-interval SP typed-time 1*(SP typed-time) CRLF
    /// ```
    public struct RepeatTime: Sendable, Hashable, CustomStringConvertible {
        public var interval: TypedTime { didSet { verbatim = nil } }
        public var duration: TypedTime { didSet { verbatim = nil } }
        /// Offsets from the start time; at least one.
        public var offsets: [TypedTime] { didSet { verbatim = nil } }
        var verbatim: String?

        public init(interval: TypedTime, duration: TypedTime, offsets: [TypedTime]) {
            self.interval = interval
            self.duration = duration
            self.offsets = offsets
        }

        public var description: String {
            var text = ""
            write(to: &text)
            return text
        }

        /// Appends the value after `r=`.
        public func write(to output: inout String) {
            write(into: &output)
        }

        func write<Sink: TextSink>(into output: inout Sink) {
            if let verbatim {
                output.write(verbatim)
                return
            }
            interval.write(into: &output)
            output.write(literal: " ")
            duration.write(into: &output)
            for offset in offsets {
                output.write(literal: " ")
                offset.write(into: &output)
            }
        }
    }

    /// A `z=` line: daylight-saving adjustments to the preceding repeat times.
    ///
    /// [RFC 8866 §5.11](https://www.rfc-editor.org/rfc/rfc8866#section-5.11)
    /// ```
    /// zone-field = %s"z" "=" time SP ["-"] typed-time *(SP time SP ["-"] typed-time) CRLF
    /// ```
    public struct ZoneAdjustments: Sendable, Hashable, CustomStringConvertible {
        public struct Adjustment: Sendable, Hashable {
            /// When the adjustment applies, in NTP seconds.
            public var time: UInt64
            public var offset: TypedTime
            /// Whether the offset is subtracted.
            public var isNegative: Bool

            public init(time: UInt64, offset: TypedTime, isNegative: Bool = false) {
                self.time = time
                self.offset = offset
                self.isNegative = isNegative
            }
        }

        public var adjustments: [Adjustment] { didSet { verbatim = nil } }
        var verbatim: String?

        public init(_ adjustments: [Adjustment]) { self.adjustments = adjustments }

        public var description: String {
            var text = ""
            write(to: &text)
            return text
        }

        /// Appends the value after `z=`.
        public func write(to output: inout String) {
            write(into: &output)
        }

        func write<Sink: TextSink>(into output: inout Sink) {
            if let verbatim {
                output.write(verbatim)
                return
            }
            var first = true
            for adjustment in adjustments {
                if !first { output.write(literal: " ") }
                first = false
                output.write(decimal: adjustment.time)
                if adjustment.isNegative { output.write(literal: " -") } else { output.write(literal: " ") }
                adjustment.offset.write(into: &output)
            }
        }
    }
}

#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

#if canImport(Glibc)
private let streamSocket = Int32(SOCK_STREAM.rawValue)
private let datagramSocket = Int32(SOCK_DGRAM.rawValue)
#else
private let streamSocket = SOCK_STREAM
private let datagramSocket = SOCK_DGRAM
#endif

/// A collector's socket: the HEP packets capture agents send to it, over UDP (each datagram a
/// packet) or TCP (packets one after another on each connection, several connections at once),
/// read as one stream of whole packets for ``HEPStreamDecoder``. It ends when `shouldStop`
/// says so (the command's interrupt), checked at least every 200 ms.
package final class HEPListener: ByteSource {
    /// Where to listen: `hep://127.0.0.1:9060` (UDP, as agents send by default),
    /// `hep+udp://…`, `hep+tcp://[::1]:9061`.
    package struct Address: Sendable, Hashable, CustomStringConvertible {
        package var host: String
        package var port: UInt16
        package var tcp: Bool

        package init?(_ url: String) {
            let schemes = [("hep://", false), ("hep+udp://", false), ("hep+tcp://", true)]
            guard let (scheme, tcp) = schemes.first(where: { url.lowercased().hasPrefix($0.0) }) else { return nil }
            let rest = url.dropFirst(scheme.count)
            let host: Substring
            let port: Substring
            if rest.hasPrefix("[") {
                guard let close = rest.firstIndex(of: "]"), rest[rest.index(after: close)...].hasPrefix(":") else {
                    return nil
                }
                host = rest[rest.index(after: rest.startIndex)..<close]
                port = rest[rest.index(close, offsetBy: 2)...]
            } else {
                guard let colon = rest.lastIndex(of: ":") else { return nil }
                host = rest[..<colon]
                port = rest[rest.index(after: colon)...]
            }
            guard !host.isEmpty, let number = UInt16(port) else { return nil }
            self.host = String(host)
            self.port = number
            self.tcp = tcp
        }

        package var description: String {
            let host = self.host.contains(":") ? "[\(self.host)]" : self.host
            return "hep\(tcp ? "+tcp" : "")://\(host):\(port)"
        }
    }

    package let address: Address
    /// The port bound: the address's, or the one the system chose for port 0.
    package private(set) var port: UInt16 = 0
    private let listening: Int32
    private let shouldStop: @Sendable () -> Bool
    /// Open TCP connections and the bytes of each not yet a whole packet.
    private var connections: [(socket: Int32, pending: [UInt8])] = []
    private var scratch = [UInt8](repeating: 0, count: 65_536)
    /// The largest packet a TCP connection may announce before it is dropped.
    static let maximumPacket = 65_535
    /// The most TCP connections open at once; more wait in the backlog.
    static let maximumConnections = 256

    /// Binds the socket.
    ///
    /// - Throws: ``CaptureError`` (unreadable) when the address does not resolve or the socket
    ///   cannot be bound (the port is in use, or privileged).
    package init(_ address: Address, shouldStop: @escaping @Sendable () -> Bool) throws(CaptureError) {
        self.address = address
        self.shouldStop = shouldStop
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        hints.ai_socktype = address.tcp ? streamSocket : datagramSocket
        var found: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(address.host, String(address.port), &hints, &found)
        guard status == 0, let info = found else {
            throw CaptureError(
                .unreadable, offset: 0, "cannot resolve \(address.host): \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(info) }
        let descriptor = socket(info.pointee.ai_family, info.pointee.ai_socktype, info.pointee.ai_protocol)
        guard descriptor >= 0 else { throw Self.failure("cannot open a socket") }
        if address.tcp {
            // A restarted listener may bind while old connections linger in TIME_WAIT. Not for
            // UDP, where the option would let two collectors share the port.
            var on: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        }
        guard bind(descriptor, info.pointee.ai_addr, info.pointee.ai_addrlen) == 0,
            !address.tcp || listen(descriptor, 64) == 0
        else {
            let error = Self.failure("cannot listen on \(address)")
            close(descriptor)
            throw error
        }
        listening = descriptor
        var bound = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        _ = withUnsafeMutablePointer(to: &bound) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = withUnsafePointer(to: &bound) { pointer in
            pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    deinit {
        for connection in connections { close(connection.socket) }
        close(listening)
    }

    private static func failure(_ what: String) -> CaptureError {
        CaptureError(.unreadable, offset: 0, "\(what): \(String(cString: strerror(errno)))")
    }

    /// Waits for the next packets and appends them whole; 0 once stopped.
    package func read(into buffer: inout [UInt8], upTo count: Int) throws(CaptureError) -> Int {
        let before = buffer.count
        while buffer.count == before {
            if shouldStop() {
                // What connections sent of a packet not yet whole goes on once, for the decoder
                // to report as cut short.
                for index in connections.indices {
                    buffer += connections[index].pending
                    connections[index].pending = []
                }
                return buffer.count - before
            }
            var watched = [pollfd(fd: listening, events: Int16(POLLIN), revents: 0)]
            watched += connections.map { pollfd(fd: $0.socket, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&watched, nfds_t(watched.count), 200)
            if ready < 0 {
                if errno == EINTR { continue }
                throw Self.failure("cannot wait on \(address)")
            }
            guard ready > 0 else { continue }
            if watched[0].revents != 0 {
                if address.tcp { acceptConnection() } else { receiveDatagram(into: &buffer) }
            }
            // Connections are read in reverse so that closing one does not move the others.
            for index in stride(from: watched.count - 1, through: 1, by: -1) where watched[index].revents != 0 {
                receive(connection: index - 1, into: &buffer)
            }
        }
        return buffer.count - before
    }

    private func receiveDatagram(into buffer: inout [UInt8]) {
        let got = scratch.withUnsafeMutableBytes { recv(listening, $0.baseAddress, $0.count, 0) }
        if got > 0 { buffer += scratch[0..<got] }
    }

    private func acceptConnection() {
        let connection = accept(listening, nil, nil)
        guard connection >= 0 else { return }
        guard connections.count < Self.maximumConnections else {
            close(connection)
            return
        }
        connections.append((connection, []))
    }

    /// Reads what a connection sent; hands over its whole packets. Bytes that cannot begin a
    /// packet are passed on as they are, for the decoder to report and skip.
    private func receive(connection index: Int, into buffer: inout [UInt8]) {
        let descriptor = connections[index].socket
        let got = scratch.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard got > 0 else {
            // Closed: what is left is an incomplete packet, handed over for the decoder to report.
            buffer += connections[index].pending
            close(descriptor)
            connections.remove(at: index)
            return
        }
        connections[index].pending += scratch[0..<got]
        var pending = connections[index].pending
        var start = 0
        framing: while start < pending.count {
            switch HEPPacket.header(pending, at: start) {
            case .length(let length):
                guard pending.count - start >= length else { break framing }
                buffer += pending[start..<(start + length)]
                start += length
            case .incomplete:
                break framing
            case .notHEP3:
                // Not a packet: everything up to the next HEP3 goes on as it is. The last 3
                // bytes wait: they may begin a packet whose magic is cut.
                var next = start + 1
                while next + 4 <= pending.count, !HEPPacket.startsPacket(pending[next..<(next + 4)]) { next += 1 }
                buffer += pending[start..<next]
                start = next
                if next + 4 > pending.count { break framing }
            }
        }
        pending.removeFirst(start)
        connections[index].pending = pending
    }
}

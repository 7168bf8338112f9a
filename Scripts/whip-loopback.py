#!/usr/bin/env python3
"""A WHIP session on loopback, for the Signaling tests.

Reads HTTP/1.1 requests on standard input, one after another as the Signaling module writes them,
sends each byte for byte over a new TCP connection to a small http.server that plays a WHIP
endpoint (RFC 9725 sections 4.2 and 4.3.1), and prints the exchange: each request as sent, then
the response as Python's http.client read it. Only the Python standard library and 127.0.0.1.

  python3 Scripts/whip-loopback.py < requests.http > exchange.http
"""
import http.client
import http.server
import socket
import sys
import threading

ETAG = '"sdplint-1"'


class WHIPSession(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def read_body(self):
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def reply(self, code, headers=(), body=b""):
        self.send_response(code)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        offer = self.read_body()
        if self.headers.get_content_type() != "application/sdp":
            return self.reply(415)
        # An answer the tests can tell from the offer: the DTLS role is chosen.
        answer = offer.replace(b"a=setup:actpass", b"a=setup:passive")
        self.reply(201, [
            ("Location", "/whip/session/1"),
            ("ETag", ETAG),
            ("Link", '<stun:stun.example.net>; rel="ice-server"'),
            ("Content-Type", "application/sdp"),
        ], answer)

    def do_PATCH(self):
        self.read_body()
        if self.headers.get_content_type() != "application/trickle-ice-sdpfrag":
            return self.reply(415)
        if self.headers.get("If-Match") not in (ETAG, "*"):
            return self.reply(412)
        self.send_response(204)
        self.end_headers()

    def do_DELETE(self):
        self.reply(200)


def requests(data):
    """Splits the input into requests framed by Content-Length."""
    position = 0
    while position < len(data):
        end = data.index(b"\r\n\r\n", position) + 4
        length = 0
        for line in data[position:end].split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value.strip())
        yield data[position:end + length]
        position = end + length


def main():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), WHIPSession)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    out = sys.stdout.buffer
    try:
        for request in requests(sys.stdin.buffer.read()):
            with socket.create_connection(server.server_address, timeout=10) as connection:
                connection.sendall(request)
                response = http.client.HTTPResponse(connection)
                response.begin()
                body = response.read()
                out.write(request)
                out.write(b"HTTP/1.1 %d %s\r\n" % (response.status, response.reason.encode()))
                for name, value in response.getheaders():
                    if name.lower() not in ("server", "date"):
                        out.write(b"%s: %s\r\n" % (name.encode(), value.encode()))
                out.write(b"\r\n" + body)
    finally:
        server.shutdown()


if __name__ == "__main__":
    main()

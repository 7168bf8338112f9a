#!/usr/bin/env python3
"""Real SIP over TCP on loopback where message boundaries and segment boundaries differ.

The client sends two OPTIONS requests in one write (one segment carries two messages), then a
MESSAGE request in three writes 50 ms apart with TCP_NODELAY (one message spans three
segments). The server answers the two OPTIONS with two 200 responses in one write and the
MESSAGE with one. Both sides then close. Run inside a network namespace while dumpcap listens.
"""
import socket
import threading
import time

HOST, PORT = "127.0.0.1", 5070


def message(start_line, call_id, cseq, body=b"", extra=b""):
    head = (start_line + b"\r\n"
            b"Via: SIP/2.0/TCP 127.0.0.1:40000;branch=z9hG4bK-" + call_id + b"\r\n"
            b"From: <sip:alice@127.0.0.1>;tag=a1\r\n"
            b"To: <sip:bob@127.0.0.1>\r\n"
            b"Call-ID: " + call_id + b"@sdplint.invalid\r\n"
            b"CSeq: " + cseq + b"\r\n" + extra +
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n")
    return head + body


def serve(listener, done):
    connection, _ = listener.accept()
    connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    received = b""
    while received.count(b"CSeq: 1 OPTIONS") + received.count(b"CSeq: 2 OPTIONS") < 2:
        received += connection.recv(65536)
    connection.sendall(message(b"SIP/2.0 200 OK", b"opt1", b"1 OPTIONS") + message(b"SIP/2.0 200 OK", b"opt2", b"2 OPTIONS"))
    while b"fixture text, end." not in received:
        chunk = connection.recv(65536)
        if not chunk:
            break
        received += chunk
    connection.sendall(message(b"SIP/2.0 200 OK", b"msg1", b"3 MESSAGE"))
    while connection.recv(65536):
        pass
    connection.close()
    done.set()


def main():
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((HOST, PORT))
    listener.listen(1)
    done = threading.Event()
    threading.Thread(target=serve, args=(listener, done), daemon=True).start()

    client = socket.create_connection((HOST, PORT))
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    client.sendall(message(b"OPTIONS sip:bob@127.0.0.1 SIP/2.0", b"opt1", b"1 OPTIONS")
                   + message(b"OPTIONS sip:bob@127.0.0.1 SIP/2.0", b"opt2", b"2 OPTIONS"))
    time.sleep(0.05)
    body = b"A SIP MESSAGE body long enough to be split: " + b"lorem ipsum " * 20 + b"fixture text, end."
    whole = message(b"MESSAGE sip:bob@127.0.0.1 SIP/2.0", b"msg1", b"3 MESSAGE", body, b"Content-Type: text/plain\r\n")
    for piece in (whole[:100], whole[100:260], whole[260:]):
        client.sendall(piece)
        time.sleep(0.05)
    reply = b""
    while b"3 MESSAGE" not in reply:
        reply += client.recv(65536)
    client.shutdown(socket.SHUT_WR)
    done.wait(5)
    client.close()
    listener.close()


if __name__ == "__main__":
    main()

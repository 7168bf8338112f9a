"""Relay one Jingle <iq> and one Jingle Message Initiation <message> from alice to bob through
a real XMPP server, and print what bob received.

Used by Tests/JingleTests/LiveXMPPTests.swift:

    python3 relay.py PORT STANZA_FILE...

alice@localhost and bob@localhost (passwords "alice-pw" and "bob-pw") must exist on the
server listening on 127.0.0.1:PORT without TLS. Each file holds one stanza addressed to
bob@localhost/bob; alice sends them in order. For each stanza bob receives (an iq is answered
with a result), the script prints

    ===RECEIVED===
    <the stanza as bob's slixmpp serialized it>
    ===END===

and exits 0 once bob has them all, or 1 after 30 seconds.
Works with slixmpp 1.8 (Debian 12) and later (PyPI).
"""
import asyncio
import inspect
import sys

import slixmpp
from slixmpp.xmlstream import tostring
from slixmpp.xmlstream.handler import Callback
from slixmpp.xmlstream.matcher import MatchXPath


def plaintext(client):
    """Allow SCRAM and PLAIN without TLS: the server is on the loopback interface."""
    mechanisms = client.plugin["feature_mechanisms"]
    mechanisms.unencrypted_scram = True
    mechanisms.unencrypted_plain = True
    if hasattr(client, "enable_starttls"):
        client.enable_starttls = False
        client.enable_direct_tls = False
        client.enable_plaintext = True


def connect(client, port):
    parameters = inspect.signature(client.connect).parameters
    if "address" in parameters:
        return client.connect(("127.0.0.1", port), use_ssl=False, force_starttls=False, disable_starttls=True)
    return client.connect("127.0.0.1", port)


async def main(port, stanzas):
    loop = asyncio.get_event_loop()
    bob_ready = loop.create_future()
    done = loop.create_future()
    received = []

    bob = slixmpp.ClientXMPP("bob@localhost/bob", "bob-pw")
    alice = slixmpp.ClientXMPP("alice@localhost/alice", "alice-pw")
    for client in (alice, bob):
        client.register_plugin("feature_mechanisms")
        plaintext(client)

    def keep(stanza):
        received.append(tostring(stanza.xml))
        if len(received) == len(stanzas) and not done.done():
            done.set_result(True)

    def on_jingle(iq):
        keep(iq)
        iq.reply().send()

    bob.register_handler(Callback("jingle", MatchXPath("{jabber:client}iq/{urn:xmpp:jingle:1}jingle"), on_jingle))
    for name in ("propose", "ringing", "proceed", "accept", "reject", "retract", "finish"):
        bob.register_handler(Callback("jmi-" + name, MatchXPath("{jabber:client}message/{urn:xmpp:jingle-message:0}" + name), keep))

    async def bob_started(event):
        bob.send_presence()
        if not bob_ready.done():
            bob_ready.set_result(True)

    async def alice_started(event):
        alice.send_presence()
        for text in stanzas:
            alice.send_raw(text)

    bob.add_event_handler("session_start", bob_started)
    alice.add_event_handler("session_start", alice_started)
    connect(bob, port)
    await asyncio.wait_for(bob_ready, 30)
    connect(alice, port)
    try:
        await asyncio.wait_for(done, 30)
    finally:
        for text in received:
            print("===RECEIVED===")
            print(text)
            print("===END===")
        sys.stdout.flush()
        alice.disconnect()
        bob.disconnect()
        await asyncio.sleep(0.2)


if __name__ == "__main__":
    port = int(sys.argv[1])
    stanzas = [open(path, encoding="utf-8").read() for path in sys.argv[2:]]
    try:
        asyncio.get_event_loop().run_until_complete(main(port, stanzas))
    except asyncio.TimeoutError:
        sys.exit(1)
